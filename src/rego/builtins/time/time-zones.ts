// Time zone offsets and abbreviations for IANA zone names, read from the ICU data that
// Node ships (Intl), so results do not depend on the machine's zoneinfo files.

export type Zone = { kind: 'utc' } | { kind: 'iana'; name: string };

export const UTC: Zone = { kind: 'utc' };

export class UnknownZoneError extends Error {}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(name: string): Intl.DateTimeFormat {
  let f = formatters.get(name);
  if (!f) {
    try {
      f = new Intl.DateTimeFormat('en-US', {
        timeZone: name,
        hourCycle: 'h23',
        era: 'short',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
        second: 'numeric',
      });
    } catch {
      throw new UnknownZoneError(`unknown time zone ${name}`);
    }
    formatters.set(name, f);
  }
  return f;
}

/** "" and "UTC" are UTC, "Local" is the zone of this process, anything else an IANA name. */
export function loadZone(name: string): Zone {
  if (name === '' || name === 'UTC') return UTC;
  const resolved = name === 'Local' ? Intl.DateTimeFormat().resolvedOptions().timeZone : name;
  if (resolved === 'UTC' || resolved === 'Etc/UTC') return UTC;
  formatter(resolved);
  return { kind: 'iana', name: resolved };
}

/** Dates JavaScript can place in a zone: the Date range, ±8.64e15 ms. */
const MAX_EPOCH_SECONDS = 8.64e12;

/** Offset from UTC in seconds at an instant given in epoch seconds. */
export function offsetAt(zone: Zone, epochSeconds: number): number {
  if (zone.kind === 'utc') return 0;
  const clamped = Math.max(-MAX_EPOCH_SECONDS, Math.min(MAX_EPOCH_SECONDS, epochSeconds));
  const parts = formatter(zone.name).formatToParts(new Date(clamped * 1000));
  const get = (t: string): number => Number(parts.find((p) => p.type === t)?.value ?? 0);
  const era = parts.find((p) => p.type === 'era')?.value;
  const year = era === 'BC' || era === 'B' ? 1 - get('year') : get('year');
  // Set the fields one by one: Date.UTC would read years 0..99 as 1900..1999.
  const local = new Date(0);
  local.setUTCFullYear(year, get('month') - 1, get('day'));
  local.setUTCHours(get('hour'), get('minute'), get('second'));
  return Math.round(local.getTime() / 1000 - clamped);
}

/**
 * The instant (epoch seconds) of a wall-clock time given as local epoch seconds, choosing
 * the offset the way Go's time.Date does around transitions.
 */
export function localToEpoch(zone: Zone, localSeconds: number): number {
  if (zone.kind === 'utc') return localSeconds;
  let off = offsetAt(zone, localSeconds);
  const candidate = localSeconds - off;
  const actual = offsetAt(zone, candidate);
  if (actual !== off) off = actual;
  return localSeconds - off;
}

/** The zone's abbreviation at an instant ("CET", "EST"), or "" when it has none. */
export function abbreviationAt(zone: Zone, epochSeconds: number): string {
  if (zone.kind === 'utc') return 'UTC';
  const clamped = Math.max(-MAX_EPOCH_SECONDS, Math.min(MAX_EPOCH_SECONDS, epochSeconds));
  for (const locale of ['en-US', 'en-GB']) {
    const name = new Intl.DateTimeFormat(locale, { timeZone: zone.name, timeZoneName: 'short' })
      .formatToParts(new Date(clamped * 1000))
      .find((p) => p.type === 'timeZoneName')?.value;
    if (name && !/^(GMT|UTC)[+\-\u2212]/.test(name)) return name;
  }
  return '';
}
