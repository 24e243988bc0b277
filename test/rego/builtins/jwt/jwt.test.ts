import { constants, createHmac, createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify } from 'node:crypto';
import type { KeyObject } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BuiltinFailure, BuiltinTypeError } from '../../../../src/rego/builtins/builtin.ts';
import { registry } from '../../../../src/rego/builtins/index.ts';
import { builtins } from '../../../../src/rego/builtins/jwt/jwt.ts';
import { compile, evaluate } from '../../../../src/rego/index.ts';
import { toJS } from '../../../../src/rego/value.ts';
import type { Value } from '../../../../src/rego/value.ts';
import { caller, makeContext } from '../call-builtin.ts';

const call = caller(builtins);
/** The evaluation time of makeContext, in seconds. */
const NOW = Number(makeContext().nowNs / 1_000_000_000n);

const js = (v: Value | undefined): unknown => (v === undefined ? undefined : toJS(v));
const b64 = (s: string | Buffer): string => Buffer.from(s).toString('base64url');

// RFC 7519 section 3.1: the example token, an HS256 JWS with the key of RFC 7515 appendix A.1.
const RFC_HEADER = '{"typ":"JWT",\r\n "alg":"HS256"}';
const RFC_PAYLOAD = '{"iss":"joe",\r\n "exp":1300819380,\r\n "http://example.com/is_root":true}';
const RFC_TOKEN =
  'eyJ0eXAiOiJKV1QiLA0KICJhbGciOiJIUzI1NiJ9' +
  '.eyJpc3MiOiJqb2UiLA0KICJleHAiOjEzMDA4MTkzODAsDQogImh0dHA6Ly9leGFtcGxlLmNvbS9pc19yb290Ijp0cnVlfQ' +
  '.dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk';
const RFC_KEY = {
  kty: 'oct',
  k: 'AyM1SysPpbyDfgZld3umj1qzKObwVMkoqQ-EstJQLr_T-1qS0gZH75aKtMN3Yj0iPS4hcgUuTwjAzZr1Z9CAow',
};

type Signer = (input: Buffer) => Buffer;

/** A compact token signed by the test itself, independent of the code under test. */
function token(header: object | string, payload: object | string, signer: Signer): string {
  const text = (x: object | string): string => (typeof x === 'string' ? x : JSON.stringify(x));
  const input = `${b64(text(header))}.${b64(text(payload))}`;
  return `${input}.${b64(signer(Buffer.from(input)))}`;
}

const hmac = (hash: string, secret: string): Signer => (input) => createHmac(hash, secret).update(input).digest();
const rsa = (hash: string, key: KeyObject): Signer => (input) => sign(hash, input, key);
const pss = (hash: string, key: KeyObject): Signer => (input) =>
  sign(hash, input, { key, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: constants.RSA_PSS_SALTLEN_DIGEST });
const ecdsa = (hash: string, key: KeyObject): Signer => (input) => sign(hash, input, { key, dsaEncoding: 'ieee-p1363' });
const eddsa = (key: KeyObject): Signer => (input) => sign(null, input, key);

const rsaPair = generateKeyPairSync('rsa', { modulusLength: 2048 });
const otherRsaPair = generateKeyPairSync('rsa', { modulusLength: 2048 });
const p256 = generateKeyPairSync('ec', { namedCurve: 'P-256' });
const p384 = generateKeyPairSync('ec', { namedCurve: 'P-384' });
const p521 = generateKeyPairSync('ec', { namedCurve: 'P-521' });
const ed = generateKeyPairSync('ed25519');

const pem = (k: KeyObject): string => k.export({ type: 'spki', format: 'pem' }) as string;
const jwk = (k: KeyObject, extra: object = {}): object => ({ ...k.export({ format: 'jwk' }), ...extra });

const fixture = (file: string): string => readFileSync(new URL(`./fixtures/${file}`, import.meta.url), 'utf8');
const issuerCert = fixture('issuer-cert.pem');
const issuerKey = createPrivateKey(fixture('issuer-key.pem'));

const CLAIMS = { sub: 'svc-router', iss: 'https://issuer.example', aud: 'routewise', exp: NOW + 60, nbf: NOW - 60 };

