// X.509 certificates read from DER into the JSON shape OPA gives policies: Go's x509.Certificate
// marshalled as JSON (byte strings as base64, enums as Go's numbers, names as pkix.Name), plus
// what chain verification needs. Parse errors use Go's texts, which OPA passes on.
import { DerError, DerReader, TAG, bitAt, contextTag, integerValue, oidText, oidValue } from './der.ts';
import type { BitString } from './der.ts';
import { parseGoUrl, UrlError } from './go-url.ts';
import { formatIp } from '../net.ts';
import type { CertTime } from './x509-time.ts';
import { parseCertTime, rfc3339 } from './x509-time.ts';

export class CertificateError extends Error {}

/** Go's SignatureAlgorithm numbers, by algorithm OID (RSASSA-PSS is decided by its parameters). */
const SIGNATURE_ALGORITHMS: Record<string, number> = {
  '1.2.840.113549.1.1.2': 1, // MD2WithRSA
  '1.2.840.113549.1.1.4': 2, // MD5WithRSA
  '1.2.840.113549.1.1.5': 3, // SHA1WithRSA
  '1.3.14.3.2.29': 3,
  '1.2.840.113549.1.1.11': 4, // SHA256WithRSA
  '1.2.840.113549.1.1.12': 5,
  '1.2.840.113549.1.1.13': 6,
  '1.2.840.10040.4.3': 7, // DSAWithSHA1
  '2.16.840.1.101.3.4.3.2': 8, // DSAWithSHA256
  '1.2.840.10045.4.1': 9, // ECDSAWithSHA1
  '1.2.840.10045.4.3.2': 10,
  '1.2.840.10045.4.3.3': 11,
  '1.2.840.10045.4.3.4': 12,
  '1.3.101.112': 16, // PureEd25519
};
const RSA_PSS = '1.2.840.113549.1.1.10';
/** MD2, MD5 and SHA-1 signatures, which Go refuses when it checks a chain. */
export const INSECURE_SIGNATURE_ALGORITHMS = new Set([1, 2, 3, 7, 9]);

export const PUBLIC_KEY_ALGORITHMS: Record<string, number> = {
  '1.2.840.113549.1.1.1': 1, // RSA
  '1.2.840.10040.4.1': 2, // DSA
  '1.2.840.10045.2.1': 3, // ECDSA
  '1.3.101.112': 4, // Ed25519
};

const CURVES: Record<string, number> = {
  '1.3.132.0.33': 28, // P-224, coordinate bytes
  '1.2.840.10045.3.1.7': 32,
  '1.3.132.0.34': 48,
  '1.3.132.0.35': 66,
};

/** Go's ExtKeyUsage numbers, by OID. */
export const EXT_KEY_USAGES: Record<string, number> = {
  '2.5.29.37.0': 0,
  '1.3.6.1.5.5.7.3.1': 1,
  '1.3.6.1.5.5.7.3.2': 2,
  '1.3.6.1.5.5.7.3.3': 3,
  '1.3.6.1.5.5.7.3.4': 4,
  '1.3.6.1.5.5.7.3.5': 5,
  '1.3.6.1.5.5.7.3.6': 6,
  '1.3.6.1.5.5.7.3.7': 7,
  '1.3.6.1.5.5.7.3.8': 8,
  '1.3.6.1.5.5.7.3.9': 9,
  '1.3.6.1.4.1.311.10.3.3': 10,
  '2.16.840.1.113730.4.1': 11,
  '1.3.6.1.4.1.311.2.1.22': 12,
  '1.3.6.1.4.1.311.61.1.1': 13,
};

/** pkix.Name's string fields, by the last arc of 2.5.4.x. */
const NAME_FIELDS: Record<number, string> = {
  3: 'CommonName',
  5: 'SerialNumber',
  6: 'Country',
  7: 'Locality',
  8: 'Province',
  9: 'StreetAddress',
  10: 'Organization',
  11: 'OrganizationalUnit',
  17: 'PostalCode',
};

export interface Certificate {
  raw: Buffer;
  rawTbs: Uint8Array;
  rawSubject: Uint8Array;
  rawIssuer: Uint8Array;
  rawSpki: Uint8Array;
  signature: Uint8Array;
  signatureAlgorithm: number;
  version: number;
  notBefore: CertTime;
  notAfter: CertTime;
  keyUsage: number;
  extKeyUsage: number[] | null;
  unknownExtKeyUsage: number[][] | null;
  basicConstraintsValid: boolean;
  isCA: boolean;
  maxPathLen: number;
  subjectKeyId: Uint8Array | null;
  authorityKeyId: Uint8Array | null;
  dnsNames: string[] | null;
  unhandledCriticalExtensions: number[][] | null;
  /** The SAN URIs as written, for OPA's URIStrings. */
  uriTexts: string[] | null;
  /** Go's field set of x509.Certificate, as plain JSON data. */
  fields: Record<string, unknown>;
}

