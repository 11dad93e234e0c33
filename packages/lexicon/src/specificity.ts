import { fieldLexicon } from './bilingual-lexicon.js';
import { STOPWORDS } from './english-words.js';
import { zipfOf } from './word-frequency.js';

/** Lexicon entries using a word or phrase beyond which it says nothing of a subject (Zipf-like: "data", "technology"). */
const FIELD_COMMON = 300;

/**
 * How much a word or phrase says about what a story is about, 0..1, from two corpora: how
 * little everyday English uses it (Zipf 6, once in a million words or more, says nothing;
 * Zipf 2 or less, most; a phrase's words taken together), times how few of the field's
 * terms use it (the lexicon as a corpus of the field: "recognition" is in twenty terms,
 * "moratorium" in one). `key` is the phrase's stems joined by spaces (see `stems`).
 */
export function specificityOf(key: string): number {
  let known = specificities.get(key);
  if (known === undefined) specificities.set(key, (known = measureSpecificity(key)));
  return known;
}

/** Specificities of feature keys met so far: a brief of 40,000 claims repeats most of its words. */
const specificities = new Map<string, number>();

function measureSpecificity(key: string): number {
  const words = key.split(' ').filter((w) => !STOPWORDS.has(w));
  if (words.length === 0) return 0;
  const zipf = words.reduce((sum, w) => sum + zipfOf(w), 0) - 9 * (words.length - 1);
  const everyday = Math.min(1, Math.max(0, (6 - zipf) / 4));
  const used = Math.max(1, fieldLexicon().entriesUsing(words.join(' ')));
  const field = Math.min(1, Math.max(0, 1 - Math.log(used) / Math.log(FIELD_COMMON)));
  return Number((everyday * field).toFixed(4));
}
