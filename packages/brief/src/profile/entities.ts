import { fieldLexicon, stems, zipfOf } from '@briefwatch/lexicon';

/** A name found in a brief's text, with the other ways it is written there. */
export interface BriefEntity {
  name: string;
  aliases: string[];
}

/** Short English words that are not names when capitalised at the start of a parenthesis. */
const FUNCTION_WORDS = new Set(['The', 'A', 'An', 'Of', 'And', 'In', 'On', 'For', 'To', 'By', 'With']);

// A Latin name: capitalised words, acronyms, and tokens with digits or inner hyphens (GPT-3,
// H-1B, Fei-Fei Li, COVID-19), joined by single spaces.
const TOKEN = String.raw`(?:[A-Z][A-Za-z0-9]*(?:[-–][A-Za-z0-9]+)*|[a-z]+[A-Z][A-Za-z0-9]*)`;
const LATIN_NAME = new RegExp(String.raw`(?<![A-Za-z0-9])${TOKEN}(?: ${TOKEN})*(?![A-Za-z0-9])`, 'g');
// 크리스 엄슨(Chris Urmson), 레커그니션(Rekognition): a Korean spelling and the Latin one.
const GLOSSED = /([가-힣]+(?:\s[가-힣]+)?)\s?\(([A-Za-z][A-Za-z0-9 .,'\-–]*)\)/g;

/** A common English word written with a capital (at the start of a sentence, in a heading) is no name. */
const EVERYDAY_ZIPF = 3.5;

/**
 * What the field's lexicon says of a name as written: null when it is a term of the field
 * (AI, SW, IoT: a subject, found as a term, not a name), the name's usual spelling when the
 * lexicon knows it under another (MS → Microsoft), undefined when it is not in the lexicon.
 */
function lexiconName(written: string): string | null | undefined {
  const key = stems(written).join(' ');
  const [name] = fieldLexicon().names(key);
  if (name) return name.en[0];
  if (fieldLexicon().english(key).length > 0) return null;
  // One ordinary word capitalised ("Critics", "Blueprint") says nothing of a name.
  if (!/\s/.test(written) && /^[A-Z][a-z]+$/.test(written) && zipfOf(key) >= EVERYDAY_ZIPF) return null;
  return undefined;
}

/**
 * Latin-script names in a line of a Korean brief: organisations, people, products and terms
 * left in English (Rekognition, Clearview AI, GPT-3, H-1B, Chris Urmson), with the Korean
 * spelling a name is glossed with kept as an alias.
 */
export function extractEntities(text: string): BriefEntity[] {
  const entities = new Map<string, BriefEntity>();
  const add = (name: string, alias?: string) => {
    const written = name.trim().replace(/[.,]+$/, '');
    if (written.length < 2 || FUNCTION_WORDS.has(written)) return;
    const known = lexiconName(written);
    if (known === null) return;
    const clean = known ?? written;
    if (clean !== written) alias = alias ?? written;
    const entity = entities.get(clean) ?? { name: clean, aliases: [] };
    if (alias && !entity.aliases.includes(alias)) entity.aliases.push(alias);
    entities.set(clean, entity);
  };
  for (const match of text.matchAll(GLOSSED)) {
    for (const part of match[2]!.split(/,\s*/)) add(part, match[1]);
  }
  for (const match of text.matchAll(LATIN_NAME)) {
    // A label before its own sentence ("GPT-3 GPT-3은") is one name, not two.
    const words = match[0].split(' ').filter((word, i, all) => i === 0 || word !== all[i - 1]);
    const name = words.join(' ');
    // "Clearview AI", "OpenAI API": keep the whole run, and its distinctive head on its own.
    add(name);
    const last = words[words.length - 1]!;
    if (words.length > 1 && /^[A-Z]{2,}$/.test(last) && lexiconName(last) === null) add(words.slice(0, -1).join(' '));
    // Names with digits or inner capitals inside a longer run stand on their own too (GPT-3, NeurIPS).
    if (words.length > 1) for (const word of words) if (/\d|[a-z][A-Z]/.test(word)) add(word);
  }
  return [...entities.values()];
}