describe('io.jwt.decode', () => {
  it('decodes the RFC 7519 example into header, claims and the signature as hex', () => {
    const [header, payload, signature] = call('io.jwt.decode', RFC_TOKEN) as Value[];
    expect(js(header)).toEqual(JSON.parse(RFC_HEADER));
    expect(js(payload)).toEqual(JSON.parse(RFC_PAYLOAD));
    expect(signature).toBe(Buffer.from(RFC_TOKEN.split('.')[2]!, 'base64url').toString('hex'));
  });

  it('decodes without checking the signature', () => {
    const t = token({ alg: 'RS256' }, CLAIMS, () => Buffer.from('not a signature'));
    expect(js((call('io.jwt.decode', t) as Value[])[1])).toEqual(CLAIMS);
  });

  it('decodes the inner token of a nested JWT, quoted or not', () => {
    const inner = token({ alg: 'HS256' }, { sub: 'inner' }, hmac('sha256', 's'));
    for (const payload of [inner, `"${inner}"`]) {
      const outer = token({ alg: 'HS256', cty: 'JWT' }, payload, hmac('sha256', 's'));
      const [header, claims] = call('io.jwt.decode', outer) as Value[];
      expect(js(header)).toEqual({ alg: 'HS256' });
      expect(js(claims)).toEqual({ sub: 'inner' });
    }
  });

  it('rejects malformed tokens with builtin errors', () => {
    const good = token({ alg: 'HS256' }, { a: 1 }, hmac('sha256', 's'));
    const [h, p, s] = good.split('.');
    const cases: [string, string][] = [
      ['no-periods', 'io.jwt.decode: encoded JWT had no period separators'],
      [`${h}.${p}`, 'io.jwt.decode: encoded JWT must have 3 sections, found 2'],
      [`${good}.extra`, 'io.jwt.decode: encoded JWT must have 3 sections, found 4'],
      [`${h}!.${p}.${s}`, 'io.jwt.decode: JWT header had invalid encoding: illegal base64url string: ' + h + '!'],
      [`${b64('{"alg":')}.${p}.${s}`, 'io.jwt.decode: bad JWT header: invalid JSON: unexpected end of JSON input'],
      [`${b64('[1]')}.${p}.${s}`, 'io.jwt.decode: bad JWT header: decoded JSON type was not an Object'],
      [`${b64('{"alg":"RSA-OAEP","enc":"A256GCM"}')}.${p}.${s}`, 'io.jwt.decode: JWT is a JWE object, which is not supported'],
      [`${h}.${b64('"claims"')}.${s}`, 'io.jwt.decode: decoded JSON type was not an Object'],
      [`${h}.${p}.a`, 'io.jwt.decode: JWT signature had invalid encoding: illegal base64url string: a'],
    ];
    for (const [t, message] of cases) expect(() => call('io.jwt.decode', t), t).toThrow(new BuiltinFailure(message));
  });

  it('rejects a token that is not a string', () => {
    expect(() => call('io.jwt.decode', 1)).toThrow(new BuiltinTypeError('io.jwt.decode: operand 1 must be string but got number'));
  });
});

