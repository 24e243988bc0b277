// Go's reference-time layouts ("2006-01-02T15:04:05Z07:00"): formatting broken-down times
// and parsing text back to instants, with the behaviour and error texts of Go's time package.
import { MONTH_NAMES, WEEKDAY_NAMES, daysFromCivil, daysInMonth, isLeapYear } from './civil-time.ts';

/** A time broken down in some zone, as Go's Time methods report it. */
export interface ZonedTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  nanosecond: number;
  weekday: number; // 0 = Sunday
  yearDay: number;
  offset: number; // seconds east of UTC
  zoneName: string;
}

/** Layout names OPA accepts in place of a layout. */
export const NAMED_LAYOUTS: Record<string, string> = {
  ANSIC: 'Mon Jan _2 15:04:05 2006',
  UnixDate: 'Mon Jan _2 15:04:05 MST 2006',
  RubyDate: 'Mon Jan 02 15:04:05 -0700 2006',
  RFC822: '02 Jan 06 15:04 MST',
  RFC822Z: '02 Jan 06 15:04 -0700',
  RFC850: 'Monday, 02-Jan-06 15:04:05 MST',
  RFC1123: 'Mon, 02 Jan 2006 15:04:05 MST',
  RFC1123Z: 'Mon, 02 Jan 2006 15:04:05 -0700',
  RFC3339: '2006-01-02T15:04:05Z07:00',
  RFC3339Nano: '2006-01-02T15:04:05.999999999Z07:00',
};

/** A layout element: a fixed token, or a fractional-second run of `digits` with its separator. */
type Std =
  | { kind: 'token'; token: string }
  | { kind: 'frac'; trim: boolean; digits: number; sep: string };

interface Chunk {
  prefix: string;
  std: Std | undefined;
  text: string;
  suffix: string;
}

const ZERO_TWO = ['01', '02', '03', '04', '05', '06'];
/** Offset forms after '-' or 'Z', longest first so the longest match wins. */
const OFFSET_BODIES = ['070000', '07:00:00', '0700', '07:00', '07'];

/** Splits the layout at its first element, as Go's nextStdChunk does. */
function nextChunk(layout: string): Chunk {
  const at = (i: number, token: string, adjust = 0): Chunk => ({
    prefix: layout.slice(0, i + adjust),
    std: { kind: 'token', token },
    text: token,
    suffix: layout.slice(i + adjust + token.length),
  });
  for (let i = 0; i < layout.length; i++) {
    const rest = layout.slice(i);
    const lowerNext = (n: number): boolean => /^[a-z]/.test(rest.slice(n));
    switch (layout[i]) {
      case 'J':
        if (rest.startsWith('January')) return at(i, 'January');
        if (rest.startsWith('Jan') && !lowerNext(3)) return at(i, 'Jan');
        break;
      case 'M':
        if (rest.startsWith('Monday')) return at(i, 'Monday');
        if (rest.startsWith('Mon') && !lowerNext(3)) return at(i, 'Mon');
        if (rest.startsWith('MST')) return at(i, 'MST');
        break;
      case '0':
        if (rest.length >= 2 && ZERO_TWO.includes(rest.slice(0, 2))) return at(i, rest.slice(0, 2));
        if (rest.startsWith('002')) return at(i, '002');
        break;
      case '1':
        return at(i, rest.startsWith('15') ? '15' : '1');
      case '2':
        return at(i, rest.startsWith('2006') ? '2006' : '2');
      case '_':
        if (rest.startsWith('_2')) {
          // "_2006" is a literal underscore followed by the year.
          if (rest.startsWith('_2006')) return at(i, '2006', 1);
          return at(i, '_2');
        }
        if (rest.startsWith('__2')) return at(i, '__2');
        break;
      case '3':
      case '4':
      case '5':
        return at(i, layout[i]!);
      case 'P':
        if (rest.startsWith('PM')) return at(i, 'PM');
        break;
      case 'p':
        if (rest.startsWith('pm')) return at(i, 'pm');
        break;
      case '-':
      case 'Z':
        for (const body of OFFSET_BODIES) {
          if (rest.startsWith(layout[i] + body)) return at(i, layout[i] + body);
        }
        break;
      case '.':
      case ',': {
        const ch = layout[i + 1];
        if (ch === '0' || ch === '9') {
          let j = i + 1;
          while (j < layout.length && layout[j] === ch) j++;
          // Only a run of one digit, not followed by other digits, is a fractional second.
          if (!/[0-9]/.test(layout[j] ?? '')) {
            return {
              prefix: layout.slice(0, i),
              std: { kind: 'frac', trim: ch === '9', digits: j - (i + 1), sep: layout[i]! },
              text: layout.slice(i, j),
              suffix: layout.slice(j),
            };
          }
        }
        break;
      }
    }
  }
  return { prefix: layout, std: undefined, text: '', suffix: '' };
}

