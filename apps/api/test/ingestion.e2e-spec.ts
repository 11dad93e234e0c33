import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startFeedServer, waitFor, type FeedServer } from '@briefwatch/testing';
import { startSystem, type RunningSystem } from './running-system.js';

const fixtures = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'packages', 'feeds', 'test-feeds');
const wired = readFileSync(path.join(fixtures, 'wired-ai.rss.xml'), 'utf8');
const economist = readFileSync(path.join(fixtures, 'economist-science.atom.xml'), 'utf8');
const arxiv = readFileSync(path.join(fixtures, 'arxiv-cs-cl.rdf.xml'), 'utf8');

// A 5 MB item between two ordinary ones: the transcript of a long hearing, published whole.
const transcript = `<p>${'The committee asked how the audit of each model was scoped and who would read it. '.repeat(62_000)}</p>`;
const hearings = `<?xml version="1.0"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"><channel><title>Hearings desk</title><link>https://hearings.example.org/</link>${[
  ['hearing-opens', 'Model audit hearing opens', '<p>The first session heard from auditors.</p>'],
  ['hearing-transcript', 'Full transcript of the model audit hearing', transcript],
  ['hearing-closes', 'Model audit hearing closes with calls for a registry', '<p>The last session ended.</p>'],
]
  .map(([guid, title, html]) => `<item><guid>${guid}</guid><title>${title}</title><content:encoded><![CDATA[${html}]]></content:encoded></item>`)
  .join('')}</channel></rss>`;

const rss = (items: string) => `<?xml version="1.0"?><rss version="2.0"><channel><title>Syndicate</title><link>https://example.org/</link>${items}</channel></rss>`;

