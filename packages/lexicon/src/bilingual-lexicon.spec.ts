import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { BilingualLexicon, fieldLexicon, parseLexiconLine } from './bilingual-lexicon.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

describe('the lexicon of the field', () => {
  const lexicon = fieldLexicon();

  it('loads every data file without a refused line, thousands of concepts and names', () => {
    expect(lexicon.problems).toEqual([]);
    expect(lexicon.size).toBeGreaterThanOrEqual(5_000);
    const kinds = [...lexicon.entries()].map((e) => e.kind);
    expect(kinds.filter((k) => k === 'concept').length).toBeGreaterThanOrEqual(3_000);
    expect(kinds.filter((k) => k !== 'concept').length).toBeGreaterThanOrEqual(1_000);
  });

  it('refuses a malformed line with what is wrong, and keeps the rest', () => {
    expect(parseLexiconLine('양자컴퓨터\tquantum computer | quantum computing\tconcept')).toEqual({ ko: '양자컴퓨터', en: ['quantum computer', 'quantum computing'], kind: 'concept' });
    expect(parseLexiconLine('반도체\tchip')).toMatch(/three tab-separated fields/);
    expect(parseLexiconLine('반도체\tchip\tthing')).toMatch(/not one of concept, product/);
    expect(parseLexiconLine('칩\tchip\tconcept')).toMatch(/shorter than 2/);
    expect(parseLexiconLine('반도체\t | \tconcept')).toMatch(/no English form/);
  });

  it('merges the English forms of one Korean term met in several files, spaces ignored', () => {
    const merged = new BilingualLexicon([
      { ko: '기계 번역', en: ['machine translation'], kind: 'concept' },
      { ko: '기계번역', en: ['MT', 'machine translation'], kind: 'concept' },
    ]);
    expect(merged.size).toBe(1);
    expect(merged.korean('기계번역')?.en).toEqual(['machine translation', 'MT']);
  });

  it('knows its English forms exactly as written', () => {
    const lexicon = new BilingualLexicon([{ ko: '기계번역', en: ['MT', 'machine translation'], kind: 'concept' }]);
    expect([lexicon.hasForm('MT'), lexicon.hasForm('machine translation'), lexicon.hasForm('mt'), lexicon.hasForm('translation')]).toEqual([true, true, false, false]);
  });
});

describe('finding Korean terms', () => {
  const lexicon = new BilingualLexicon([
    { ko: '양자', en: ['quantum'], kind: 'concept' },
    { ko: '양자암호', en: ['quantum cryptography'], kind: 'concept' },
    { ko: '통신', en: ['telecommunications'], kind: 'concept' },
    { ko: '위성', en: ['satellite'], kind: 'concept' },
    { ko: '저궤도 위성', en: ['low Earth orbit satellite'], kind: 'concept' },
    { ko: '노르웨이', en: ['Norway'], kind: 'place' },
    { ko: '반도체', en: ['semiconductor'], kind: 'concept' },
    { ko: '반도체법', en: ['chips act'], kind: 'concept' },
  ]);
  const terms = (text: string) => lexicon.findKorean(text).found.map((f) => f.entry.ko);

  it('reads the longest term at each place, and a compound as its parts', () => {
    expect(terms('양자암호통신을 시험')).toEqual(['양자암호', '통신']);
  });

  it('keeps the head of a whole compound as a term too', () => {
    expect(terms('반도체법이')).toEqual(['반도체법', '반도체']);
  });

  it('passes over the particles after a term, and follows a term across a space', () => {
    expect(terms('노르웨이는 저궤도 위성으로')).toEqual(['노르웨이', '저궤도 위성']);
  });

  it('returns the words no term covers, for matching by sound', () => {
    expect(lexicon.findKorean('노르웨이의 스발바르에서').unmatched).toEqual(['스발바르']);
  });
});

describe('coverage of briefs the lexicon was not written from', () => {
  // The content words of each brief kept with the project: Hangul words after particles,
  // counted as covered when the lexicon finds a term in them.
  const briefs = [
    path.join(root, 'briefs', 'spri-ai-brief-2020-06.txt'),
    ...readdirSync(path.join(root, 'eval'), { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .map((d) => path.join(root, 'eval', d.name, 'brief.txt')),
  ];
  const korean = briefs.filter((file) => /[가-힣]{20}/.test(readFileSync(file, 'utf8').replace(/\s/g, '')));

  // Verbs and endings (했다, 있는) are among the words and no lexicon of terms covers them:
  // about 55% of all words is what the lexicon reaches on every brief measured.
  it.each(korean.map((file) => [path.relative(root, file), file]))('covers more than half the Korean words of %s', (_name, file) => {
    const words = readFileSync(file, 'utf8').match(/[가-힣]{2,}/g) ?? [];
    const lexicon = fieldLexicon();
    const covered = words.filter((word) => lexicon.findKorean(word).found.length > 0);
    expect(covered.length / words.length).toBeGreaterThanOrEqual(0.5);
  });

  it('has at least three Korean briefs to measure', () => {
    expect(korean.length).toBeGreaterThanOrEqual(3);
  });
});
