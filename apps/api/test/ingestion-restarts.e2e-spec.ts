import { startFeedServer, waitFor, type FeedServer } from '@briefwatch/testing';
import { startSystem, type RunningSystem } from './running-system.js';

const TOTAL_ITEMS = 40;
const item = (n: number) => `<item><title>Story ${n}</title><link>https://news.example.org/story/${n}</link><guid>story-${n}</guid><pubDate>${new Date(Date.UTC(2020, 5, 1, n)).toUTCString()}</pubDate></item>`;

describe('ingestion across restarts and several instances', () => {
  let feeds: FeedServer;
  let system: RunningSystem;
  let served = 0;

  beforeAll(async () => {
    feeds = await startFeedServer({
      // The feed grows by ten stories each time it is read, up to forty.
      '/growing.xml': (_req, res) => {
        served = Math.min(TOTAL_ITEMS, served + 10);
        const items = Array.from({ length: served }, (_, i) => item(served - i)).join('');
        res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(`<?xml version="1.0"?><rss version="2.0"><channel><title>Growing</title>${items}</channel></rss>`);
      },
      '/a.xml': (_req, res) => void res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(`<rss version="2.0"><channel><title>A</title>${item(101)}</channel></rss>`),
      '/b.xml': (_req, res) => void res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(`<rss version="2.0"><channel><title>B</title>${item(102)}</channel></rss>`),
    });
    system = await startSystem({
      env: { FETCH_ALLOW: feeds.hostPort, INGEST_TICK_MS: '50', POLL_INTERVAL_INITIAL_S: '1', POLL_INTERVAL_FLOOR_S: '1', POLL_INTERVAL_CEILING_S: '1' },
    });
  });

  afterAll(async () => {
    await system?.stop();
    await feeds?.stop();
  });

  async function register(pathName: string) {
    const response = await fetch(`${system.baseUrl}/sources`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${system.apiKey}` },
      body: JSON.stringify({ feedUrl: feeds.url(pathName) }),
    });
    expect(response.status).toBe(202);
    return ((await response.json()) as { sourceId: string }).sourceId;
  }

  const articles = () => system.db.prisma.article.count();

  it('loses no item and duplicates none when the ingestor is restarted mid-run', async () => {
    const growingId = await register('/growing.xml');
    await waitFor(() => system.db.prisma.source.findUnique({ where: { id: growingId } }), Boolean, { description: 'the source projected' });
    let ingestor = await system.startIngestor();
    await waitFor(articles, (n) => n >= 10, { description: 'the first stories' });
    await ingestor.close();
    ingestor = await system.startIngestor();
    await waitFor(articles, (n) => n >= 20, { description: 'more stories after a restart' });
    await ingestor.close();
    await system.startIngestor();
    await waitFor(articles, (n) => n >= TOTAL_ITEMS, { description: 'every story after two restarts' });

    const discovered = await system.db.prisma.$queryRaw<Array<{ n: bigint }>>`SELECT count(*) AS n FROM events WHERE type = 'ArticleDiscovered'`;
    expect(Number(discovered[0]!.n)).toBe(TOTAL_ITEMS);
    const titles = (await system.db.prisma.article.findMany({ select: { title: true } })).map((a) => a.title).sort();
    expect(titles).toEqual(Array.from({ length: TOTAL_ITEMS }, (_, i) => `Story ${i + 1}`).sort());
  });

  it('never lets two instances poll the same source at the same time', async () => {
    await system.startIngestor();
    const ids = [await register('/a.xml'), await register('/b.xml')];
    for (const sourceId of ids) {
      const polls = await waitFor(
        () => system.db.prisma.sourcePoll.findMany({ where: { sourceId }, orderBy: { polledAt: 'asc' } }),
        (rows) => rows.length >= 4,
        { description: 'four polls of each source', timeoutMs: 45_000 },
      );
      const gaps = polls.slice(1).map((poll, i) => poll.polledAt.getTime() - polls[i]!.polledAt.getTime());
      // The interval is one second less at most 10 % jitter: two instances racing would poll within milliseconds.
      expect(Math.min(...gaps)).toBeGreaterThanOrEqual(800);
    }
    const discovered = await system.db.prisma.$queryRaw<Array<{ n: bigint }>>`SELECT count(*) AS n FROM events WHERE type = 'ArticleDiscovered'`;
    expect(Number(discovered[0]!.n)).toBe(TOTAL_ITEMS + 2);
  });
});
