// Builtins that read text (templates, tokens, schemas, regexes, dates, units, ...) must answer
// any input with a value or a builtin error, never a crash of the evaluator: policies pass them
// whatever arrives in the input.
import { generateKeyPairSync } from 'node:crypto';
import { readFileSync } from 'node:fs';
import fc from '../../fast-check.ts';
import { describe, expect, it } from 'vitest';
import { BuiltinFailure, BuiltinTypeError } from '../../../src/rego/builtins/builtin.ts';
import { registry } from '../../../src/rego/builtins/index.ts';
import { RegoError } from '../../../src/rego/errors.ts';
import { fromJS, stringify, type Value } from '../../../src/rego/value.ts';
import { makeContext } from './call-builtin.ts';

/** Text built from pieces of the syntax the builtin reads, mixed with arbitrary characters. */
function textOf(pieces: string[]): fc.Arbitrary<string> {
  return fc.array(fc.oneof(fc.constantFrom(...pieces), fc.string({ maxLength: 3 }), fc.string({ unit: 'grapheme', maxLength: 2 })), { maxLength: 12 }).map((xs) => xs.join(''));
}

/** Valid examples, small edits of them, and text from pieces: inputs on both sides of the line. */
function around(valid: string[], pieces: string[]): fc.Arbitrary<string> {
  const edited = fc
    .tuple(fc.constantFrom(...valid), fc.nat(), fc.string({ maxLength: 2 }), fc.nat({ max: 3 }))
    .map(([v, at, insert, cut]) => v.slice(0, at % (v.length + 1)) + insert + v.slice((at % (v.length + 1)) + cut));
  return fc.oneof(fc.constantFrom(...valid), edited, textOf(pieces));
}

const json: fc.Arbitrary<unknown> = fc.jsonValue({ maxDepth: 3 });
const jsonText = fc.oneof(json.map((v) => JSON.stringify(v)), textOf(['{', '}', '[', ']', '"', ':', ',', '1e400', '-0', 'null', 'true', '\\u']));

/** Calls a builtin and returns how it ended; anything but a value or a builtin error fails the property. */
function outcome(name: string, args: unknown[]): 'value' | 'undefined' | 'error' {
  const def = registry.get(name);
  if (!def) throw new Error(`no builtin ${name}`);
  try {
    const r = def.fn(args.map(fromJS), makeContext());
    if (r === undefined) return 'undefined';
    // The result must be a well-formed value: printing it walks all of it.
    stringify(r as Value);
    return 'value';
  } catch (e) {
    if (e instanceof BuiltinTypeError || e instanceof BuiltinFailure || e instanceof RegoError) return 'error';
    throw e;
  }
}

const HEADER = 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9';
const PAYLOAD = 'eyJzdWIiOiJhbmEiLCJleHAiOjE4MDAwMDAwMDB9';
const TOKEN = `${HEADER}.${PAYLOAD}.c2ln`;
const fixture = (name: string): string => readFileSync(new URL(`./x509/fixtures/${name}`, import.meta.url), 'utf8');
const PEM_PIECES = ['-----BEGIN CERTIFICATE-----', '-----END CERTIFICATE-----', '-----BEGIN RSA PRIVATE KEY-----', 'MII', '\n', '=', 'QUJD'];
const PUBLIC_KEY = generateKeyPairSync('rsa', { modulusLength: 1024 }).publicKey.export({ type: 'spki', format: 'pem' }).toString();

