// Whether two regexp-style globs (regex.globs_match: `.`, `[a-z]`, `+`, `*`, `\` escapes,
// anchored at both ends) both match some non-empty string.

export class GlobIntersectionError extends Error {}

/** The characters an element matches: any, or a finite set of code points. */
type CharSet = { any: true } | { any: false; cps: Set<number> };

interface Element {
  chars: CharSet;
  repeat: '' | '+' | '*';
}

function invalid(pos: number, message: string): GlobIntersectionError {
  return new GlobIntersectionError(`pos:${pos}:${message}: the input provided is invalid`);
}

function parse(glob: string): Element[] {
  const cps = Array.from(glob, (c) => c.codePointAt(0)!);
  const out: Element[] = [];
  let i = 0;
  /** The next code point, and whether it was escaped. */
  const next = (): { cp: number; escaped: boolean } => {
    if (cps[i] === 0x5c) {
      if (i === cps.length - 1) throw invalid(i, 'input ends with a \\ (escape) character');
      i += 2;
      return { cp: cps[i - 1]!, escaped: true };
    }
    return { cp: cps[i++]!, escaped: false };
  };
  while (i < cps.length) {
    const { cp, escaped } = next();
    const ch = String.fromCodePoint(cp);
    if (!escaped && (ch === '+' || ch === '*')) {
      const prev = out[out.length - 1];
      if (!prev || prev.repeat !== '') {
        throw invalid(i, `flag '${ch}' must be preceded by a non-flag`);
      }
      prev.repeat = ch;
      continue;
    }
    if (!escaped && ch === ']') throw invalid(i, "set-close ']' with no preceding '['");
    if (!escaped && ch === '.') {
      out.push({ chars: { any: true }, repeat: '' });
      continue;
    }
    if (!escaped && ch === '[') {
      out.push({ chars: { any: false, cps: parseSet() }, repeat: '' });
      continue;
    }
    out.push({ chars: { any: false, cps: new Set([cp]) }, repeat: '' });
  }
  return out;

  function parseSet(): Set<number> {
    const set = new Set<number>();
    let prev: number | undefined;
    while (i < cps.length) {
      const { cp, escaped } = next();
      if (!escaped && cp === 0x2d) {
        if (prev === undefined) throw invalid(i, "range character '-' must be preceded by a Unicode character");
        if (i >= cps.length) throw invalid(i, "range character '-' must be followed by a Unicode character");
        const hi = next();
        if (!hi.escaped && (hi.cp === 0x5d || hi.cp === 0x2d)) {
          throw invalid(i, "range character '-' cannot be followed by a special symbol");
        }
        if (hi.cp < prev) {
          throw invalid(i, `range is out of order: '${String.fromCodePoint(hi.cp)}' comes before '${String.fromCodePoint(prev)}' in Unicode`);
        }
        for (let c = prev; c <= hi.cp; c++) set.add(c);
        prev = undefined;
        continue;
      }
      if (!escaped && cp === 0x5d) return set;
      set.add(cp);
      prev = cp;
    }
    throw invalid(i, 'found [ without matching ]');
  }
}

function overlap(a: CharSet, b: CharSet): boolean {
  if (a.any) return b.any || b.cps.size > 0;
  if (b.any) return a.cps.size > 0;
  const [small, big] = a.cps.size <= b.cps.size ? [a.cps, b.cps] : [b.cps, a.cps];
  for (const c of small) if (big.has(c)) return true;
  return false;
}

/**
 * Searches the product of the two globs' automata. A state is a position in each glob
 * (an element index, where `+` and `*` elements may loop) plus whether a character was read.
 */
export function globsIntersect(left: string, right: string): boolean {
  const g1 = parse(left);
  const g2 = parse(right);
  const seen = new Set<string>();
  const queue: [number, number, boolean][] = [[0, 0, false]];
  const push = (i: number, j: number, read: boolean) => {
    const key = `${i},${j},${read}`;
    if (!seen.has(key)) {
      seen.add(key);
      queue.push([i, j, read]);
    }
  };
  seen.add('0,0,false');
  while (queue.length > 0) {
    const [i, j, read] = queue.shift()!;
    if (i === g1.length && j === g2.length && read) return true;
    // A starred element may match nothing.
    if (i < g1.length && g1[i]!.repeat === '*') push(i + 1, j, read);
    if (j < g2.length && g2[j]!.repeat === '*') push(i, j + 1, read);
    if (i < g1.length && j < g2.length && overlap(g1[i]!.chars, g2[j]!.chars)) {
      const nextI = g1[i]!.repeat === '' ? [i + 1] : [i, i + 1];
      const nextJ = g2[j]!.repeat === '' ? [j + 1] : [j, j + 1];
      for (const a of nextI) for (const b of nextJ) push(a, b, true);
    }
  }
  return false;
}
