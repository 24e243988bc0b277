import { X509Certificate, createPrivateKey, createPublicKey, sign, verify } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BuiltinFailure, BuiltinTypeError } from '../../../../src/rego/builtins/builtin.ts';
import { builtins } from '../../../../src/rego/builtins/x509/x509.ts';
import { toJS } from '../../../../src/rego/value.ts';
import type { Value } from '../../../../src/rego/value.ts';
import { caller, makeContext } from '../call-builtin.ts';

const fixture = (name: string): string => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'latin1');
const ns = (iso: string): bigint => BigInt(Date.parse(iso)) * 1_000_000n;

// The fixtures are valid from late 2026 (the root and intermediate for a century, the leaves for ten years).
const call = caller(builtins, { ...makeContext(), nowNs: ns('2030-01-01T00:00:00Z') });
const callBefore = caller(builtins, { ...makeContext(), nowNs: ns('2020-01-01T00:00:00Z') });

type Cert = Record<string, any>;
const js = (v: Value | undefined): any => (v === undefined ? undefined : toJS(v));
const parse = (text: string): Cert[] => js(call('crypto.x509.parse_certificates', text));

const ROOT = fixture('root.pem');
const INTERMEDIATE = fixture('intermediate.pem');
const LEAF = fixture('leaf.pem');
const CHAIN = fixture('chain.pem');
const b64 = (s: string | Buffer): string => Buffer.from(s).toString('base64');

