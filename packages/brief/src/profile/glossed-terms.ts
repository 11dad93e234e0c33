import { fieldLexicon, STOPWORDS, tokenize, zipfOf, type LexiconEntry } from '@briefwatch/lexicon';
import type { GlossedTerm } from './tracking-profile.js';

/** How many words an English form of the lexicon may run to. */
const LONGEST_FORM = 5;
/** A word of an English brief this common in everyday English (Zipf scale) is no subject on its own. */
const EVERYDAY_ZIPF = 4.5;

/** Hangul words shorter than this are mostly Korean words the lexicon does not need (필요, 대한), not foreign names. */
const SHORTEST_FOREIGN_WORD = 3;

const fromEntry = (entry: LexiconEntry): GlossedTerm => ({ ko: entry.ko, en: [...entry.en], kind: entry.kind === 'concept' ? 'concept' : 'name' });

/**
 * Korean terms of the field in the text, carried into English by the lexicon (longest first);
 * and Hangul words the lexicon lacks, kept with no English form: most are foreign words or
 * names written in Hangul (레커그니션), matched by their sound.
 */
function koreanTerms(text: string): GlossedTerm[] {
  const { found, unmatched } = fieldLexicon().findKorean(text);
  const foreign = unmatched.filter((word) => word.length >= SHORTEST_FOREIGN_WORD);
  return [...found.map((f) => fromEntry(f.entry)), ...foreign.map((word): GlossedTerm => ({ ko: word, en: [], kind: 'name' }))];
}

/**
 * Terms in English text: the lexicon's English forms, longest first, each brought with its
 * other forms (facial recognition → face recognition); then the remaining content words
 * that everyday English does not use much, each a term of its own.
 */
export function englishTerms(text: string, { lexiconOnly = false } = {}): GlossedTerm[] {
  const lexicon = fieldLexicon();
  const tokens = tokenize(text).filter((t) => t.script === 'latin');
  const terms: GlossedTerm[] = [];
  for (let i = 0; i < tokens.length; ) {
    let matched = 0;
    for (let n = Math.min(LONGEST_FORM, tokens.length - i); n >= 1 && matched === 0; n -= 1) {
      const key = tokens.slice(i, i + n).map((t) => t.stem).join(' ');
      if (n === 1 && STOPWORDS.has(tokens[i]!.word)) break;
      const entries = lexicon.english(key);
      if (entries.length === 0) continue;
      const written = text.slice(tokens[i]!.start, tokens[i + n - 1]!.end);
      // Several entries may share a form: the form as written stands first, the others' forms follow.
      terms.push({ ko: entries[0]!.ko, en: [written, ...new Set(entries.flatMap((e) => e.en))], kind: entries.every((e) => e.kind !== 'concept') ? 'name' : 'concept' });
      matched = n;
    }
    if (matched === 0) {
      const token = tokens[i]!;
      if (!lexiconOnly && !STOPWORDS.has(token.word) && token.word.length > 2 && !/^\d+$/.test(token.word) && zipfOf(token.stem) < EVERYDAY_ZIPF) {
        terms.push({ ko: '', en: [text.slice(token.start, token.end)], kind: 'concept' });
      }
      matched = 1;
    }
    i += matched;
  }
  return terms;
}

/** A line is read as Korean when most of its letters are Hangul. */
function isKorean(text: string): boolean {
  const hangul = (text.match(/[가-힣]/g) ?? []).length;
  const latin = (text.match(/[A-Za-z]/g) ?? []).length;
  return hangul > 0 && hangul >= latin / 3;
}

/** The terms of a line of a brief, Korean or English; in a Korean line, the terms of the field it leaves in English too (API, GPU). */
export function glossTerms(text: string): GlossedTerm[] {
  return isKorean(text) ? [...koreanTerms(text), ...englishTerms(text, { lexiconOnly: true })] : englishTerms(text);
}