/** Every certificate of concatenated DER, as Go's x509.ParseCertificates reads it. */
export function parseCertificates(der: Uint8Array): Certificate[] {
  const certs: Certificate[] = [];
  let rest = der;
  while (rest.length > 0) {
    const cert = parseCertificate(rest);
    certs.push(cert);
    rest = rest.subarray(cert.raw.length);
  }
  return certs;
}

/** The JSON object OPA gives for a certificate; `uriStrings` adds OPA's URIStrings field. */
export function certificateJson(cert: Certificate, uriStrings: boolean): Record<string, unknown> {
  return uriStrings ? { ...cert.fields, URIStrings: cert.uriTexts } : cert.fields;
}

function fail(message: string): never {
  throw new CertificateError(message);
}

const b64 = (b: Uint8Array | null): string | null => (b === null ? null : Buffer.from(b).toString('base64'));

function parseCertificate(der: Uint8Array): Certificate {
  try {
    return readCertificate(der);
  } catch (e) {
    if (e instanceof DerError) fail(e.message);
    throw e;
  }
}

function readCertificate(der: Uint8Array): Certificate {
  const outer = new DerReader(der);
  const certEl = outer.read(TAG.SEQUENCE, 'x509: malformed certificate');
  const raw = Buffer.from(certEl.full);
  const cert = new DerReader(certEl.body);
  const tbsEl = cert.read(TAG.SEQUENCE, 'x509: malformed tbs certificate');
  const tbs = new DerReader(tbsEl.body);

  let version = 0;
  if (tbs.peekTag() === contextTag(0, true)) {
    version = tbs.enter(contextTag(0, true), 'x509: malformed version').readSmallInteger('x509: malformed version');
  }
  if (version < 0 || version > 2) fail('x509: malformed version');
  version++;

  const serial = tbs.readInteger('x509: malformed serial number');
  if (serial < 0n) fail('x509: negative serial number');

  const sigAlgEl = tbs.read(TAG.SEQUENCE, 'x509: malformed signature algorithm identifier');
  const outerSigAlg = cert.read(TAG.SEQUENCE, 'x509: malformed algorithm identifier');
  if (Buffer.compare(Buffer.from(sigAlgEl.body), Buffer.from(outerSigAlg.body)) !== 0) {
    fail("x509: inner and outer signature algorithm identifiers don't match");
  }
  const signatureAlgorithm = signatureAlgorithmOf(sigAlgEl.body);

  const issuerEl = tbs.read(TAG.SEQUENCE, 'x509: malformed issuer');
  const issuer = parseName(issuerEl.body);

  const validity = tbs.enter(TAG.SEQUENCE, 'x509: malformed validity');
  const notBefore = readTime(validity);
  const notAfter = readTime(validity);

  const subjectEl = tbs.read(TAG.SEQUENCE, 'x509: malformed issuer');
  const subject = parseName(subjectEl.body);

  const spkiEl = tbs.read(TAG.SEQUENCE, 'x509: malformed spki');
  const spki = new DerReader(spkiEl.body);
  const pkAlg = spki.enter(TAG.SEQUENCE, 'x509: malformed public key algorithm identifier');
  const pkOid = oidText(pkAlg.readOid('x509: malformed OID'));
  const pkParams = pkAlg.empty ? undefined : pkAlg.readAny('x509: malformed parameters');
  const publicKeyAlgorithm = PUBLIC_KEY_ALGORITHMS[pkOid] ?? 0;
  const keyBits = spki.readBitString('x509: malformed subjectPublicKey');
  const publicKey = publicKeyAlgorithm === 0 ? null : publicKeyJson(publicKeyAlgorithm, pkParams?.full, keyBits);

  const ext = new Extensions();
  if (version > 1) {
    tbs.readOptional(contextTag(1), 'x509: malformed issuerUniqueID');
    tbs.readOptional(contextTag(2), 'x509: malformed subjectUniqueID');
    if (version === 3 && tbs.peekTag() === contextTag(3, true)) {
      const list = tbs
        .enter(contextTag(3, true), 'x509: malformed extensions')
        .enter(TAG.SEQUENCE, 'x509: malformed extensions');
      const seen = new Set<string>();
      while (!list.empty) {
        const e = list.enter(TAG.SEQUENCE, 'x509: malformed extension');
        const id = e.readOid('x509: malformed extension OID field');
        const critical = e.peekTag() === TAG.BOOLEAN ? e.readBoolean('x509: malformed extension critical field') : false;
        const value = e.read(TAG.OCTET_STRING, 'x509: malformed extension value field').body;
        const key = oidText(id);
        if (seen.has(key)) fail(`x509: certificate contains duplicate extension with OID "${key}"`);
        seen.add(key);
        ext.list.push({ id, critical, value });
      }
      ext.process();
    }
  }

  const signature = cert.readBitString('x509: malformed signature');
  const sigBytes = rightAlign(signature);

  const fields: Record<string, unknown> = {
    Raw: b64(raw),
    RawTBSCertificate: b64(tbsEl.full),
    RawSubjectPublicKeyInfo: b64(spkiEl.full),
    RawSubject: b64(subjectEl.full),
    RawIssuer: b64(issuerEl.full),
    Signature: b64(sigBytes),
    SignatureAlgorithm: signatureAlgorithm,
    PublicKeyAlgorithm: publicKeyAlgorithm,
    PublicKey: publicKey,
    Version: version,
    SerialNumber: serial,
    Issuer: issuer,
    Subject: subject,
    NotBefore: rfc3339(notBefore),
    NotAfter: rfc3339(notAfter),
    KeyUsage: ext.keyUsage,
    Extensions: ext.list.length === 0 ? null : ext.list.map((e) => ({ Id: e.id, Critical: e.critical, Value: b64(e.value) })),
    ExtraExtensions: null,
    UnhandledCriticalExtensions: ext.unhandledCritical,
    ExtKeyUsage: ext.extKeyUsage,
    UnknownExtKeyUsage: ext.unknownExtKeyUsage,
    BasicConstraintsValid: ext.basicConstraintsValid,
    IsCA: ext.isCA,
    MaxPathLen: ext.maxPathLen,
    MaxPathLenZero: ext.basicConstraintsValid && ext.maxPathLen === 0,
    SubjectKeyId: b64(ext.subjectKeyId),
    AuthorityKeyId: b64(ext.authorityKeyId),
    OCSPServer: ext.ocspServer,
    IssuingCertificateURL: ext.issuingCertificateURL,
    DNSNames: ext.dnsNames,
    EmailAddresses: ext.emailAddresses,
    IPAddresses: ext.ipAddresses === null ? null : ext.ipAddresses.map(ipText),
    URIs: ext.uris === null ? null : ext.uris.map((u) => parseGoUrl(u)),
    PermittedDNSDomainsCritical: ext.permittedDNSDomainsCritical,
    PermittedDNSDomains: ext.constraints.PermittedDNSDomains,
    ExcludedDNSDomains: ext.constraints.ExcludedDNSDomains,
    PermittedIPRanges: ext.constraints.PermittedIPRanges,
    ExcludedIPRanges: ext.constraints.ExcludedIPRanges,
    PermittedEmailAddresses: ext.constraints.PermittedEmailAddresses,
    ExcludedEmailAddresses: ext.constraints.ExcludedEmailAddresses,
    PermittedURIDomains: ext.constraints.PermittedURIDomains,
    ExcludedURIDomains: ext.constraints.ExcludedURIDomains,
    CRLDistributionPoints: ext.crlDistributionPoints,
    PolicyIdentifiers: ext.policies === null ? null : ext.policies,
    Policies: ext.policies === null ? null : ext.policies.map(oidText),
    InhibitAnyPolicy: ext.inhibitAnyPolicy,
    InhibitAnyPolicyZero: ext.inhibitAnyPolicyZero,
    InhibitPolicyMapping: ext.inhibitPolicyMapping,
    InhibitPolicyMappingZero: ext.inhibitPolicyMappingZero,
    RequireExplicitPolicy: ext.requireExplicitPolicy,
    RequireExplicitPolicyZero: ext.requireExplicitPolicyZero,
    PolicyMappings: ext.policyMappings,
  };

  return {
    raw,
    rawTbs: tbsEl.full,
    rawSubject: subjectEl.full,
    rawIssuer: issuerEl.full,
    rawSpki: spkiEl.full,
    signature: sigBytes,
    signatureAlgorithm,
    version,
    notBefore,
    notAfter,
    keyUsage: ext.keyUsage,
    extKeyUsage: ext.extKeyUsage,
    unknownExtKeyUsage: ext.unknownExtKeyUsage,
    basicConstraintsValid: ext.basicConstraintsValid,
    isCA: ext.isCA,
    maxPathLen: ext.maxPathLen,
    subjectKeyId: ext.subjectKeyId,
    authorityKeyId: ext.authorityKeyId,
    dnsNames: ext.dnsNames,
    unhandledCriticalExtensions: ext.unhandledCritical,
    uriTexts: ext.uris === null ? null : ext.uris.map((u) => u.replace(/^[A-Za-z][A-Za-z0-9+.-]*:/, (s) => s.toLowerCase())),
    fields,
  };
}

