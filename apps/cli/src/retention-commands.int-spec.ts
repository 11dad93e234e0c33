import { randomUUID } from 'node:crypto';
import { eventsTopic } from '@briefwatch/contracts';
import { createTestDatabase, type TestDatabase } from '@briefwatch/db/testing';
import { createKafka } from '@briefwatch/kafka';
import { silentLogger } from '@briefwatch/logging';
import { testKafkaBrokers, uniqueTopicPrefix } from '@briefwatch/testing';
import { runCliCapturing } from './cli-harness.js';

const DAY_MS = 86_400_000;

/** An article events topic under its own prefix that keeps messages `retentionMs` (-1: for ever). */
async function articleTopicKeeping(retentionMs: number): Promise<string> {
  const prefix = uniqueTopicPrefix();
  const admin = createKafka({ brokers: testKafkaBrokers(), clientId: 'retention-cli-spec', topicPrefix: prefix }, silentLogger).admin();
  await admin.connect();
  try {
    await admin.createTopics({ waitForLeaders: true, topics: [{ topic: eventsTopic('article', prefix), numPartitions: 1, replicationFactor: 1, configEntries: [{ name: 'retention.ms', value: String(retentionMs) }] }] });
  } finally {
    await admin.disconnect();
  }
  return prefix;
}

describe('npx briefwatch retention prune (a real broker)', () => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => {
    await db.drop();
  });

  const cli = (prefix: string, ...argv: string[]) => runCliCapturing(argv, { DATABASE_URL: db.url, KAFKA_BROKERS: testKafkaBrokers().join(','), KAFKA_TOPIC_PREFIX: prefix, RETENTION_INBOX_DAYS: '7' });
  const inboxRecord = (daysAgo: number) => ({ consumerGroup: 'linker', eventId: randomUUID(), processedAt: new Date(Date.now() - daysAgo * DAY_MS) });

  it('counts on a dry run and deletes on a real one, keeping inbox records a day past what the broker keeps', async () => {
    await db.prisma.processedEvent.deleteMany();
    // RETENTION_INBOX_DAYS is 7, but the broker keeps events 10 days: a record of 8 days could still meet its event again.
    const prefix = await articleTopicKeeping(10 * DAY_MS);
    await db.prisma.processedEvent.createMany({ data: [inboxRecord(12), inboxRecord(8), inboxRecord(0)] });

    const dry = await cli(prefix, 'retention', 'prune', '--dry-run');
    expect(dry.code).toBe(0);
    expect(dry.lines[0]).toBe('would delete:');
    expect(dry.out).toMatch(/inbox records\s+1\s+\(older than 11 days\)/);
    expect(dry.out).toMatch(/quiet poll records\s+0\s+\(older than 90 days/);
    expect(await db.prisma.processedEvent.count()).toBe(3);

    expect(JSON.parse((await cli(prefix, 'retention', 'prune', '--json')).out)).toEqual({ inbox: 1, rawResponses: 0, quietPolls: 0 });
    expect(await db.prisma.processedEvent.count()).toBe(2);
  });

  it('keeps every inbox record while a topic keeps its events for ever', async () => {
    await db.prisma.processedEvent.deleteMany();
    const prefix = await articleTopicKeeping(-1);
    await db.prisma.processedEvent.createMany({ data: [inboxRecord(400), inboxRecord(0)] });

    const dry = await cli(prefix, 'retention', 'prune', '--dry-run');
    expect(dry.code).toBe(0);
    expect(dry.out).toMatch(/inbox records\s+0\s+\(kept for ever\)/);
    expect(JSON.parse((await cli(prefix, 'retention', 'prune', '--json')).out)).toEqual({ inbox: 0, rawResponses: 0, quietPolls: 0 });
    expect(await db.prisma.processedEvent.count()).toBe(2);
  });
});