describe('io.jwt.verify_*', () => {
  const cases: [string, Signer, string][] = [
    ['io.jwt.verify_rs256', rsa('sha256', rsaPair.privateKey), pem(rsaPair.publicKey)],
    ['io.jwt.verify_rs384', rsa('sha384', rsaPair.privateKey), pem(rsaPair.publicKey)],
    ['io.jwt.verify_rs512', rsa('sha512', rsaPair.privateKey), pem(rsaPair.publicKey)],
    ['io.jwt.verify_ps256', pss('sha256', rsaPair.privateKey), pem(rsaPair.publicKey)],
    ['io.jwt.verify_ps384', pss('sha384', rsaPair.privateKey), pem(rsaPair.publicKey)],
    ['io.jwt.verify_ps512', pss('sha512', rsaPair.privateKey), pem(rsaPair.publicKey)],
    ['io.jwt.verify_es256', ecdsa('sha256', p256.privateKey), pem(p256.publicKey)],
    ['io.jwt.verify_es384', ecdsa('sha384', p384.privateKey), pem(p384.publicKey)],
    ['io.jwt.verify_es512', ecdsa('sha512', p521.privateKey), pem(p521.publicKey)],
    ['io.jwt.verify_eddsa', eddsa(ed.privateKey), pem(ed.publicKey)],
    ['io.jwt.verify_hs256', hmac('sha256', 'shared secret'), 'shared secret'],
    ['io.jwt.verify_hs384', hmac('sha384', 'shared secret'), 'shared secret'],
    ['io.jwt.verify_hs512', hmac('sha512', 'shared secret'), 'shared secret'],
  ];

  it.each(cases)('%s accepts its own signatures and refuses tampered ones', (name, signer, key) => {
    const alg = name.slice('io.jwt.verify_'.length).toUpperCase().replace('EDDSA', 'EdDSA');
    const t = token({ alg, typ: 'JWT' }, CLAIMS, signer);
    expect(call(name, t, key)).toBe(true);
    const [h, , s] = t.split('.');
    expect(call(name, `${h}.${b64(JSON.stringify({ ...CLAIMS, sub: 'admin' }))}.${s}`, key)).toBe(false);
  });

  it('refuses signatures made with another key or another algorithm', () => {
    const t = token({ alg: 'RS256' }, CLAIMS, rsa('sha256', rsaPair.privateKey));
    expect(call('io.jwt.verify_rs256', t, pem(otherRsaPair.publicKey))).toBe(false);
    expect(call('io.jwt.verify_rs384', t, pem(rsaPair.publicKey))).toBe(false);
    expect(call('io.jwt.verify_ps256', t, pem(rsaPair.publicKey))).toBe(false);
    expect(call('io.jwt.verify_es256', t, pem(p256.publicKey))).toBe(false);
    const es = token({ alg: 'ES256' }, CLAIMS, ecdsa('sha256', p256.privateKey));
    expect(call('io.jwt.verify_es384', es, pem(p384.publicKey))).toBe(false);
    expect(call('io.jwt.verify_hs256', token({ alg: 'HS256' }, CLAIMS, hmac('sha256', 'a')), 'b')).toBe(false);
  });

  it('verifies with the public key of a PEM certificate', () => {
    const t = token({ alg: 'RS256' }, CLAIMS, rsa('sha256', issuerKey));
    expect(call('io.jwt.verify_rs256', t, issuerCert)).toBe(true);
    expect(call('io.jwt.verify_rs256', t, issuerCert + '\n')).toBe(true);
    expect(call('io.jwt.verify_rs256', t, pem(otherRsaPair.publicKey))).toBe(false);
  });

  it('verifies with a JWK, trying the key the header names by kid first', () => {
    const t = token({ alg: 'RS256', kid: 'current' }, CLAIMS, rsa('sha256', rsaPair.privateKey));
    const set = (keys: object[]): string => JSON.stringify({ keys });
    expect(call('io.jwt.verify_rs256', t, JSON.stringify(jwk(rsaPair.publicKey)))).toBe(true);
    const rotated = set([jwk(otherRsaPair.publicKey, { kid: 'old' }), jwk(rsaPair.publicKey, { kid: 'current' })]);
    expect(call('io.jwt.verify_rs256', t, rotated)).toBe(true);
    // Only the key with the header's kid is tried when there is one.
    const misnamed = set([jwk(otherRsaPair.publicKey, { kid: 'current' }), jwk(rsaPair.publicKey)]);
    expect(call('io.jwt.verify_rs256', t, misnamed)).toBe(false);
    // A key that names another algorithm is not tried; one with a non-JWS algorithm is left out.
    expect(call('io.jwt.verify_rs256', t, set([jwk(rsaPair.publicKey, { alg: 'RS512' })]))).toBe(false);
    const mixed = set([jwk(rsaPair.publicKey, { alg: 'RSA-OAEP' }), jwk(rsaPair.publicKey, { alg: 'RS256' })]);
    expect(call('io.jwt.verify_rs256', t, mixed)).toBe(true);
  });

  it('reports keys it cannot read as builtin errors', () => {
    const t = token({ alg: 'RS256' }, CLAIMS, rsa('sha256', rsaPair.privateKey));
    const errors: [string, string][] = [
      [pem(rsaPair.publicKey) + 'junk', 'extra data after a PEM certificate block'],
      [rsaPair.privateKey.export({ type: 'pkcs8', format: 'pem' }) as string, 'failed to extract a Key from the PEM certificate'],
      ['not a key', 'failed to parse a JWK key (set)'],
      ['{"kty":"XYZ"}', 'unsupported JWK key type: XYZ'],
    ];
    for (const [key, message] of errors) {
      expect(() => call('io.jwt.verify_rs256', t, key)).toThrow(BuiltinFailure);
      expect(() => call('io.jwt.verify_rs256', t, key)).toThrow(message);
    }
  });

  it('rejects operands of the wrong type', () => {
    expect(() => call('io.jwt.verify_rs256', 'a.b.c', 1)).toThrow(
      new BuiltinTypeError('io.jwt.verify_rs256: operand 2 must be string but got number'),
    );
    expect(() => call('io.jwt.verify_hs256', ['a.b.c'], 's')).toThrow(
      new BuiltinTypeError('io.jwt.verify_hs256: operand 1 must be string but got array'),
    );
  });
});

