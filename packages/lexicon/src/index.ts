export { BilingualLexicon, fieldLexicon, LEXICON_KINDS, namesWhoOrWhere, parseLexiconLine, type FoundTerm, type LexiconEntry, type LexiconKind } from './bilingual-lexicon.js';
export { STOPWORDS, stem, stems, tokenize, type Token } from './english-words.js';
export { hangulSoundKey, latinSoundKey, nounCandidates } from './hangul.js';
export { zipfOf } from './word-frequency.js';
export { specificityOf } from './specificity.js';
