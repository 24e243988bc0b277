// Turns raw file bytes into text, refusing what is not a manifest a person wrote: oversized,
// binary or non-UTF-8 content, each reported at the offending byte.
import type { Problem, Result } from '../problems/problem.ts';

/** Manifests are hand-written; anything larger is almost certainly the wrong file. */
export const MAX_MANIFEST_BYTES = 1024 * 1024;

/** One strict decoder for every file: a decoder keeps no state between whole-text decodes. */
const UTF8 = new TextDecoder('utf-8', { fatal: true });

export function decodeText(file: string, bytes: Uint8Array): Result<string> {
  if (bytes.length > MAX_MANIFEST_BYTES) {
    return fail({
      code: 'file-too-large',
      message: `file is ${bytes.length} bytes; manifests may be at most 1 MB (${MAX_MANIFEST_BYTES} bytes)`,
      position: { file, line: 1, column: 1 },
      hint: 'check that this is the manifest you meant; a routewise manifest is a short YAML or JSON file',
    });
  }
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    return fail({
      code: 'file-not-utf8',
      message: 'file is UTF-16 encoded; manifests must be UTF-8',
      position: { file, line: 1, column: 1 },
      hint: 'save the file as UTF-8',
    });
  }
  const nul = bytes.indexOf(0);
  if (nul !== -1) {
    return fail({
      code: 'file-binary',
      message: 'file contains a NUL byte, so it looks binary rather than a YAML or JSON manifest',
      position: { file, ...lineAndColumn(bytes, nul) },
      hint: 'point routewise at the text manifest (routewise.yaml)',
    });
  }
  try {
    return { ok: true, value: UTF8.decode(bytes) };
  } catch {
    const bad = firstInvalidUtf8(bytes);
    return fail({
      code: 'file-not-utf8',
      message: `file is not valid UTF-8 (byte 0x${(bytes[bad] ?? 0).toString(16).padStart(2, '0')} at offset ${bad})`,
      position: { file, ...lineAndColumn(bytes, bad) },
      hint: 'save the file as UTF-8',
    });
  }
}

function fail(problem: Problem): Result<string> {
  return { ok: false, problems: [problem] };
}

function lineAndColumn(bytes: Uint8Array, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    if (bytes[i] === 0x0a) {
      line++;
      lineStart = i + 1;
    }
  }
  const before = new TextDecoder('utf-8').decode(bytes.subarray(lineStart, offset));
  return { line, column: before.length + 1 };
}

/** Offset of the first byte that breaks UTF-8 (overlong forms and surrogates included). */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let min: number;
    let cp: number;
    if (b >= 0xc2 && b <= 0xdf) {
      need = 1;
      min = 0x80;
      cp = b & 0x1f;
    } else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      min = 0x800;
      cp = b & 0x0f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      min = 0x10000;
      cp = b & 0x07;
    } else {
      return i;
    }
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return bytes.length;
}