describe('crypto.x509.parse_certificates', () => {
  const [root, intermediate, leaf] = parse(CHAIN) as [Cert, Cert, Cert];

  it('reads every certificate of a PEM bundle, in order', () => {
    expect(parse(CHAIN).map((c) => c.Subject.CommonName)).toEqual(['Example Root CA', 'Example Intermediate CA', 'api.example.com']);
    expect(leaf.Issuer.CommonName).toBe('Example Intermediate CA');
  });

  it('gives the DER of each certificate as base64 in Raw', () => {
    expect(leaf.Raw).toBe(b64(readFileSync(new URL('./fixtures/leaf.der', import.meta.url))));
    expect(root.Raw).toBe(new X509Certificate(ROOT).raw.toString('base64'));
  });

  it('gives a 160-bit serial number as an exact number', () => {
    expect(leaf.SerialNumber).toBe(0x7f3a9c1e5b2d4f6a8c0e1f2a3b4c5d6e7f801234n);
    expect(intermediate.SerialNumber).toBe(4096);
    expect(BigInt(`0x${new X509Certificate(LEAF).serialNumber}`)).toBe(leaf.SerialNumber);
  });

  it('splits subject names into pkix.Name fields, repeated attributes in order', () => {
    expect(leaf.Subject).toMatchObject({
      CommonName: 'api.example.com',
      Country: ['US'],
      Province: ['California'],
      Locality: ['San Francisco'],
      StreetAddress: ['1 Market St'],
      PostalCode: ['94105'],
      Organization: ['Example Corp'],
      OrganizationalUnit: ['Platform', 'API'],
      SerialNumber: 'A-42',
    });
    expect(leaf.Subject.Names[0]).toEqual({ Type: [2, 5, 4, 6], Value: 'US' });
    expect(leaf.Subject.Names).toHaveLength(10);
    expect(root.Subject.Locality).toBeNull();
  });

  it('gives validity as RFC 3339 text in UTC', () => {
    const x = new X509Certificate(LEAF);
    expect(leaf.NotBefore).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    expect(Date.parse(leaf.NotBefore)).toBe(Date.parse(x.validFrom));
    expect(Date.parse(leaf.NotAfter)).toBe(Date.parse(x.validTo));
  });

  it('reads subject alternative names of every kind', () => {
    expect(leaf.DNSNames).toEqual(['api.example.com', '*.internal.example.com']);
    expect(leaf.IPAddresses).toEqual(['10.0.0.1', '2001:db8::1']);
    expect(leaf.EmailAddresses).toEqual(['ops@example.com']);
    expect(leaf.URIStrings).toEqual(['spiffe://example.com/ns/prod/sa/api']);
    expect(leaf.URIs[0]).toMatchObject({ Scheme: 'spiffe', Host: 'example.com', Path: '/ns/prod/sa/api', User: null });
    expect(root.DNSNames).toBeNull();
    expect(root.URIStrings).toBeNull();
  });

  it('gives key usages as Go bit masks and extended key usages as Go enum numbers', () => {
    expect(leaf.KeyUsage).toBe(1 | 4); // digitalSignature, keyEncipherment
    expect(intermediate.KeyUsage).toBe(1 | 32 | 64); // plus keyCertSign, cRLSign
    expect(leaf.ExtKeyUsage).toEqual([1, 2]); // serverAuth, clientAuth
    expect(root.ExtKeyUsage).toBeNull();
  });

  it('reads basic constraints, with -1 for an unlimited path length', () => {
    expect([root.IsCA, root.BasicConstraintsValid, root.MaxPathLen, root.MaxPathLenZero]).toEqual([true, true, -1, false]);
    expect([intermediate.IsCA, intermediate.MaxPathLen, intermediate.MaxPathLenZero]).toEqual([true, 0, true]);
    expect([leaf.IsCA, leaf.BasicConstraintsValid]).toEqual([false, true]);
  });

  it('links key identifiers and names algorithms by Go enum numbers', () => {
    expect(leaf.AuthorityKeyId).toBe(intermediate.SubjectKeyId);
    expect(Buffer.from(leaf.SubjectKeyId, 'base64')).toHaveLength(20);
    expect([root.SignatureAlgorithm, intermediate.SignatureAlgorithm, leaf.SignatureAlgorithm]).toEqual([4, 4, 10]);
    expect([root.PublicKeyAlgorithm, leaf.PublicKeyAlgorithm]).toEqual([1, 3]);
    expect(root.PublicKey.E).toBe(65537);
    const jwk = new X509Certificate(ROOT).publicKey.export({ format: 'jwk' });
    expect(root.PublicKey.N).toBe(BigInt(`0x${Buffer.from(jwk.n!, 'base64url').toString('hex')}`));
  });

  it('reads distribution points, authority information and policies', () => {
    expect(leaf.CRLDistributionPoints).toEqual(['http://crl.example.com/intermediate.crl']);
    expect(leaf.OCSPServer).toEqual(['http://ocsp.example.com']);
    expect(leaf.IssuingCertificateURL).toEqual(['http://ca.example.com/intermediate.crt']);
    expect(leaf.PolicyIdentifiers).toEqual([[2, 23, 140, 1, 2, 2]]);
    expect(leaf.Policies).toEqual(['2.23.140.1.2.2']);
    expect(leaf.Extensions.find((e: Cert) => e.Id.join('.') === '2.5.29.15').Critical).toBe(true);
    expect(leaf.Version).toBe(3);
  });

  it('takes base64 of DER and base64 of PEM as well as PEM text', () => {
    const der = readFileSync(new URL('./fixtures/leaf.der', import.meta.url));
    expect(parse(b64(der))).toEqual(parse(LEAF));
    expect(parse(b64(CHAIN))).toEqual(parse(CHAIN));
    const ders = Buffer.concat([new X509Certificate(ROOT).raw, der]);
    expect(parse(b64(ders)).map((c) => c.Subject.CommonName)).toEqual(['Example Root CA', 'api.example.com']);
  });

  it('fails on input that is neither PEM nor base64', () => {
    expect(() => call('crypto.x509.parse_certificates', 'not a certificate')).toThrow(BuiltinFailure);
    expect(() => call('crypto.x509.parse_certificates', 'not a certificate')).toThrow(/illegal base64 data at input byte 3/);
  });

  it('fails on PEM blocks that are not certificates', () => {
    expect(() => call('crypto.x509.parse_certificates', fixture('leaf-key.pem'))).toThrow(
      "crypto.x509.parse_certificates: PEM block type is 'EC PRIVATE KEY', expected CERTIFICATE",
    );
  });

  it('fails on DER that is not a certificate', () => {
    expect(() => call('crypto.x509.parse_certificates', b64('hello world'))).toThrow('x509: malformed certificate');
    const der = new X509Certificate(LEAF).raw;
    expect(() => call('crypto.x509.parse_certificates', b64(der.subarray(0, der.length - 10)))).toThrow(BuiltinFailure);
  });

  it('refuses operands that are not strings', () => {
    expect(() => call('crypto.x509.parse_certificates', 42)).toThrow(BuiltinTypeError);
    expect(() => call('crypto.x509.parse_certificates', 42)).toThrow('operand 1 must be string but got number');
  });
});

