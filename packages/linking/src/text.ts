/** Words that carry no subject. */
export const STOPWORDS = new Set(
  'a an and are as at be been but by can could did do does for from had has have he her his how i if in into is it its may more most new no not of on or our over said says she so than that the their them then there these they this those to up was we were what when which who will with would you your after about all also any because before being between both during each few just like make many much now only other out own same should some such through under until very via while why yet'.split(' '),
);

/** A token of English text, lower-cased and lightly stemmed, with where it stood in the text. */
export interface Token {
  stem: string;
  index: number;
  start: number;
  end: number;
}

/** Plurals and possessives fold onto one stem: "researchers'" and "researcher" match. */
export function stem(word: string): string {
  let w = word.replace(/'s$|'$/, '');
  if (w.length > 4 && w.endsWith('ies')) w = `${w.slice(0, -3)}y`;
  else if (w.length > 3 && w.endsWith('s') && !w.endsWith('ss') && !w.endsWith('us') && !/\d/.test(w)) w = w.slice(0, -1);
  return w;
}

/** A name with digits stays one token (GPT-3 is not GPT, H-1B is not H); other hyphens split (face-recognition). */
const WORD = /[A-Za-z0-9]+(?:-(?=[A-Za-z]*\d)[A-Za-z0-9]+)*(?:,\d{3})*(?:['’][A-Za-z]+)?|%/g;

/** Words as written → their stems. News repeats its words, so most are stemmed once (bounded: cleared when full). */
const stemOf = new Map<string, string>();
const STEM_CACHE_SIZE = 200_000;

function stemWritten(written: string): string {
  let found = stemOf.get(written);
  if (found === undefined) {
    found = written === '%' ? 'percent' : stem(written.toLowerCase().replace(/’/g, "'").replace(/,/g, ''));
    if (stemOf.size >= STEM_CACHE_SIZE) stemOf.clear();
    stemOf.set(written, found);
  }
  return found;
}

/** `GPT-3 costs $1,000 for face-recognition` → gpt-3 cost 1000 for face recognition. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  const words = new RegExp(WORD);
  for (let match = words.exec(text); match !== null; match = words.exec(text)) {
    const written = match[0];
    tokens.push({ stem: stemWritten(written), index: tokens.length, start: match.index, end: match.index + written.length });
  }
  return tokens;
}

export function stems(text: string): string[] {
  return tokenize(text).map((t) => t.stem);
}
