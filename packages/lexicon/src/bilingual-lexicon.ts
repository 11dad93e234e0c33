import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { nounCandidates } from './hangul.js';
import { stems } from './english-words.js';

/**
 * What an entry names. A concept, a product, a law or an event can be what a story is about;
 * a person, a place or an organisation is who or where.
 */
export const LEXICON_KINDS = ['concept', 'product', 'law', 'event', 'person', 'place', 'organisation'] as const;
export type LexiconKind = (typeof LEXICON_KINDS)[number];

/** Whether entries of this kind say who or where a story is about rather than what. */
export function namesWhoOrWhere(kind: LexiconKind): boolean {
  return kind === 'person' || kind === 'place' || kind === 'organisation';
}

/** One concept or name of the field: how Korean writes it and the English forms news uses. */
export interface LexiconEntry {
  /** As Korean writes it (spaces as written in the lexicon). */
  ko: string;
  en: string[];
  kind: LexiconKind;
}

/** A lexicon entry found in a text, and the words it was found as. */
export interface FoundTerm {
  entry: LexiconEntry;
  written: string;
}

const DATA_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'data');
const MIN_KEY = 2;
/** How many words a Korean term may span. */
const MAX_SPAN_WORDS = 3;
/** The longest run of English words counted by `entriesUsing`. */
const RUN_WORDS = 3;

const compact = (ko: string) => ko.replace(/\s+/g, '');

/** One line of a lexicon file, or why it is refused. */
export function parseLexiconLine(line: string): LexiconEntry | string {
  const [ko, en, kind, ...extra] = line.split('\t');
  if (!ko || !en || !kind || extra.length > 0) return 'expected three tab-separated fields: ko, en, kind';
  if (!(LEXICON_KINDS as readonly string[]).includes(kind)) return `kind is "${kind}", not one of ${LEXICON_KINDS.join(', ')}`;
  const forms = en.split('|').map((f) => f.trim()).filter(Boolean);
  if (forms.length === 0) return 'no English form';
  if (compact(ko).length < MIN_KEY) return `"${ko}" is shorter than ${MIN_KEY} characters`;
  return { ko: ko.trim(), en: forms, kind: kind as LexiconKind };
}

/**
 * The Korean–English lexicon of the field: every `data/*.tsv` file of this package, merged
 * (one Korean key, the English forms of every file that has it). Korean is matched with
 * its spaces ignored, so 자연어 처리 and 자연어처리 are one term.
 */
export class BilingualLexicon {
  private readonly byKorean = new Map<string, LexiconEntry>();
  /** English stems of every form → the entries that have it. */
  private readonly byEnglish = new Map<string, LexiconEntry[]>();
  /** Every run of up to three stems in the English forms → how many entries use it. */
  private readonly runsUsed = new Map<string, number>();
  private maxKey = MIN_KEY;
  /** Every English form as written, for `hasForm`. */
  private readonly forms = new Set<string>();

  /** Lines of the files that were refused, with why: the rest of the lexicon is used. */
  readonly problems: string[];

  constructor(entries: Iterable<LexiconEntry>, problems: string[] = []) {
    for (const entry of entries) this.add(entry);
    this.problems = problems;
  }

  static fromFiles(files: readonly string[]): BilingualLexicon {
    const entries: LexiconEntry[] = [];
    const problems: string[] = [];
    for (const file of files) {
      readFileSync(file, 'utf8')
        .split('\n')
        .forEach((line, index) => {
          if (!line.trim() || line.startsWith('#')) return;
          const parsed = parseLexiconLine(line);
          if (typeof parsed === 'string') problems.push(`${path.basename(file)} line ${index + 1}: ${parsed}`);
          else entries.push(parsed);
        });
    }
    return new BilingualLexicon(entries, problems);
  }

  get size(): number {
    return this.byKorean.size;
  }

  entries(): IterableIterator<LexiconEntry> {
    return this.byKorean.values();
  }

  private add(entry: LexiconEntry): void {
    for (const form of entry.en) this.forms.add(form);
    const key = compact(entry.ko);
    const known = this.byKorean.get(key);
    if (known) {
      for (const form of entry.en) if (!known.en.includes(form)) known.en.push(form);
      return;
    }
    const copy = { ...entry, en: [...entry.en] };
    this.byKorean.set(key, copy);
    this.maxKey = Math.max(this.maxKey, key.length);
    const runs = new Set<string>();
    for (const form of copy.en) {
      const words = stems(form);
      const stemmed = words.join(' ');
      if (!stemmed) continue;
      const list = this.byEnglish.get(stemmed) ?? [];
      list.push(copy);
      this.byEnglish.set(stemmed, list);
      for (let i = 0; i < words.length; i += 1) for (let n = 1; n <= RUN_WORDS && i + n <= words.length; n += 1) runs.add(words.slice(i, i + n).join(' '));
    }
    for (const run of runs) this.runsUsed.set(run, (this.runsUsed.get(run) ?? 0) + 1);
  }

