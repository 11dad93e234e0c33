import type { BriefDocument } from './brief-document.js';
import { profileBrief } from './brief-document.js';
import type { ParsedBrief } from './brief-model.js';
import { decodeBrief } from './parser/decode-brief.js';
import { parseBrief } from './parser/parse-brief.js';
import { parseProfileOverrides, type ProfileOverrides } from './profile/profile-overrides.js';

/** The one way from a brief's bytes to its parsed form: decode, then parse. */
export function parseBriefBytes(bytes: Uint8Array): ParsedBrief {
  return parseBrief(decodeBrief(bytes));
}

/** A brief's bytes and optional overrides text, turned into the profiled document `brief show` prints. */
export function readBriefDocument(bytes: Uint8Array, overrides?: { fileName: string; text: string } | null): BriefDocument {
  const parsed = parseBriefBytes(bytes);
  const parsedOverrides: ProfileOverrides = overrides ? parseProfileOverrides(overrides.text, overrides.fileName) : {};
  return profileBrief(parsed, parsedOverrides);
}