function pad(n: number, width: number): string {
  const s = String(Math.abs(n)).padStart(width, '0');
  return n < 0 ? '-' + s : s;
}

function formatOffset(token: string, offset: number): string {
  if (offset === 0 && token[0] === 'Z') return 'Z';
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  const hh = pad(Math.floor(abs / 3600), 2);
  const mm = pad(Math.floor(abs / 60) % 60, 2);
  const ss = pad(abs % 60, 2);
  const body = token.slice(1);
  switch (body) {
    case '07':
      return sign + hh;
    case '0700':
      return sign + hh + mm;
    case '07:00':
      return sign + hh + ':' + mm;
    case '070000':
      return sign + hh + mm + ss;
    default:
      return sign + hh + ':' + mm + ':' + ss;
  }
}

function formatFraction(std: { trim: boolean; digits: number; sep: string }, nanosecond: number): string {
  if (std.trim && (std.digits === 0 || nanosecond === 0)) return '';
  let digits = String(nanosecond).padStart(9, '0').slice(0, std.digits);
  if (std.trim) digits = digits.replace(/0+$/, '');
  return digits === '' && std.trim ? '' : std.sep + digits;
}

/** Text of a time in a Go layout. */
export function formatTime(t: ZonedTime, layout: string): string {
  let out = '';
  let rest = layout;
  for (;;) {
    const c = nextChunk(rest);
    out += c.prefix;
    if (!c.std) return out;
    rest = c.suffix;
    if (c.std.kind === 'frac') {
      out += formatFraction(c.std, t.nanosecond);
      continue;
    }
    const hour12 = t.hour % 12 === 0 ? 12 : t.hour % 12;
    switch (c.std.token) {
      case '2006':
        out += pad(t.year, 4);
        break;
      case '06':
        out += pad(Math.abs(t.year) % 100, 2);
        break;
      case 'January':
        out += MONTH_NAMES[t.month - 1];
        break;
      case 'Jan':
        out += MONTH_NAMES[t.month - 1]!.slice(0, 3);
        break;
      case '1':
        out += String(t.month);
        break;
      case '01':
        out += pad(t.month, 2);
        break;
      case 'Monday':
        out += WEEKDAY_NAMES[t.weekday];
        break;
      case 'Mon':
        out += WEEKDAY_NAMES[t.weekday]!.slice(0, 3);
        break;
      case '2':
        out += String(t.day);
        break;
      case '_2':
        out += String(t.day).padStart(2, ' ');
        break;
      case '02':
        out += pad(t.day, 2);
        break;
      case '__2':
        out += String(t.yearDay).padStart(3, ' ');
        break;
      case '002':
        out += pad(t.yearDay, 3);
        break;
      case '15':
        out += pad(t.hour, 2);
        break;
      case '3':
        out += String(hour12);
        break;
      case '03':
        out += pad(hour12, 2);
        break;
      case '4':
        out += String(t.minute);
        break;
      case '04':
        out += pad(t.minute, 2);
        break;
      case '5':
        out += String(t.second);
        break;
      case '05':
        out += pad(t.second, 2);
        break;
      case 'PM':
        out += t.hour >= 12 ? 'PM' : 'AM';
        break;
      case 'pm':
        out += t.hour >= 12 ? 'pm' : 'am';
        break;
      case 'MST':
        out += t.zoneName !== '' ? t.zoneName : formatOffset('-0700', t.offset);
        break;
      default:
        out += formatOffset(c.std.token, t.offset);
    }
  }
}

