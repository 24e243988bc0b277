// Time builtins with OPA's semantics: instants are integer nanoseconds since the Unix epoch
// (exact beyond 2^53), optionally paired with a zone name and a Go layout: [ns, tz, layout].
import { normalizeBig, typeName } from '../../value.ts';
import type { Value } from '../../value.ts';
import type { BuiltinDef } from '../builtin.ts';
import { BuiltinTypeError, builtinError } from '../builtin.ts';
import { civilFromDays, daysFromCivil, daysInMonth, weekdayOfDays, yearDay } from './civil-time.ts';
import { DurationError, parseDuration } from './go-duration.ts';
import { NAMED_LAYOUTS, TimeParseError, formatTime, inNanosecondRange, parseTime } from './go-time-layout.ts';
import type { ZonedTime } from './go-time-layout.ts';
import { UnknownZoneError, abbreviationAt, loadZone, localToEpoch, offsetAt } from './time-zones.ts';
import type { Zone } from './time-zones.ts';
import { integerOperand, stringOperand } from '../operands.ts';

const NS_PER_SECOND = 1_000_000_000n;

interface TimeOperand {
  ns: bigint;
  zone: Zone;
  zoneName: string;
  layout: string;
}

function floorDiv(a: bigint, b: bigint): bigint {
  const q = a / b;
  return a % b !== 0n && a < 0n !== b < 0n ? q - 1n : q;
}

/** Reads `ns` or `[ns, tz]` or `[ns, tz, layout]`, with OPA's errors. */
function timeOperand(name: string, v: Value): TimeOperand {
  const expected = 'either number (ns) or [number (ns), string (tz)]';
  let n: Value;
  let zoneName = '';
  let layout = '';
  if (Array.isArray(v)) {
    if (v.length === 0) throw new BuiltinTypeError(`${name}: operand 1 must be ${expected} but got array`);
    n = v[0]!;
    if (typeof n !== 'number' && typeof n !== 'bigint') {
      throw new BuiltinTypeError(`${name}: operand 1 must be number but got ${typeName(n)}`);
    }
    if (v.length > 1) zoneName = stringOperand(name, 1, v[1]!);
    if (v.length > 2) layout = stringOperand(name, 1, v[2]!);
  } else if (typeof v === 'number' || typeof v === 'bigint') {
    n = v;
  } else {
    throw new BuiltinTypeError(`${name}: operand 1 must be ${expected} but got ${typeName(v)}`);
  }
  if (typeof n === 'number' && !Number.isInteger(n)) throw builtinError(name, 'timestamp too big');
  const ns = typeof n === 'bigint' ? n : BigInt(n as number);
  if (!inNanosecondRange(ns)) throw builtinError(name, 'timestamp too big');
  let zone: Zone;
  try {
    zone = loadZone(zoneName);
  } catch (e) {
    if (e instanceof UnknownZoneError) throw builtinError(name, e.message);
    throw e;
  }
  return { ns, zone, zoneName, layout };
}

/** Breaks an instant down in a zone, as Go's Time.Date/Clock/Weekday report it. */
export function breakDown(ns: bigint, zone: Zone): ZonedTime {
  const epochSeconds = floorDiv(ns, NS_PER_SECOND);
  const nanosecond = Number(ns - epochSeconds * NS_PER_SECOND);
  const offset = offsetAt(zone, Number(epochSeconds));
  const local = epochSeconds + BigInt(offset);
  const days = Number(floorDiv(local, 86400n));
  const secondOfDay = Number(local - BigInt(days) * 86400n);
  const date = civilFromDays(days);
  return {
    ...date,
    hour: Math.floor(secondOfDay / 3600),
    minute: Math.floor(secondOfDay / 60) % 60,
    second: secondOfDay % 60,
    nanosecond,
    weekday: weekdayOfDays(days),
    yearDay: yearDay(date),
    offset,
    zoneName: abbreviationAt(zone, Number(epochSeconds)),
  };
}

function checkedNs(name: string, ns: bigint): Value {
  if (!inNanosecondRange(ns)) throw builtinError(name, 'time outside of valid range');
  return normalizeBig(ns);
}

