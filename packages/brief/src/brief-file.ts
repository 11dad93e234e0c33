import { existsSync } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import path from 'node:path';
import { BriefFormatError } from './brief-errors.js';
import { MAX_BRIEF_BYTES } from './parser/decode-brief.js';

export interface BriefFile {
  fileName: string;
  bytes: Uint8Array;
  /** The overrides file found beside the brief (`<name>.profiles.json`), if any. */
  overrides: { fileName: string; text: string } | null;
}

/** `briefs/spri-ai-brief-2020-06.txt` → `spri-ai-brief-2020-06`: the default id of an imported brief. */
export function briefIdFromFileName(fileName: string): string {
  const id = path
    .basename(fileName)
    .replace(/\.[^.]+$/, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (!id) throw new BriefFormatError('BRIEF.INVALID_ID', `cannot make a brief id from "${fileName}"; give one with --id`);
  return id.slice(0, 100);
}

export function overridesFileFor(briefPath: string): string {
  return briefPath.replace(/\.[^./]+$/, '') + '.profiles.json';
}

/**
 * Reads a brief from disk without trusting it: a missing path, a folder, or a file larger
 * than any brief is refused before it is read into memory.
 */
export async function readBriefFile(briefPath: string, overridesPath?: string): Promise<BriefFile> {
  let info;
  try {
    info = await stat(briefPath);
  } catch {
    throw new BriefFormatError('BRIEF.NOT_FOUND', `no file at ${briefPath}`);
  }
  if (!info.isFile()) throw new BriefFormatError('BRIEF.NOT_A_FILE', `${briefPath} is not a regular file`);
  if (info.size > MAX_BRIEF_BYTES) {
    throw new BriefFormatError('BRIEF.TOO_LARGE', `${briefPath} is ${info.size} bytes; a brief is at most ${MAX_BRIEF_BYTES} bytes`);
  }
  const handle = await open(briefPath, 'r');
  let bytes: Uint8Array;
  try {
    bytes = await handle.readFile();
  } finally {
    await handle.close();
  }
  const overridesFile = overridesPath ?? overridesFileFor(briefPath);
  if (overridesPath && !existsSync(overridesPath)) throw new BriefFormatError('PROFILE.NOT_FOUND', `no profile overrides file at ${overridesPath}`);
  const overrides = existsSync(overridesFile) ? { fileName: overridesFile, text: (await readSmallText(overridesFile)) } : null;
  return { fileName: briefPath, bytes, overrides };
}

async function readSmallText(file: string): Promise<string> {
  const info = await stat(file);
  if (info.size > MAX_BRIEF_BYTES) throw new BriefFormatError('PROFILE.TOO_LARGE', `${file} is ${info.size} bytes`);
  const handle = await open(file, 'r');
  try {
    return new TextDecoder('utf-8').decode(await handle.readFile());
  } finally {
    await handle.close();
  }
}
