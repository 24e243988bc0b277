// A small reader of DER (the ASN.1 encoding of certificates and keys): elements one after another,
// each checked against the tag the caller expects. Callers pass the error text for each read, so a
// malformed input fails with the message of the field that could not be read.

export class DerError extends Error {}

export const TAG = {
  BOOLEAN: 0x01,
  INTEGER: 0x02,
  BIT_STRING: 0x03,
  OCTET_STRING: 0x04,
  NULL: 0x05,
  OID: 0x06,
  UTF8String: 0x0c,
  SEQUENCE: 0x30,
  SET: 0x31,
  NumericString: 0x12,
  PrintableString: 0x13,
  T61String: 0x14,
  IA5String: 0x16,
  UTCTime: 0x17,
  GeneralizedTime: 0x18,
  BMPString: 0x1e,
} as const;

/** `[n]` of a context-specific tag, primitive or constructed. */
export function contextTag(n: number, constructed = false): number {
  return 0x80 | (constructed ? 0x20 : 0) | n;
}

export interface DerElement {
  tag: number;
  /** The contents, without tag and length. */
  body: Uint8Array;
  /** The whole element, tag and length included. */
  full: Uint8Array;
}

export class DerReader {
  private pos = 0;

  constructor(private readonly buf: Uint8Array) {}

  get empty(): boolean {
    return this.pos >= this.buf.length;
  }

  /** The bytes not read yet. */
  rest(): Uint8Array {
    return this.buf.subarray(this.pos);
  }

  peekTag(): number | undefined {
    return this.empty ? undefined : this.buf[this.pos];
  }

  /** The next element of any tag; `error` when the input is not DER. */
  readAny(error: string): DerElement {
    const start = this.pos;
    const buf = this.buf;
    if (start + 2 > buf.length) throw new DerError(error);
    const tag = buf[start]!;
    // High tag numbers never occur in the structures read here.
    if ((tag & 0x1f) === 0x1f) throw new DerError(error);
    let len = buf[start + 1]!;
    let header = 2;
    if (len & 0x80) {
      const n = len & 0x7f;
      if (n === 0 || n > 4 || start + 2 + n > buf.length) throw new DerError(error);
      len = 0;
      for (let i = 0; i < n; i++) len = len * 256 + buf[start + 2 + i]!;
      // DER wants the shortest length form.
      if (len < 0x80 || buf[start + 2] === 0) throw new DerError(error);
      header += n;
    }
    const end = start + header + len;
    if (end > buf.length) throw new DerError(error);
    this.pos = end;
    return { tag, body: buf.subarray(start + header, end), full: buf.subarray(start, end) };
  }

  read(tag: number, error: string): DerElement {
    if (this.peekTag() !== tag) throw new DerError(error);
    return this.readAny(error);
  }

  readOptional(tag: number, error: string): DerElement | undefined {
    return this.peekTag() === tag ? this.readAny(error) : undefined;
  }

  /** The contents of the next element, as a reader of its own. */
  enter(tag: number, error: string): DerReader {
    return new DerReader(this.read(tag, error).body);
  }

  readInteger(error: string, tag: number = TAG.INTEGER): bigint {
    return integerValue(this.read(tag, error).body, error);
  }

  readSmallInteger(error: string, tag: number = TAG.INTEGER): number {
    const n = this.readInteger(error, tag);
    if (n > BigInt(Number.MAX_SAFE_INTEGER) || n < BigInt(Number.MIN_SAFE_INTEGER)) throw new DerError(error);
    return Number(n);
  }

  readBoolean(error: string): boolean {
    const { body } = this.read(TAG.BOOLEAN, error);
    if (body.length !== 1 || (body[0] !== 0 && body[0] !== 0xff)) throw new DerError(error);
    return body[0] === 0xff;
  }

  readOid(error: string): number[] {
    return oidValue(this.read(TAG.OID, error).body, error);
  }

  readBitString(error: string): BitString {
    return bitStringValue(this.read(TAG.BIT_STRING, error).body, error);
  }
}

export interface BitString {
  bytes: Uint8Array;
  bitLength: number;
}

export function bitAt(bits: BitString, i: number): boolean {
  if (i < 0 || i >= bits.bitLength) return false;
  return ((bits.bytes[i >> 3]! >> (7 - (i & 7))) & 1) === 1;
}

export function bitStringValue(body: Uint8Array, error: string): BitString {
  if (body.length === 0) throw new DerError(error);
  const unused = body[0]!;
  const bytes = body.subarray(1);
  if (unused > 7 || (bytes.length === 0 && unused > 0)) throw new DerError(error);
  if (bytes.length > 0 && (bytes[bytes.length - 1]! & ((1 << unused) - 1)) !== 0) throw new DerError(error);
  return { bytes, bitLength: bytes.length * 8 - unused };
}

/** A two's complement integer, refusing the non-minimal forms DER forbids. */
export function integerValue(body: Uint8Array, error: string): bigint {
  if (body.length === 0) throw new DerError(error);
  if (body.length > 1 && ((body[0] === 0 && body[1]! < 0x80) || (body[0] === 0xff && body[1]! >= 0x80))) {
    throw new DerError(error);
  }
  let n = 0n;
  for (const b of body) n = (n << 8n) | BigInt(b);
  if (body[0]! >= 0x80) n -= 1n << BigInt(body.length * 8);
  return n;
}

export function oidValue(body: Uint8Array, error: string): number[] {
  if (body.length === 0) throw new DerError(error);
  const arcs: number[] = [];
  let v = 0;
  let started = false;
  for (let i = 0; i < body.length; i++) {
    const b = body[i]!;
    if (!started && b === 0x80) throw new DerError(error);
    started = true;
    v = v * 128 + (b & 0x7f);
    if (v > Number.MAX_SAFE_INTEGER) throw new DerError(error);
    if ((b & 0x80) === 0) {
      if (arcs.length === 0) {
        const first = v < 80 ? Math.floor(v / 40) : 2;
        arcs.push(first, v - first * 40);
      } else {
        arcs.push(v);
      }
      v = 0;
      started = false;
    } else if (i === body.length - 1) {
      throw new DerError(error);
    }
  }
  return arcs;
}

export function oidText(oid: readonly number[]): string {
  return oid.join('.');
}
