export { BilingualLexicon, fieldLexicon, parseLexiconLine, type FoundTerm, type LexiconEntry } from './bilingual-lexicon.js';
export { STOPWORDS, stem, stems, tokenize, type Token } from './english-words.js';
export { hangulSoundKey, latinSoundKey, nounCandidates } from './hangul.js';
export { zipfOf } from './word-frequency.js';
