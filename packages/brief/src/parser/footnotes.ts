import { resolvePublisher } from '@briefwatch/publishers';
import type { CitedWork } from '../brief-model.js';
import { LEADING_SUPERSCRIPT, superscriptValue } from './markers.js';

/** A footnote line: a superscript number (or plain digits the export left) and then a citation. */
const FOOTNOTE_START = /^(?:([⁰¹²³⁴⁵⁶⁷⁸⁹]+)|(\d{1,2})(?=\s+\S[^"“]*,\s*["“]))\s*/;

export function footnoteNumber(line: string): number | null {
  const match = FOOTNOTE_START.exec(line.trim());
  if (!match) return null;
  return match[1] ? superscriptValue(match[1]) : Number(match[2]);
}

export function isFootnote(line: string): boolean {
  return LEADING_SUPERSCRIPT.test(line.trim()) || footnoteNumber(line) !== null;
}

export interface FootnoteCitation extends CitedWork {
  /** False when the footnote did not read as `Publisher, "Title", date`. */
  wellFormed: boolean;
}

const CITATION = /^(?<publisher>[^"“”]+?),\s*["“](?<title>.+)["”]\s*,\s*(?<date>.+?)\s*$/;

/** Reads `The Economist, "Driverless Cars Are Stuck in Jam", 2019.10.10.` into its parts. */
export function parseFootnote(line: string): FootnoteCitation | null {
  const trimmed = line.trim();
  const number = footnoteNumber(trimmed);
  if (number === null) return null;
  const body = trimmed.replace(FOOTNOTE_START, '');
  const match = CITATION.exec(body);
  if (!match?.groups) {
    return { number, publisher: body, publisherKey: null, venue: null, venueKey: null, title: body, date: null, wellFormed: false };
  }
  const writtenPublisher = match.groups.publisher!.trim();
  const known = resolvePublisher(writtenPublisher);
  const { title, venue } = splitVenue(match.groups.title!.trim());
  const venuePublisher = venue ? resolvePublisher(venue) : undefined;
  return {
    number,
    publisher: known?.name ?? writtenPublisher,
    publisherKey: known?.key ?? null,
    venue: venuePublisher?.name ?? venue,
    venueKey: venuePublisher?.key ?? null,
    title,
    date: parseCitationDate(match.groups.date!),
    wellFormed: true,
  };
}

/** `Language Models are Few-Shot Learners, arXiv`: a known outlet after the last comma is the venue. */
function splitVenue(title: string): { title: string; venue: string | null } {
  const comma = title.lastIndexOf(',');
  if (comma < 0) return { title, venue: null };
  const tail = title.slice(comma + 1).trim();
  const known = resolvePublisher(tail);
  if (!known) return { title, venue: null };
  return { title: title.slice(0, comma).trim(), venue: tail };
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** `2020.1.7.`, `2020-06-09`, `2020. 6. 9`, `June 9, 2020` → `2020-06-09`; null when unreadable or impossible. */
export function parseCitationDate(written: string): string | null {
  const text = written.trim().replace(/\.$/, '');
  let year: number;
  let month: number;
  let day: number;
  const numeric = /^(\d{4})\s*[.\-/]\s*(\d{1,2})\s*[.\-/]\s*(\d{1,2})$/.exec(text);
  const named = /^([A-Za-z]{3})[a-z]*\.?\s+(\d{1,2}),?\s+(\d{4})$/.exec(text);
  if (numeric) [year, month, day] = [Number(numeric[1]), Number(numeric[2]), Number(numeric[3])];
  else if (named && MONTHS.includes(named[1]!.toLowerCase())) {
    [year, month, day] = [Number(named[3]), MONTHS.indexOf(named[1]!.toLowerCase()) + 1, Number(named[2])];
  } else return null;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return date.toISOString().slice(0, 10);
}
