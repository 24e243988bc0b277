// Amounts of money written as the cost messages show them, ahead of the rules: the same text
// `about_usd` of policies/lib/format.rego writes (a dollar sign, three significant digits, thousands
// grouped), so a rule that fires reads it instead of formatting it in Rego on every manifest.

/** From a trillion on, Rego prints the amount ungrouped; the rules format such amounts themselves. */
const LARGEST = 999_000_000_000;

/** format.about_usd(x), or null when `x` is not a number this module writes exactly as Rego would. */
export function aboutUsdText(x: number | null): string | null {
  if (x === null || !Number.isFinite(x) || Math.abs(x) >= LARGEST) return null;
  const unit = x < 1000 ? 1 : x < 10_000 ? 10 : x < 100_000 ? 100 : x < 1_000_000 ? 1000 : x < 10_000_000 ? 10_000 : 100_000;
  return `$${grouped(roundHalfAway(x / unit) * unit)}`;
}

/** Rego's round: half away from zero, and no negative zero. */
function roundHalfAway(n: number): number {
  if (Number.isInteger(n)) return n;
  const t = Math.trunc(n);
  if (Math.abs(n - t) >= 0.5) return t + Math.sign(n);
  return t === 0 ? 0 : t;
}

/** format.grouped for an integer below a trillion: negative ones are printed as they are. */
function grouped(n: number): string {
  const digits = String(n);
  if (n < 1000) return digits;
  const lead = digits.length % 3 || 3;
  let text = digits.slice(0, lead);
  for (let i = lead; i < digits.length; i += 3) text += `,${digits.slice(i, i + 3)}`;
  return text;
}
