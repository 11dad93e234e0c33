import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { readBriefDocument } from '@briefwatch/brief';
import { Linker } from './linker.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const june = readBriefDocument(readFileSync(path.join(root, 'briefs', 'spri-ai-brief-2020-06.txt')));
const linker = new Linker(june);
const link = (title: string, summary = '') => linker.link({ id: 'x', title, summary });
const topicsOf = (title: string, summary = '') => link(title, summary).topics.map((t) => t.id);

// Every story below is written for these tests: none is taken or paraphrased from an evaluation set.
describe('linking English coverage to the Korean SPRI brief', () => {
  it.each([
    ['Portland council votes to bar facial recognition in shops and city offices', 'The ordinance covers both private businesses and public agencies.', 't2'],
    ['Developers get paid access to GPT-3 through an API', 'The language model with 175 billion parameters is offered to businesses.', 't3'],
    ['Suspension of H-1B work visas extended into the spring', 'Employers warn that skilled foreign workers will go elsewhere.', 't4'],
  ])('links "%s" to its topic', (title, summary, topic) => {
    expect(topicsOf(title, summary)).toContain(topic);
  });

  it.each([
    ['Amazon opens a cashierless grocery store in London', 'Shoppers pick items and walk out; cameras tally the bill.'],
    ['IBM reports higher quarterly revenue from consulting', 'Its mainframe sales also rose.'],
    ['Microsoft raises the price of its Office subscriptions', 'Business customers will pay more from March.'],
    ['Chip shortage delays deliveries of new game consoles', 'Retailers expect stock to stay thin until summer.'],
    ['Transformers sequel tops the weekend box office', 'The film earned $60 million.'],
    ['New airport scanners cut queues at security checkpoints', 'Travellers no longer need to take laptops out of their bags.'],
  ])('keeps the near-miss "%s" out', (title, summary) => {
    expect(topicsOf(title, summary)).toEqual([]);
  });

  it('ranks the claim a story develops among the first three, with evidence found in the story', () => {
    const story = { title: 'Rekognition stays off limits to police as Amazon keeps its pause', summary: 'The company will not sell its facial recognition service to police departments for now.' };
    const result = linker.link({ id: 'a', ...story });
    expect(result.claims.slice(0, 3).map((c) => c.id)).toContain('t2.c2');
    for (const evidence of result.claims[0]!.evidence) {
      const text = evidence.where === 'title' ? story.title : story.summary;
      expect(text).toContain(evidence.passage.replace(/^…|…$/g, ''));
    }
  });

  it('meets an inflected word at its stem: "banned" finds a ban, "wrongfully" what is wrongful', () => {
    const banned = link('Facial recognition banned in city agencies', 'Council members voted on Tuesday.').topics[0]!;
    expect(banned.id).toBe('t2');
    expect(banned.evidence.map((e) => e.feature)).toEqual(expect.arrayContaining(['facial recognition']));
  });

  it('gives a title hit more weight than the same hit in the body', () => {
    const inTitle = link('Facial recognition ban passes', 'The city council voted on Tuesday.').topics[0]!;
    const inBody = link('City council votes on Tuesday', 'A facial recognition ban passed.').topics[0]!;
    expect(inTitle.score).toBeGreaterThan(inBody.score);
  });

  it('does not take a lone capitalised abbreviation for the subject of a topic', () => {
    expect(topicsOf('Bank launches a new API for payments', 'Customers can connect their apps.')).toEqual([]);
  });
});

describe('linking Korean coverage', () => {
  it('links a Korean article through the lexicon, with the Korean passage as evidence', () => {
    const result = linker.link({ id: 'ko', title: '시애틀 경찰, 안면인식 소프트웨어 사용 중단', summary: '시의회는 경찰의 얼굴인식 기술 사용을 금지하는 조례를 통과시켰다.' });
    expect(result.topics.map((t) => t.id)).toContain('t2');
    expect(result.topics[0]!.evidence.some((e) => e.passage.includes('안면인식'))).toBe(true);
  });

  it('keeps a Korean article on another subject out', () => {
    expect(linker.link({ id: 'ko2', title: '전기차 충전소, 고속도로 휴게소에 확대', summary: '정부는 올해 충전기 5천 기를 새로 설치한다.' }).topics).toEqual([]);
  });
});

describe('briefs on other subjects, written for these tests', () => {
  const korean = readBriefDocument(
    Buffer.from(
      [
        'SPRI AI BRIEF 테스트',
        '',
        '노르웨이 스타트업 잭스바이트, 위성 양자암호 통신 시험 성공¹',
        '',
        '- 잭스바이트는 저궤도 위성을 이용한 양자암호 통신 시험에 성공했다고 발표(3.2.)',
        '- 양자암호 통신은 도청이 불가능한 보안 기술로 각국 정부가 투자를 확대하는 분야',
        '',
        '¹ Reuters, "Startup tests quantum key distribution by satellite", 2026.3.2.',
      ].join('\n'),
    ),
  );
  const english = readBriefDocument(
    Buffer.from(
      [
        'AI POLICY BRIEF Test issue',
        '',
        'City of Lyon pilots crowd-counting cameras on public transport¹',
        '',
        '- The transport authority installed crowd-counting cameras in 40 metro stations (4.1.)',
        '- Privacy groups asked the data protection authority to review the pilot',
        '',
        '¹ Le Monde, "Lyon tests crowd-counting cameras in the metro", 2026.4.1.',
      ].join('\n'),
    ),
  );

  it('finds a name the lexicon lacks by its sound: 잭스바이트 in Korean is Zaxbyte in English', () => {
    const result = new Linker(korean).link({ id: 'z', title: 'Zaxbyte completes satellite test of quantum key distribution', summary: 'The startup sent keys between two ground stations.' });
    expect(result.topics.map((t) => t.id)).toEqual(['t1']);
    expect(result.topics[0]!.evidence).toEqual(expect.arrayContaining([expect.objectContaining({ kind: 'sound', feature: '잭스바이트' })]));
  });

  it('links English coverage to a brief written in English', () => {
    const linked = new Linker(english);
    expect(linked.link({ id: 'e1', title: 'Regulator opens review of crowd-counting cameras in Lyon metro', summary: '' }).topics.map((t) => t.id)).toEqual(['t1']);
    expect(linked.link({ id: 'e2', title: 'Lyon football club signs a new striker', summary: 'The transfer fee was not disclosed.' }).topics).toEqual([]);
  });
});
