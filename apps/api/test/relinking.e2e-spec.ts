import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { NestFactory } from '@nestjs/core';
import { CommandBus } from '@nestjs/cqrs';
import { streamIdOf, type CoverageLinked } from '@briefwatch/contracts';
import { appendToStream, readStream } from '@briefwatch/event-store';
import { LinkerModule } from '@briefwatch/linker';
import { ImportBriefCommand } from '@briefwatch/brief';
import { runCliCapturing } from '@briefwatch/cli';
import { MATCHER_VERSION } from '@briefwatch/linking';
import { rss, startFeedServer, waitFor, type FeedServer } from '@briefwatch/testing';
import { postJson } from './api-requests.js';
import { startSystem, type RunningSystem } from './running-system.js';

const briefFile = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'briefs', 'spri-ai-brief-2020-06.txt');
const BRIEF = 'spri-ai-brief-2020-06';

describe('re-linking stored coverage when the brief changes, and backtesting a change first', () => {
  let feeds: FeedServer;
  let system: RunningSystem;
  let env: Record<string, string>;

  beforeAll(async () => {
    feeds = await startFeedServer({
      '/news.xml': (_req, res) =>
        void res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(
          rss([
            { guid: 'boston-ban', title: 'Portland votes to bar city agencies from facial recognition', description: 'Council members cited misidentifications and privacy before the unanimous vote.' },
            { guid: 'gpt3-api', title: 'OpenAI opens GPT-3 to developers through an API', description: 'The 175 billion parameter language model is offered as a commercial API instead of being released.' },
            { guid: 'drones', title: 'Amazon tests delivery drones over Cambridge', description: 'Prime Air completed its first trial deliveries by drone.' },
          ]),
        ),
    });
    system = await startSystem({
      ingestor: true,
      linker: true,
      env: { FETCH_ALLOW: feeds.hostPort, INGEST_TICK_MS: '50', POLL_INTERVAL_INITIAL_S: '1', POLL_INTERVAL_FLOOR_S: '1', POLL_INTERVAL_CEILING_S: '1' },
    });
    env = { DATABASE_URL: system.db.url, KAFKA_BROKERS: process.env.KAFKA_BROKERS!, KAFKA_TOPIC_PREFIX: system.topicPrefix, LOG_LEVEL: 'error' };
  });

  afterAll(async () => {
    await system?.stop();
    await feeds?.stop();
  });

  const linkKeysStored = async () =>
    Number((await system.db.prisma.$queryRaw<Array<{ n: bigint }>>`SELECT count(DISTINCT (data->>'articleId', data->>'topicId', coalesce(data->>'claimId', ''))) AS n FROM events WHERE type = 'CoverageLinked'`)[0]!.n);
  const activeLinks = () => system.db.prisma.coverageLink.findMany({ where: { retractedAt: null }, orderBy: [{ topicId: 'asc' }, { claimKey: 'asc' }] });

  it('links articles stored before the brief existed once it is imported, recording the matcher version', async () => {
    expect((await postJson(system, '/sources', { feedUrl: feeds.url('/news.xml') })).status).toBe(202);
    await waitFor(() => system.db.prisma.article.count(), (n) => n === 3, { description: 'three stored articles' });
    expect(await system.db.prisma.coverageLink.count()).toBe(0);

    await system.api.get(CommandBus).execute(new ImportBriefCommand({ briefId: BRIEF, fileName: null, bytes: readFileSync(briefFile), overrides: null }, 'e2e-relinking'));
    await waitFor(() => system.db.prisma.brief.count(), (n) => n === 1, { description: 'the brief projected', timeoutMs: 20_000 });
    const links = await waitFor(activeLinks, (rows) => rows.some((r) => r.topicId === 't2') && rows.some((r) => r.topicId === 't3'), { description: 'the stored articles linked to the new brief' });
    expect(new Set(links.map((l) => l.topicId))).toEqual(new Set(['t2', 't3']));
    expect(links.every((l) => l.matcherVersion === MATCHER_VERSION)).toBe(true);
    // The re-link is done when the current brief calls for no change and every link event is projected.
    await waitFor(
      async () => ({ backtest: (await runCliCapturing(['links', 'backtest'], env)).out, projected: await system.db.prisma.coverageLink.count(), stored: await linkKeysStored() }),
      (state) => /: \+0 links, -0 links$/m.test(state.backtest) && state.projected === state.stored,
      { description: 'the re-link finished and projected' },
    );
  });

  it('backtests a stricter threshold without changing anything, then re-links to no effect when nothing changed', async () => {
    const before = await activeLinks();
    const strict = await runCliCapturing(['links', 'backtest', '--threshold', '0.99', '--json'], env);
    expect(strict.code).toBe(0);
    const report = JSON.parse(strict.out) as { articles: number; changes: Array<{ change: string; topicId: string; claimId: string | null; title: string }> };
    expect(report.articles).toBe(3);
    // At 0.99 no link holds: the backtest lists every link as one to take back, and adds none.
    expect(report.changes.filter((c) => c.change === 'add')).toEqual([]);
    expect(report.changes.map((c) => `${c.topicId} ${c.claimId ?? ''}`).sort()).toEqual(before.map((l) => `${l.topicId} ${l.claimKey}`).sort());
    expect(await activeLinks()).toEqual(before);

    const same = await runCliCapturing(['links', 'backtest'], env);
    expect(same.code).toBe(0);
    expect(same.out).toMatch(/^backtest over 3 articles with matcher \S+: \+0 links, -0 links$/m);

    const relinked = await runCliCapturing(['links', 'relink'], env);
    expect(relinked.code).toBe(0);
    expect(relinked.out).toMatch(/^re-linked 3 articles with matcher \S+: \+0 links, -0 links$/m);
    expect(await activeLinks()).toEqual(before);
  });

  it('re-links, once started, links an earlier matcher made', async () => {
    const [link] = await activeLinks();
    const stream = streamIdOf('link', link!.articleId);
    const held = (await readStream(system.db.prisma, stream)).find((e) => e.type === 'CoverageLinked')!.data as CoverageLinked;
    await appendToStream(system.db.prisma, stream, [{ type: 'CoverageLinked', schemaVersion: 1, data: { ...held, matcherVersion: 'lexical-0' } }], {
      expectedVersion: 'any',
      metadata: { correlationId: 'e2e-old-matcher', causationId: null },
    });
    await waitFor(() => system.db.prisma.coverageLink.count({ where: { matcherVersion: 'lexical-0' } }), (n) => n === 1, { description: 'a link from an earlier matcher' });

    const linker = await NestFactory.createApplicationContext(LinkerModule.forRoot(system.contextFor('linker')), { logger: false });
    await linker.init();
    try {
      await waitFor(() => system.db.prisma.coverageLink.count({ where: { matcherVersion: 'lexical-0' } }), (n) => n === 0, { description: 'the link made again by the current matcher' });
    } finally {
      await linker.close();
    }
    const renewed = await system.db.prisma.coverageLink.findUnique({ where: { articleId_briefId_topicId_claimKey: { articleId: held.articleId, briefId: held.briefId, topicId: held.topicId, claimKey: held.claimId ?? '' } } });
    expect(renewed).toMatchObject({ matcherVersion: MATCHER_VERSION, retractedAt: null });
  });

  it('backtests a changed brief file against the imported one and says which brief is missing', async () => {
    const unknown = await runCliCapturing(['links', 'backtest', '--brief', path.join(path.dirname(briefFile), 'no-such-brief.txt')], env);
    expect(unknown.code).not.toBe(0);
    expect(unknown.err).toMatch(/BRIEF.NOT_FOUND: no imported brief "no-such-brief"/);
    const same = await runCliCapturing(['links', 'backtest', '--brief', briefFile, '--json'], env);
    expect(same.code).toBe(0);
    expect(same.err).toMatch(/3 articles compared/);
    // The file as imported changes nothing: the backtest reads it as the import did.
    expect(JSON.parse(same.out)).toEqual({ articles: 3, changes: [] });

    // A version whose facial-recognition topic has lost its claims: the backtest says which claim links would go.
    const dir = mkdtempSync(path.join(os.tmpdir(), 'briefwatch-backtest-'));
    const lines = readFileSync(briefFile, 'utf8').split('\n');
    const changed = path.join(dir, path.basename(briefFile));
    writeFileSync(changed, lines.filter((line) => !/^- (IBM|Amazon|Microsoft) /.test(line)).join('\n'));
    const report = await runCliCapturing(['links', 'backtest', '--brief', changed, '--json'], env);
    rmSync(dir, { recursive: true, force: true });
    expect(report.code).toBe(0);
    const changes = (JSON.parse(report.out) as { changes: Array<{ change: string; topicId: string; claimId: string | null }> }).changes;
    expect(changes.length).toBeGreaterThan(0);
    expect(changes.every((c) => c.topicId === 't2')).toBe(true);
    expect(await system.db.prisma.coverageLink.count({ where: { retractedAt: { not: null } } })).toBe(0);
  });
});