export function rightAlign(bits: BitString): Uint8Array {
  const shift = bits.bytes.length * 8 - bits.bitLength;
  if (shift === 0) return bits.bytes;
  const out = new Uint8Array(bits.bytes.length);
  for (let i = bits.bytes.length - 1; i >= 0; i--) {
    out[i] = (bits.bytes[i]! >> shift) | (i > 0 ? (bits.bytes[i - 1]! << (8 - shift)) & 0xff : 0);
  }
  return out;
}

function readTime(r: DerReader): CertTime {
  const tag = r.peekTag();
  if (tag !== TAG.UTCTime && tag !== TAG.GeneralizedTime) fail('x509: unsupported time format');
  const utc = tag === TAG.UTCTime;
  const text = Buffer.from(r.readAny('x509: malformed validity').body).toString('latin1');
  const t = parseCertTime(text, utc);
  if (!t) fail(utc ? 'x509: malformed UTCTime' : 'x509: malformed GeneralizedTime');
  return t;
}

export function signatureAlgorithmOf(body: Uint8Array): number {
  const r = new DerReader(body);
  const oid = oidText(r.readOid('x509: malformed OID'));
  if (oid !== RSA_PSS) return SIGNATURE_ALGORITHMS[oid] ?? 0;
  // Go names PSS only with matching hash, MGF1 hash and salt length, each SHA-256, -384 or -512.
  try {
    const params = r.enter(TAG.SEQUENCE, '');
    let hash = '1.3.14.3.2.26';
    let mgfHash = '1.3.14.3.2.26';
    let salt = 20;
    const hashEl = params.readOptional(contextTag(0, true), '');
    if (hashEl) hash = oidText(new DerReader(hashEl.body).enter(TAG.SEQUENCE, '').readOid(''));
    const mgfEl = params.readOptional(contextTag(1, true), '');
    if (mgfEl) {
      const mgf = new DerReader(mgfEl.body).enter(TAG.SEQUENCE, '');
      mgf.readOid('');
      mgfHash = oidText(mgf.enter(TAG.SEQUENCE, '').readOid(''));
    }
    const saltEl = params.readOptional(contextTag(2, true), '');
    if (saltEl) salt = new DerReader(saltEl.body).readSmallInteger('');
    const byHash: Record<string, [number, number]> = {
      '2.16.840.1.101.3.4.2.1': [13, 32],
      '2.16.840.1.101.3.4.2.2': [14, 48],
      '2.16.840.1.101.3.4.2.3': [15, 64],
    };
    const known = byHash[hash];
    return known && mgfHash === hash && salt === known[1] ? known[0] : 0;
  } catch {
    return 0;
  }
}