describe('io.jwt.decode_verify', () => {
  const rs = (claims: object, header: object = { alg: 'RS256' }): string => token(header, claims, rsa('sha256', rsaPair.privateKey));
  const cert = pem(rsaPair.publicKey);
  const dv = (t: string, constraints: object): unknown[] => js(call('io.jwt.decode_verify', t, constraints)) as unknown[];
  const REFUSED = [false, {}, {}];

  it('returns the header and claims of a token that passes every check', () => {
    expect(dv(rs(CLAIMS), { cert, iss: CLAIMS.iss, aud: 'routewise' })).toEqual([true, { alg: 'RS256' }, CLAIMS]);
    const t = token({ alg: 'HS512' }, { sub: 'x' }, hmac('sha512', 'secret'));
    expect(dv(t, { secret: 'secret', alg: 'HS512' })).toEqual([true, { alg: 'HS512' }, { sub: 'x' }]);
  });

  it('verifies the RFC 7519 example with the RFC 7515 key as a JWK, at a time before it expires', () => {
    const key = JSON.stringify(RFC_KEY);
    const before = 1300819379n * 1_000_000_000n;
    expect(dv(RFC_TOKEN, { cert: key, time: before })).toEqual([true, JSON.parse(RFC_HEADER), JSON.parse(RFC_PAYLOAD)]);
    expect(dv(RFC_TOKEN, { cert: key, time: before + 1_000_000_000n })).toEqual(REFUSED);
    expect(dv(RFC_TOKEN, { cert: key })).toEqual(REFUSED);
  });

  it('checks exp and nbf against the evaluation time, or the time constraint', () => {
    const { exp: _exp, nbf: _nbf, ...rest } = CLAIMS;
    expect(dv(rs({ ...rest, exp: NOW + 1 }), { cert, aud: 'routewise' })[0]).toBe(true);
    expect(dv(rs({ ...rest, exp: NOW }), { cert, aud: 'routewise' })).toEqual(REFUSED);
    expect(dv(rs({ ...rest, nbf: NOW }), { cert, aud: 'routewise' })[0]).toBe(true);
    expect(dv(rs({ ...rest, nbf: NOW + 1 }), { cert, aud: 'routewise' })).toEqual(REFUSED);
    const later = BigInt(NOW + 3600) * 1_000_000_000n;
    expect(dv(rs(CLAIMS), { cert, aud: 'routewise', time: later })).toEqual(REFUSED);
    expect(dv(rs({ ...rest, nbf: NOW + 60 }), { cert, aud: 'routewise', time: later })[0]).toBe(true);
  });

  it('checks the issuer and the audience', () => {
    expect(dv(rs(CLAIMS), { cert, aud: 'routewise', iss: 'https://other.example' })).toEqual(REFUSED);
    expect(dv(rs({ sub: 'x' }), { cert, iss: 'https://issuer.example' })).toEqual(REFUSED);
    // A token meant for an audience needs the caller to name it.
    expect(dv(rs(CLAIMS), { cert })).toEqual(REFUSED);
    expect(dv(rs(CLAIMS), { cert, aud: 'billing' })).toEqual(REFUSED);
    expect(dv(rs({ aud: ['billing', 'routewise'] }), { cert, aud: 'routewise' })[0]).toBe(true);
    expect(dv(rs({ sub: 'x' }), { cert, aud: 'routewise' })).toEqual(REFUSED);
  });

  it('refuses bad signatures, other algorithms and keys of another kind', () => {
    expect(dv(rs(CLAIMS), { cert: pem(otherRsaPair.publicKey), aud: 'routewise' })).toEqual(REFUSED);
    expect(dv(rs(CLAIMS), { cert, aud: 'routewise', alg: 'RS512' })).toEqual(REFUSED);
    // An HS256 token "signed" with the public key text must not pass as verified by that key.
    const confused = token({ alg: 'HS256' }, CLAIMS, hmac('sha256', cert));
    expect(dv(confused, { cert, aud: 'routewise' })).toEqual(REFUSED);
    expect(dv(rs(CLAIMS), { secret: cert, aud: 'routewise' })).toEqual(REFUSED);
    expect(dv(token({ alg: 'none' }, CLAIMS, () => Buffer.alloc(0)), { secret: 's', aud: 'routewise' })).toEqual(REFUSED);
  });

  it('refuses headers without alg or with critical parameters it does not know', () => {
    const t = (header: object): string => token(header, { sub: 'x' }, hmac('sha256', 's'));
    expect(dv(t({ typ: 'JWT' }), { secret: 's' })).toEqual(REFUSED);
    expect(dv(t({ alg: 'HS256', crit: ['exp'], exp: 1 }), { secret: 's' })).toEqual(REFUSED);
    expect(dv(t({ alg: 'HS256', crit: ['kid'], kid: 'k' }), { secret: 's' })[0]).toBe(true);
    expect(() => dv(t({ alg: 'HS256', crit: [] }), { secret: 's' })).toThrow('crit: must be a nonempty list');
    expect(() => dv(t({ alg: 256 }), { secret: 's' })).toThrow(new BuiltinFailure('io.jwt.decode_verify: alg: must be a string'));
  });

  it('verifies every layer of a nested token and returns the innermost', () => {
    const inner = rs({ sub: 'inner' });
    const outer = token({ alg: 'RS256', cty: 'jwt' }, inner, rsa('sha256', rsaPair.privateKey));
    expect(dv(outer, { cert })).toEqual([true, { alg: 'RS256' }, { sub: 'inner' }]);
    const forgedInner = `${inner.split('.').slice(0, 2).join('.')}.${b64('forged')}`;
    const outerOfForged = token({ alg: 'RS256', cty: 'JWT' }, forgedInner, rsa('sha256', rsaPair.privateKey));
    expect(dv(outerOfForged, { cert })).toEqual(REFUSED);
  });

  it('selects JWKS keys by kid', () => {
    const keys = JSON.stringify({ keys: [jwk(otherRsaPair.publicKey, { kid: 'a' }), jwk(rsaPair.publicKey, { kid: 'b', alg: 'RS256' })] });
    expect(dv(rs({ sub: 'x' }, { alg: 'RS256', kid: 'b' }), { cert: keys })[0]).toBe(true);
    expect(dv(rs({ sub: 'x' }, { alg: 'RS256', kid: 'a' }), { cert: keys })).toEqual(REFUSED);
  });

  it('reports unusable constraints as builtin errors', () => {
    const t = rs(CLAIMS);
    const errors: [object, string][] = [
      [{ cert, foo: 1 }, 'unknown token validation constraint: foo'],
      [{}, 'no key constraint'],
      [{ secret: '' }, 'no key constraint'],
      [{ cert, secret: 's' }, 'duplicate key constraints'],
      [{ cert: 1 }, 'cert constraint: must be a string'],
      [{ cert, iss: 1 }, 'iss constraint: must be a string'],
      [{ cert, time: 'now' }, 'token time constraint: must be a number'],
      [{ cert, time: -1 }, 'token time constraint: must not be negative'],
    ];
    for (const [constraints, message] of errors) {
      expect(() => call('io.jwt.decode_verify', t, constraints)).toThrow(new BuiltinFailure(`io.jwt.decode_verify: ${message}`));
    }
    expect(() => dv(rs({ exp: 'tomorrow' }), { cert })).toThrow(new BuiltinFailure('io.jwt.decode_verify: exp value must be a number'));
    expect(() => dv('a.b', { cert })).toThrow(BuiltinFailure);
  });

  it('rejects operands of the wrong type', () => {
    expect(() => call('io.jwt.decode_verify', 1, { cert })).toThrow(BuiltinTypeError);
    expect(() => call('io.jwt.decode_verify', rs(CLAIMS), 'constraints')).toThrow(
      new BuiltinTypeError('io.jwt.decode_verify: operand 2 must be object but got string'),
    );
  });
});

