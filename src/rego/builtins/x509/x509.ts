// Certificate and private key builtins (crypto.x509.*, crypto.parse_private_keys): certificates,
// chains, CSRs and keys read from PEM or base64 into the JSON shapes OPA gives policies.
import { fromJS, isNumber, SetValue } from '../../value.ts';
import type { ObjectValue } from '../../value.ts';
import type { Value } from '../../value.ts';
import type { BuiltinContext, BuiltinDef } from '../builtin.ts';
import { builtinError } from '../builtin.ts';
import { objectOperand, stringOperand } from '../operands.ts';
import { decodeStdBase64, pemBlocks } from './pem.ts';
import { CertificateError, certificateJson, parseCertificates } from './x509-certificate.ts';
import type { Certificate } from './x509-certificate.ts';
import { parseCertificateRequest } from './x509-request.ts';
import { KeyPairError, keyPair, privateKeyJwk, privateKeysFromPem } from './x509-keys.ts';
import { verifyChain } from './x509-verify.ts';
import type { VerifyOptions } from './x509-verify.ts';
import { trimBoth } from '../strings/trim.ts';

const PARSE = 'crypto.x509.parse_certificates';
const VERIFY = 'crypto.x509.parse_and_verify_certificates';
const VERIFY_WITH = 'crypto.x509.parse_and_verify_certificates_with_options';

/** Thrown with OPA's text for input that holds no readable certificates. */
class InputError extends Error {}

function base64(text: string): Buffer {
  const bytes = decodeStdBase64(text);
  if (typeof bytes === 'string') throw new InputError(bytes);
  return bytes;
}

/** PEM text, or base64 of PEM or of DER, as OPA reads certificate input. */
function readCertificates(text: string): Certificate[] {
  if (text.startsWith('-----BEGIN')) return certificatesFromPem(text);
  const bytes = base64(text);
  if (bytes.subarray(0, 10).toString('latin1') === '-----BEGIN') return certificatesFromPem(bytes.toString('latin1'));
  return parseOrFail(bytes);
}

function certificatesFromPem(text: string): Certificate[] {
  const der: Buffer[] = [];
  for (const block of pemBlocks(text)) {
    if (block.type !== 'CERTIFICATE') throw new InputError(`PEM block type is '${block.type}', expected CERTIFICATE`);
    der.push(block.bytes);
  }
  return parseOrFail(Buffer.concat(der));
}

function parseOrFail(der: Uint8Array): Certificate[] {
  try {
    return parseCertificates(der);
  } catch (e) {
    if (e instanceof CertificateError) throw new InputError(e.message);
    throw e;
  }
}

/** Parsed certificates, kept for the evaluation: policies often read one bundle many times. */
function certificatesOf(name: string, text: string, ctx: BuiltinContext): Certificate[] {
  const key = `crypto.x509 certs\u0000${text}`;
  const cached = ctx.cache.get(key);
  if (cached instanceof Error) throw builtinError(name, cached.message);
  if (cached) return cached as Certificate[];
  try {
    const certs = readCertificates(text);
    ctx.cache.set(key, certs);
    return certs;
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    ctx.cache.set(key, e);
    throw builtinError(name, e.message);
  }
}

function certificatesValue(certs: Certificate[], uriStrings: boolean): Value {
  return fromJS(certs.map((c) => certificateJson(c, uriStrings)));
}

const INVALID = (): Value => [false, []];

function parseAndVerify(name: string, text: string, opts: VerifyOptions, ctx: BuiltinContext, uriStrings: boolean): Value {
  let certs: Certificate[];
  try {
    certs = certificatesOf(name, text, ctx);
  } catch {
    return INVALID();
  }
  const chain = verifyChain(certs, opts);
  return chain ? [true, certificatesValue(chain, uriStrings)] : INVALID();
}

/** OPA's names for the extended key usages a chain may be asked to allow, as Go's enum numbers. */
const KEY_USAGE_OPTIONS: Record<string, number> = {
  KeyUsageAny: 0,
  KeyUsageServerAuth: 1,
  KeyUsageClientAuth: 2,
  KeyUsageCodeSigning: 3,
  KeyUsageEmailProtection: 4,
  KeyUsageIPSECEndSystem: 5,
  KeyUsageIPSECTunnel: 6,
  KeyUsageIPSECUser: 7,
  KeyUsageTimeStamping: 8,
  KeyUsageOCSPSigning: 9,
  KeyUsageMicrosoftServerGatedCrypto: 10,
  KeyUsageNetscapeServerGatedCrypto: 11,
  KeyUsageMicrosoftCommercialCodeSigning: 12,
  KeyUsageMicrosoftKernelCodeSigning: 13,
};

const INT64_MIN = -(1n << 63n);
const INT64_MAX = (1n << 63n) - 1n;

function integerOf(v: Value): bigint | undefined {
  if (typeof v === 'bigint') return v;
  if (typeof v === 'number' && Number.isInteger(v)) return BigInt(v);
  return undefined;
}

