// Certificate signing requests (PKCS #10) in the JSON shape OPA gives: Go's
// x509.CertificateRequest marshalled as JSON, with the SANs of its extension request.
import { DerError, DerReader, TAG, contextTag, oidText } from './der.ts';
import { decodeStdBase64, pemBlocks } from './pem.ts';
import {
  CertificateError,
  Extensions,
  PUBLIC_KEY_ALGORITHMS,
  ipText,
  parseName,
  publicKeyJson,
  rightAlign,
  signatureAlgorithmOf,
} from './x509-certificate.ts';
import type { Extension } from './x509-certificate.ts';
import { KeyPairError } from './x509-keys.ts';
import { parseGoUrl } from './go-url.ts';

const EXTENSION_REQUEST = '1.2.840.113549.1.9.14';
const b64 = (b: Uint8Array): string => Buffer.from(b).toString('base64');

/** PEM text or base64 of PEM or DER, as OPA reads a CSR. Errors are KeyPairErrors in Go's words. */
export function parseCertificateRequest(text: string): Record<string, unknown> {
  let bytes: Buffer = Buffer.from(text, 'latin1');
  if (!text.startsWith('-----BEGIN CERTIFICATE REQUEST-----')) {
    const decoded = decodeStdBase64(text);
    if (typeof decoded === 'string') throw new KeyPairError(decoded);
    bytes = decoded;
  }
  const [block] = pemBlocks(bytes.toString('latin1'));
  if (block && block.type !== 'CERTIFICATE REQUEST') throw new KeyPairError('invalid PEM-encoded certificate signing request');
  if (block) bytes = block.bytes;
  try {
    return readRequest(bytes);
  } catch (e) {
    if (e instanceof DerError || e instanceof CertificateError) throw new KeyPairError(e.message);
    throw e;
  }
}

function readRequest(der: Uint8Array): Record<string, unknown> {
  const malformed = 'x509: malformed certificate request';
  const outer = new DerReader(der);
  const csrEl = outer.read(TAG.SEQUENCE, malformed);
  if (!outer.empty) throw new CertificateError('x509: trailing data after certificate request');
  const csr = new DerReader(csrEl.body);
  const tbsEl = csr.read(TAG.SEQUENCE, malformed);
  const tbs = new DerReader(tbsEl.body);
  const version = tbs.readSmallInteger(malformed);
  const subjectEl = tbs.read(TAG.SEQUENCE, malformed);
  const spkiEl = tbs.read(TAG.SEQUENCE, malformed);
  const attributesEl = tbs.read(contextTag(0, true), malformed);
  const sigAlg = csr.read(TAG.SEQUENCE, malformed);
  const signature = csr.readBitString(malformed);

  const spki = new DerReader(spkiEl.body);
  const pkAlg = spki.enter(TAG.SEQUENCE, malformed);
  const pkOid = oidText(pkAlg.readOid(malformed));
  const pkParams = pkAlg.empty ? undefined : pkAlg.readAny(malformed);
  const publicKeyAlgorithm = PUBLIC_KEY_ALGORITHMS[pkOid] ?? 0;
  const keyBits = spki.readBitString(malformed);
  const publicKey = publicKeyAlgorithm === 0 ? null : publicKeyJson(publicKeyAlgorithm, pkParams?.full, keyBits);

  const attributes: unknown[] = [];
  const extensions: Extension[] = [];
  const attrs = new DerReader(attributesEl.body);
  while (!attrs.empty) {
    const attr = attrs.enter(TAG.SEQUENCE, malformed);
    const type = attr.readOid(malformed);
    const values = attr.enter(TAG.SET, malformed);
    const isExtensionRequest = oidText(type) === EXTENSION_REQUEST;
    // Go's legacy Attributes field holds values it can read as lists of (type, value) pairs.
    const legacy: unknown[][] = [];
    let legacyOk = true;
    while (!values.empty) {
      const list = values.enter(TAG.SEQUENCE, malformed);
      const pairs: unknown[] = [];
      while (!list.empty) {
        const item = list.enter(TAG.SEQUENCE, malformed);
        const id = item.readOid(malformed);
        const critical = item.peekTag() === TAG.BOOLEAN ? item.readBoolean(malformed) : undefined;
        const value = item.readAny(malformed);
        if (critical !== undefined || !item.empty) legacyOk = false;
        pairs.push({ Type: id, Value: value.tag === TAG.OCTET_STRING ? b64(value.body) : Buffer.from(value.body).toString('latin1') });
        if (isExtensionRequest) {
          if (value.tag !== TAG.OCTET_STRING) throw new CertificateError(malformed);
          extensions.push({ id, critical: critical ?? false, value: value.body });
        }
      }
      legacy.push(pairs);
    }
    if (legacyOk) attributes.push({ Type: type, Value: legacy });
  }

  const ext = new Extensions();
  for (const e of extensions) {
    if (oidText(e.id) === '2.5.29.17') ext.subjectAltNames(new DerReader(e.value));
  }

  return {
    Raw: b64(csrEl.full),
    RawTBSCertificateRequest: b64(tbsEl.full),
    RawSubjectPublicKeyInfo: b64(spkiEl.full),
    RawSubject: b64(subjectEl.full),
    Version: version,
    Signature: b64(rightAlign(signature)),
    SignatureAlgorithm: signatureAlgorithmOf(sigAlg.body),
    PublicKeyAlgorithm: publicKeyAlgorithm,
    PublicKey: publicKey,
    Subject: parseName(subjectEl.body),
    Attributes: attributes.length === 0 ? null : attributes,
    Extensions: extensions.length === 0 ? null : extensions.map((e) => ({ Id: e.id, Critical: e.critical, Value: b64(e.value) })),
    ExtraExtensions: null,
    DNSNames: ext.dnsNames,
    EmailAddresses: ext.emailAddresses,
    IPAddresses: ext.ipAddresses === null ? null : ext.ipAddresses.map(ipText),
    URIs: ext.uris === null ? null : ext.uris.map((u) => parseGoUrl(u)),
  };
}