describe('io.jwt.encode_sign_raw', () => {
  it('reproduces the RFC 7519 example token from its header, payload and key', () => {
    expect(call('io.jwt.encode_sign_raw', RFC_HEADER, RFC_PAYLOAD, JSON.stringify(RFC_KEY))).toBe(RFC_TOKEN);
  });

  it('signs with the first key of a JWK Set', () => {
    const set = JSON.stringify({ keys: [RFC_KEY, { kty: 'oct', k: b64('other') }] });
    expect(call('io.jwt.encode_sign_raw', RFC_HEADER, RFC_PAYLOAD, set)).toBe(RFC_TOKEN);
  });

  it('signs with every asymmetric algorithm so that the public key verifies', () => {
    const cases: [string, KeyObject, string][] = [
      ['RS256', rsaPair.privateKey, 'io.jwt.verify_rs256'],
      ['RS512', rsaPair.privateKey, 'io.jwt.verify_rs512'],
      ['PS256', rsaPair.privateKey, 'io.jwt.verify_ps256'],
      ['PS384', rsaPair.privateKey, 'io.jwt.verify_ps384'],
      ['ES256', p256.privateKey, 'io.jwt.verify_es256'],
      ['ES384', p384.privateKey, 'io.jwt.verify_es384'],
      ['ES512', p521.privateKey, 'io.jwt.verify_es512'],
      ['EdDSA', ed.privateKey, 'io.jwt.verify_eddsa'],
    ];
    for (const [alg, key, verifier] of cases) {
      const t = call('io.jwt.encode_sign_raw', JSON.stringify({ alg }), '{"sub":"x"}', JSON.stringify(jwk(key))) as string;
      const publicPem = pem(createPublicKey(key));
      expect(call(verifier, t, publicPem), alg).toBe(true);
      expect(js(call('io.jwt.decode_verify', t, { cert: publicPem }))).toEqual([true, { alg }, { sub: 'x' }]);
    }
    // Checked once more with node directly, so a bug shared by signing and verifying cannot hide.
    const t = call('io.jwt.encode_sign_raw', '{"alg":"ES256"}', '{"sub":"x"}', JSON.stringify(jwk(p256.privateKey))) as string;
    const [h, p, s] = t.split('.');
    const signature = Buffer.from(s!, 'base64url');
    expect(verify('sha256', Buffer.from(`${h}.${p}`), { key: p256.publicKey, dsaEncoding: 'ieee-p1363' }, signature)).toBe(true);
  });

  it('keeps payloads that are not JSON only when typ says the content is not a JWT', () => {
    const key = JSON.stringify(RFC_KEY);
    const t = call('io.jwt.encode_sign_raw', '{"alg":"HS256","typ":"text"}', 'plain words', key) as string;
    expect(Buffer.from(t.split('.')[1]!, 'base64url').toString()).toBe('plain words');
    expect(() => call('io.jwt.encode_sign_raw', '{"alg":"HS256"}', 'plain words', key)).toThrow(
      new BuiltinFailure('io.jwt.encode_sign_raw: type is JWT but payload is not JSON'),
    );
  });

  it('reports unusable headers and keys as builtin errors', () => {
    const key = JSON.stringify(RFC_KEY);
    const errors: [string, string, string][] = [
      ['{"typ":"JWT"}', key, "missing or invalid 'alg' header"],
      ['not json', key, "missing or invalid 'alg' header"],
      ['{"alg":"none"}', key, 'unknown JWS algorithm: none'],
      ['{"alg":"RS256"}', key, 'RS256 needs a private RSA key'],
      ['{"alg":"RS256"}', JSON.stringify(jwk(rsaPair.publicKey)), 'RS256 needs a private RSA key'],
      ['{"alg":"ES256"}', JSON.stringify(jwk(p384.privateKey)), 'ES256 needs a private P-256 EC key'],
      ['{"alg":"HS256"}', JSON.stringify(jwk(ed.privateKey)), 'HS256 needs a symmetric (oct) key'],
      ['{"alg":"HS256"}', '{"keys":[]}', 'no keys found in JWK set'],
    ];
    for (const [header, k, message] of errors) {
      expect(() => call('io.jwt.encode_sign_raw', header, '{}', k), message).toThrow(new BuiltinFailure(`io.jwt.encode_sign_raw: ${message}`));
    }
  });

  it('rejects operands of the wrong type', () => {
    expect(() => call('io.jwt.encode_sign_raw', {}, '{}', '{}')).toThrow(
      new BuiltinTypeError('io.jwt.encode_sign_raw: operand 1 must be string but got object'),
    );
  });
});

