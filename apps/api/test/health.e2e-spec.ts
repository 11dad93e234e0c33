import { loadConfig } from '@briefwatch/config';
import { createTestDatabase, type TestDatabase } from '@briefwatch/db/testing';
import { silentLogger } from '@briefwatch/logging';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { createApiApp } from '../src/api.app.js';

describe('GET /health when Kafka does not answer', () => {
  let db: TestDatabase;
  let api: NestExpressApplication;

  beforeAll(async () => {
    db = await createTestDatabase();
    const config = loadConfig('api', { DATABASE_URL: db.url, KAFKA_BROKERS: '127.0.0.1:1' });
    api = await createApiApp({ config, logger: silentLogger });
    await api.listen(0, '127.0.0.1');
  });

  afterAll(async () => {
    await api.close();
    await db.drop();
  });

  it('answers 503, says Kafka is down and why, and still reports Postgres up', async () => {
    const response = await fetch(`${await api.getUrl()}/health`);
    const body = (await response.json()) as { status: string; dependencies: Record<string, { status: string; error?: string }> };
    expect(response.status).toBe(503);
    expect(body.status).toBe('down');
    expect(body.dependencies.postgres!.status).toBe('up');
    expect(body.dependencies.kafka!.status).toBe('down');
    expect(body.dependencies.kafka!.error).toBeTruthy();
  });
});
