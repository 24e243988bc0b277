// Merges data documents (policy defaults, then each --data file over them): objects merge key by
// key, anything else is replaced, so an organisation overrides one threshold without restating all.

export function mergeData(base: unknown, over: unknown): unknown {
  if (isPlainObject(base) && isPlainObject(over)) {
    const out: Record<string, unknown> = { ...base };
    for (const [k, v] of Object.entries(over)) out[k] = k in out ? mergeData(out[k], v) : v;
    return out;
  }
  return over;
}

/** Places a document under a path of keys: (['a','b'], x) -> { a: { b: x } }. */
export function nest(path: readonly string[], doc: unknown): unknown {
  return path.reduceRight<unknown>((inner, key) => ({ [key]: inner }), doc);
}

function isPlainObject(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}
