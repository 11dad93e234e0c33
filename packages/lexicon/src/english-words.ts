import { createRequire } from 'node:module';

/** Porter2, the English stemmer: "wrongfully" and "wrongful", "banned" and "bans" meet. */
const porter2: (word: string) => string = createRequire(import.meta.url)('wink-porter2-stemmer');

/** Words that carry no subject. */
export const STOPWORDS = new Set(
  'a an and are as at be been but by can could did do does for from had has have he her his how i if in into is it its may more most new no not of on or our over said says she so than that the their them then there these they this those to up was we were what when which who will with would you your after about all also any because before being between both during each few just like make many much now only other out own same should some such through under until very via while why yet'.split(' '),
);

/** A word of a text as it is compared: English stemmed, Hangul stripped of its particles; with where it stood. */
export interface Token {
  stem: string;
  /** The word as written, lower-cased (what a Hangul spelling of a foreign word is compared with). */
  word: string;
  script: 'latin' | 'hangul';
  index: number;
  start: number;
  end: number;
}

/**
 * Latin words (a name with digits stays one token: GPT-3 is not GPT, H-1B is not H; other
 * hyphens split), Hangul words, and `%`.
 */
const WORD = /[A-Za-z0-9]+(?:-(?=[A-Za-z]*\d)[A-Za-z0-9]+)*(?:,\d{3})*(?:['’][A-Za-z]+)?|[가-힣]+|%/g;
const HANGUL = /^[가-힣]/;

/** Words as written → their stems. News repeats its words, so most are stemmed once (bounded: cleared when full). */
const stemOf = new Map<string, string>();
const STEM_CACHE_SIZE = 200_000;

/** An English word's stem. Numbers and names with digits stay as written. */
export function stem(word: string): string {
  const w = word.toLowerCase().replace(/’/g, "'").replace(/'s$|'$/, '').replace(/,/g, '');
  if (/\d/.test(w) || w.length < 3) return w;
  return porter2(w.replace(/'/g, ''));
}

function stemWritten(written: string): string {
  let found = stemOf.get(written);
  if (found === undefined) {
    found = written === '%' ? 'percent' : stem(written);
    if (stemOf.size >= STEM_CACHE_SIZE) stemOf.clear();
    stemOf.set(written, found);
  }
  return found;
}

/** `GPT-3 costs $1,000 for face-recognition` → gpt-3 cost 1000 for face recognit. Hangul words are kept whole (see `koreanStems`). */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  const words = new RegExp(WORD);
  for (let match = words.exec(text); match !== null; match = words.exec(text)) {
    const written = match[0];
    const hangul = HANGUL.test(written);
    tokens.push({
      stem: hangul ? written : stemWritten(written),
      word: hangul ? written : written.toLowerCase(),
      script: hangul ? 'hangul' : 'latin',
      index: tokens.length,
      start: match.index,
      end: match.index + written.length,
    });
  }
  return tokens;
}

/** The stems of a text's Latin words, in order. */
export function stems(text: string): string[] {
  return tokenize(text)
    .filter((t) => t.script === 'latin')
    .map((t) => t.stem);
}