describe('ingesting feeds through the event store, Kafka and the projector', () => {
  let feeds: FeedServer;
  let system: RunningSystem;
  let wiredBody = wired;

  beforeAll(async () => {
    feeds = await startFeedServer({
      '/wired.xml': (req, res) => {
        if (req.headers['if-none-match'] === `"${wiredBody.length}"`) return void res.writeHead(304).end();
        res.writeHead(200, { 'content-type': 'application/rss+xml', etag: `"${wiredBody.length}"` }).end(wiredBody);
      },
      '/economist.atom': (_req, res) => void res.writeHead(200, { 'content-type': 'application/atom+xml' }).end(economist),
      '/syndicated.xml': (_req, res) =>
        void res
          .writeHead(200, { 'content-type': 'application/rss+xml' })
          .end(rss('<item><title>OpenAI text generator goes commercial</title><link>https://www.wired.com/story/openai-text-generator-going-commercial/?utm_source=partner</link><guid>synd-1</guid></item>')),
      '/arxiv.rdf': (_req, res) => void res.writeHead(200, { 'content-type': 'application/rdf+xml' }).end(arxiv),
      '/broken.xml': (_req, res) => void res.writeHead(500).end('oops'),
      '/hearings.xml': (_req, res) => void res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(hearings),
      // Sends one byte a second, for ever.
      '/slow.xml': (_req, res) => {
        res.writeHead(200, { 'content-type': 'application/rss+xml' });
        const timer = setInterval(() => (res.destroyed ? clearInterval(timer) : res.write(' ')), 1_000);
        res.on('close', () => clearInterval(timer));
      },
    });
    system = await startSystem({
      ingestor: true,
      env: { FETCH_ALLOW: feeds.hostPort, FETCH_TIMEOUT_MS: '2500', INGEST_TICK_MS: '50', POLL_INTERVAL_INITIAL_S: '1', POLL_INTERVAL_FLOOR_S: '1', POLL_INTERVAL_CEILING_S: '2', FAILING_AFTER: '2' },
    });
  });

  afterAll(async () => {
    await system?.stop();
    await feeds?.stop();
  });

  async function register(pathName: string, title: string): Promise<string> {
    const response = await fetch(`${system.baseUrl}/sources`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${system.apiKey}` },
      body: JSON.stringify({ feedUrl: feeds.url(pathName), title }),
    });
    expect(response.status).toBe(202);
    return ((await response.json()) as { sourceId: string }).sourceId;
  }

  const pollsOf = (sourceId: string) => system.db.prisma.sourcePoll.findMany({ where: { sourceId }, orderBy: { polledAt: 'asc' } });

  it('polls registered sources (RSS 2.0, Atom, RDF) and projects their articles, with provenance down to the raw bytes', async () => {
    const wiredId = await register('/wired.xml', 'Wired: AI');
    await register('/economist.atom', 'The Economist: Science');
    await register('/arxiv.rdf', 'arXiv: cs.CL');
    await waitFor(() => system.db.prisma.article.count(), (n) => n === 4, { description: 'four articles projected' });
    expect(await system.db.prisma.article.findFirst({ where: { canonicalUrl: 'http://arxiv.org/abs/2005.14165' } })).toMatchObject({ published: new Date('2020-05-28T17:29:03Z') });

    const bill = await system.db.prisma.article.findFirstOrThrow({ where: { title: { contains: 'Facial Recognition' } } });
    expect(bill).toMatchObject({ canonicalUrl: 'https://www.wired.com/story/bill-congress-limit-facial-recognition/?mbid=social', revision: 1, firstSourceId: wiredId });
    const [revision] = await system.db.prisma.articleRevision.findMany({ where: { articleId: bill.id } });
    expect(revision).toMatchObject({ sourceId: wiredId, feedUrl: feeds.url('/wired.xml'), authors: ['Tom Simonite'] });
    const raw = await system.db.prisma.rawResponse.findUniqueOrThrow({ where: { hash: revision!.rawHash! } });
    expect(raw.bytes).toBe(Buffer.byteLength(wired));

    // Polls and sources are projected by consumer groups of their own: wait for them too.
    const [firstPoll] = await waitFor(() => pollsOf(wiredId), (rows) => rows.length >= 1, { description: 'the first poll projected' });
    expect(firstPoll).toMatchObject({ status: 200, itemsSeen: 2, itemsNew: 2, errorCode: null, rawHash: revision!.rawHash });
    const source = await waitFor(() => system.db.prisma.source.findUniqueOrThrow({ where: { id: wiredId } }), (row) => row.lastStatus !== null, { description: 'the poll on the source' });
    expect(source).toMatchObject({ lastStatus: 200, failing: false });

    const timeline = (await (await fetch(`${system.baseUrl}/sources/${wiredId}/polls`)).json()) as { items: Array<{ status: number; itemsNew: number; rawHash: string }> };
    expect(timeline.items[timeline.items.length - 1]).toMatchObject({ status: 200, itemsNew: 2, rawHash: revision!.rawHash });
  });

  it('asks again with the ETag and records the 304 as "not modified"', async () => {
    const wiredId = (await system.db.prisma.source.findFirstOrThrow({ where: { title: 'Wired: AI' } })).id;
    const polls = await waitFor(() => pollsOf(wiredId), (rows) => rows.some((p) => p.notModified), { description: 'a not-modified poll' });
    expect(polls.find((p) => p.notModified)).toMatchObject({ status: 304, itemsNew: 0 });
    expect(feeds.requests.filter((r) => r.path === '/wired.xml').some((r) => r.headers['if-none-match'])).toBe(true);
  });

  it('records an edited item as a revision beside the first version', async () => {
    wiredBody = wired.replace('A Bill in Congress Would Limit Uses of Facial Recognition', 'A Bill in Congress Would Ban Police Use of Facial Recognition');
    const bill = await waitFor(
      () => system.db.prisma.article.findFirst({ where: { title: { contains: 'Ban Police Use' } } }),
      (row) => row?.revision === 2,
      { description: 'the revised article' },
    );
    const revisions = await system.db.prisma.articleRevision.findMany({ where: { articleId: bill!.id }, orderBy: { revision: 'asc' } });
    expect(revisions.map((r) => r.title)).toEqual(['A Bill in Congress Would Limit Uses of Facial Recognition', 'A Bill in Congress Would Ban Police Use of Facial Recognition']);
    expect(await system.db.prisma.article.count()).toBe(4);
  });

  it('keeps one article for the same story from two feeds, listing both sources', async () => {
    const syndicateId = await register('/syndicated.xml', 'Syndicate');
    const sources = await waitFor(
      () => system.db.prisma.articleSource.findMany({ where: { sourceId: syndicateId } }),
      (rows) => rows.length === 1,
      { description: 'the story seen from the second source' },
    );
    const carriers = await system.db.prisma.articleSource.count({ where: { articleId: sources[0]!.articleId } });
    expect(carriers).toBe(2);
    expect(await system.db.prisma.article.count()).toBe(4);
  });

  it('flags a source that keeps failing, and the others go on being polled', async () => {
    const brokenId = await register('/broken.xml', 'Broken');
    const broken = await waitFor(() => system.db.prisma.source.findUniqueOrThrow({ where: { id: brokenId } }), (s) => s.failing, { description: 'the source flagged failing' });
    expect(broken).toMatchObject({ lastErrorCode: 'FETCH.HTTP_ERROR', lastStatus: 500 });
    expect(broken.consecutiveFailures).toBeGreaterThanOrEqual(2);
    const economistId = (await system.db.prisma.source.findFirstOrThrow({ where: { title: 'The Economist: Science' } })).id;
    const before = (await pollsOf(economistId)).length;
    await waitFor(() => pollsOf(economistId), (rows) => rows.length >= before + 2, { description: 'the healthy source polled again' });
  });

  it('times out a source that sends a byte a second, without delaying the others', async () => {
    const slowId = await register('/slow.xml', 'Slow');
    const wiredId = (await system.db.prisma.source.findFirstOrThrow({ where: { title: 'Wired: AI' } })).id;
    await waitFor(() => feeds.requests.some((r) => r.path === '/slow.xml'), Boolean, { description: 'the slow source asked' });
    const askedAt = Date.now();
    const wiredBefore = (await pollsOf(wiredId)).length;
    // While the slow poll hangs, the other sources go on being polled.
    await waitFor(() => pollsOf(wiredId), (rows) => rows.length >= wiredBefore + 1, { description: 'another source polled meanwhile' });
    const [timedOut] = await waitFor(() => pollsOf(slowId), (rows) => rows.length >= 1, { description: 'the slow poll recorded' });
    expect(timedOut).toMatchObject({ errorCode: 'FETCH.TIMEOUT', status: 200 });
    expect(Date.now() - askedAt).toBeLessThan(10_000);
    await fetch(`${system.baseUrl}/sources/${slowId}`, { method: 'DELETE', headers: { authorization: `Bearer ${system.apiKey}` } });
  });

  it('stops polling a paused source', async () => {
    const economistId = (await system.db.prisma.source.findFirstOrThrow({ where: { title: 'The Economist: Science' } })).id;
    const paused = await fetch(`${system.baseUrl}/sources/${economistId}/pause`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${system.apiKey}` },
      body: JSON.stringify({ reason: 'testing' }),
    });
    expect(paused.status).toBe(202);
    await waitFor(() => system.db.prisma.source.findUniqueOrThrow({ where: { id: economistId } }), (s) => s.status === 'paused', { description: 'the pause projected' });
    // A poll leased just before the pause may still land; after that, none. Once another source
    // has been polled again, no lease of the paused one can still be on its way: wait until the
    // one it may hold is given back (its poll recorded), then count.
    const wiredId = (await system.db.prisma.source.findFirstOrThrow({ where: { title: 'Wired: AI' } })).id;
    const wiredBefore = (await pollsOf(wiredId)).length;
    await waitFor(() => pollsOf(wiredId), (rows) => rows.length >= wiredBefore + 1, { description: 'another source polled once more' });
    await waitFor(
      () => system.db.prisma.sourceSchedule.findUnique({ where: { sourceId: economistId } }),
      (schedule) => !schedule?.leaseOwner || (schedule.leaseExpiresAt ?? new Date(0)) < new Date(),
      { description: 'no poll of the paused source under way' },
    );
    const settled = (await pollsOf(economistId)).length;
    await waitFor(() => pollsOf(wiredId), (rows) => rows.length >= wiredBefore + 3, { description: 'another source polled three more times' });
    expect((await pollsOf(economistId)).length).toBe(settled);
  });

  it('keeps a 5 MB item among ordinary ones, cut to what an event holds, with a warning on the poll; the items beside it flow as usual', async () => {
    expect(Buffer.byteLength(transcript)).toBeGreaterThan(5_000_000);
    const hearingsId = await register('/hearings.xml', 'Hearings desk');
    const revisions = await waitFor(
      () => system.db.prisma.articleRevision.findMany({ where: { sourceId: hearingsId } }),
      (rows) => rows.length === 3,
      { description: 'the three hearing items stored' },
    );
    const byGuid = new Map(revisions.map((r) => [r.guid, r]));
    expect(byGuid.get('hearing-opens')!.content).toBe('<p>The first session heard from auditors.</p>');
    expect(byGuid.get('hearing-closes')!.content).toBe('<p>The last session ended.</p>');
    const cut = byGuid.get('hearing-transcript')!.content!;
    expect(Buffer.byteLength(cut)).toBeLessThanOrEqual(256 * 1024);
    expect(Buffer.byteLength(cut)).toBeGreaterThan(250 * 1024);
    expect(transcript.startsWith(cut)).toBe(true);
    // The whole response, transcript included, stays in the raw store.
    const raw = await system.db.prisma.rawResponse.findUniqueOrThrow({ where: { hash: byGuid.get('hearing-transcript')!.rawHash! } });
    expect(raw.bytes).toBe(Buffer.byteLength(hearings));
    const [poll] = await waitFor(() => pollsOf(hearingsId), (rows) => rows.length >= 1, { description: 'the poll projected' });
    expect(poll!.itemsNew).toBe(3);
    expect(poll!.warnings).toEqual([expect.stringMatching(/^FEED\.ITEM_CUT: item "hearing-transcript": its content of \d\.\d MB is cut to 256 KB; the whole response is kept$/)]);
  });
});
