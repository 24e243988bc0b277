import { describe, expect, it } from 'vitest';
import { BuiltinTypeError } from '../../../src/rego/builtins/builtin.ts';
import { builtins } from '../../../src/rego/builtins/uuid.ts';
import { caller, makeContext, text } from './call-builtin.ts';

const call = caller(builtins);

describe('uuid.rfc4122', () => {
  it('returns a version 4 UUID, the same one for the same argument within an evaluation', () => {
    const c = caller(builtins, makeContext());
    const a = c('uuid.rfc4122', 'key') as string;
    expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(c('uuid.rfc4122', 'key')).toBe(a);
    expect(c('uuid.rfc4122', 'other')).not.toBe(a);
  });

  it('is marked nondeterministic and draws fresh values in a new evaluation', () => {
    expect(builtins.find((b) => b.name === 'uuid.rfc4122')!.nondeterministic).toBe(true);
    const first = caller(builtins, makeContext())('uuid.rfc4122', 'key');
    const second = caller(builtins, makeContext())('uuid.rfc4122', 'key');
    expect(first).not.toBe(second);
  });

  it('rejects non-string arguments', () => {
    expect(() => call('uuid.rfc4122', 42)).toThrow(BuiltinTypeError);
  });
});

describe('uuid.parse', () => {
  it('reads version and variant in every accepted form', () => {
    for (const s of [
      '00000000-0000-4000-8000-000000000000',
      '{00000000-0000-4000-8000-000000000000}',
      'urn:uuid:00000000-0000-4000-8000-000000000000',
      '00000000000040008000000000000000',
    ]) {
      expect(text(call('uuid.parse', s))).toBe('{"variant": "RFC4122", "version": 4}');
    }
    expect(text(call('uuid.parse', '6bea8ef2d3d33cd184e09bab06a52ece'))).toBe('{"variant": "RFC4122", "version": 3}');
  });

  it('decodes the time, node and clock sequence of version 1 and 2 UUIDs', () => {
    expect(text(call('uuid.parse', 'urn:uuid:000003e8-48b9-21ee-b200-325096b39f47'))).toBe(
      '{"clocksequence": 12800, "domain": "Person", "id": 1000, "macvariables": "local:unicast", ' +
        '"nodeid": "32-50-96-b3-9f-47", "time": 1693566990121469600, "variant": "RFC4122", "version": 2}',
    );
    expect(text(call('uuid.parse', 'bdf46d2e-a116-11ee-8c90-0242ac120002'))).toBe(
      '{"clocksequence": 3216, "macvariables": "local:unicast", "nodeid": "02-42-ac-12-00-02", ' +
        '"time": 1703282954332907000, "variant": "RFC4122", "version": 1}',
    );
  });

  it('decodes the timestamps of version 6 and 7 UUIDs', () => {
    expect(text(call('uuid.parse', '1EC9414C-232A-6B00-B3C8-9E6BDECED846'))).toBe(
      '{"time": 1645557742000000000, "variant": "RFC4122", "version": 6}',
    );
    expect(text(call('uuid.parse', '017F22E2-79B0-7CC3-98C4-DC0C0C07398F'))).toBe(
      '{"time": 1645557742000000000, "variant": "RFC4122", "version": 7}',
    );
  });

  it('is undefined for text that is not a UUID', () => {
    expect(call('uuid.parse', 'not-valid')).toBeUndefined();
    expect(call('uuid.parse', '00000000-0000-4000-8000-00000000000g')).toBeUndefined();
    expect(() => call('uuid.parse', 123)).toThrow(BuiltinTypeError);
  });
});
