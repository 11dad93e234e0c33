/** A footnote marker found in a line: its number, or null when the export damaged it beyond reading. */
export interface Marker {
  number: number | null;
  kind: 'superscript' | 'lost-superscript' | 'damaged';
}

const SUPERSCRIPT_DIGITS: Record<string, number> = { '⁰': 0, '¹': 1, '²': 2, '³': 3, '⁴': 4, '⁵': 5, '⁶': 6, '⁷': 7, '⁸': 8, '⁹': 9 };
const SUPERSCRIPT_RUN = /[⁰¹²³⁴⁵⁶⁷⁸⁹]+/g;
export const LEADING_SUPERSCRIPT = /^[⁰¹²³⁴⁵⁶⁷⁸⁹]+/;

export function superscriptValue(run: string): number {
  return [...run].reduce((value, digit) => value * 10 + SUPERSCRIPT_DIGITS[digit]!, 0);
}

/**
 * Takes the footnote markers out of a line of a brief and says what they were:
 * - superscript digits anywhere (`전망²`, `인용¹⁰하며`);
 * - digits that lost their superscript after a closing parenthesis at the end (`(2019.8.)4`);
 * - on a heading, a trailing apostrophe left where a superscript was (`API 공개'`).
 */
export function extractMarkers(line: string, { heading = false } = {}): { text: string; markers: Marker[] } {
  const markers: Marker[] = [];
  let text = line.replace(SUPERSCRIPT_RUN, (run) => {
    markers.push({ number: superscriptValue(run), kind: 'superscript' });
    return '';
  });
  text = text.replace(/\)(\d{1,2})\s*$/, (_, digits: string) => {
    markers.push({ number: Number(digits), kind: 'lost-superscript' });
    return ')';
  });
  if (heading && /['’`]\s*$/.test(text) && countQuotes(text) % 2 === 1) {
    text = text.replace(/['’`]\s*$/, '');
    markers.push({ number: null, kind: 'damaged' });
  }
  return { text: text.replace(/\s+$/, ''), markers };
}

function countQuotes(text: string): number {
  return (text.match(/['’`]/g) ?? []).length;
}
