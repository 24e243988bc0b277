// Hash and HMAC builtins over the UTF-8 bytes of strings, as lower-case hex.
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import type { BuiltinDef } from './builtin.ts';
import { stringOperand } from './operands.ts';

function hash(name: string, algorithm: string): BuiltinDef {
  return {
    name,
    arity: 1,
    fn: ([a]) => createHash(algorithm).update(stringOperand(name, 1, a!), 'utf8').digest('hex'),
  };
}

function hmac(name: string, algorithm: string): BuiltinDef {
  return {
    name,
    arity: 2,
    fn: ([x, key]) =>
      createHmac(algorithm, Buffer.from(stringOperand(name, 2, key!), 'utf8'))
        .update(stringOperand(name, 1, x!), 'utf8')
        .digest('hex'),
  };
}

/** Compares MACs in time independent of where they differ, so timing reveals nothing. */
function hmacEqual(a: string, b: string): boolean {
  const x = Buffer.from(a, 'utf8');
  const y = Buffer.from(b, 'utf8');
  return x.length === y.length && timingSafeEqual(x, y);
}

export const builtins: BuiltinDef[] = [
  hash('crypto.md5', 'md5'),
  hash('crypto.sha1', 'sha1'),
  hash('crypto.sha256', 'sha256'),
  hmac('crypto.hmac.md5', 'md5'),
  hmac('crypto.hmac.sha1', 'sha1'),
  hmac('crypto.hmac.sha256', 'sha256'),
  hmac('crypto.hmac.sha512', 'sha512'),
  {
    name: 'crypto.hmac.equal',
    arity: 2,
    fn: ([a, b]) => hmacEqual(stringOperand('crypto.hmac.equal', 1, a!), stringOperand('crypto.hmac.equal', 2, b!)),
  },
];