export function publicKeyJson(alg: number, params: Uint8Array | undefined, bits: BitString): unknown {
  const data = rightAlign(bits);
  const r = new DerReader(data);
  switch (alg) {
    case 1: {
      if (!params || Buffer.compare(Buffer.from(params), Buffer.from([5, 0])) !== 0) fail('x509: RSA key missing NULL parameters');
      const seq = r.enter(TAG.SEQUENCE, 'x509: invalid RSA public key');
      const n = seq.readInteger('x509: invalid RSA modulus');
      const e = seq.readInteger('x509: invalid RSA public exponent');
      if (n <= 0n) fail('x509: RSA modulus is not a positive number');
      if (e <= 0n) fail('x509: RSA public exponent is not a positive number');
      return { N: n, E: e };
    }
    case 3: {
      let curve: string;
      try {
        curve = oidText(new DerReader(params ?? new Uint8Array()).readOid(''));
      } catch {
        fail('x509: invalid ECDSA parameters');
      }
      const size = CURVES[curve];
      if (size === undefined) fail('x509: unsupported elliptic curve');
      if (data.length !== 1 + 2 * size || data[0] !== 4) fail('x509: failed to unmarshal elliptic curve point');
      // Go's curve values have no exported fields, so the curve marshals as an empty object.
      return { Curve: {}, X: unsigned(data.subarray(1, 1 + size)), Y: unsigned(data.subarray(1 + size)) };
    }
    case 4:
      if (params) fail('x509: Ed25519 key encoded with illegal parameters');
      if (data.length !== 32) fail('x509: wrong Ed25519 public key size');
      return b64(data);
    default: {
      const y = r.readInteger('x509: invalid DSA public key');
      const p = new DerReader(params ?? new Uint8Array());
      let P: bigint, Q: bigint, G: bigint;
      try {
        const seq = p.enter(TAG.SEQUENCE, '');
        [P, Q, G] = [seq.readInteger(''), seq.readInteger(''), seq.readInteger('')];
      } catch {
        fail('x509: invalid DSA parameters');
      }
      if (y <= 0n || P <= 0n || Q <= 0n || G <= 0n) fail('x509: zero or negative DSA parameter');
      return { Parameters: { P, Q, G }, Y: y };
    }
  }
}

