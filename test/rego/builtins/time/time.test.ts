import { describe, expect, it } from 'vitest';
import { BuiltinFailure, BuiltinTypeError } from '../../../../src/rego/builtins/builtin.ts';
import { builtins } from '../../../../src/rego/builtins/time/time.ts';
import { parseDuration } from '../../../../src/rego/builtins/time/go-duration.ts';
import { caller, makeContext } from '../call-builtin.ts';

const call = caller(builtins);
const T = 1703444325734390000n; // 2023-12-24T18:58:45.73439Z, a Sunday
const T2 = 1257894000000000000n; // 2009-11-10T23:00:00Z, a Tuesday

describe('time.now_ns', () => {
  it('returns the evaluation time, the same for every call', () => {
    const ctx = makeContext();
    const c = caller(builtins, ctx);
    expect(c('time.now_ns')).toBe(ctx.nowNs);
    expect(c('time.now_ns')).toBe(c('time.now_ns'));
  });
});

describe('parsing', () => {
  it('parses RFC 3339 with fractions and offsets', () => {
    expect(call('time.parse_rfc3339_ns', '1985-04-12T23:20:50.52Z')).toBe(482196050520000000n);
    expect(call('time.parse_rfc3339_ns', '1996-12-19T16:39:57-08:00')).toBe(851042397000000000n);
    expect(call('time.parse_rfc3339_ns', '1970-01-01T00:00:00Z')).toBe(0);
  });

  it('parses Go layouts and layout names', () => {
    expect(call('time.parse_ns', '2006-01-02T15:04:05', '2016-05-10T19:06:42')).toBe(1462907202000000000n);
    expect(call('time.parse_ns', '2006-01-02 15:04:05', '2015-09-05 23:56:04')).toBe(1441497364000000000n);
    expect(call('time.parse_ns', '2006-01-02', '2020-02-02')).toBe(1580601600000000000n);
    expect(call('time.parse_ns', 'RFC1123', 'Tue, 10 Nov 2009 23:00:00 UTC')).toBe(T2);
    expect(call('time.parse_ns', 'Jan _2 3:04PM 2006', 'Nov 10 11:00PM 2009')).toBe(T2);
    expect(call('time.parse_ns', '2006-01-02T15:04:05.999999999', '2023-12-24T18:58:45.73439')).toBe(T);
    expect(call('time.parse_ns', '02/01/2006 -0700', '10/11/2009 +0100')).toBe(1257807600000000000n);
  });

  it("reports Go's parse errors", () => {
    expect(() => call('time.parse_rfc3339_ns', '2016-13-01T00:00:00Z')).toThrow(
      new BuiltinFailure('time.parse_rfc3339_ns: parsing time "2016-13-01T00:00:00Z": month out of range'),
    );
    expect(() => call('time.parse_ns', '2006-01-02', '2020-02-30')).toThrow('parsing time "2020-02-30": day out of range');
    expect(() => call('time.parse_ns', '2006-01-02', '2020/02/03')).toThrow(
      'parsing time "2020/02/03" as "2006-01-02": cannot parse "/02/03" as "-"',
    );
    expect(() => call('time.parse_ns', '2006-01-02', '2020-02-03x')).toThrow('extra text: "x"');
    expect(() => call('time.parse_ns', '2006-01-02', '1000-01-01')).toThrow('time outside of valid range');
    expect(() => call('time.parse_ns', '2006', 2006)).toThrow(BuiltinTypeError);
  });

  it('parses Go durations exactly', () => {
    expect(call('time.parse_duration_ns', '1h')).toBe(3600000000000);
    expect(call('time.parse_duration_ns', '1h6m13.3s20ms15µs1ns')).toBe(3973320015001);
    expect(call('time.parse_duration_ns', '1.2h20.2ms15µs56ns')).toBe(4320020215056);
    expect(call('time.parse_duration_ns', '15.000001ms')).toBe(15000001);
    expect(call('time.parse_duration_ns', '-2us')).toBe(-2000);
    expect(call('time.parse_duration_ns', '0')).toBe(0);
    expect(parseDuration('2562047h47m16.854775807s')).toBe((1n << 63n) - 1n);
    expect(() => call('time.parse_duration_ns', '1')).toThrow('time: missing unit in duration "1"');
    expect(() => call('time.parse_duration_ns', '1x')).toThrow('time: unknown unit "x" in duration "1x"');
    expect(() => call('time.parse_duration_ns', '')).toThrow('time: invalid duration ""');
    expect(() => call('time.parse_duration_ns', '3000000h')).toThrow('time: invalid duration "3000000h"');
  });
});