  /**
   * How many entries use these stems (joined by spaces) in an English form: the lexicon read
   * as a corpus of the field. "technology" is in a hundred terms, "moratorium" in one.
   */
  entriesUsing(stemmedRun: string): number {
    return this.runsUsed.get(stemmedRun) ?? 0;
  }

  /** The entry Korean writes this way (spaces ignored). */
  korean(term: string): LexiconEntry | undefined {
    return this.byKorean.get(compact(term));
  }

  /** Whether some entry has this English form, exactly as written ("GPT", "New York"). */
  hasForm(written: string): boolean {
    return this.forms.has(written);
  }

  /** The entries that have an English form with these stems (joined by spaces). */
  english(stemmedForm: string): readonly LexiconEntry[] {
    return this.byEnglish.get(stemmedForm) ?? [];
  }

  /** The names (every kind but concept) that have an English form with these stems: who, where, or a product, law or event. */
  names(stemmedForm: string): readonly LexiconEntry[] {
    return this.english(stemmedForm).filter((entry) => entry.kind !== 'concept');
  }

  /**
   * The lexicon's terms in a Korean text, longest first at each place: a word is read from its
   * start, a term may run on into the next words (경찰 개혁 법안), and particles after a term
   * are passed over. What no term covers is returned too, word by word, for other matching.
   */
  findKorean(text: string): { found: FoundTerm[]; unmatched: string[] } {
    const found: FoundTerm[] = [];
    const unmatched: string[] = [];
    const words = text.match(/[가-힣]+/g) ?? [];
    for (let i = 0; i < words.length; i += 1) {
      const word = words[i]!;
      // A term spanning words, starting here: the longest first.
      let spanned = false;
      for (let j = Math.min(words.length, i + MAX_SPAN_WORDS) - 1; j > i && !spanned; j -= 1) {
        const head = words.slice(i, j).join('');
        for (const last of nounCandidates(words[j]!)) {
          const entry = this.byKorean.get(head + last);
          if (entry) {
            found.push({ entry, written: words.slice(i, j + 1).join(' ') });
            i = j;
            spanned = true;
            break;
          }
        }
      }
      if (!spanned) this.segmentWord(word, found, unmatched);
    }
    return { found, unmatched };
  }

  /** Reads one word as terms from its start, longest first (얼굴인식기술 → 얼굴인식, 기술). */
  private segmentWord(word: string, found: FoundTerm[], unmatched: string[]): void {
    const whole = nounCandidates(word).find((candidate) => this.byKorean.has(candidate));
    if (whole) {
      found.push({ entry: this.byKorean.get(whole)!, written: word });
      // A compound's head is a term too: 자율주행차 is also 자율주행.
      for (let length = whole.length - 1; length >= MIN_KEY + 1; length -= 1) {
        const head = this.byKorean.get(whole.slice(0, length));
        if (head) {
          found.push({ entry: head, written: whole.slice(0, length) });
          break;
        }
      }
      return;
    }
    const before = unmatched.length;
    let start = 0;
    let rest = '';
    while (start < word.length) {
      let length = Math.min(this.maxKey, word.length - start);
      for (; length >= MIN_KEY; length -= 1) if (this.byKorean.has(word.slice(start, start + length))) break;
      if (length >= MIN_KEY) {
        if (rest.length >= MIN_KEY) unmatched.push(rest);
        rest = '';
        const written = word.slice(start, start + length);
        found.push({ entry: this.byKorean.get(written)!, written });
        start += length;
      } else {
        rest += word[start];
        start += 1;
      }
    }
    if (rest.length >= MIN_KEY && rest.length === word.length) unmatched.push(nounCandidates(rest).at(-1)!);
    else if (rest.length >= MIN_KEY) unmatched.push(rest);
    // A name may hold a word of the lexicon (잭스바이트 holds 바이트): the whole word is kept too.
    if (unmatched.length > before && rest.length !== word.length) unmatched.push(nounCandidates(word).at(-1)!);
  }
}

let shared: BilingualLexicon | null = null;

/** The lexicon shipped with briefwatch, loaded once. */
export function fieldLexicon(): BilingualLexicon {
  shared ??= BilingualLexicon.fromFiles(
    readdirSync(DATA_DIR)
      .filter((f) => f.endsWith('.tsv'))
      .sort()
      .map((f) => path.join(DATA_DIR, f)),
  );
  return shared;
}