/** Go's quoting of values in time error messages: non-ASCII and control bytes as \xNN. */
export function goTimeQuote(s: string): string {
  let out = '"';
  for (const b of Buffer.from(s, 'utf8')) {
    if (b >= 0x80 || b < 0x20) out += '\\x' + b.toString(16).padStart(2, '0');
    else {
      const c = String.fromCharCode(b);
      out += c === '"' || c === '\\' ? '\\' + c : c;
    }
  }
  return out + '"';
}

export class TimeParseError extends Error {}

class Bad extends Error {}

function isDigitAt(s: string, i: number): boolean {
  const c = s[i];
  return c !== undefined && c >= '0' && c <= '9';
}

/** One or two digits (exactly two when `fixed`). */
function getNum(s: string, fixed: boolean): [number, string] {
  if (!isDigitAt(s, 0)) throw new Bad();
  if (!isDigitAt(s, 1)) {
    if (fixed) throw new Bad();
    return [Number(s[0]), s.slice(1)];
  }
  return [Number(s.slice(0, 2)), s.slice(2)];
}

function getNum3(s: string, fixed: boolean): [number, string] {
  let i = 0;
  while (i < 3 && isDigitAt(s, i)) i++;
  if (i === 0 || (fixed && i !== 3)) throw new Bad();
  return [Number(s.slice(0, i)), s.slice(i)];
}

/** Go's atoi: optional sign, then digits only. */
function atoi(s: string): number {
  if (!/^[+-]?[0-9]+$/.test(s)) throw new Bad();
  return Number(s);
}

function lookupName(names: string[], value: string): [number, string] {
  for (let i = 0; i < names.length; i++) {
    const n = names[i]!;
    if (value.length >= n.length && value.slice(0, n.length).toLowerCase() === n.toLowerCase()) {
      return [i, value.slice(n.length)];
    }
  }
  throw new Bad();
}

/** Matches the layout's literal text; a space in the layout matches one or more spaces. */
function skip(value: string, prefix: string): string {
  let v = value;
  let p = prefix;
  while (p.length > 0) {
    if (p[0] === ' ') {
      if (v.length > 0 && v[0] !== ' ') throw new Bad();
      p = p.replace(/^ +/, '');
      v = v.replace(/^ +/, '');
      continue;
    }
    if (v.length === 0 || v[0] !== p[0]) throw new Bad();
    p = p.slice(1);
    v = v.slice(1);
  }
  return v;
}

/** Nanoseconds from a fraction ".123" of `n` characters; returns [ns, rangeError]. */
function parseNanos(value: string, n: number): number {
  if (value[0] !== '.' && value[0] !== ',') throw new Bad();
  const digits = value.slice(1, Math.min(n, 10));
  const ns = atoi(digits);
  return ns * 10 ** (10 - Math.min(n, 10));
}

/** Length of a zone abbreviation at the start of value (MST, CEST, GMT+3, ChST), or 0. */
function zoneAbbreviationLength(value: string): number {
  if (value.length < 3) return 0;
  if (value.startsWith('ChST') || value.startsWith('MeST')) return 4;
  if (value.startsWith('GMT')) return 3 + signedOffsetLength(value.slice(3));
  if (value[0] === '+' || value[0] === '-') return signedOffsetLength(value);
  let upper = 0;
  while (upper < 6 && upper < value.length && value[upper]! >= 'A' && value[upper]! <= 'Z') upper++;
  if (upper === 3) return 3;
  if (upper === 4 && (value[3] === 'T' || value.startsWith('WITA'))) return 4;
  if (upper === 5 && value[4] === 'T') return 5;
  return 0;
}

function signedOffsetLength(value: string): number {
  const m = /^[+-]([0-9]+)/.exec(value);
  if (!m || Number(m[1]) > 12) return 0;
  return m[0].length;
}

const MIN_NS = -(1n << 63n);
const MAX_NS = (1n << 63n) - 1n;

