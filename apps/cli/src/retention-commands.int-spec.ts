import { randomUUID } from 'node:crypto';
import { createTestDatabase, type TestDatabase } from '@briefwatch/db/testing';
import { runCliCapturing } from './cli-harness.js';

describe('npx briefwatch retention prune', () => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => {
    await db.drop();
  });

  const cli = (...argv: string[]) => runCliCapturing(argv, { DATABASE_URL: db.url, KAFKA_BROKERS: '127.0.0.1:1', RETENTION_INBOX_DAYS: '7' });

  it('counts on a dry run, deletes on a real one, under the configured retention', async () => {
    const old = new Date(Date.now() - 8 * 86_400_000);
    await db.prisma.processedEvent.createMany({ data: [{ consumerGroup: 'linker', eventId: randomUUID(), processedAt: old }, { consumerGroup: 'linker', eventId: randomUUID() }] });

    const dry = await cli('retention', 'prune', '--dry-run');
    expect(dry.code).toBe(0);
    expect(dry.lines[0]).toBe('would delete:');
    expect(dry.out).toMatch(/inbox records\s+1\s+\(older than 7 days\)/);
    expect(dry.out).toMatch(/quiet poll records\s+0\s+\(older than 90 days/);
    expect(await db.prisma.processedEvent.count()).toBe(2);

    expect(JSON.parse((await cli('retention', 'prune', '--json')).out)).toEqual({ inbox: 1, rawResponses: 0, quietPolls: 0 });
    expect(await db.prisma.processedEvent.count()).toBe(1);
  });
});