function unsigned(bytes: Uint8Array): bigint {
  let n = 0n;
  for (const b of bytes) n = (n << 8n) | BigInt(b);
  return n;
}

/** Go's text of an IP: IPv4 (also when 16 bytes hold an IPv4-mapped address) or IPv6. */
export function ipText(bytes: Uint8Array): string {
  if (bytes.length === 4) return formatIp(unsigned(bytes), true);
  if (bytes.length === 16 && bytes.subarray(0, 10).every((b) => b === 0) && bytes[10] === 0xff && bytes[11] === 0xff) {
    return formatIp(unsigned(bytes.subarray(12)), true);
  }
  return formatIp(unsigned(bytes), false);
}

// ---- names ----

export function parseName(body: Uint8Array): Record<string, unknown> {
  const name: Record<string, unknown> = {
    Country: null,
    Organization: null,
    OrganizationalUnit: null,
    Locality: null,
    Province: null,
    StreetAddress: null,
    PostalCode: null,
    SerialNumber: '',
    CommonName: '',
    Names: null,
    ExtraNames: null,
  };
  const names: unknown[] = [];
  const seq = new DerReader(body);
  while (!seq.empty) {
    const set = seq.enter(TAG.SET, 'x509: invalid RDNSequence');
    while (!set.empty) {
      const atv = set.enter(TAG.SEQUENCE, 'x509: invalid RDNSequence: invalid attribute');
      const type = atv.readOid('x509: invalid RDNSequence: invalid attribute type');
      const value = attributeValue(atv);
      names.push({ Type: type, Value: value });
      if (typeof value !== 'string' || type.length !== 4 || type[0] !== 2 || type[1] !== 5 || type[2] !== 4) continue;
      const field = NAME_FIELDS[type[3]!];
      if (field === 'CommonName' || field === 'SerialNumber') name[field] = value;
      else if (field) name[field] = [...((name[field] as string[] | null) ?? []), value];
    }
  }
  if (names.length > 0) name.Names = names;
  return name;
}

