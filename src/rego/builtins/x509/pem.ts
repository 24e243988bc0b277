// PEM blocks (RFC 7468) as Go's encoding/pem reads them, and the strict standard base64 that
// OPA's certificate and key builtins apply to input that is not PEM text.
import { trimEndOf } from '../strings/trim.ts';

export interface PemBlock {
  type: string;
  bytes: Buffer;
}

const STD = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/**
 * Padded standard base64, as strictly as Go's base64.StdEncoding: the alphabet only, padding only
 * at the end, whole quanta; CR and LF are skipped. Returns Go's error text on failure.
 */
export function decodeStdBase64(s: string): Buffer | string {
  let pad = 0;
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (c === '\r' || c === '\n') continue;
    if (c === '=') {
      pad++;
      if (pad > 2 || n % 4 < 2) return `illegal base64 data at input byte ${i}`;
    } else if (pad > 0 || !STD.includes(c)) {
      return `illegal base64 data at input byte ${i}`;
    }
    n++;
  }
  if (n % 4 !== 0) return `illegal base64 data at input byte ${s.length}`;
  return Buffer.from(s.replace(/[\r\n]/g, ''), 'base64');
}

const BEGIN = '-----BEGIN ';
const DASHES = '-----';

/**
 * Every well-formed block of the text, in order. Like Go's pem.Decode, a block that does not parse
 * is skipped and the search goes on after its BEGIN line; text between blocks is ignored.
 */
export function pemBlocks(text: string): PemBlock[] {
  const blocks: PemBlock[] = [];
  let from = 0;
  for (;;) {
    const at = findBegin(text, from);
    if (at < 0) return blocks;
    const parsed = parseBlock(text, at);
    if (parsed) {
      blocks.push(parsed.block);
      from = parsed.end;
    } else {
      from = at + BEGIN.length;
    }
  }
}

function findBegin(text: string, from: number): number {
  for (let i = text.indexOf(BEGIN, from); i >= 0; i = text.indexOf(BEGIN, i + 1)) {
    if (i === 0 || text[i - 1] === '\n') return i;
  }
  return -1;
}

function parseBlock(text: string, at: number): { block: PemBlock; end: number } | undefined {
  const lineEnd = lineEndAt(text, at);
  const line = trimEndOf(text.slice(at + BEGIN.length, lineEnd.contentEnd), ' \t');
  if (!line.endsWith(DASHES)) return undefined;
  const type = line.slice(0, -DASHES.length);
  const endMarker = `-----END ${type}-----`;
  let bodyStart = lineEnd.next;
  // Optional `Key: value` headers end at an empty line; the certificate and key blocks read here
  // carry none, but a block with headers still decodes.
  const firstLine = text.slice(bodyStart, lineEndAt(text, bodyStart).contentEnd);
  if (firstLine.includes(':')) {
    const blank = /\r?\n\r?\n/.exec(text.slice(bodyStart));
    if (!blank) return undefined;
    bodyStart += blank.index + blank[0].length;
  }
  let endAt = text.indexOf(endMarker, bodyStart);
  while (endAt >= 0 && !(endAt === bodyStart || text[endAt - 1] === '\n')) endAt = text.indexOf(endMarker, endAt + 1);
  if (endAt < 0) return undefined;
  const after = lineEndAt(text, endAt + endMarker.length);
  if (text.slice(endAt + endMarker.length, after.contentEnd).trim() !== '') return undefined;
  const body = text.slice(bodyStart, endAt).replace(/[ \t\r\n]/g, '');
  const bytes = decodeStdBase64(body);
  if (typeof bytes === 'string') return undefined;
  return { block: { type, bytes }, end: after.next };
}

function lineEndAt(text: string, from: number): { contentEnd: number; next: number } {
  const nl = text.indexOf('\n', from);
  if (nl < 0) return { contentEnd: text.length, next: text.length };
  return { contentEnd: nl > from && text[nl - 1] === '\r' ? nl - 1 : nl, next: nl + 1 };
}