describe('crypto.x509.parse_and_verify_certificates', () => {
  const verifyWith = (text: string, c = call) => js(c('crypto.x509.parse_and_verify_certificates', text));

  it('verifies a chain given root first, leaf last, and returns it leaf first', () => {
    const [valid, chain] = verifyWith(CHAIN);
    expect(valid).toBe(true);
    expect(chain.map((c: Cert) => c.Subject.CommonName)).toEqual(['api.example.com', 'Example Intermediate CA', 'Example Root CA']);
    expect(chain[0].URIStrings).toEqual(['spiffe://example.com/ns/prod/sa/api']);
  });

  it('accepts the chain as base64', () => {
    expect(verifyWith(b64(CHAIN))[0]).toBe(true);
  });

  it('fails a chain in the wrong order', () => {
    expect(verifyWith(LEAF + INTERMEDIATE + ROOT)).toEqual([false, []]);
  });

  it('fails a chain whose root has the right name but another key', () => {
    expect(verifyWith(fixture('foreign-root.pem') + INTERMEDIATE + LEAF)).toEqual([false, []]);
  });

  it('fails a chain missing its intermediate', () => {
    expect(verifyWith(ROOT + LEAF)).toEqual([false, []]);
  });

  it('fails a single certificate and unreadable input instead of raising an error', () => {
    expect(verifyWith(ROOT)).toEqual([false, []]);
    expect(verifyWith('not a certificate')).toEqual([false, []]);
  });

  it('fails outside the validity period', () => {
    expect(verifyWith(CHAIN, callBefore)).toEqual([false, []]);
  });

  it('requires server authentication usage by default', () => {
    expect(verifyWith(ROOT + INTERMEDIATE + fixture('client.pem'))).toEqual([false, []]);
  });

  it('fails a tampered signature', () => {
    const der = Buffer.from(new X509Certificate(LEAF).raw);
    der[der.length - 5] ^= 0xff;
    const tampered = `-----BEGIN CERTIFICATE-----\n${b64(der)}\n-----END CERTIFICATE-----\n`;
    expect(parse(tampered)).toHaveLength(1);
    expect(verifyWith(ROOT + INTERMEDIATE + tampered)).toEqual([false, []]);
  });

  it('refuses operands that are not strings', () => {
    expect(() => call('crypto.x509.parse_and_verify_certificates', [CHAIN])).toThrow(BuiltinTypeError);
  });
});

describe('crypto.x509.parse_and_verify_certificates_with_options', () => {
  const name = 'crypto.x509.parse_and_verify_certificates_with_options';
  const verifyWith = (text: string, options: object) => js(call(name, text, options));
  const CLIENT_CHAIN = ROOT + INTERMEDIATE + fixture('client.pem');

  it('checks the requested key usages', () => {
    expect(verifyWith(CLIENT_CHAIN, { KeyUsages: ['KeyUsageClientAuth'] })[0]).toBe(true);
    expect(verifyWith(CLIENT_CHAIN, { KeyUsages: ['KeyUsageAny'] })[0]).toBe(true);
    expect(verifyWith(CLIENT_CHAIN, { KeyUsages: ['KeyUsageServerAuth'] })).toEqual([false, []]);
  });

  it('checks the host name against DNS and IP SANs, wildcards included', () => {
    expect(verifyWith(CHAIN, { DNSName: 'api.example.com' })[0]).toBe(true);
    expect(verifyWith(CHAIN, { DNSName: 'db.internal.example.com' })[0]).toBe(true);
    expect(verifyWith(CHAIN, { DNSName: '10.0.0.1' })[0]).toBe(true);
    expect(verifyWith(CHAIN, { DNSName: 'a.b.internal.example.com' })).toEqual([false, []]);
    expect(verifyWith(CHAIN, { DNSName: 'evil.example.com' })).toEqual([false, []]);
  });

  it('verifies at the given time in nanoseconds', () => {
    expect(verifyWith(CHAIN, { CurrentTime: Number(ns('2020-01-01T00:00:00Z')) })).toEqual([false, []]);
    expect(verifyWith(CHAIN, { CurrentTime: ns('2031-06-01T00:00:00Z') })[0]).toBe(true);
  });

  it('leaves URIStrings out of the certificates, as OPA does', () => {
    const [, chain] = verifyWith(CHAIN, {});
    expect(chain[0]).not.toHaveProperty('URIStrings');
    expect(chain[0].URIs).toHaveLength(1);
  });

  it('fails on unknown options and bad option values', () => {
    expect(() => verifyWith(CHAIN, { Bogus: 1 })).toThrow(`${name}: invalid key option`);
    expect(() => verifyWith(CHAIN, { KeyUsages: ['KeyUsageNope', 'Other'] })).toThrow(
      "invalid entries for 'KeyUsages' found: [KeyUsageNope Other]",
    );
    expect(() => verifyWith(CHAIN, { DNSName: 1 })).toThrow("'DNSName' should be a string");
    expect(() => verifyWith(CHAIN, { CurrentTime: 'now' })).toThrow("'CurrentTime' should be a number");
  });

  it('refuses an options operand that is not an object', () => {
    expect(() => call(name, CHAIN, 'x')).toThrow(BuiltinTypeError);
    expect(() => call(name, CHAIN, 'x')).toThrow('operand 2 must be object but got string');
  });
});

