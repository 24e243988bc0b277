// Chain verification as Go's Certificate.Verify does it for OPA: one trusted root, a pool of
// intermediates, validity at a given time, CA constraints, path lengths, extended key usages and,
// on request, the host name. Signatures are checked by node:crypto.
import { X509Certificate } from 'node:crypto';
import type { Certificate } from './x509-certificate.ts';
import { INSECURE_SIGNATURE_ALGORITHMS } from './x509-certificate.ts';
import { parseIp, formatIp } from '../net.ts';

export interface VerifyOptions {
  /** Nanoseconds since the epoch at which every certificate must be valid. */
  now: bigint;
  /** Go's ExtKeyUsage numbers the chain must allow; none means server authentication. */
  keyUsages: number[];
  /** A host name or IP the leaf must be valid for; '' skips the check. */
  dnsName: string;
}

const EKU_ANY = 0;
const EKU_SERVER_AUTH = 1;
const KEY_USAGE_CERT_SIGN = 32;
const MAX_SIGNATURE_CHECKS = 100;

/** Go's public key algorithm for each signature algorithm number. */
function keyAlgorithmOf(signatureAlgorithm: number): number {
  if (signatureAlgorithm >= 1 && signatureAlgorithm <= 6) return 1;
  if (signatureAlgorithm >= 13 && signatureAlgorithm <= 15) return 1;
  if (signatureAlgorithm === 7 || signatureAlgorithm === 8) return 2;
  if (signatureAlgorithm >= 9 && signatureAlgorithm <= 12) return 3;
  if (signatureAlgorithm === 16) return 4;
  return 0;
}

/**
 * Verifies `certs` as OPA orders them: the first is the root, the last the leaf, the rest
 * intermediates. Returns the first chain found, leaf first, or undefined when none verifies.
 */
export function verifyChain(certs: Certificate[], opts: VerifyOptions): Certificate[] | undefined {
  if (certs.length < 2) return undefined;
  const root = certs[0]!;
  const intermediates = certs.slice(1, -1);
  const leaf = certs[certs.length - 1]!;
  if (leaf.unhandledCriticalExtensions !== null) return undefined;
  if (!isValid(leaf, 'leaf', [], opts)) return undefined;
  if (opts.dnsName !== '' && !matchesHost(leaf, opts.dnsName)) return undefined;

  let chains: Certificate[][];
  if (sameCertificate(leaf, root)) {
    chains = [[leaf]];
  } else {
    const search = new ChainSearch(root, intermediates, opts);
    chains = search.build([leaf]);
  }
  const usages = opts.keyUsages.length === 0 ? [EKU_SERVER_AUTH] : opts.keyUsages;
  if (!usages.includes(EKU_ANY)) chains = chains.filter((chain) => chainAllows(chain, usages));
  return chains[0];
}

class ChainSearch {
  private signatureChecks = 0;
  private readonly verified = new Map<string, boolean>();

  constructor(
    private readonly root: Certificate,
    private readonly intermediates: Certificate[],
    private readonly opts: VerifyOptions,
  ) {}

  build(chain: Certificate[]): Certificate[][] {
    const cert = chain[chain.length - 1]!;
    const found: Certificate[][] = [];
    const consider = (candidate: Certificate, kind: 'root' | 'intermediate'): void => {
      if (chain.some((c) => sameCertificate(c, candidate))) return;
      if (this.signatureChecks >= MAX_SIGNATURE_CHECKS) return;
      if (!this.signedBy(cert, candidate)) return;
      if (!isValid(candidate, kind, chain, this.opts)) return;
      if (kind === 'root') found.push([...chain, candidate]);
      else found.push(...this.build([...chain, candidate]));
    };
    for (const c of parentsOf(cert, [this.root])) consider(c, 'root');
    for (const c of parentsOf(cert, this.intermediates)) consider(c, 'intermediate');
    return found;
  }

