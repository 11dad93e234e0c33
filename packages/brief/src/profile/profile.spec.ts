import { extractEntities } from './entities.js';
import { extractNumbers } from './numbers.js';
import { profileOfTexts } from './derive-profile.js';
import { glossTerms } from './glossed-terms.js';
import { applyProfileOverrides, parseProfileOverrides } from './profile-overrides.js';
import type { TrackingProfile } from './tracking-profile.js';

describe('numbers, across the languages\' ways of writing them', () => {
  it.each([
    ['총 1,750억 개의 모수를 학습', 175e9, '175 billion'],
    ['30억 장 이상의 이미지', 3e9, '3 billion'],
    ['약 1조 개의 단어', 1e12, '1 trillion'],
    ['세계 최고 AI 인력의 60%가 미국', 60, '60 percent'],
    ['80명 중 26명이 범죄자로', 80, '80'],
  ])('reads "%s" as %d (%s)', (text, value, english) => {
    const numbers = extractNumbers(text);
    const number = numbers.find((n) => n.value === value);
    expect(number?.english).toContain(english);
  });

  it('does not take version numbers, names or dates for figures', () => {
    expect(extractNumbers('GPT-3와 H-1B, COVID-19, 선언(6.9.)')).toEqual([]);
  });

  it('marks four-digit years as years', () => {
    expect(extractNumbers('2018년 BERT, 2019')[0]).toMatchObject({ value: 2018, unit: 'years' });
    expect(extractNumbers('NeurIPS 2019에 발표')[0]).toMatchObject({ value: 2019, unit: 'year' });
  });
});

describe('entities', () => {
  it('finds Latin names with the Korean spelling they are glossed with', () => {
    const entities = extractEntities('구글 자율주행차 개발책임을 맡았던 크리스 엄슨(Chris Urmson)은');
    expect(entities).toEqual([{ name: 'Chris Urmson', aliases: ['크리스 엄슨'] }]);
  });

  it('keeps product names, acronyms with digits and multi-word names, and drops the too-common', () => {
    const entities = extractEntities('美 스타트업 Clearview AI는 SNS 에서 ... GPT-3 기반 ... 비자(H-1B, H-2B) ... Paulson Institute 산하 MacroPolo');
    const names = entities.map((e) => e.name);
    expect(names).toEqual(expect.arrayContaining(['Clearview AI', 'GPT-3', 'H-1B', 'H-2B', 'Paulson Institute', 'MacroPolo']));
    // The head of a name ending in a term of the field is a spelling of it too.
    expect(entities.find((e) => e.name === 'Clearview AI')!.aliases).toContain('Clearview');
    expect(names).not.toContain('Paulson');
    expect(names).not.toContain('SNS');
    expect(names).not.toContain('AI');
  });

  it('spells out abbreviations coverage does not use', () => {
    expect(extractEntities('IBM, Amazon, MS 등')).toEqual(expect.arrayContaining([{ name: 'Microsoft', aliases: ['MS'] }]));
  });
});

describe('terms of the field, from the lexicon', () => {
  it('carries Korean terms into English, longest first, with the head of a compound', () => {
    const terms = glossTerms('안면인식 AI 기술과 자율주행차 상용화');
    const ko = terms.map((t) => t.ko);
    expect(ko).toEqual(expect.arrayContaining(['안면인식', '자율주행차', '자율주행', '상용화']));
    expect(terms.find((t) => t.ko === '안면인식')!.en).toContain('facial recognition');
    expect(terms.find((t) => t.ko === '자율주행차')!.en).toEqual(expect.arrayContaining(['self-driving car', 'driverless car']));
  });

  it('keeps a Hangul word the lexicon lacks, with no English form, to be matched by its sound', () => {
    expect(glossTerms('잭스바이트는 시험에 성공')).toEqual(expect.arrayContaining([{ ko: '잭스바이트', en: [], kind: 'name' }]));
  });

  it('takes the terms of the field in the titles of the cited works too', () => {
    const profile = profileOfTexts(['크리스 엄슨(Chris Urmson)은 상용화 시점이 늦어질 것으로 전망'], ['Driverless Cars Are Stuck in a Jam']);
    expect(profile.terms.some((t) => t.en.includes('driverless car'))).toBe(true);
  });

  it('reads an English line by the English forms of the lexicon, each with its other forms', () => {
    const terms = glossTerms('The city banned police use of face recognition software');
    const face = terms.find((t) => t.en[0] === 'face recognition')!;
    expect(face.en).toContain('facial recognition');
    expect(terms.some((t) => t.ko === '' && t.en[0] === 'the')).toBe(false);
  });
});

describe('profile overrides', () => {
  const derived = (): TrackingProfile => ({
    entities: [{ name: 'SW', aliases: [] }, { name: 'Amazon', aliases: [] }],
    numbers: [{ text: '1년간', value: 1, unit: 'years', english: ['1 year'] }],
    terms: [{ ko: '감시', en: ['surveillance'], kind: 'concept' }],
    citationTitles: [],
    overridden: false,
  });

  it('adds and removes entries for the named topic or claim, and says it was overridden', () => {
    const profiles = new Map([['t2.c2', derived()]]);
    const overrides = parseProfileOverrides(
      JSON.stringify({ 't2.c2': { add: { entities: ['Amazon Rekognition'], terms: ['face surveillance'] }, remove: { entities: ['SW'], numbers: ['1년간'] } } }),
    );
    applyProfileOverrides(profiles, overrides);
    const profile = profiles.get('t2.c2')!;
    expect(profile.entities.map((e) => e.name)).toEqual(['Amazon', 'Amazon Rekognition']);
    expect(profile.numbers).toEqual([]);
    expect(profile.terms.map((t) => t.en)).toEqual([['surveillance'], ['face surveillance']]);
    expect(profile.overridden).toBe(true);
  });

  it('applies the whole-brief key to every topic and claim, before their own overrides', () => {
    const profiles = new Map([
      ['t1', derived()],
      ['t1.c1', derived()],
    ]);
    applyProfileOverrides(profiles, parseProfileOverrides(JSON.stringify({ '*': { remove: { terms: ['surveillance'] } }, 't1.c1': { add: { terms: ['surveillance cameras'] } } })));
    expect(profiles.get('t1')!.terms).toEqual([]);
    expect(profiles.get('t1.c1')!.terms.map((t) => t.en)).toEqual([['surveillance cameras']]);
  });

  it('refuses an override for an id the brief does not have, and a malformed file', () => {
    expect(() => applyProfileOverrides(new Map([['t1', derived()]]), { 't9.c1': {} })).toThrow(/t9\.c1/);
    expect(() => parseProfileOverrides('{not json', 'x.profiles.json')).toThrow(/x\.profiles\.json is not JSON/);
    expect(() => parseProfileOverrides(JSON.stringify({ claim7: {} }))).toThrow(/claim7: Invalid key/);
    expect(() => parseProfileOverrides(JSON.stringify({ t1: { add: { colours: [] } } }))).toThrow(/colours/);
  });
});
