import { eventsTopic } from '@briefwatch/contracts';
import { createKafka } from '@briefwatch/kafka';
import { silentLogger } from '@briefwatch/logging';
import { testKafkaBrokers, waitFor } from '@briefwatch/testing';
import { startSystem, type RunningSystem } from './running-system.js';

const wired = { feedUrl: 'https://www.wired.com/feed/tag/ai/latest/rss', title: 'Wired: AI', publisher: 'Wired' };

async function post(system: RunningSystem, path: string, body: unknown, apiKey: string | null = system.apiKey) {
  const response = await fetch(`${system.baseUrl}${path}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-correlation-id': 'e2e-correlation',
      ...(apiKey ? { authorization: `Bearer ${apiKey}` } : {}),
    },
    body: JSON.stringify(body),
  });
  return { status: response.status, headers: response.headers, body: (await response.json()) as Record<string, unknown> };
}

async function get(system: RunningSystem, path: string) {
  const response = await fetch(`${system.baseUrl}${path}`);
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

async function messagesOnTopic(topic: string): Promise<number> {
  const admin = createKafka({ brokers: testKafkaBrokers(), clientId: 'e2e-admin', topicPrefix: '' }, silentLogger).admin();
  await admin.connect();
  try {
    const offsets = await admin.fetchTopicOffsets(topic);
    return offsets.reduce((sum, partition) => sum + Number(partition.high) - Number(partition.low), 0);
  } finally {
    await admin.disconnect();
  }
}

describe('a source registered through the API reaches the read model through the event store, the relay, Kafka and the projector', () => {
  let system: RunningSystem;

  beforeAll(async () => {
    system = await startSystem();
  });

  afterAll(async () => {
    await system?.stop();
  });

  it('reports Postgres and Kafka as up', async () => {
    const health = await get(system, '/health');
    expect(health.status).toBe(200);
    expect(health.body).toMatchObject({ status: 'up', dependencies: { postgres: { status: 'up' }, kafka: { status: 'up' } } });
  });

  it('accepts the command, records the event, and serves the projected source', async () => {
    const accepted = await post(system, '/sources', wired);
    expect(accepted.status).toBe(202);
    const sourceId = accepted.body.sourceId as string;
    expect(accepted.headers.get('location')).toBe(`/sources/${sourceId}`);

    const source = await waitFor(() => get(system, `/sources/${sourceId}`), (r) => r.status === 200, { description: 'the projected source' });
    expect(source.body).toMatchObject({ id: sourceId, feedUrl: wired.feedUrl, title: 'Wired: AI', publisher: 'Wired', kind: 'publisher', version: 1 });

    const stored = await system.db.prisma.$queryRaw<Array<{ correlation: string }>>`
      SELECT metadata->>'correlationId' AS correlation FROM events WHERE stream_id = ${`source-${sourceId}`}`;
    expect(stored).toEqual([{ correlation: 'e2e-correlation' }]);
  });

  it('refuses a second registration of the same feed with a stable code', async () => {
    const again = await post(system, '/sources', { feedUrl: 'HTTPS://WWW.WIRED.COM/feed/tag/ai/latest/rss' });
    expect(again.status).toBe(409);
    expect(again.headers.get('content-type')).toMatch(/application\/problem\+json/);
    expect(again.body).toMatchObject({ code: 'SOURCE.ALREADY_REGISTERED', status: 409 });
  });

  it('refuses a write without a valid API key, and records nothing', async () => {
    const withoutKey = await post(system, '/sources', { feedUrl: 'https://example.org/a.xml' }, null);
    expect(withoutKey.status).toBe(401);
    expect(withoutKey.body.code).toBe('AUTH.MISSING_KEY');
    const withWrongKey = await post(system, '/sources', { feedUrl: 'https://example.org/a.xml' }, 'bw_notAKeyAnyoneWasGiven');
    expect(withWrongKey.status).toBe(401);
    expect(withWrongKey.body.code).toBe('AUTH.INVALID_KEY');
    const stored = await system.db.prisma.$queryRaw<Array<{ n: bigint }>>`
      SELECT count(*) AS n FROM events WHERE data->>'feedUrl' = 'https://example.org/a.xml'`;
    expect(stored[0]!.n).toBe(0n);
  });

  it('explains what is wrong with an invalid request and records nothing', async () => {
    const before = await system.db.prisma.$queryRaw<Array<{ n: bigint }>>`SELECT count(*) AS n FROM events`;
    const invalid = await post(system, '/sources', { feedUrl: 'file:///etc/passwd', color: 'red' });
    expect(invalid.status).toBe(400);
    expect(invalid.body.code).toBe('REQUEST.INVALID');
    expect((invalid.body.errors as Array<{ path: string }>).map((e) => e.path).sort()).toEqual(['', 'feedUrl']);
    const after = await system.db.prisma.$queryRaw<Array<{ n: bigint }>>`SELECT count(*) AS n FROM events`;
    expect(after[0]!.n).toBe(before[0]!.n);
  });

  it('survives a redelivery: every event published twice, still one row per source and one inbox entry per event', async () => {
    const second = await post(system, '/sources', { feedUrl: 'https://www.theverge.com/rss/index.xml', title: 'The Verge' });
    await waitFor(() => get(system, `/sources/${second.body.sourceId as string}`), (r) => r.status === 200, { description: 'the second source' });
    const topic = eventsTopic('source', system.topicPrefix);
    expect(await messagesOnTopic(topic)).toBe(2);

    // Forget how far the relay got: it publishes every event again, as after a crash before its commit.
    await system.db.prisma.$executeRaw`DELETE FROM relay_checkpoints`;
    await waitFor(() => messagesOnTopic(topic), (n) => n === 4, { description: 'both events published a second time' });
    await waitFor(
      () => system.db.prisma.$queryRaw<Array<{ n: bigint }>>`SELECT count(*) AS n FROM relay_checkpoints`,
      (rows) => rows[0]?.n === 1n,
      { description: 'the relay to commit its checkpoint again' },
    );

    const committedOffsets = async () => {
      const admin = createKafka({ brokers: testKafkaBrokers(), clientId: 'e2e-admin', topicPrefix: '' }, silentLogger).admin();
      await admin.connect();
      try {
        const [offsets] = await admin.fetchOffsets({ groupId: `${system.topicPrefix}projector.sources`, topics: [topic] });
        return offsets!.partitions.reduce((sum, p) => sum + Math.max(0, Number(p.offset)), 0);
      } finally {
        await admin.disconnect();
      }
    };
    await waitFor(committedOffsets, (n) => n === 4, { description: 'the projector to consume the redelivered events' });

    const sources = await system.db.prisma.source.count();
    const inbox = await system.db.prisma.processedEvent.count({ where: { consumerGroup: 'projector.sources' } });
    expect(sources).toBe(2);
    expect(inbox).toBe(2);
  });

  it('imports OPML sent as the body of a write request, and exports it back', async () => {
    const opml = '<opml version="2.0"><body><outline text="Fortune" xmlUrl="https://fortune.com/feed/"/><outline text="Verge" xmlUrl="https://www.theverge.com/rss/index.xml"/></body></opml>';
    const imported = await fetch(`${system.baseUrl}/sources/opml`, { method: 'POST', headers: { 'content-type': 'text/x-opml', authorization: `Bearer ${system.apiKey}` }, body: opml });
    expect(imported.status).toBe(200);
    expect(await imported.json()).toEqual({ feeds: 2, registered: 1, alreadyRegistered: 1, invalid: [] });
    await waitFor(() => system.db.prisma.source.count(), (n) => n === 3, { description: 'the imported source projected' });
    const exported = await fetch(`${system.baseUrl}/sources/opml`);
    expect(exported.headers.get('content-type')).toMatch(/text\/x-opml/);
    expect((await exported.text()).match(/<outline /g)).toHaveLength(3);
    const notOpml = await fetch(`${system.baseUrl}/sources/opml`, { method: 'POST', headers: { 'content-type': 'text/plain', authorization: `Bearer ${system.apiKey}` }, body: 'hello' });
    expect(notOpml.status).toBe(422);
  });
});
