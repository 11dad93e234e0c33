import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CommandBus } from '@nestjs/cqrs';
import { ImportBriefCommand } from '@briefwatch/brief';
import { eventsTopic } from '@briefwatch/contracts';
import { startFeedServer, waitFor, type FeedServer } from '@briefwatch/testing';
import { startSystem, type RunningSystem } from './running-system.js';

const spri = readFileSync(path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'briefs', 'spri-ai-brief-2020-06.txt'));
const BRIEF = 'spri-ai-brief-2020-06';

const item = (guid: string, title: string, description: string) =>
  `<item><title>${title}</title><link>https://news.example.org/${guid}</link><guid>${guid}</guid><pubDate>Wed, 24 Jun 2020 10:00:00 GMT</pubDate><description>${description}</description></item>`;
const related = item('boston-ban', 'Portland votes to bar city agencies from facial recognition', 'Council members cited misidentifications and privacy before the unanimous vote.');
const nearMiss = item('drones', 'Amazon tests delivery drones over Cambridge', 'Prime Air completed its first trial deliveries by drone.');
const revisedAway = item('boston-ban', 'Boston council approves new budget', 'The city council passed its annual budget after a long debate.');

describe('linking ingested coverage to the brief, through Kafka into the claim timelines', () => {
  let feeds: FeedServer;
  let system: RunningSystem;
  let items = `${related}${nearMiss}`;

  beforeAll(async () => {
    feeds = await startFeedServer({
      '/news.xml': (_req, res) => void res.writeHead(200, { 'content-type': 'application/rss+xml' }).end(`<rss version="2.0"><channel><title>News</title>${items}</channel></rss>`),
    });
    system = await startSystem({
      ingestor: true,
      linker: true,
      env: { FETCH_ALLOW: feeds.hostPort, INGEST_TICK_MS: '50', POLL_INTERVAL_INITIAL_S: '1', POLL_INTERVAL_FLOOR_S: '1', POLL_INTERVAL_CEILING_S: '1' },
    });
    await system.api.get(CommandBus).execute(new ImportBriefCommand({ briefId: BRIEF, fileName: null, bytes: spri, overrides: null }, 'e2e-linking'));
  });

  afterAll(async () => {
    await system?.stop();
    await feeds?.stop();
  });

  const coverage = async (query = '') => (await (await fetch(`${system.baseUrl}/briefs/${BRIEF}/topics/t2/coverage${query}`)).json()) as { items: Array<{ article: { title: string }; score: number; retracted: unknown }> };

  it('links the related story to its topic and claims with evidence, and leaves the near-miss alone', async () => {
    const response = await fetch(`${system.baseUrl}/sources`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${system.apiKey}` },
      body: JSON.stringify({ feedUrl: feeds.url('/news.xml') }),
    });
    expect(response.status).toBe(202);

    const topic = await waitFor(coverage, (c) => c.items.length === 1, { description: 'the topic coverage' });
    expect(topic.items[0]!.article.title).toBe('Portland votes to bar city agencies from facial recognition');
    expect(topic.items[0]!.score).toBeGreaterThan(0.35);

    // The claim links follow the topic link in the article's link stream: wait for them too.
    const claimLinks = await waitFor(() => system.db.prisma.coverageLink.findMany({ where: { claimKey: { not: '' } } }), (rows) => rows.length >= 1, { description: 'the claim links' });
    const developments = (await (await fetch(`${system.baseUrl}/briefs/${BRIEF}/claims/${claimLinks[0]!.claimKey}/developments`)).json()) as { items: Array<{ why: Array<{ passage: string }> }> };
    expect(developments.items).toHaveLength(1);
    expect(developments.items[0]!.why.length).toBeGreaterThan(0);

    await waitFor(() => system.db.prisma.article.count(), (n) => n === 2, { description: 'both articles ingested' });
    const drones = await system.db.prisma.article.findFirstOrThrow({ where: { title: { contains: 'drones' } } });
    expect(await system.db.prisma.coverageLink.count({ where: { articleId: drones.id } })).toBe(0);
  });

  it('retracts the links of a story revised into something else, and keeps them visible as retracted', async () => {
    items = `${revisedAway}${nearMiss}`;
    await waitFor(coverage, (c) => c.items.length === 0, { description: 'the link retracted' });
    const all = await coverage('?includeRetracted=true');
    expect(all.items).toHaveLength(1);
    expect(all.items[0]!.retracted).toMatchObject({ reason: expect.stringMatching(/revision 2/) });
  });

  it('links nothing twice when every event is delivered again', async () => {
    const linkEvents = async () => Number((await system.db.prisma.$queryRaw<Array<{ n: bigint }>>`SELECT count(*) AS n FROM events WHERE stream_id LIKE 'link-%'`)[0]!.n);
    const before = await linkEvents();
    const admin = (await import('@briefwatch/kafka')).createKafka({ brokers: (await import('@briefwatch/testing')).testKafkaBrokers(), clientId: 'e2e', topicPrefix: '' }, (await import('@briefwatch/logging')).silentLogger).admin();
    await admin.connect();
    const highWater = async () => (await admin.fetchTopicOffsets(eventsTopic('article', system.topicPrefix))).reduce((sum, p) => sum + Number(p.high), 0);
    const published = await highWater();
    await system.db.prisma.$executeRaw`DELETE FROM relay_checkpoints`;
    await waitFor(highWater, (n) => n >= published * 2, { description: 'every article event published again' });
    const committed = async () => (await admin.fetchOffsets({ groupId: `${system.topicPrefix}linker`, topics: [eventsTopic('article', system.topicPrefix)] }))[0]!.partitions.reduce((sum, p) => sum + Math.max(0, Number(p.offset)), 0);
    await waitFor(committed, (n) => n >= published * 2, { description: 'the linker to consume the redelivered events' });
    await admin.disconnect();
    expect(await linkEvents()).toBe(before);
  });
});
