import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runCliCapturing, NO_SERVICES } from './cli-harness.js';

const brief = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'briefs', 'spri-ai-brief-2020-06.txt');

describe('npx briefwatch link / eval (no Kafka, no database)', () => {
  let dir: string;
  beforeAll(() => void (dir = mkdtempSync(path.join(os.tmpdir(), 'briefwatch-link-'))));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const cli = (...argv: string[]) => runCliCapturing(argv, NO_SERVICES);

  it('prints one line per article with topics, claims and checkable evidence, and names bad lines', async () => {
    const input = path.join(dir, 'articles.jsonl');
    writeFileSync(
      input,
      [
        JSON.stringify({ id: 'a1', title: 'OpenAI opens its GPT-3 API to all developers', summary: 'The waitlist for the language model API is gone.' }),
        '{ not json',
        JSON.stringify({ id: 'a2', title: 'Nvidia to buy Arm for $40 billion', summary: 'The chip deal is the largest ever.' }),
      ].join('\n'),
    );
    const result = await cli('link', '--brief', brief, '--input', input);
    expect(result.code).toBe(1);
    expect(result.err).toMatch(/skipped line 2: not JSON/);
    const [first, second] = result.lines.map((line) => JSON.parse(line));
    expect(first.id).toBe('a1');
    expect(first.topics).toEqual([{ title: 'OpenAI, 자연어 처리를 위한 범용 API 공개', score: expect.any(Number) }]);
    expect(first.claims[0]).toMatchObject({ topic: 'OpenAI, 자연어 처리를 위한 범용 API 공개', why: expect.arrayContaining([expect.stringMatching(/"GPT-3" \(entity\) in the title: OpenAI opens its GPT-3 API/)]) });
    expect(second).toEqual({ id: 'a2', topics: [], claims: [] });
  });

  it('reports precision, recall, F1 and hit@3 with the mistakes', async () => {
    const labels = path.join(dir, 'labels.jsonl');
    writeFileSync(
      labels,
      [
        JSON.stringify({ id: 's1', title: 'Amazon keeps its pause on selling facial recognition to police', summary: 'Rekognition stays off-limits to police.', topics: ['안면인식 AI 개발 및 공급 중단'], claims: ['레커그니션(Rekognition)'] }),
        JSON.stringify({ id: 's2', title: 'IBM to split into two companies', summary: 'The infrastructure business will be spun off.', topics: [], claims: [] }),
        JSON.stringify({ id: 's3', title: 'A quiet week', summary: 'Nothing happened.', topics: ['AI 인력 확보 차질'], claims: [] }),
      ].join('\n'),
    );
    const result = await cli('eval', '--brief', brief, '--labels', labels, '--json');
    const report = JSON.parse(result.lines.join('\n'));
    expect(report.topic).toMatchObject({ truePositives: 1, falsePositives: 0, falseNegatives: 1, precision: 1, recall: 0.5 });
    expect(report.claim).toMatchObject({ labelled: 1, hitsAt3: 1, hitAt3: 1 });
    expect(report.mistakes).toEqual([expect.objectContaining({ id: 's3', kind: 'topic-missed' })]);
  });

  it("reports every evaluation set in a folder, one line each, and says when there is none", async () => {
    const sets = path.join(dir, 'sets');
    for (const name of ['first', 'second']) {
      mkdirSync(path.join(sets, name), { recursive: true });
      copyFileSync(brief, path.join(sets, name, 'brief.txt'));
      writeFileSync(
        path.join(sets, name, 'stories.jsonl'),
        JSON.stringify({ id: 's1', title: 'Amazon keeps its pause on selling facial recognition to police', summary: '', topics: ['안면인식 AI 개발 및 공급 중단'], claims: [] }),
      );
    }
    const result = await cli('eval', '--sets', sets);
    expect(result.code).toBe(0);
    expect(result.lines[0]).toMatch(/^set\s+stories\s+topic P/);
    expect(result.lines.slice(1).map((line) => line.split(/\s+/).slice(0, 2))).toEqual([
      ['first', '1'],
      ['second', '1'],
    ]);
    const none = await cli('eval', '--sets', path.join(dir, 'nowhere'));
    expect(none.code).not.toBe(0);
    expect(none.err).toMatch(/no evaluation sets at/);
  });
});