export function inNanosecondRange(ns: bigint): boolean {
  return ns >= MIN_NS && ns <= MAX_NS;
}

/**
 * Parses text in a Go layout to Unix nanoseconds. Times without a zone are UTC. Throws
 * TimeParseError with Go's message.
 */
export function parseTime(layoutText: string, valueText: string): bigint {
  const fail = (layoutElem: string, valueElem: string, message = ''): TimeParseError =>
    new TimeParseError(
      message
        ? `parsing time ${goTimeQuote(valueText)}${message}`
        : `parsing time ${goTimeQuote(valueText)} as ${goTimeQuote(layoutText)}: cannot parse ${goTimeQuote(valueElem)} as ${goTimeQuote(layoutElem)}`,
    );
  let layout = layoutText;
  let value = valueText;
  let year = 0;
  let month = -1;
  let day = -1;
  let yday = -1;
  let hour = 0;
  let minute = 0;
  let second = 0;
  let nanos = 0;
  let pm = false;
  let am = false;
  let utc = false;
  let zoneOffset: number | undefined;
  let zoneName = '';

  for (;;) {
    const c = nextChunk(layout);
    try {
      value = skip(value, c.prefix);
    } catch {
      throw fail(c.prefix, value);
    }
    if (!c.std) {
      if (value.length > 0) throw fail('', value, `: extra text: ${goTimeQuote(value)}`);
      break;
    }
    layout = c.suffix;
    const hold = value;
    let rangeError = '';
    try {
      if (c.std.kind === 'frac') {
        if (!c.std.trim) {
          const n = 1 + c.std.digits;
          if (value.length < n) throw new Bad();
          nanos = parseNanos(value, n);
          value = value.slice(n);
        } else if (value.length >= 2 && (value[0] === '.' || value[0] === ',') && isDigitAt(value, 1)) {
          let i = 0;
          while (isDigitAt(value, i + 1)) i++;
          nanos = parseNanos(value, 1 + i);
          value = value.slice(1 + i);
        }
      } else {
        const token = c.std.token;
        switch (token) {
          case '2006':
            if (value.length < 4 || !isDigitAt(value, 0)) throw new Bad();
            year = atoi(value.slice(0, 4));
            value = value.slice(4);
            break;
          case '06': {
            if (value.length < 2) throw new Bad();
            const y = atoi(value.slice(0, 2));
            year = y >= 69 ? 1900 + y : 2000 + y;
            value = value.slice(2);
            break;
          }
          case 'January':
          case 'Jan': {
            const names = token === 'Jan' ? MONTH_NAMES.map((n) => n.slice(0, 3)) : MONTH_NAMES;
            const [i, rest] = lookupName(names, value);
            month = i + 1;
            value = rest;
            break;
          }
          case '1':
          case '01':
            [month, value] = getNum(value, token === '01');
            if (month <= 0 || month > 12) rangeError = 'month';
            break;
          case 'Monday':
          case 'Mon':
            value = lookupName(token === 'Mon' ? WEEKDAY_NAMES.map((n) => n.slice(0, 3)) : WEEKDAY_NAMES, value)[1];
            break;
          case '2':
          case '_2':
          case '02':
            if (token === '_2' && value[0] === ' ') value = value.slice(1);
            [day, value] = getNum(value, token === '02');
            break;
          case '__2':
          case '002':
            for (let i = 0; i < 2; i++) if (token === '__2' && value[0] === ' ') value = value.slice(1);
            [yday, value] = getNum3(value, token === '002');
            break;
          case '15':
            [hour, value] = getNum(value, false);
            if (hour >= 24) rangeError = 'hour';
            break;
          case '3':
          case '03':
            [hour, value] = getNum(value, token === '03');
            if (hour > 12) rangeError = 'hour';
            break;
          case '4':
          case '04':
            [minute, value] = getNum(value, token === '04');
            if (minute >= 60) rangeError = 'minute';
            break;
          case '5':
          case '05': {
            [second, value] = getNum(value, token === '05');
            if (second >= 60) {
              rangeError = 'second';
              break;
            }
            // A fraction after the seconds is read even when the layout has none.
            if (value.length >= 2 && (value[0] === '.' || value[0] === ',') && isDigitAt(value, 1)) {
              const next = nextChunk(layout).std;
              if (next && next.kind === 'frac') break;
              let n = 2;
              while (isDigitAt(value, n)) n++;
              nanos = parseNanos(value, n);
              value = value.slice(n);
            }
            break;
          }
          case 'PM':
          case 'pm': {
            if (value.length < 2) throw new Bad();
            const p = value.slice(0, 2);
            value = value.slice(2);
            if (p === (token === 'PM' ? 'PM' : 'pm')) pm = true;
            else if (p === (token === 'PM' ? 'AM' : 'am')) am = true;
            else throw new Bad();
            break;
          }
          case 'MST': {
            if (value.startsWith('UTC')) {
              utc = true;
              value = value.slice(3);
              break;
            }
            const n = zoneAbbreviationLength(value);
            if (n === 0) throw new Bad();
            zoneName = value.slice(0, n);
            value = value.slice(n);
            break;
          }
          default: {
            if (token[0] === 'Z' && value[0] === 'Z') {
              utc = true;
              value = value.slice(1);
              break;
            }
            const body = token.slice(1);
            const shapes: Record<string, RegExp> = {
              '07': /^([+-])([0-9]{2})/,
              '0700': /^([+-])([0-9]{2})([0-9]{2})/,
              '07:00': /^([+-])([0-9]{2}):([0-9]{2})/,
              '070000': /^([+-])([0-9]{2})([0-9]{2})([0-9]{2})/,
              '07:00:00': /^([+-])([0-9]{2}):([0-9]{2}):([0-9]{2})/,
            };
            const m = shapes[body]!.exec(value);
            if (!m) throw new Bad();
            const hh = Number(m[2]);
            const mm = Number(m[3] ?? '0');
            const ss = Number(m[4] ?? '0');
            if (hh > 24) rangeError = 'time zone offset hour';
            if (mm > 60) rangeError = 'time zone offset minute';
            if (ss > 60) rangeError = 'time zone offset second';
            zoneOffset = (hh * 3600 + mm * 60 + ss) * (m[1] === '-' ? -1 : 1);
            value = value.slice(m[0].length);
          }
        }
      }
    } catch (e) {
      if (e instanceof Bad) throw fail(c.text, hold);
      throw e;
    }
    if (rangeError) throw fail(c.text, value, `: ${rangeError} out of range`);
  }

  if (pm && hour < 12) hour += 12;
  else if (am && hour === 12) hour = 0;

  if (yday >= 0) {
    let d = 0;
    let m = 0;
    let yd = yday;
    if (isLeapYear(year)) {
      if (yd === 31 + 29) {
        m = 2;
        d = 29;
      } else if (yd > 31 + 29) yd--;
    }
    if (yd < 1 || yd > 365) throw fail('', value, ': day-of-year out of range');
    if (m === 0) {
      // Walk a common year's months.
      m = 1;
      while (m < 12 && yd > daysFromCivil(1970, m + 1, 1) - daysFromCivil(1970, 1, 1)) m++;
      d = yd - (daysFromCivil(1970, m, 1) - daysFromCivil(1970, 1, 1));
    }
    if (month >= 0 && month !== m) throw fail('', value, ': day-of-year does not match month');
    month = m;
    if (day >= 0 && day !== d) throw fail('', value, ': day-of-year does not match day');
    day = d;
  } else {
    if (month < 0) month = 1;
    if (day < 0) day = 1;
  }
  if (day < 1 || day > daysInMonth(year, month)) throw fail('', value, ': day out of range');

  let offset = 0;
  if (!utc) {
    if (zoneOffset !== undefined) offset = zoneOffset;
    else if (zoneName.length > 3 && zoneName.startsWith('GMT')) offset = Number(zoneName.slice(3)) * 3600;
  }
  const days = BigInt(daysFromCivil(year, month, day));
  const seconds = days * 86400n + BigInt(hour * 3600 + minute * 60 + second - offset);
  return seconds * 1_000_000_000n + BigInt(nanos);
}