describe('io.jwt.encode_sign', () => {
  it('signs the header and claims as compact JSON with sorted keys', () => {
    const secret = 'shared secret';
    const key = { kty: 'oct', k: b64(secret) };
    const t = call('io.jwt.encode_sign', { typ: 'JWT', alg: 'HS256' }, { sub: 'x', aud: ['a', 'b'], n: 1 }, key) as string;
    const [h, p] = t.split('.');
    expect(Buffer.from(h!, 'base64url').toString()).toBe('{"alg":"HS256","typ":"JWT"}');
    expect(Buffer.from(p!, 'base64url').toString()).toBe('{"aud":["a","b"],"n":1,"sub":"x"}');
    expect(t).toBe(token('{"alg":"HS256","typ":"JWT"}', '{"aud":["a","b"],"n":1,"sub":"x"}', hmac('sha256', secret)));
    expect(call('io.jwt.verify_hs256', t, secret)).toBe(true);
  });

  it('round-trips through decode_verify with an RSA key', () => {
    const t = call('io.jwt.encode_sign', { alg: 'RS256' }, CLAIMS, jwk(rsaPair.privateKey)) as string;
    expect(js(call('io.jwt.decode_verify', t, { cert: pem(rsaPair.publicKey), aud: 'routewise' }))).toEqual([true, { alg: 'RS256' }, CLAIMS]);
  });

  it('rejects operands that are not objects', () => {
    expect(() => call('io.jwt.encode_sign', '{"alg":"HS256"}', {}, RFC_KEY)).toThrow(
      new BuiltinTypeError('io.jwt.encode_sign: operand 1 must be object but got string'),
    );
  });
});

