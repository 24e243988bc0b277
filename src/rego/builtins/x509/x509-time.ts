// Certificate times (ASN.1 UTCTime and GeneralizedTime) as instants, and Go's RFC 3339 text of
// them, which is how time.Time fields of a certificate reach policies.

export interface CertTime {
  /** Nanoseconds since the epoch. */
  ns: bigint;
  /** The zone offset the text gave, in minutes east of UTC (certificates nearly always use Z). */
  offset: number;
}

const UTC_TIME = /^(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(Z|[+-]\d{4})$/;
const GENERALIZED_TIME = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(?:\.(\d*[1-9]))?(Z|[+-]\d{4})$/;

/** Reads UTCTime (`utc`) or GeneralizedTime text; undefined when it is malformed. */
export function parseCertTime(text: string, utc: boolean): CertTime | undefined {
  const m = (utc ? UTC_TIME : GENERALIZED_TIME).exec(text);
  if (!m) return undefined;
  let year = Number(m[1]);
  if (utc) year += year < 50 ? 2000 : 1900;
  const [month, day, hour, min, sec] = [m[2], m[3], m[4], m[5], m[6]].map(Number) as [number, number, number, number, number];
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || min > 59 || sec > 59) return undefined;
  const fraction = utc ? '' : (m[7] ?? '');
  const zone = utc ? m[7]! : m[8]!;
  const offset = zone === 'Z' ? 0 : (zone[0] === '-' ? -1 : 1) * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(3, 5)));
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  date.setUTCHours(hour, min, sec, 0);
  if (date.getUTCDate() !== day) return undefined;
  const nanos = BigInt((fraction + '000000000').slice(0, 9));
  return { ns: BigInt(date.getTime() - offset * 60_000) * 1_000_000n + nanos, offset };
}

/** Go's time.Time JSON text (RFC 3339 with nanoseconds, trailing zeros dropped). */
export function rfc3339(t: CertTime): string {
  const local = t.ns + BigInt(t.offset) * 60_000_000_000n;
  let ms = local / 1_000_000n;
  let nanos = local % 1_000_000_000n;
  if (nanos < 0n) nanos += 1_000_000_000n;
  if (local < 0n && local % 1_000_000n !== 0n) ms -= 1n;
  const d = new Date(Number(ms));
  const pad = (n: number, w = 2) => String(n).padStart(w, '0');
  let out = `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
  if (nanos !== 0n) out += `.${nanos.toString().padStart(9, '0').replace(/0+$/, '')}`;
  if (t.offset === 0) return `${out}Z`;
  const a = Math.abs(t.offset);
  return `${out}${t.offset < 0 ? '-' : '+'}${pad(Math.floor(a / 60))}:${pad(a % 60)}`;
}
