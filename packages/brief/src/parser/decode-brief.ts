import { BriefFormatError } from '../brief-errors.js';

/** Briefs are a few pages of text; anything far larger is not a brief. */
export const MAX_BRIEF_BYTES = 2 * 1024 * 1024;

/**
 * Turns a brief file's bytes into text, or says exactly why it cannot: empty, too large,
 * binary, or not UTF-8 (with the line of the first bad byte). Line ends are normalised
 * and a byte-order mark is dropped.
 */
export function decodeBrief(bytes: Uint8Array, maxBytes = MAX_BRIEF_BYTES): string {
  if (bytes.length === 0) throw new BriefFormatError('BRIEF.EMPTY', 'the file is empty');
  if (bytes.length > maxBytes) {
    throw new BriefFormatError('BRIEF.TOO_LARGE', `the file is ${bytes.length} bytes; a brief is at most ${maxBytes} bytes`);
  }
  const nul = bytes.indexOf(0);
  if (nul >= 0) {
    throw new BriefFormatError('BRIEF.BINARY', 'the file contains NUL bytes: it is binary, not a text export of a brief', lineAt(bytes, nul));
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const offset = firstInvalidUtf8Offset(bytes);
    throw new BriefFormatError('BRIEF.INVALID_UTF8', `the file is not valid UTF-8 (byte ${offset}); save it as UTF-8`, lineAt(bytes, offset));
  }
  text = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  if (text.trim() === '') throw new BriefFormatError('BRIEF.EMPTY', 'the file holds only white space');
  return text;
}

function lineAt(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i += 1) if (bytes[i] === 0x0a) line += 1;
  return line;
}

/** The offset of the first byte that breaks UTF-8 (a bad lead byte, or a missing continuation). */
function firstInvalidUtf8Offset(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const lead = bytes[i]!;
    const length = lead < 0x80 ? 1 : lead >= 0xc2 && lead < 0xe0 ? 2 : lead >= 0xe0 && lead < 0xf0 ? 3 : lead >= 0xf0 && lead < 0xf5 ? 4 : 0;
    if (length === 0) return i;
    for (let k = 1; k < length; k += 1) {
      const next = bytes[i + k];
      if (next === undefined || (next & 0xc0) !== 0x80) return i;
    }
    i += length;
  }
  return i;
}