/** The verify options of an options object, with OPA's errors for unknown keys and bad values. */
function verifyOptions(name: string, options: ObjectValue, now: bigint): VerifyOptions {
  const opts: VerifyOptions = { now, keyUsages: [], dnsName: '' };
  for (const [k, v] of options.sortedEntries()) {
    if (typeof k !== 'string') continue;
    switch (k) {
      case 'DNSName':
        if (typeof v !== 'string') throw builtinError(name, "'DNSName' should be a string");
        opts.dnsName = trimBoth(v, '"');
        break;
      case 'CurrentTime': {
        if (!isNumber(v)) throw builtinError(name, "'CurrentTime' should be a number");
        const ns = integerOf(v);
        if (ns === undefined || ns < INT64_MIN || ns > INT64_MAX) throw builtinError(name, "'CurrentTime' should be a valid int64 number");
        opts.now = ns;
        break;
      }
      case 'MaxConstraintComparisons': {
        if (!isNumber(v)) throw builtinError(name, "'MaxConstraintComparisons' should be a number");
        if (integerOf(v) === undefined) throw builtinError(name, "'MaxConstraintComparisons' should be a valid number");
        break;
      }
      case 'KeyUsages': {
        let items: Value[];
        if (Array.isArray(v)) items = v;
        else if (v instanceof SetValue) items = v.sorted();
        else throw builtinError(name, "'KeyUsages' should be an Array or Set");
        const invalid: string[] = [];
        for (const item of items) {
          if (typeof item !== 'string') continue;
          const usage = trimBoth(item, '"');
          const known = KEY_USAGE_OPTIONS[usage];
          if (known === undefined) invalid.push(usage);
          else opts.keyUsages.push(known);
        }
        if (invalid.length > 0) throw builtinError(name, `invalid entries for 'KeyUsages' found: [${invalid.join(' ')}]`);
        break;
      }
      default:
        throw builtinError(name, 'invalid key option');
    }
  }
  return opts;
}

function keyFailure(name: string, e: unknown): never {
  if (e instanceof KeyPairError) throw builtinError(name, e.message);
  throw e;
}

export const builtins: BuiltinDef[] = [
  {
    name: PARSE,
    arity: 1,
    fn: ([certs], ctx) => certificatesValue(certificatesOf(PARSE, stringOperand(PARSE, 1, certs!), ctx), true),
  },
  {
    name: VERIFY,
    arity: 1,
    perRun: true,
    fn: ([certs], ctx) => {
      const text = stringOperand(VERIFY, 1, certs!);
      return parseAndVerify(VERIFY, text, { now: ctx.nowNs, keyUsages: [], dnsName: '' }, ctx, true);
    },
  },
  {
    name: VERIFY_WITH,
    arity: 2,
    perRun: true,
    fn: ([certs, options], ctx) => {
      const text = stringOperand(VERIFY_WITH, 1, certs!);
      const obj = objectOperand(VERIFY_WITH, 2, options!);
      let parsed: Certificate[];
      try {
        parsed = certificatesOf(VERIFY_WITH, text, ctx);
      } catch {
        return INVALID();
      }
      const opts = verifyOptions(VERIFY_WITH, obj, ctx.nowNs);
      const chain = verifyChain(parsed, opts);
      // OPA leaves URIStrings out of this builtin's certificates.
      return chain ? [true, certificatesValue(chain, false)] : INVALID();
    },
  },
  {
    name: 'crypto.x509.parse_certificate_request',
    arity: 1,
    fn: ([csr]) => {
      const name = 'crypto.x509.parse_certificate_request';
      try {
        return fromJS(parseCertificateRequest(stringOperand(name, 1, csr!)));
      } catch (e) {
        return keyFailure(name, e);
      }
    },
  },
  {
    name: 'crypto.x509.parse_keypair',
    arity: 2,
    fn: ([cert, key]) => {
      const name = 'crypto.x509.parse_keypair';
      // OPA numbers the key operand 1 as well in its type error.
      const certText = stringOperand(name, 1, cert!);
      const keyText = stringOperand(name, 1, key!);
      try {
        return fromJS(keyPair(certText, keyText));
      } catch (e) {
        return keyFailure(name, e);
      }
    },
  },
  {
    name: 'crypto.x509.parse_rsa_private_key',
    arity: 1,
    fn: ([pem]) => {
      const name = 'crypto.x509.parse_rsa_private_key';
      try {
        return fromJS(privateKeyJwk(stringOperand(name, 1, pem!)));
      } catch (e) {
        return keyFailure(name, e);
      }
    },
  },
  {
    name: 'crypto.parse_private_keys',
    arity: 1,
    fn: ([keys]) => {
      const name = 'crypto.parse_private_keys';
      const text = stringOperand(name, 1, keys!);
      if (text === '') return null;
      try {
        return fromJS(privateKeysFromPem(text));
      } catch (e) {
        return keyFailure(name, e);
      }
    },
  },
];