const cases: { name: string; args: fc.Arbitrary<unknown[]> }[] = [
  {
    name: 'strings.render_template',
    args: fc.tuple(textOf(['{{', '}}', '{{-', '-}}', '.', '.a', '.a.b', '$', '$x', ':=', '=', '|', '(', ')', ' ', 'if', 'else', 'end', 'range', 'with', 'break', 'len', 'index', 'printf', 'eq', 'lt', 'and', 'not', '"s"', '`r`', '1', '/*', '*/']), fc.dictionary(fc.constantFrom('a', 'b', 'x'), json, { maxKeys: 3 })),
  },
  { name: 'io.jwt.decode', args: fc.tuple(around([TOKEN], [HEADER, PAYLOAD, '.', 'e30', 'eyJ', '=', '-', '_'])) },
  {
    name: 'io.jwt.decode_verify',
    args: fc.tuple(
      around([TOKEN], [HEADER, PAYLOAD, '.', 'e30']),
      fc.record({ secret: fc.string({ maxLength: 4 }), cert: textOf(['-----BEGIN CERTIFICATE-----', '-----END CERTIFICATE-----', '{"keys":[', '{"kty":"RSA"}', '\n']), alg: fc.constantFrom('HS256', 'RS256', 'none', 'ES512'), time: fc.integer() }, { requiredKeys: [] }),
    ),
  },
  { name: 'io.jwt.verify_hs256', args: fc.tuple(textOf([HEADER, PAYLOAD, '.']), fc.string({ maxLength: 6 })) },
  { name: 'io.jwt.verify_rs256', args: fc.tuple(around([TOKEN], [HEADER, PAYLOAD, '.']), around([PUBLIC_KEY], ['-----BEGIN PUBLIC KEY-----', '-----END PUBLIC KEY-----', 'MIIB', '\n', '{"kty":"RSA","n":"AQAB","e":"AQAB"}'])) },
  { name: 'json.match_schema', args: fc.tuple(fc.oneof(json, jsonText), fc.oneof(json, jsonText, fc.record({ type: fc.constantFrom('object', 'string', 'nope', 'integer'), pattern: fc.string({ maxLength: 4 }), enum: fc.array(json, { maxLength: 2 }) }, { requiredKeys: [] }))) },
  { name: 'json.verify_schema', args: fc.tuple(fc.oneof(json, jsonText)) },
  { name: 'json.unmarshal', args: fc.tuple(jsonText) },
  { name: 'yaml.unmarshal', args: fc.tuple(textOf(['a: 1', '\n', '- ', '  ', '&x', '*x', '!!binary', '{', '[', '"', ':', '---', '<<: *x'])) },
  { name: 'regex.match', args: fc.tuple(textOf(['(', ')', '[', ']', '*', '+', '?', '{2}', '\\d', '\\p{L}', '(?i)', '|', '^', '$', '.', 'a']), fc.string({ maxLength: 8 })) },
  { name: 'regex.find_all_string_submatch_n', args: fc.tuple(textOf(['(', ')', '[a-z]', '*', '?', '\\b', 'a']), fc.string({ maxLength: 8 }), fc.integer({ min: -1, max: 3 })) },
  { name: 'glob.match', args: fc.tuple(textOf(['*', '**', '?', '[', ']', '{', '}', ',', '!', '\\', 'a', '.']), fc.array(fc.constantFrom('.', '/', ':'), { maxLength: 2 }), fc.string({ maxLength: 6 })) },
  { name: 'time.parse_ns', args: fc.tuple(fc.constantFrom('2006-01-02', '2006-01-02T15:04:05Z07:00', 'Jan 2 15:04 MST'), around(['2024-12-01', '2024-12-01T10:00:00+01:00', 'Dec 1 10:00 UTC'], ['2024', '12', '-', ':', 'T', ' ', 'UTC', '+01:00', 'Z'])) },
  { name: 'time.parse_rfc3339_ns', args: fc.tuple(around(['2024-12-01T10:00:00Z', '2024-12-01T10:00:00.5+01:00'], ['2024-12-01', 'T', '10:00:00', '.5', 'Z', '+01:00', '9999', '-00:00'])) },
  { name: 'time.parse_duration_ns', args: fc.tuple(around(['1h30m', '1.5s', '-2µs'], ['1', '.5', 'h', 'm', 's', 'ms', 'us', 'µs', 'ns', '-', '+', '9999999999'])) },
  { name: 'units.parse', args: fc.tuple(textOf(['1', '.5', 'K', 'Ki', 'M', 'm', 'G', 'e3', '-', ' ', '"'])) },
  { name: 'units.parse_bytes', args: fc.tuple(textOf(['1', '.5', 'KB', 'KiB', 'mb', 'E', ' ', '-'])) },
  { name: 'semver.compare', args: fc.tuple(around(['1.0.0', '1.2.3-alpha.1+build'], ['1', '.', '0', '-', 'alpha', '+', 'build', 'v']), around(['1.2.0', '0.0.1-rc.1'], ['1', '.', '2', '-rc.1'])) },
  { name: 'net.cidr_contains', args: fc.tuple(around(['10.0.0.0/8', 'fe80::/10'], ['10.', '0', '/', '8', '::', 'ff', ':', '1', '32']), around(['10.1.2.3', '10.1.0.0/16', 'fe80::1'], ['10.', '1', '.', '::1', '/24'])) },
  { name: 'uuid.parse', args: fc.tuple(around(['4b2e3f8a-1c3d-4e5f-8a9b-0c1d2e3f4a5b', '{00000000-0000-1000-8000-000000000000}'], ['00000000', '-', '0000', 'urn:uuid:', '{', '}', 'g'])) },
  { name: 'sprintf', args: fc.tuple(textOf(['%', 'v', 'd', 's', 'q', 'x', '.2f', '%%', '%!', '*', '[1]', ' ']), fc.array(json, { maxLength: 3 })) },
  { name: 'base64.decode', args: fc.tuple(textOf(['QQ', '==', '=', '-', '_', 'ü'])) },
  { name: 'urlquery.decode_object', args: fc.tuple(textOf(['a=1', '&', '%', '%zz', '+', ';', '='])) },
  { name: 'crypto.x509.parse_certificates', args: fc.tuple(around([fixture('chain.pem'), fixture('leaf.pem'), Buffer.from(fixture('leaf.pem')).toString('base64')], PEM_PIECES)) },
  { name: 'crypto.x509.parse_and_verify_certificates', args: fc.tuple(around([fixture('chain.pem')], PEM_PIECES)) },
  { name: 'crypto.x509.parse_certificate_request', args: fc.tuple(around([fixture('leaf.csr.pem')], PEM_PIECES)) },
  { name: 'crypto.x509.parse_rsa_private_key', args: fc.tuple(around([fixture('rsa-pkcs1-key.pem'), fixture('rsa-pkcs8-key.pem')], PEM_PIECES)) },
  { name: 'crypto.parse_private_keys', args: fc.tuple(around([fixture('rsa-pkcs8-key.pem'), fixture('leaf-key.pem')], PEM_PIECES)) },
];

describe('builtins reading text', () => {
  for (const c of cases) {
    it(`${c.name} answers any input with a value or a builtin error`, () => {
      const seen = new Set<string>();
      fc.assert(
        fc.property(c.args, (args) => {
          seen.add(outcome(c.name, args));
        }),
        { numRuns: Number(process.env.FUZZ_RUNS ?? 300) },
      );
      // Some inputs must be read successfully, or the property says little.
      expect(seen.has('value')).toBe(true);
    });
  }
});
