import { fieldLexicon, stem, zipfOf } from '@briefwatch/lexicon';
import type { Correction } from '../brief-model.js';

/**
 * Slips that PDF-to-text exports make, mended in the text that is shown. Each rule is a kind
 * of damage, never a list of one brief's words:
 * - `Al` (lower-case L) standing as a word where `AI` was meant: OpenAl, Al's, Al학회, Al社;
 * - a word no dictionary knows that one typical slip turns into a name the field's lexicon
 *   knows (see `repairSlip`): NeurlPS, Newyork Times, and GTP-2 in a brief that writes GPT.
 */
const AI_AS_AL = /(?<![A-Za-z])(Open)?Al(?![a-z])/g;

/** A run of Latin letters and digits: the unit a slip damages ("GTP" of "GTP-2"). */
const LATIN_WORD = /(?<![A-Za-z0-9])[A-Za-z][A-Za-z0-9]{2,}(?![A-Za-z0-9])/g;

/**
 * What a word might have been before one slip of a PDF export: each lower-case L read for a
 * capital I (and all of them), or the space before a capital lost ("Newyork" for "New York");
 * and, where the document itself writes the result elsewhere, two neighbouring capitals
 * swapped ("GTP" in a brief that also writes "GPT"). Abbreviations the lexicon lacks are
 * many (CASP, CRT), so a swap alone is too weak a sign.
 */
function unslipped(word: string, documentWords: ReadonlySet<string>): string[] {
  const candidates = new Set<string>();
  const ells = [...word.matchAll(/l/g)].map((m) => m.index!);
  for (const at of ells) candidates.add(`${word.slice(0, at)}I${word.slice(at + 1)}`);
  if (ells.length > 1) candidates.add(word.replace(/l/g, 'I'));
  for (let at = 2; at + 2 <= word.length; at += 1) {
    if (/[a-z]/.test(word[at - 1]!) && /[a-z]/.test(word[at]!)) candidates.add(`${word.slice(0, at)} ${word[at]!.toUpperCase()}${word.slice(at + 1)}`);
  }
  for (let at = 0; at + 1 < word.length; at += 1) {
    if (!/[A-Z]/.test(word[at]!) || !/[A-Z]/.test(word[at + 1]!)) continue;
    const swapped = `${word.slice(0, at)}${word[at + 1]}${word[at]}${word.slice(at + 2)}`;
    if (documentWords.has(swapped)) candidates.add(swapped);
  }
  candidates.delete(word);
  return [...candidates];
}

/** The Latin words a document writes, for `repairSlip`. */
export function latinWordsOf(text: string): Set<string> {
  return new Set(text.match(LATIN_WORD) ?? []);
}

/**
 * The name a damaged word stands for, or null. Only a word that is neither a form of the
 * lexicon nor a word everyday English uses is touched, and only when exactly one undoing of
 * a slip gives a form the lexicon knows: "NeurlPS" becomes "NeurIPS", while "TPU" or "Lyon" stay.
 */
export function repairSlip(word: string, documentWords: ReadonlySet<string> = new Set()): string | null {
  const lexicon = fieldLexicon();
  if (lexicon.hasForm(word) || zipfOf(stem(word.toLowerCase())) > 0) return null;
  const known = unslipped(word, documentWords).filter((candidate) => lexicon.hasForm(candidate));
  return known.length === 1 ? known[0]! : null;
}

export interface CorrectedText {
  text: string;
  corrections: Correction[];
}

/** Mends one line; `documentWords` are the Latin words of the whole document (`latinWordsOf`). */
export function correctOcr(raw: string, line: number, documentWords: ReadonlySet<string> = new Set()): CorrectedText {
  const corrections: Correction[] = [];
  const mend = (match: string, fixed: string) => {
    if (fixed !== match) corrections.push({ line, from: match, to: fixed });
    return fixed;
  };
  const text = raw
    .replace(AI_AS_AL, (match: string, open: string | undefined) => mend(match, `${open ?? ''}AI`))
    .replace(LATIN_WORD, (word: string) => mend(word, repairSlip(word, documentWords) ?? word));
  return { text, corrections };
}