function addDate(t: TimeOperand, years: bigint, months: bigint, days: bigint): Value {
  const name = 'time.add_date';
  const b = breakDown(t.ns, t.zone);
  // Far beyond the representable range either way; avoid float imprecision in the day count.
  const limit = 1_000_000n;
  if (years > limit || years < -limit || months > 12n * limit || months < -12n * limit || days > 400n * limit || days < -400n * limit) {
    throw builtinError(name, 'time outside of valid range');
  }
  const dayNumber = daysFromCivil(b.year + Number(years), b.month + Number(months), 1) + b.day - 1 + Number(days);
  const localSeconds = dayNumber * 86400 + b.hour * 3600 + b.minute * 60 + b.second;
  const epochSeconds = localToEpoch(t.zone, localSeconds);
  return checkedNs(name, BigInt(epochSeconds) * NS_PER_SECOND + BigInt(b.nanosecond));
}

/** Calendar difference [years, months, days, hours, minutes, seconds] between two instants. */
function diff(a: TimeOperand, b: TimeOperand): Value[] {
  // Both are read in the first operand's zone; the order of the operands does not matter.
  const [early, late] = a.ns <= b.ns ? [a.ns, b.ns] : [b.ns, a.ns];
  const x = breakDown(early, a.zone);
  const y = breakDown(late, a.zone);
  let years = y.year - x.year;
  let months = y.month - x.month;
  let days = y.day - x.day;
  let hours = y.hour - x.hour;
  let minutes = y.minute - x.minute;
  let seconds = y.second - x.second;
  if (seconds < 0) {
    seconds += 60;
    minutes--;
  }
  if (minutes < 0) {
    minutes += 60;
    hours--;
  }
  if (hours < 0) {
    hours += 24;
    days--;
  }
  if (days < 0) {
    days += daysInMonth(x.year, x.month);
    months--;
  }
  if (months < 0) {
    months += 12;
    years--;
  }
  return [years, months, days, hours, minutes, seconds];
}

function layoutOf(layout: string): string {
  return NAMED_LAYOUTS[layout] ?? layout;
}

function parseNs(name: string, layout: string, text: string): Value {
  let ns: bigint;
  try {
    ns = parseTime(layoutOf(layout), text);
  } catch (e) {
    if (e instanceof TimeParseError) throw builtinError(name, e.message);
    throw e;
  }
  return checkedNs(name, ns);
}

function durationNs(text: string): Value {
  try {
    return normalizeBig(parseDuration(text));
  } catch (e) {
    if (e instanceof DurationError) throw builtinError('time.parse_duration_ns', e.message);
    throw e;
  }
}

function timeFn(name: string, f: (t: ZonedTime, op: TimeOperand) => Value): BuiltinDef {
  return {
    name,
    arity: 1,
    fn: ([a]) => {
      const op = timeOperand(name, a!);
      return f(breakDown(op.ns, op.zone), op);
    },
  };
}

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

export const builtins: BuiltinDef[] = [
  { name: 'time.now_ns', arity: 0, nondeterministic: true, fn: (_args, ctx) => normalizeBig(ctx.nowNs) },
  {
    name: 'time.parse_ns',
    arity: 2,
    fn: ([layout, value]) =>
      parseNs('time.parse_ns', stringOperand('time.parse_ns', 1, layout!), stringOperand('time.parse_ns', 2, value!)),
  },
  {
    name: 'time.parse_rfc3339_ns',
    arity: 1,
    fn: ([value]) => parseNs('time.parse_rfc3339_ns', 'RFC3339', stringOperand('time.parse_rfc3339_ns', 1, value!)),
  },
  {
    name: 'time.parse_duration_ns',
    arity: 1,
    fn: ([value]) => durationNs(stringOperand('time.parse_duration_ns', 1, value!)),
  },
  timeFn('time.date', (t) => [t.year, t.month, t.day]),
  timeFn('time.clock', (t) => [t.hour, t.minute, t.second]),
  timeFn('time.weekday', (t) => WEEKDAYS[t.weekday]!),
  timeFn('time.format', (t, op) => formatTime(t, op.layout === '' ? NAMED_LAYOUTS.RFC3339Nano! : layoutOf(op.layout))),
  {
    name: 'time.add_date',
    arity: 4,
    fn: ([t, y, m, d]) =>
      addDate(
        timeOperand('time.add_date', t!),
        integerOperand('time.add_date', 2, y!, 'number'),
        integerOperand('time.add_date', 3, m!, 'number'),
        integerOperand('time.add_date', 4, d!, 'number'),
      ),
  },
  {
    name: 'time.diff',
    arity: 2,
    fn: ([a, b]) => diff(timeOperand('time.diff', a!), timeOperand('time.diff', b!)),
  },
];