describe('in a policy', () => {
  const POLICY = `package authz

claims := payload if {
  [valid, _, payload] := io.jwt.decode_verify(input.token, {"cert": data.jwks, "iss": "https://issuer.example", "aud": "routewise"})
  valid
}

allow if claims.role == "admin"
`;
  const withJwt = new Map([...registry, ...builtins.map((b) => [b.name, b] as const)]);
  const compiled = compile([{ file: 'authz.rego', text: POLICY }], { builtins: withJwt });
  if (!compiled.ok) throw new Error(JSON.stringify(compiled.errors));
  const jwks = JSON.stringify({ keys: [jwk(rsaPair.publicKey, { kid: 'k1', alg: 'RS256', use: 'sig' })] });
  const allowed = (claims: object, nowNs: bigint): unknown => {
    const t = token({ alg: 'RS256', kid: 'k1' }, claims, rsa('sha256', rsaPair.privateKey));
    const r = evaluate(compiled.policy, 'data.authz.allow', { input: { token: t }, data: { jwks }, nowNs });
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    return r.results.length === 0 ? undefined : js(r.results[0]!.expressions[0]!.value);
  };
  const at = BigInt(NOW) * 1_000_000_000n;

  it('allows a valid admin token and nothing else, at the evaluation time', () => {
    const admin = { ...CLAIMS, role: 'admin' };
    expect(allowed(admin, at)).toBe(true);
    expect(allowed({ ...CLAIMS, role: 'viewer' }, at)).toBeUndefined();
    expect(allowed(admin, at + 3600n * 1_000_000_000n)).toBeUndefined();
  });
});

describe('PEM keys in hostile text', () => {
  it('reads past many BEGIN lines without an END in time proportional to the text', () => {
    const header = b64('{"alg":"RS256"}');
    const token = `${header}.${b64('{}')}.${b64('sig')}`;
    const key = '-----BEGIN PUBLIC KEY-----\n'.repeat(40_000) + 'x';
    let outcome: unknown;
    try {
      outcome = js(call('io.jwt.verify_rs256', token, key));
    } catch (e) {
      outcome = e instanceof BuiltinFailure ? 'error' : e;
    }
    expect([false, 'error']).toContain(outcome);
    // The timeout is a hang detector: a rescan per BEGIN line takes tens of seconds here.
  }, 10_000);
});