  /** Go's CheckSignatureFrom: the parent may sign certificates, and the signature holds. */
  private signedBy(child: Certificate, parent: Certificate): boolean {
    if ((parent.version === 3 && !parent.basicConstraintsValid) || (parent.basicConstraintsValid && !parent.isCA)) return false;
    if (parent.keyUsage !== 0 && (parent.keyUsage & KEY_USAGE_CERT_SIGN) === 0) return false;
    const keyAlgorithm = parent.fields.PublicKeyAlgorithm as number;
    // Go verifies no DSA signatures, and none by a key of an unknown algorithm.
    if (keyAlgorithm === 0 || keyAlgorithm === 2) return false;
    if (INSECURE_SIGNATURE_ALGORITHMS.has(child.signatureAlgorithm)) return false;
    if (keyAlgorithmOf(child.signatureAlgorithm) !== keyAlgorithm) return false;
    const key = `${child.raw.toString('base64')}\u0000${parent.raw.toString('base64')}`;
    const known = this.verified.get(key);
    if (known !== undefined) return known;
    this.signatureChecks++;
    let ok: boolean;
    try {
      ok = new X509Certificate(child.raw).verify(new X509Certificate(parent.raw).publicKey);
    } catch {
      ok = false;
    }
    this.verified.set(key, ok);
    return ok;
  }
}

/**
 * Candidate issuers, as Go's CertPool finds them: the subject must equal the child's issuer byte
 * for byte; those whose key id matches the child's authority key id come first.
 */
function parentsOf(child: Certificate, pool: Certificate[]): Certificate[] {
  const named = pool.filter((c) => Buffer.compare(Buffer.from(c.rawSubject), Buffer.from(child.rawIssuer)) === 0);
  const rank = (c: Certificate): number => {
    if (child.authorityKeyId === null || c.subjectKeyId === null) return 1;
    return Buffer.compare(Buffer.from(c.subjectKeyId), Buffer.from(child.authorityKeyId)) === 0 ? 0 : 2;
  };
  return named.map((c, i) => ({ c, i, r: rank(c) })).sort((a, b) => a.r - b.r || a.i - b.i).map((x) => x.c);
}

function sameCertificate(a: Certificate, b: Certificate): boolean {
  return a.raw.equals(b.raw);
}

/** Go's Certificate.isValid, less name constraints. */
function isValid(cert: Certificate, kind: 'leaf' | 'intermediate' | 'root', chain: Certificate[], opts: VerifyOptions): boolean {
  if (cert.unhandledCriticalExtensions !== null) return false;
  if (opts.now < cert.notBefore.ns || opts.now > cert.notAfter.ns) return false;
  if (kind === 'intermediate' && (!cert.basicConstraintsValid || !cert.isCA)) return false;
  if (kind !== 'leaf' && cert.basicConstraintsValid && cert.maxPathLen >= 0 && chain.length - 1 > cert.maxPathLen) return false;
  return true;
}

/** Go's checkChainForKeyUsage: every certificate that lists usages must allow a requested one. */
function chainAllows(chain: Certificate[], requested: number[]): boolean {
  const remaining = new Set(requested);
  for (let i = chain.length - 1; i >= 0; i--) {
    const cert = chain[i]!;
    const ekus = cert.extKeyUsage ?? [];
    if (ekus.length === 0 && cert.unknownExtKeyUsage === null) continue;
    if (ekus.includes(EKU_ANY)) continue;
    for (const usage of [...remaining]) if (!ekus.includes(usage)) remaining.delete(usage);
    if (remaining.size === 0) return false;
  }
  return true;
}

/** Go's VerifyHostname: IP addresses against IP SANs, names against DNS SANs (with `*.` wildcards). */
function matchesHost(leaf: Certificate, host: string): boolean {
  const bare = host.startsWith('[') && host.endsWith(']') ? host.slice(1, -1) : host;
  const ip = parseIp(bare);
  if (ip) {
    const want = formatIp(ip.addr, ip.v4);
    const ips = (leaf.fields.IPAddresses as string[] | null) ?? [];
    return ips.some((candidate) => candidate === want);
  }
  const name = host.toLowerCase().replace(/\.$/, '');
  return (leaf.dnsNames ?? []).some((pattern) => hostMatches(pattern.toLowerCase(), name));
}

function hostMatches(pattern: string, host: string): boolean {
  if (pattern === host) return true;
  if (!pattern.startsWith('*.') || pattern.length < 3) return false;
  const dot = host.indexOf('.');
  return dot > 0 && host.slice(dot) === pattern.slice(1);
}

