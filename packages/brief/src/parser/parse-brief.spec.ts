import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { flattenClaims, type BriefClaim, type ParsedBrief } from '../brief-model.js';
import { decodeBrief } from './decode-brief.js';
import { parseBrief } from './parse-brief.js';

const briefsDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..', '..', 'briefs');
const spriText = readFileSync(path.join(briefsDir, 'spri-ai-brief-2020-06.txt'), 'utf8');

function allClaims(brief: ParsedBrief): BriefClaim[] {
  return brief.topics.flatMap((topic) => flattenClaims(topic.claims));
}

function claimWith(brief: ParsedBrief, fragment: string): BriefClaim {
  const found = allClaims(brief).filter((claim) => claim.text.includes(fragment) || claim.notes.some((n) => n.text.includes(fragment)));
  expect(found).toHaveLength(1);
  return found[0]!;
}

describe('parsing the SPRI AI Brief (June 2020)', () => {
  const brief = parseBrief(decodeBrief(Buffer.from(spriText)));

  it('finds the title and exactly four topics, in order', () => {
    expect(brief.title).toBe('SPRI AI BRIEF 인공지능 최신 동향과 시사점');
    expect(brief.topics.map((t) => t.title)).toEqual([
      '이코노미스트紙, "AI 기술의 한계에 대한 냉정한 인식 필요"',
      '美, IT공룡들 안면인식 AI 개발 및 공급 중단 발표',
      'OpenAI, 자연어 처리를 위한 범용 API 공개',
      '뉴욕타임즈, 미국의 AI 인력 확보 차질 우려',
    ]);
  });

  it('reads all ten citations with publisher, title and ISO date, each under its topic', () => {
    const citations = brief.topics.flatMap((topic) => topic.citations.map((c) => ({ ...c, topicOrder: topic.order })));
    expect(citations.map((c) => [c.number, c.publisher, c.date, c.topicOrder])).toEqual([
      [1, 'The Economist', '2020-01-07', 1],
      [2, 'The Economist', '2019-10-10', 1],
      [3, 'Forbes', '2020-06-13', 2],
      [4, 'CNN', '2019-08-15', 2],
      [5, 'Fortune', '2020-03-03', 2],
      [6, 'Wired', '2020-06-12', 2],
      [7, 'OpenAI', '2020-06-11', 3],
      [8, 'OpenAI', '2020-06-05', 3],
      [9, 'The New York Times', '2020-06-09', 4],
      [10, 'MacroPolo', '2020-06-09', 4],
    ]);
    expect(citations[0]!.title).toBe("An Understanding of AI's Limitations Is Starting to Sink in");
    expect(citations[0]!.rawTitle).toBe("An Understanding of Al's Limitations Is Starting to Sink in");
    expect(citations[3]!.title).toMatch(/^Facial-recognition technology flagged 26 California lawmakers as criminals/);
    expect(citations[7]).toMatchObject({ title: 'Language Models are Few-Shot Learners', venue: 'arXiv', venueKey: 'arxiv', publisherKey: 'openai' });
    expect(citations[8]).toMatchObject({ publisherKey: 'nytimes', title: 'A U.S Secret Weapon in A.I: Chinese Talent' });
    expect(citations[9]!.title).toBe("America's Got AI Talent: US' Big Lead in AI Research Is Built on Importing Researchers");
  });

  it('attaches each marker to the claim or note that carries it', () => {
    expect(claimWith(brief, '크리스 엄슨').citations).toEqual([2]);
    expect(claimWith(brief, '캘리포니아주의회').notes[0]!.citations).toEqual([4]);
    expect(claimWith(brief, 'Clearview AI는').notes[0]!.citations).toEqual([5]);
    expect(claimWith(brief, '사용을 제한할 가능성').citations).toEqual([6]);
    expect(claimWith(brief, '인재 수급 현황').citations).toEqual([10]);
  });

  it('gives uncited footnotes and heading markers to the topic as a whole', () => {
    const topicCitations = brief.topics.map((t) => t.citations.filter((c) => c.citesTopic).map((c) => c.number));
    expect(topicCitations).toEqual([[1], [3], [7, 8], [9]]);
  });

  it('keeps every claim line exactly once: sub-claims under their parent, notes on their claim', () => {
    const claimLines = spriText
      .split('\n')
      .map((line, index) => ({ line: index + 1, text: line }))
      .filter(({ text }) => /^\s*-\s/.test(text) && !/^-\s*·/.test(text));
    const parsedLines = allClaims(brief).flatMap((claim) => [claim.line, ...claim.notes.map((note) => note.line)]);
    expect([...parsedLines].sort((a, b) => a - b)).toEqual(claimLines.map((l) => l.line));

    const urmson = claimWith(brief, '크리스 엄슨');
    expect(urmson.parentId).toBe('t1.c1');
    expect(claimWith(brief, '가트너 하이프사이클').id).toBe('t1.c3.1');
  });

  it('puts claims under their ○ section and reads **term** labels', () => {
    expect(brief.topics[1]!.sections.map((s) => s.title)).toHaveLength(3);
    expect(claimWith(brief, '레커그니션').sectionId).toBe('t2.s1');
    expect(claimWith(brief, '인과관계를 혼동').label).toBe('알고리즘');
    expect(claimWith(brief, '다음에 올 단어').label).toBe('자연어 처리');
  });

  it('mends OCR slips in the shown text and keeps the raw text', () => {
    const gpt = claimWith(brief, '생성형 사전학습');
    expect(gpt.text).toContain('OpenAI 2018년 생성형 사전학습(Generative Pre-Training, GPT)');
    expect(gpt.text).toContain('GPT-2');
    expect(gpt.rawText).toContain('OpenAl 2018년');
    expect(gpt.rawText).toContain('GTP-2');
    expect(claimWith(brief, 'NeurIPS)의 2018').rawText).toContain('NeurlPS');
    expect(brief.corrections).toEqual(expect.arrayContaining([{ line: 86, from: 'NeurlPS', to: 'NeurIPS' }]));
  });

  it('notes the page footer it did not understand, by line', () => {
    expect(brief.warnings.map((w) => [w.code, w.line])).toEqual([
      ['LINE.UNRECOGNISED', 109],
      ['NOTE.UNATTACHED', 111],
    ]);
  });
});