describe('breaking instants down', () => {
  it('reads date, clock and weekday in UTC by default', () => {
    expect(call('time.date', T)).toEqual([2023, 12, 24]);
    expect(call('time.clock', T)).toEqual([18, 58, 45]);
    expect(call('time.weekday', T)).toBe('Sunday');
    expect(call('time.weekday', [T2, ''])).toBe('Tuesday');
    expect(call('time.date', -1)).toEqual([1969, 12, 31]);
  });

  it('reads them in a named zone', () => {
    expect(call('time.clock', [T, 'CET'])).toEqual([19, 58, 45]);
    expect(call('time.date', [T, 'Pacific/Auckland'])).toEqual([2023, 12, 25]);
    expect(call('time.clock', [T, 'America/New_York'])).toEqual([13, 58, 45]);
    expect(() => call('time.clock', [T, 'Mars/Olympus'])).toThrow(new BuiltinFailure('time.clock: unknown time zone Mars/Olympus'));
  });

  it('rejects operands that are not instants', () => {
    expect(() => call('time.date', '1703444325734390000')).toThrow(
      new BuiltinTypeError('time.date: operand 1 must be either number (ns) or [number (ns), string (tz)] but got string'),
    );
    expect(() => call('time.date', 1.5)).toThrow(new BuiltinFailure('time.date: timestamp too big'));
    expect(() => call('time.date', 1n << 64n)).toThrow('timestamp too big');
  });
});

describe('time.format', () => {
  it('defaults to RFC 3339 with trimmed nanoseconds', () => {
    expect(call('time.format', T)).toBe('2023-12-24T18:58:45.73439Z');
    expect(call('time.format', T2)).toBe('2009-11-10T23:00:00Z');
  });

  it('formats with a zone and a layout or layout name', () => {
    expect(call('time.format', [T, 'UTC', '2006-01-02T15:04:05'])).toBe('2023-12-24T18:58:45');
    expect(call('time.format', [T2, '', '02/01/2006 15:04'])).toBe('10/11/2009 23:00');
    expect(call('time.format', [T2, 'UTC', 'RFC1123'])).toBe('Tue, 10 Nov 2009 23:00:00 UTC');
    expect(call('time.format', [T2, 'America/New_York', 'RFC3339'])).toBe('2009-11-10T18:00:00-05:00');
    expect(call('time.format', [T2, 'America/New_York', 'Mon Jan _2 3:04PM MST 2006'])).toBe('Tue Nov 10 6:00PM EST 2009');
    expect(call('time.format', [T, 'UTC', '.000 .999999 ,000000000 002 __2 06'])).toBe('.734 .73439 ,734390000 358 358 23');
    expect(() => call('time.format', [T, 'UTC', 42])).toThrow(BuiltinTypeError);
  });

  it('round-trips through parse_ns', () => {
    const text = call('time.format', [T, 'UTC', '2006-01-02T15:04:05.999999999']) as string;
    expect(call('time.parse_ns', '2006-01-02T15:04:05.999999999', text)).toBe(T);
  });
});

describe('calendar arithmetic', () => {
  it.each([
    [[0, 0, 0], T],
    [[1, 0, 0], 1735066725734390000n],
    [[60, 0, 0], 3596900325734390000n],
    [[-60, 0, 0], -190011674265610000n],
    [[0, 15, 0], 1742842725734390000n],
    [[0, -19, 0], 1653418725734390000n],
    [[0, 0, 37], 1706641125734390000n],
    [[0, 0, -37], 1700247525734390000n],
    [[10, 14, 75], 2062436325734390000n],
    [[-10, -14, -75], 1344625125734390000n],
    [[8, -3, 0], 1948042725734390000n],
  ])('adds %j to the date', (delta, want) => {
    expect(call('time.add_date', T, ...delta)).toBe(want);
  });

  it('fails when the result leaves the nanosecond range', () => {
    expect(() => call('time.add_date', T, 2147483647, 0, 0)).toThrow('time outside of valid range');
    expect(() => call('time.add_date', T, 1.5, 0, 0)).toThrow(
      new BuiltinTypeError('time.add_date: operand 2 must be integer number but got floating-point number'),
    );
  });

  it('normalises month ends like Go', () => {
    const jan31 = call('time.parse_ns', '2006-01-02', '2021-01-31');
    expect(call('time.date', call('time.add_date', jan31, 0, 1, 0)!)).toEqual([2021, 3, 3]);
  });

  it('measures calendar differences in either order', () => {
    expect(call('time.diff', T, T2)).toEqual([14, 1, 13, 19, 58, 45]);
    expect(call('time.diff', T2, T)).toEqual([14, 1, 13, 19, 58, 45]);
    const feb2 = call('time.parse_ns', '2006-01-02', '2020-02-02')!;
    const mar1 = call('time.parse_ns', '2006-01-02', '2020-03-01')!;
    expect(call('time.diff', feb2, mar1)).toEqual([0, 0, 28, 0, 0, 0]);
  });
});
