import { describe, expect, it } from 'vitest';
import { builtins, VARIADIC } from '../../../src/rego/builtins/runtime.ts';
import { UNAVAILABLE_BUILTINS, unavailableMessage } from '../../../src/rego/builtins/unavailable.ts';
import { ObjectValue, SetValue } from '../../../src/rego/value.ts';
import type { Value } from '../../../src/rego/value.ts';
import { makeContext } from './call-builtin.ts';

function run(name: string, args: Value[]) {
  const lines: string[] = [];
  const ctx = { ...makeContext(), print: (l: string) => lines.push(l) };
  const result = builtins.find((b) => b.name === name)!.fn(args, ctx);
  return { result, lines };
}

describe('print', () => {
  it('takes any number of operands and prints strings bare, other values as Rego terms', () => {
    expect(builtins.find((b) => b.name === 'print')!.arity).toBe(VARIADIC);
    const { result, lines } = run('print', ['Hello', ['Hello'], [ObjectValue.from([[1, 2]]), SetValue.from([2, 1])], new SetValue()]);
    expect(result).toBe(true);
    expect(lines).toEqual(['Hello ["Hello"] [{1: 2}, {1, 2}] set()']);
  });

  it('prints <undefined> for operands without values and a line per combination in its compiled form', () => {
    const { lines } = run('internal.print', [[SetValue.from(['x']), new SetValue(), SetValue.from([1, 2])]]);
    expect(lines).toEqual(['x <undefined> 1', 'x <undefined> 2']);
  });
});

describe('trace and metadata', () => {
  it('sends trace notes to the print hook', () => {
    expect(run('trace', ['note'])).toEqual({ result: true, lines: ['note'] });
  });

  it('returns the rule metadata the evaluation supplies', () => {
    const ctx = { ...makeContext(), metadataRule: () => ObjectValue.from([['title', 't']]), metadataChain: () => ['chain'] };
    expect(builtins.find((b) => b.name === 'rego.metadata.rule')!.fn([], ctx)).toEqual(ObjectValue.from([['title', 't']]));
    expect(builtins.find((b) => b.name === 'rego.metadata.chain')!.fn([], ctx)).toEqual(['chain']);
  });
});

describe('unavailable builtins', () => {
  it('lists the builtins that reach outside the evaluation and explains why', () => {
    expect([...UNAVAILABLE_BUILTINS].sort()).toEqual(['http.send', 'net.lookup_ip_addr', 'opa.runtime']);
    expect(builtins.some((b) => UNAVAILABLE_BUILTINS.has(b.name))).toBe(false);
    expect(unavailableMessage('http.send')).toBe(
      'http.send is not available in routewise: policies cannot reach the network or the file system',
    );
  });
});
