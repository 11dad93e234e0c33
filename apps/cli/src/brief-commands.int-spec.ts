import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createTestDatabase, type TestDatabase } from '@briefwatch/db/testing';
import { runCliCapturing } from './cli-harness.js';

const spriPath = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'briefs', 'spri-ai-brief-2020-06.txt');

describe('npx briefwatch brief show / brief import', () => {
  let db: TestDatabase;
  let dir: string;

  beforeAll(async () => {
    db = await createTestDatabase();
    dir = mkdtempSync(path.join(os.tmpdir(), 'briefwatch-brief-'));
  });
  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    await db.drop();
  });

  const cli = (...argv: string[]) => runCliCapturing(argv, { DATABASE_URL: db.url, KAFKA_BROKERS: '127.0.0.1:1' });

  const eventCount = async () => db.prisma.event.count();

  it('shows the parsed brief as JSON without touching the database', async () => {
    const shown = await cli('brief', 'show', spriPath, '--json');
    expect(shown.code).toBe(0);
    const brief = JSON.parse(shown.out) as { title: string; topics: Array<{ id: string; citations: Array<{ number: number; publisher: string; title: string; date: string }>; claims: unknown[]; profile: { entities: unknown[] } }> };
    expect(brief.topics).toHaveLength(4);
    const citations = brief.topics.flatMap((t) => t.citations);
    expect(citations).toHaveLength(10);
    expect(citations.find((c) => c.number === 4)).toMatchObject({ publisher: 'CNN', date: '2019-08-15' });
    expect(citations.find((c) => c.number === 10)).toMatchObject({ publisher: 'MacroPolo', date: '2020-06-09' });
    expect(brief.topics[1]!.profile.entities).toEqual(expect.arrayContaining([expect.objectContaining({ name: 'IBM' })]));
    expect(await eventCount()).toBe(0);
  });

  it('imports a brief once, however often it is imported', async () => {
    const first = await cli('brief', 'import', spriPath);
    expect(first.code).toBe(0);
    expect(first.out).toMatch(/^imported brief spri-ai-brief-2020-06 as version 1 \(4 topics, \d+ claims, 10 citations\)$/);
    const stored = await eventCount();
    expect(stored).toBeGreaterThan(50);

    const again = await cli('brief', 'import', spriPath);
    expect(again.out).toMatch(/is unchanged \(version 1/);
    expect(await eventCount()).toBe(stored);
  });

  it('stores a brief once when it is imported twice at the same moment', async () => {
    const copy = path.join(dir, 'imported-twice.txt');
    copyFileSync(spriPath, copy);
    const both = await Promise.all([cli('brief', 'import', copy), cli('brief', 'import', copy)]);
    expect(both.map((run) => run.code)).toEqual([0, 0]);
    // Whichever lost the race was decided again on what the other stored: nothing to add.
    expect(both.filter((run) => /as version 1 /.test(run.out))).toHaveLength(1);
    expect(both.filter((run) => /is unchanged \(version 1/.test(run.out))).toHaveLength(1);
    expect(await db.prisma.event.count({ where: { streamId: 'brief-imported-twice', type: 'BriefImported' } })).toBe(1);
  });

  it('records one change for a copy with one claim edited, and keeps the claim id', async () => {
    const copy = path.join(dir, 'spri-ai-brief-2020-06.txt');
    writeFileSync(copy, readFileSync(spriPath, 'utf8').replace('80명 중 26명이', '80명 중 27명이'));
    const before = await eventCount();
    const edited = await cli('brief', 'import', copy, '--json');
    expect(edited.code).toBe(0);
    const summary = JSON.parse(edited.out);
    expect(summary).toMatchObject({ version: 2, added: [], withdrawn: [], revised: [{ id: 't2.c4' }] });
    expect(await eventCount()).toBe(before + 2);
    const revised = await db.prisma.$queryRaw<Array<{ type: string; claim: string }>>`
      SELECT type, data->>'claimId' AS claim FROM events ORDER BY global_position DESC LIMIT 2`;
    expect(revised).toEqual([
      { type: 'BriefImported', claim: null },
      { type: 'ClaimRevised', claim: 't2.c4' },
    ]);
  });

  it('applies a profile overrides file found beside the brief', async () => {
    const copy = path.join(dir, 'overridden.txt');
    copyFileSync(spriPath, copy);
    writeFileSync(path.join(dir, 'overridden.profiles.json'), JSON.stringify({ 't2.c2': { add: { entities: ['Amazon Rekognition'] } } }));
    const shown = JSON.parse((await cli('brief', 'show', copy, '--json')).out);
    const claim = shown.topics[1].claims.find((c: { id: string }) => c.id === 't2.c2');
    expect(claim.profile.overridden).toBe(true);
    expect(claim.profile.entities.map((e: { name: string }) => e.name)).toContain('Amazon Rekognition');
  });

  it.each([
    ['an empty file', '', /BRIEF\.EMPTY/],
    ['a binary file', '\x00\x01\x02PNG', /BRIEF\.BINARY/],
    ['text with no topics', 'Nothing but prose here.\nAnd more prose.\n', /BRIEF\.NO_TOPICS/],
  ])('refuses %s with a clear error and stores nothing', async (_what, content, code) => {
    const file = path.join(dir, `bad-${Math.random().toString(36).slice(2)}.txt`);
    writeFileSync(file, content, 'latin1');
    const before = await eventCount();
    const result = await cli('brief', 'import', file);
    expect(result.code).toBe(1);
    expect(result.err).toMatch(code);
    expect(await eventCount()).toBe(before);
  });

  it('refuses invalid UTF-8 naming the line, and a file that is not there', async () => {
    const file = path.join(dir, 'latin1.txt');
    writeFileSync(file, Buffer.concat([Buffer.from('Title\n\nTopic\n\n- caf'), Buffer.from([0xe9]), Buffer.from('\n')]));
    expect((await cli('brief', 'import', file)).err).toMatch(/BRIEF\.INVALID_UTF8: line 5: /);
    expect((await cli('brief', 'show', path.join(dir, 'missing.txt'))).err).toMatch(/BRIEF\.NOT_FOUND/);
  });
});
