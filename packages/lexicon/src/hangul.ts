import { disassembleCompleteCharacter } from 'es-hangul';

/**
 * Particles and endings Korean attaches to a noun (은/는/이/가, 에서, 으로, 하는, 했다 ...),
 * longest first. Korean grammar, not vocabulary: stripping them leaves the noun a lexicon or a
 * spelling can be compared with.
 */
const ENDINGS = [
  '에서는', '에게서', '으로서', '으로써', '으로는', '에서도', '까지는', '부터는', '이라는', '이라고', '이라며', '했으며', '하였다', '되었다', '하겠다', '한다고', '했다고',
  '에서', '에게', '한테', '으로', '까지', '부터', '처럼', '보다', '마다', '조차', '만큼', '이나', '이며', '이고', '와의', '과의', '로서', '로써', '로는', '에는', '에도', '라는', '라고',
  '하는', '하고', '하여', '했다', '한다', '하며', '되는', '되어', '됐다', '된다', '하기', '해야', '이다', '들이', '들은', '들을', '들의', '들도',
  '은', '는', '이', '가', '을', '를', '의', '에', '로', '와', '과', '도', '만', '들', '한', '된', '해', '적',
];

/** A Hangul word with what may follow a noun removed, longest ending first; the word itself comes first. */
export function nounCandidates(word: string): string[] {
  const found = [word];
  for (const ending of ENDINGS) {
    if (word.length - ending.length >= 2 && word.endsWith(ending)) found.push(word.slice(0, -ending.length));
  }
  return found;
}

// Sound classes shared by Hangul and Latin spellings of one foreign word: Korean has no f, v, z
// or th, and writes l and r alike, so 엔비디아 and Nvidia, 딥페이크 and deepfake, 알고리즘 and
// algorithm share a key. Vowels and h, w, y are left out: they are where spellings differ most.
const INITIAL: Record<string, string> = { ㄱ: 'K', ㄲ: 'K', ㅋ: 'K', ㄷ: 'T', ㄸ: 'T', ㅌ: 'T', ㅂ: 'P', ㅃ: 'P', ㅍ: 'P', ㅅ: 'S', ㅆ: 'S', ㅈ: 'S', ㅉ: 'S', ㅊ: 'S', ㄴ: 'N', ㅁ: 'M', ㄹ: 'L' };
const FINAL: Record<string, string> = { ㄱ: 'K', ㅋ: 'K', ㄲ: 'K', ㄴ: 'N', ㄷ: 'T', ㅅ: 'T', ㅆ: 'T', ㅈ: 'T', ㅊ: 'T', ㅌ: 'T', ㄹ: 'L', ㅁ: 'M', ㅂ: 'P', ㅍ: 'P', ㅇ: 'N' };

function collapse(classes: string[]): string {
  return classes.filter((c, i) => c !== classes[i - 1]).join('');
}

/** The sound key of a Hangul word: 엔비디아 → NPT. */
export function hangulSoundKey(word: string): string {
  const classes: string[] = [];
  for (const character of word) {
    const parts = disassembleCompleteCharacter(character);
    if (!parts) continue;
    const initial = INITIAL[parts.choseong];
    if (initial) classes.push(initial);
    const final = parts.jongseong ? FINAL[parts.jongseong[0] ?? ''] ?? FINAL[parts.jongseong] : undefined;
    if (final) classes.push(final);
  }
  return collapse(classes);
}

const LATIN_RULES: Array<[RegExp, string]> = [
  [/^(tion|sion|ssion)/, 'SN'], [/^(ch|sh|th|ts)/, 'S'], [/^ph/, 'P'], [/^ck/, 'K'], [/^ng/, 'N'], [/^gh/, ''],
  [/^c(?=[eiy])/, 'S'], [/^x/, 'KS'], [/^[bpfv]/, 'P'], [/^[dt]/, 'T'], [/^[gkcq]/, 'K'], [/^[szj]/, 'S'], [/^[lr]/, 'L'], [/^m/, 'M'], [/^n/, 'N'],
];

/** The sound key of a Latin word: nvidia → NPT, rekognition → LKNSN. */
export function latinSoundKey(word: string): string {
  const classes: string[] = [];
  let rest = word.toLowerCase().replace(/[^a-z]/g, '');
  while (rest.length > 0) {
    const rule = LATIN_RULES.find(([pattern]) => pattern.test(rest));
    if (!rule) {
      rest = rest.slice(1);
      continue;
    }
    const [pattern, sound] = rule;
    const matched = pattern.exec(rest)![0];
    classes.push(...sound.split(''));
    rest = rest.slice(Math.max(1, matched.length));
  }
  return collapse(classes);
}