describe('crypto.x509.parse_certificate_request', () => {
  const name = 'crypto.x509.parse_certificate_request';

  it('reads the subject, SANs and key of a CSR, from PEM or base64', () => {
    const csr = js(call(name, fixture('leaf.csr.pem')));
    expect(csr.Subject.CommonName).toBe('api.example.com');
    expect(csr.Subject.OrganizationalUnit).toEqual(['Platform', 'API']);
    expect(csr.DNSNames).toEqual(['api.example.com', 'www.example.com']);
    expect(csr.IPAddresses).toEqual(['10.0.0.1']);
    expect(csr.EmailAddresses).toEqual(['ops@example.com']);
    expect(csr.URIs[0].Scheme).toBe('spiffe');
    expect([csr.Version, csr.SignatureAlgorithm, csr.PublicKeyAlgorithm]).toEqual([0, 10, 3]);
    expect(js(call(name, b64(fixture('leaf.csr.pem'))))).toEqual(csr);
  });

  it('fails on PEM of another type', () => {
    expect(() => call(name, b64(LEAF))).toThrow(`${name}: invalid PEM-encoded certificate signing request`);
  });
});

describe('private keys', () => {
  const PKCS1 = fixture('rsa-pkcs1-key.pem');
  const PKCS8 = fixture('rsa-pkcs8-key.pem');
  const EC = fixture('leaf-key.pem');

  it('parse_rsa_private_key gives a JWK that signs like the key it came from', () => {
    const jwk = js(call('crypto.x509.parse_rsa_private_key', PKCS1));
    expect(jwk.kty).toBe('RSA');
    expect(Object.keys(jwk).sort()).toEqual(['d', 'dp', 'dq', 'e', 'kty', 'n', 'p', 'q', 'qi']);
    const signature = sign('sha256', Buffer.from('msg'), createPrivateKey({ key: jwk, format: 'jwk' }));
    expect(verify('sha256', Buffer.from('msg'), createPublicKey(PKCS1), signature)).toBe(true);
  });

  it('parse_rsa_private_key reads PKCS #8 and base64 input alike', () => {
    const jwk = js(call('crypto.x509.parse_rsa_private_key', PKCS1));
    expect(js(call('crypto.x509.parse_rsa_private_key', PKCS8))).toEqual(jwk);
    expect(js(call('crypto.x509.parse_rsa_private_key', b64(PKCS1)))).toEqual(jwk);
  });

  it('parse_rsa_private_key fails on empty input and is null without a key block', () => {
    expect(() => call('crypto.x509.parse_rsa_private_key', '')).toThrow('input PEM data was empty');
    expect(call('crypto.x509.parse_rsa_private_key', ROOT)).toBeNull();
  });

  it('parse_private_keys gives Go key structs for every key of the text', () => {
    const keys = js(call('crypto.parse_private_keys', PKCS1 + EC));
    expect(keys).toHaveLength(2);
    const n = BigInt(`0x${Buffer.from(createPublicKey(PKCS1).export({ format: 'jwk' }).n!, 'base64url').toString('hex')}`);
    expect(keys[0].N).toBe(n);
    expect(keys[0].E).toBe(65537);
    expect(keys[0].Primes).toHaveLength(2);
    expect(keys[0].Primes[0] * keys[0].Primes[1]).toBe(n);
    const ecJwk = createPublicKey(EC).export({ format: 'jwk' });
    expect(keys[1].X).toBe(BigInt(`0x${Buffer.from(ecJwk.x!, 'base64url').toString('hex')}`));
  });

  it('parse_private_keys is null for empty input and [] without keys', () => {
    expect(call('crypto.parse_private_keys', '')).toBeNull();
    expect(js(call('crypto.parse_private_keys', ROOT))).toEqual([]);
  });

  it('parse_keypair pairs a certificate with its key', () => {
    const CERT = fixture('keypair.pem');
    const pair = js(call('crypto.x509.parse_keypair', CERT, PKCS1));
    expect(pair.Certificate).toEqual([new X509Certificate(CERT).raw.toString('base64')]);
    expect(pair.Leaf.Subject.CommonName).toBe('keypair.example.com');
    expect(pair.PrivateKey.N).toBe(pair.Leaf.PublicKey.N);
    expect(js(call('crypto.x509.parse_keypair', b64(CERT), b64(PKCS8))).Certificate).toEqual(pair.Certificate);
  });

  it('parse_keypair fails when the key belongs to another certificate', () => {
    expect(() => call('crypto.x509.parse_keypair', ROOT, PKCS1)).toThrow('tls: private key does not match public key');
    expect(() => call('crypto.x509.parse_keypair', LEAF, PKCS1)).toThrow('tls: private key type does not match public key type');
    expect(() => call('crypto.x509.parse_keypair', PKCS1, PKCS1)).toThrow(/PEM inputs may have been switched/);
  });

  it('refuses key operands that are not strings', () => {
    expect(() => call('crypto.parse_private_keys', 1)).toThrow(BuiltinTypeError);
    expect(() => call('crypto.x509.parse_keypair', ROOT, 1)).toThrow('operand 1 must be string but got number');
  });
});
