import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CommandBus } from '@nestjs/cqrs';
import { ImportBriefCommand } from '@briefwatch/brief';
import { runCliCapturing } from '@briefwatch/cli';
import { startFeedServer, testKafkaBrokers, waitFor, type FeedServer } from '@briefwatch/testing';
import { startSystem, type RunningSystem } from './running-system.js';
import { getJson, postJson } from './api-requests.js';

const spri = readFileSync(path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'briefs', 'spri-ai-brief-2020-06.txt'));
const BRIEF = 'spri-ai-brief-2020-06';

interface Item {
  title: string;
  guid: string;
  day: number;
  description: string;
}
const items: Item[] = [
  { guid: 'boston', day: 10, title: 'Portland votes to bar city agencies from facial recognition', description: 'Council members cited misidentifications and privacy before the unanimous vote.' },
  { guid: 'ibm', day: 12, title: 'IBM exits general purpose facial recognition business', description: 'IBM CEO Arvind Krishna told Congress the company opposes facial recognition for mass surveillance.' },
  { guid: 'amazon', day: 14, title: 'Amazon pauses police use of Rekognition for a year', description: 'Amazon bans police use of its facial recognition software Rekognition for one year.' },
];
const rss = () =>
  `<rss version="2.0"><channel><title>News</title>${items
    .map((i) => `<item><title>${i.title}</title><link>https://news.example.org/${i.guid}</link><guid>${i.guid}</guid><pubDate>${new Date(Date.UTC(2020, 5, i.day, 10)).toUTCString()}</pubDate><description>${i.description}</description></item>`)
    .join('')}</channel></rss>`;

interface Page {
  items: Array<{ article: { id: string; title: string; revision: number; published: string }; alsoReportedBy: unknown[] }>;
  nextCursor: string | null;
  asOf: string | null;
}

describe('timelines: a topic as it stands and as it stood, articles with their provenance, sources polled', () => {
  let server: FeedServer;
  let system: RunningSystem;
  let sourceId: string;
  let before: string;
  const coverage = (query = '') => getJson<Page>(system, `/briefs/${BRIEF}/topics/t2/coverage${query}`);

  beforeAll(async () => {
    server = await startFeedServer({ '/news.xml': (_req, res) => void res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(rss()) });
    system = await startSystem({
      ingestor: true,
      linker: true,
      env: { FETCH_ALLOW: server.hostPort, INGEST_TICK_MS: '50', POLL_INTERVAL_INITIAL_S: '1', POLL_INTERVAL_FLOOR_S: '1', POLL_INTERVAL_CEILING_S: '1' },
    });
    await system.api.get(CommandBus).execute(new ImportBriefCommand({ briefId: BRIEF, fileName: null, bytes: spri, overrides: null }, 'e2e-timelines'));
    sourceId = (await postJson(system, '/sources', { feedUrl: server.url('/news.xml') })).body.sourceId as string;
    await waitFor(() => coverage(), (page) => page.items.length === 3, { description: 'three stories linked to t2', timeoutMs: 45_000 });
    before = new Date().toISOString();
    // Polls of one source run one at a time: once a poll begun after `before` is recorded, none begun earlier can still bring the revision.
    await waitFor(() => system.db.prisma.sourcePoll.count({ where: { polledAt: { gt: new Date(before) } } }), (n) => n >= 1, { description: 'a poll begun after the cut' });
    // The Boston story is revised, and a fourth story comes out.
    items[0] = { ...items[0]!, title: 'Boston city council bans police use of facial recognition technology' };
    items.push({ guid: 'microsoft', day: 16, title: 'Microsoft will not sell facial recognition to police', description: 'Microsoft says it will not sell facial recognition technology to police departments until there is a federal law.' });
    await waitFor(() => coverage(), (page) => page.items.length === 4 && page.items.some((i) => i.article.revision === 2), { description: 'the revision and the fourth story', timeoutMs: 45_000 });
  });

  afterAll(async () => {
    await system?.stop();
    await server?.stop();
  });

  it('shows the timeline as it stood before the revision and the new story', async () => {
    const then = await coverage(`?asOf=${encodeURIComponent(before)}`);
    expect(then.asOf).toBe(before);
    expect(then.items.map((i) => i.article.title)).toEqual([items[2]!.title, items[1]!.title, 'Portland votes to bar city agencies from facial recognition']);
    expect(then.items.map((i) => i.article.revision)).toEqual([1, 1, 1]);
    const now = await coverage();
    expect(now.asOf).toBeNull();
    expect(now.items.map((i) => i.article.title)).toEqual([items[3]!.title, items[2]!.title, items[1]!.title, items[0]!.title]);
    const longAgo = await coverage('?asOf=2020-01-01T00:00:00Z');
    expect(longAgo.items).toEqual([]);
  });

  it('pages newest first with a cursor, and filters by date', async () => {
    const all = (await coverage()).items.map((i) => i.article.id);
    const first = await coverage('?limit=3');
    expect(first.items.map((i) => i.article.id)).toEqual(all.slice(0, 3));
    expect(first.nextCursor).not.toBeNull();
    const second = await coverage(`?limit=3&cursor=${first.nextCursor}`);
    expect(second.items.map((i) => i.article.id)).toEqual(all.slice(3));
    expect(second.nextCursor).toBeNull();
    const june13on = await coverage('?since=2020-06-13T00:00:00Z&until=2020-06-15T00:00:00Z');
    expect(june13on.items.map((i) => i.article.title)).toEqual([items[2]!.title]);

    const badCursor = await fetch(`${system.baseUrl}/briefs/${BRIEF}/topics/t2/coverage?cursor=bm9wZQ`);
    expect(badCursor.status).toBe(422);
    expect(await badCursor.json()).toMatchObject({ code: 'REQUEST.INVALID_CURSOR' });
    const badDate = await fetch(`${system.baseUrl}/briefs/${BRIEF}/topics/t2/coverage?asOf=yesterday`);
    expect(badDate.status).toBe(400);
    expect(await badDate.json()).toMatchObject({ code: 'REQUEST.INVALID', errors: [expect.objectContaining({ path: 'asOf' })] });
  });

  it('shows an article with every revision and where each was read', async () => {
    const boston = (await coverage()).items.find((i) => i.article.title === items[0]!.title)!;
    const article = await getJson<{ revisions: Array<{ revision: number; title: string; provenance: { sourceId: string; feedUrl: string; fetchedAt: string; rawHash: string; poll: { status: number } } }>; links: Array<{ topicId: string }> }>(
      system,
      `/articles/${boston.article.id}`,
    );
    expect(article.revisions.map((r) => [r.revision, r.title])).toEqual([
      [1, 'Portland votes to bar city agencies from facial recognition'],
      [2, items[0]!.title],
    ]);
    for (const revision of article.revisions) {
      expect(revision.provenance).toMatchObject({ sourceId, feedUrl: server.url('/news.xml'), rawHash: expect.stringMatching(/^[0-9a-f]{64}$/), poll: { status: 200 } });
    }
    expect(article.revisions[1]!.provenance.fetchedAt > article.revisions[0]!.provenance.fetchedAt).toBe(true);
    expect(article.links.map((l) => l.topicId)).toContain('t2');
    expect((await fetch(`${system.baseUrl}/articles/6f1c2b3a-4d5e-4f60-8a7b-9c0d1e2f3a4b`)).status).toBe(404);
  });

  it('prints the same timelines from the CLI', async () => {
    const env = { DATABASE_URL: system.db.url, KAFKA_BROKERS: testKafkaBrokers().join(',') };
    const sources = await runCliCapturing(['sources', 'timeline', sourceId, '--limit', '2'], env);
    expect(sources.code).toBe(0);
    expect(sources.lines[0]).toBe(`127.0.0.1 <${server.url('/news.xml')}>: active`);
    expect(sources.lines[1]).toMatch(/^\d{4}-\d\d-\d\dT.*Z {2}(HTTP 200, \d+ items, \d+ new, \d+ revised|304 not modified) {2}\d+ ms/);
    expect(sources.lines.at(-1)).toMatch(/^older: --before /);

    const claimId = (await system.db.prisma.coverageLink.findFirstOrThrow({ where: { briefId: BRIEF, claimKey: { not: '' }, retractedAt: null } })).claimKey;
    const claim = await runCliCapturing(['claims', 'timeline', claimId], env);
    expect(claim.code).toBe(0);
    expect(claim.lines[0]).toMatch(/^2020-06-\d\d {2}0\.\d\d {2}\S/);
    const asOf = await runCliCapturing(['claims', 'timeline', claimId, '--as-of', '2020-01-01T00:00:00Z'], env);
    expect(asOf.out).toBe(`no developments of ${claimId} as of 2020-01-01T00:00:00.000Z yet`);
  });
});
