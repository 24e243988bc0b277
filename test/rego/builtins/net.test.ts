import { describe, expect, it } from 'vitest';
import { BuiltinFailure, BuiltinLimitError, BuiltinTypeError } from '../../../src/rego/builtins/builtin.ts';
import { builtins, formatIp, parseIp } from '../../../src/rego/builtins/net.ts';
import { caller, text } from './call-builtin.ts';

const call = caller(builtins);

describe('net.cidr_contains', () => {
  it.each([
    ['10.0.0.0/8', '10.1.0.0/24', true],
    ['10.0.0.0/8', '10.1.2.3', true],
    ['10.0.0.0/8', '11.1.2.3', false],
    ['10.0.0.0/24', '10.0.0.0/16', false],
    ['2001:4860:4860::8888/32', '2001:4860:4860:1234::8888/40', true],
    ['2001:4860:4860::8888/32', '2001:4860:4860:1234:5678:1234:5678:8888/128', true],
    ['2001:4860::/32', '2001:4861::1', false],
    ['10.0.0.0/8', '::ffff:10.1.2.3', true],
    ['::/0', '10.1.2.3', false],
    ['0.0.0.0/0', '::1', false],
  ])('%s contains %s: %s', (net, x, want) => {
    expect(call('net.cidr_contains', net, x)).toBe(want);
  });

  it('fails on malformed CIDRs and addresses', () => {
    expect(() => call('net.cidr_contains', 'not-a-cidr', '192.168.1.67')).toThrow(
      new BuiltinFailure('net.cidr_contains: invalid CIDR address: not-a-cidr'),
    );
    expect(() => call('net.cidr_contains', '192.168.1.0/28', 'not-a-cidr')).toThrow(BuiltinFailure);
    expect(() => call('net.cidr_contains', '10.0.0.0/33', '10.0.0.1')).toThrow(BuiltinFailure);
    expect(() => call('net.cidr_contains', 1, '10.0.0.1')).toThrow(BuiltinTypeError);
  });
});

describe('other CIDR builtins', () => {
  it('detects intersecting networks', () => {
    expect(call('net.cidr_intersects', '192.168.0.0/16', '192.168.1.0/24')).toBe(true);
    expect(call('net.cidr_intersects', '192.168.1.0/24', '192.168.0.0/16')).toBe(true);
    expect(call('net.cidr_intersects', '192.168.1.0/24', '192.168.2.0/24')).toBe(false);
    expect(call('net.cidr_intersects', 'fd1e:5bfe:8af3:9ddc::/64', 'fd1e:5bfe:8af3:9ddc:1111::/72')).toBe(true);
  });

  it('validates CIDR text strictly', () => {
    expect(['10.0.0.0/8', '::/0', '10.0.0.0', '10.0.0.0/33', '010.0.0.0/8', '::1/129', 1].map((c) => call('net.cidr_is_valid', c))).toEqual([
      true,
      true,
      false,
      false,
      false,
      false,
      false,
    ]);
  });

  it('expands small networks into address sets', () => {
    expect(text(call('net.cidr_expand', '192.168.1.1/30'))).toBe(
      '{"192.168.1.0", "192.168.1.1", "192.168.1.2", "192.168.1.3"}',
    );
    expect(text(call('net.cidr_expand', 'fe80::/127'))).toBe('{"fe80::", "fe80::1"}');
    expect(() => call('net.cidr_expand', '10.0.0.0/8')).toThrow(BuiltinLimitError);
  });

  it('reports matching pairs by index, member or key', () => {
    expect(text(call('net.cidr_contains_matches', '10.0.0.0/8', '10.1.2.3'))).toBe('{["10.0.0.0/8", "10.1.2.3"]}');
    expect(text(call('net.cidr_contains_matches', ['1.1.1.0/24', '10.0.0.0/8'], { k: '10.1.2.3', j: ['1.1.1.1', 'meta'] }))).toBe(
      '{[0, "j"], [1, "k"]}',
    );
    expect(() => call('net.cidr_contains_matches', [[]], '10.0.0.1')).toThrow('element must be string or non-empty array');
  });

  it('merges adjacent and contained networks into the fewest CIDRs', () => {
    expect(text(call('net.cidr_merge', ['192.0.128.0/24', '192.0.129.0/24']))).toBe('{"192.0.128.0/23"}');
    expect(text(call('net.cidr_merge', ['192.0.128.0/24', '192.0.130.0/24']))).toBe('{"192.0.128.0/24", "192.0.130.0/24"}');
    expect(text(call('net.cidr_merge', ['10.0.0.0/8', '10.1.0.0/16', '10.1.0.0/16']))).toBe('{"10.0.0.0/8"}');
    expect(
      text(call('net.cidr_merge', ['2601:600:8a80:207e:a57d:7567:e2c9:e7b3/64', '2601:600:8a80:207e:a57d:7567:e2c9:e7b3/128'])),
    ).toBe('{"2601:600:8a80:207e::/64"}');
    expect(() => call('net.cidr_merge', ['2601:600:8a80:207e:a57d:7567:e2c9:e7b3'])).toThrow(
      'net.cidr_merge: IPv6 invalid: needs prefix length',
    );
  });
});

describe('IP text', () => {
  it('compresses the longest zero run as Go prints IPv6', () => {
    const fmt = (s: string) => {
      const ip = parseIp(s)!;
      return formatIp(ip.v4 ? ip.addr & 0xffffffffn : ip.addr, ip.v4);
    };
    expect(fmt('2001:0db8:0000:0000:0001:0000:0000:0001')).toBe('2001:db8::1:0:0:1');
    expect(fmt('::')).toBe('::');
    expect(fmt('1:0:2:3:4:5:6:7')).toBe('1:0:2:3:4:5:6:7');
    expect(fmt('::ffff:1.2.3.4')).toBe('1.2.3.4');
  });
});