function attributeValue(r: DerReader): unknown {
  const el = r.readAny('x509: invalid RDNSequence: invalid attribute value: invalid ASN.1 element');
  const bad = (what: string): never => fail(`x509: invalid RDNSequence: invalid attribute value: ${what}`);
  const v = el.body;
  switch (el.tag) {
    case TAG.UTF8String: {
      const s = Buffer.from(v).toString('utf8');
      if (Buffer.compare(Buffer.from(s, 'utf8'), Buffer.from(v)) !== 0) bad('invalid UTF-8 string');
      return s;
    }
    case TAG.PrintableString:
      if (!/^[A-Za-z0-9'()+,\-./:=? *&]*$/.test(Buffer.from(v).toString('latin1'))) bad('invalid PrintableString');
      return Buffer.from(v).toString('latin1');
    case TAG.IA5String:
      if (v.some((b) => b > 0x7f)) bad('invalid IA5String');
      return Buffer.from(v).toString('latin1');
    case TAG.NumericString:
      if (!/^[0-9 ]*$/.test(Buffer.from(v).toString('latin1'))) bad('invalid NumericString');
      return Buffer.from(v).toString('latin1');
    case TAG.T61String:
      return Buffer.from(v).toString('latin1');
    case TAG.BMPString: {
      if (v.length % 2 !== 0) bad('invalid BMPString');
      let units = v;
      if (units.length >= 2 && units[units.length - 1] === 0 && units[units.length - 2] === 0) units = units.subarray(0, -2);
      let s = '';
      for (let i = 0; i < units.length; i += 2) {
        const c = (units[i]! << 8) | units[i + 1]!;
        if (c === 0xfffe || c === 0xffff || (c >= 0xfdd0 && c <= 0xfdef) || (c >= 0xd800 && c <= 0xdfff)) bad('invalid BMPString');
        s += String.fromCharCode(c);
      }
      return s;
    }
    case TAG.INTEGER:
      return integerValue(v, 'x509: invalid RDNSequence: invalid attribute value: invalid ASN.1 integer');
    case TAG.BOOLEAN:
      return v.length === 1 && v[0] === 0xff;
    case TAG.NULL:
      return null;
    case TAG.OID:
      return oidValue(v, 'x509: invalid RDNSequence: invalid attribute value: invalid ASN.1 OBJECT IDENTIFIER');
    case TAG.OCTET_STRING:
      return b64(v);
    default:
      // Go keeps other values as asn1.RawValue.
      return { Class: el.tag >> 6, Tag: el.tag & 0x1f, IsCompound: (el.tag & 0x20) !== 0, Bytes: b64(v), FullBytes: b64(el.full) };
  }
}

// ---- extensions ----

export interface Extension {
  id: number[];
  critical: boolean;
  value: Uint8Array;
}

interface IpNet {
  IP: string;
  Mask: string | null;
}

export class Extensions {
  list: Extension[] = [];
  keyUsage = 0;
  extKeyUsage: number[] | null = null;
  unknownExtKeyUsage: number[][] | null = null;
  basicConstraintsValid = false;
  isCA = false;
  maxPathLen = 0;
  subjectKeyId: Uint8Array | null = null;
  authorityKeyId: Uint8Array | null = null;
  ocspServer: string[] | null = null;
  issuingCertificateURL: string[] | null = null;
  dnsNames: string[] | null = null;
  emailAddresses: string[] | null = null;
  ipAddresses: Uint8Array[] | null = null;
  uris: string[] | null = null;
  permittedDNSDomainsCritical = false;
  constraints: Record<string, unknown[] | null> = {
    PermittedDNSDomains: null,
    ExcludedDNSDomains: null,
    PermittedIPRanges: null,
    ExcludedIPRanges: null,
    PermittedEmailAddresses: null,
    ExcludedEmailAddresses: null,
    PermittedURIDomains: null,
    ExcludedURIDomains: null,
  };
  crlDistributionPoints: string[] | null = null;
  policies: number[][] | null = null;
  policyMappings: { IssuerDomainPolicy: string; SubjectDomainPolicy: string }[] | null = null;
  inhibitAnyPolicy = 0;
  inhibitAnyPolicyZero = false;
  inhibitPolicyMapping = 0;
  inhibitPolicyMappingZero = false;
  requireExplicitPolicy = 0;
  requireExplicitPolicyZero = false;
  unhandledCritical: number[][] | null = null;

  process(): void {
    for (const e of this.list) {
      const id = e.id;
      let unhandled = false;
      if (id.length === 4 && id[0] === 2 && id[1] === 5 && id[2] === 29) {
        unhandled = this.standard(id[3]!, e);
      } else if (oidText(id) === '1.3.6.1.5.5.7.1.1') {
        this.authorityInfoAccess(e);
      } else {
        unhandled = true;
      }
      if (e.critical && unhandled) (this.unhandledCritical ??= []).push(id);
    }
  }

  /** Reads an extension of the 2.5.29 arc; true when Go leaves it unhandled. */
  private standard(arc: number, e: Extension): boolean {
    const r = new DerReader(e.value);
    switch (arc) {
      case 15: {
        const bits = r.readBitString('x509: invalid key usage');
        for (let i = 0; i < 9; i++) if (bitAt(bits, i)) this.keyUsage |= 1 << i;
        return false;
      }
      case 19: {
        const seq = r.enter(TAG.SEQUENCE, 'x509: invalid basic constraints');
        this.isCA = seq.peekTag() === TAG.BOOLEAN ? seq.readBoolean('x509: invalid basic constraints') : false;
        this.maxPathLen = -1;
        if (seq.peekTag() === TAG.INTEGER) {
          const n = seq.readInteger('x509: invalid basic constraints');
          if (n < 0n || n > BigInt(Number.MAX_SAFE_INTEGER)) fail('x509: invalid basic constraints');
          this.maxPathLen = Number(n);
        }
        this.basicConstraintsValid = true;
        return false;
      }
      case 17:
        this.subjectAltNames(r);
        return this.dnsNames === null && this.emailAddresses === null && this.ipAddresses === null && this.uris === null;
      case 30:
        return this.nameConstraints(r, e.critical);
      case 31:
        this.crlDistribution(r);
        return false;
      case 35: {
        if (e.critical) fail('x509: authority key identifier incorrectly marked critical');
        const seq = r.enter(TAG.SEQUENCE, 'x509: invalid authority key identifier');
        const id = seq.readOptional(contextTag(0), 'x509: invalid authority key identifier');
        if (id) this.authorityKeyId = id.body;
        return false;
      }
      case 36: {
        const seq = r.enter(TAG.SEQUENCE, 'x509: invalid policy constraints extension');
        if (seq.peekTag() === contextTag(0)) {
          this.requireExplicitPolicy = seq.readSmallInteger('x509: invalid policy constraints extension', contextTag(0));
          this.requireExplicitPolicyZero = this.requireExplicitPolicy === 0;
        }
        if (seq.peekTag() === contextTag(1)) {
          this.inhibitPolicyMapping = seq.readSmallInteger('x509: invalid policy constraints extension', contextTag(1));
          this.inhibitPolicyMappingZero = this.inhibitPolicyMapping === 0;
        }
        return false;
      }
      case 37: {
        const seq = r.enter(TAG.SEQUENCE, 'x509: invalid extended key usages');
        while (!seq.empty) {
          const oid = seq.readOid('x509: invalid extended key usages');
          const known = EXT_KEY_USAGES[oidText(oid)];
          if (known !== undefined) (this.extKeyUsage ??= []).push(known);
          else (this.unknownExtKeyUsage ??= []).push(oid);
        }
        return false;
      }
      case 14:
        if (e.critical) fail('x509: subject key identifier incorrectly marked critical');
        this.subjectKeyId = r.read(TAG.OCTET_STRING, 'x509: invalid subject key identifier').body;
        return false;
      case 32: {
        const seq = r.enter(TAG.SEQUENCE, 'x509: invalid certificate policies');
        const seen = new Set<string>();
        this.policies = [];
        while (!seq.empty) {
          const oid = seq.enter(TAG.SEQUENCE, 'x509: invalid certificate policies').readOid('x509: invalid certificate policies');
          const key = oidText(oid);
          if (seen.has(key)) fail('x509: invalid certificate policies');
          seen.add(key);
          this.policies.push(oid);
        }
        return false;
      }
      case 33: {
        const seq = r.enter(TAG.SEQUENCE, 'x509: invalid policy mappings extension');
        while (!seq.empty) {
          const m = seq.enter(TAG.SEQUENCE, 'x509: invalid policy mappings extension');
          const issuer = oidText(m.readOid('x509: invalid policy mappings extension'));
          const subject = oidText(m.readOid('x509: invalid policy mappings extension'));
          (this.policyMappings ??= []).push({ IssuerDomainPolicy: issuer, SubjectDomainPolicy: subject });
        }
        return false;
      }
      case 54:
        this.inhibitAnyPolicy = r.readSmallInteger('x509: invalid inhibit any policy extension');
        this.inhibitAnyPolicyZero = this.inhibitAnyPolicy === 0;
        return false;
      default:
        return true;
    }
  }

  subjectAltNames(r: DerReader): void {
    const seq = r.enter(TAG.SEQUENCE, 'x509: invalid subject alternative names');
    while (!seq.empty) {
      const el = seq.readAny('x509: invalid subject alternative name');
      const text = Buffer.from(el.body).toString('latin1');
      const ia5 = !el.body.some((b) => b > 0x7f);
      switch (el.tag & ~0x20) {
        case contextTag(1):
          if (!ia5) fail('x509: SAN rfc822Name is malformed');
          (this.emailAddresses ??= []).push(text);
          break;
        case contextTag(2):
          if (!ia5) fail('x509: SAN dNSName is malformed');
          (this.dnsNames ??= []).push(text);
          break;
        case contextTag(6): {
          if (!ia5) fail('x509: SAN uniformResourceIdentifier is malformed');
          let host: string;
          try {
            host = parseGoUrl(text).Host;
          } catch (e) {
            if (e instanceof UrlError) fail(`x509: cannot parse URI "${text}": parse "${text}": ${e.message}`);
            throw e;
          }
          if (host.length > 0 && !domainNameValid(host, false)) fail(`x509: cannot parse URI "${text}": invalid domain`);
          (this.uris ??= []).push(text);
          break;
        }
        case contextTag(7):
          if (el.body.length === 16 && ipText(el.body).includes('.')) fail('x509: SAN iPAddress contains IPv4-mapped IPv6 address');
          if (el.body.length !== 4 && el.body.length !== 16) fail(`x509: cannot parse IP address of length ${el.body.length}`);
          (this.ipAddresses ??= []).push(el.body);
          break;
      }
    }
  }

  private nameConstraints(r: DerReader, critical: boolean): boolean {
    const invalid = 'x509: invalid NameConstraints extension';
    const top = r.enter(TAG.SEQUENCE, invalid);
    if (!r.empty) fail(invalid);
    const permitted = top.readOptional(contextTag(0, true), invalid);
    const excluded = top.readOptional(contextTag(1, true), invalid);
    if (!top.empty) fail(invalid);
    if (!permitted && !excluded) fail('x509: empty name constraints extension');
    if ((permitted && permitted.body.length === 0) || (excluded && excluded.body.length === 0)) {
      fail('x509: empty name constraints subtree sequence');
    }
    let unhandled = false;
    const collect = (subtrees: Uint8Array | undefined, prefix: 'Permitted' | 'Excluded'): void => {
      if (!subtrees) return;
      const list = new DerReader(subtrees);
      const add = (field: string, v: unknown) => ((this.constraints[`${prefix}${field}`] ??= []) as unknown[]).push(v);
      while (!list.empty) {
        const el = list.enter(TAG.SEQUENCE, invalid).readAny(invalid);
        const text = Buffer.from(el.body).toString('latin1');
        switch (el.tag) {
          case contextTag(2):
            if (!domainNameValid(text, true)) fail(`x509: failed to parse dnsName constraint "${text}"`);
            add('DNSDomains', text);
            break;
          case contextTag(7): {
            const half = el.body.length / 2;
            if (el.body.length !== 8 && el.body.length !== 32) fail(`x509: IP constraint contained value of length ${el.body.length}`);
            add('IPRanges', { IP: ipText(el.body.subarray(0, half)), Mask: b64(el.body.subarray(half)) } satisfies IpNet);
            break;
          }
          case contextTag(1):
            add('EmailAddresses', text);
            break;
          case contextTag(6):
            if (!domainNameValid(text, true)) fail(`x509: failed to parse URI constraint "${text}"`);
            add('URIDomains', text);
            break;
          default:
            unhandled = true;
        }
      }
    };
    collect(permitted?.body, 'Permitted');
    collect(excluded?.body, 'Excluded');
    this.permittedDNSDomainsCritical = critical;
    return unhandled;
  }

  private crlDistribution(r: DerReader): void {
    const seq = r.enter(TAG.SEQUENCE, 'x509: invalid CRL distribution points');
    while (!seq.empty) {
      const dp = seq.enter(TAG.SEQUENCE, 'x509: invalid CRL distribution point');
      const name = dp.readOptional(contextTag(0, true), 'x509: invalid CRL distribution point');
      if (!name) continue;
      const full = new DerReader(name.body).enter(contextTag(0, true), 'x509: invalid CRL distribution point');
      while (full.peekTag() === contextTag(6)) {
        const uri = full.readAny('x509: invalid CRL distribution point');
        (this.crlDistributionPoints ??= []).push(Buffer.from(uri.body).toString('latin1'));
      }
    }
  }

  private authorityInfoAccess(e: Extension): void {
    if (e.critical) fail('x509: authority info access incorrectly marked critical');
    const seq = new DerReader(e.value).enter(TAG.SEQUENCE, 'x509: invalid authority info access');
    while (!seq.empty) {
      const ad = seq.enter(TAG.SEQUENCE, 'x509: invalid authority info access');
      const method = oidText(ad.readOid('x509: invalid authority info access'));
      if (ad.peekTag() !== contextTag(6)) continue;
      const uri = Buffer.from(ad.readAny('x509: invalid authority info access').body).toString('latin1');
      if (method === '1.3.6.1.5.5.7.48.1') (this.ocspServer ??= []).push(uri);
      else if (method === '1.3.6.1.5.5.7.48.2') (this.issuingCertificateURL ??= []).push(uri);
    }
  }
}

/** Go's loose domain check for SAN hosts and name constraints: printable ASCII, no empty labels. */
function domainNameValid(s: string, constraint: boolean): boolean {
  if (s.length === 0) return true;
  if (s.endsWith('.')) return false;
  const name = constraint && s.startsWith('.') ? s.slice(1) : s;
  return name.split('.').every((label) => label.length > 0 && /^[\x21-\x7e]+$/.test(label));
}
