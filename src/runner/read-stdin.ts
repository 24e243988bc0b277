// Reads the manifest `check -` is given on standard input, capped just over the size limit as a
// file is, so a huge stream costs nothing and is refused by the loader with its usual problem.
import type { Readable } from 'node:stream';
import { MAX_MANIFEST_BYTES } from '../load/decode-text.ts';

/** How reports name the manifest read from standard input. */
export const STDIN_NAME = '<stdin>';

export async function readStdinBytes(stream: Readable, limit: number = MAX_MANIFEST_BYTES + 1): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stream) {
    const buf = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
    chunks.push(buf);
    size += buf.length;
    if (size >= limit) break;
  }
  return Buffer.concat(chunks).subarray(0, limit);
}
