import { createTestDatabase, type TestDatabase } from '@briefwatch/db/testing';
import { applyOnce, readCategoriesAfter } from '@briefwatch/event-store';
import { subscriptionsProjection } from '@briefwatch/subscriptions';
import { runCliCapturing } from './cli-harness.js';

describe('npx briefwatch subscriptions …', () => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => {
    await db.drop();
  });

  const cli = (...argv: string[]) => runCliCapturing(argv, { DATABASE_URL: db.url, KAFKA_BROKERS: '127.0.0.1:1' });

  /** What the projector would do: apply every stored subscription event to the read model, once. */
  async function project() {
    // Every committed subscription event, whatever other transactions the cluster is running
    // (the relay's reader waits for the oldest of them, which another suite's rebuild can hold).
    for (const event of await readCategoriesAfter(db.prisma, ['subscription'], 0, 100_000)) {
      await applyOnce(db.prisma, 'test.subscriptions', event.eventId, (tx) => subscriptionsProjection.apply(tx, event));
    }
  }

  it('subscribes a daily digest to a topic and prints the secret once', async () => {
    const added = await cli('subscriptions', 'add', 'https://hooks.example.org/briefwatch', '--name', 'faces daily', '--brief', 'spri', '--topic', 't2', '--digest', 'daily', '--health');
    expect(added.code).toBe(0);
    expect(added.out).toMatch(/^subscription [0-9a-f-]{36}\nsecret whsec_[A-Za-z0-9_-]{32}$/);
    expect(added.err).toMatch(/shown this once/);
    await project();
    const listed = await cli('subscriptions', 'list');
    expect(listed.out).toMatch(/active\s+faces daily: spri t2 → daily digest to https:\/\/hooks\.example\.org\/briefwatch/);
    const [row] = JSON.parse((await cli('subscriptions', 'list', '--json')).out) as Array<{ id: string; notify: unknown; channel: unknown }>;
    expect(row).toMatchObject({ notify: { coverage: true, sourceHealth: true }, channel: { kind: 'digest', every: 'daily' } });
    expect((await cli('subscriptions', 'alerts', row!.id)).out).toBe('no alerts yet');
  });

  it('saves a query over topics and terms', async () => {
    const added = await cli('subscriptions', 'add', 'https://hooks.example.org/q', '--name', 'rekognition', '--brief', 'spri', '--topics', 't2,t3', '--terms', 'Rekognition, police', '--exclude', 'opinion');
    expect(added.code).toBe(0);
    await project();
    const saved = await db.prisma.subscription.findFirstOrThrow({ where: { name: 'rekognition' } });
    expect(saved).toMatchObject({ targetKind: 'query', briefId: 'spri', query: { topicIds: ['t2', 't3'], claimIds: [], terms: ['Rekognition', 'police'], excludeTerms: ['opinion'] } });
    expect((await cli('subscriptions', 'list')).out).toMatch(/rekognition: spri t2 t3 "Rekognition" "police" → https:\/\/hooks\.example\.org\/q/);
    await cli('subscriptions', 'remove', saved.id);
    await project();
  });

  it('rotates the secret: prints the new one once, keeps the old one as the previous until the overlap ends', async () => {
    const { id } = await db.prisma.subscription.findFirstOrThrow({ where: { name: 'faces daily' } });
    const before = await db.prisma.webhookSecret.findUniqueOrThrow({ where: { subscriptionId: id } });
    const rotated = await cli('subscriptions', 'rotate-secret', id, '--overlap-hours', '6');
    expect(rotated.code).toBe(0);
    expect(rotated.out).toMatch(new RegExp(`^subscription ${id}\nsecret whsec_[A-Za-z0-9_-]{32}$`));
    expect(rotated.err).toMatch(/signed with the old one too until/);
    const after = await db.prisma.webhookSecret.findUniqueOrThrow({ where: { subscriptionId: id } });
    expect(after.previousSecret).toBe(before.secret);
    expect(after.secret).not.toBe(before.secret);
    const overlapMs = after.previousValidUntil!.getTime() - after.rotatedAt!.getTime();
    expect(overlapMs).toBe(6 * 3_600_000);

    const events = await db.prisma.event.count();
    expect((await cli('subscriptions', 'rotate-secret', id, '--overlap-hours', '500')).err).toMatch(/the request is invalid: overlapHours/);
    expect((await cli('subscriptions', 'rotate-secret', '6f1c2b3a-4d5e-4f60-8a7b-9c0d1e2f3a4b')).err).toMatch(/SUBSCRIPTION\.NOT_FOUND/);
    expect(await db.prisma.event.count()).toBe(events);
    expect(await db.prisma.webhookSecret.findUniqueOrThrow({ where: { subscriptionId: id } })).toEqual(after);
  });

  it('pauses, asks for a digest and a replay, and removes', async () => {
    const { id } = await db.prisma.subscription.findFirstOrThrow({ where: { name: 'faces daily' } });
    expect((await cli('subscriptions', 'pause', id)).out).toBe(`subscription ${id}: pause requested`);
    expect((await cli('subscriptions', 'digest', id)).out).toBe(`subscription ${id}: digest requested`);
    expect((await cli('subscriptions', 'replay', id, '--since', '2026-11-01T00:00:00Z')).out).toBe(`subscription ${id}: replay requested`);
    expect((await cli('subscriptions', 'remove', id)).code).toBe(0);
    const refused = await cli('subscriptions', 'resume', id);
    expect(refused.code).not.toBe(0);
    expect(refused.err).toMatch(/SUBSCRIPTION\.ALREADY_REMOVED/);
    await project();
    expect((await cli('subscriptions', 'list')).out).toMatch(/^no subscriptions yet/);
  });

  it('says what is wrong with a bad subscription, and adds nothing', async () => {
    const events = await db.prisma.event.count();
    const internal = await cli('subscriptions', 'add', 'http://10.0.0.8/hook', '--brief', 'spri');
    expect(internal.err).toMatch(/SUBSCRIPTION\.INVALID_WEBHOOK.*WEBHOOK_ALLOW=10\.0\.0\.8:80/);
    expect((await cli('subscriptions', 'add', 'https://hooks.example.org/x', '--brief', 'spri', '--digest', 'weekly')).err).toMatch(/the request is invalid: digest/);
    expect((await cli('subscriptions', 'add', 'https://hooks.example.org/x', '--brief', 'spri', '--no-coverage')).err).toMatch(/notify/);
    expect((await cli('subscriptions', 'replay', '6f1c2b3a-4d5e-4f60-8a7b-9c0d1e2f3a4b', '--since', 'yesterday')).err).toMatch(/SUBSCRIPTION\.INVALID_SINCE/);
    expect((await cli('subscriptions', 'pause', 'not-an-id')).err).toMatch(/SUBSCRIPTION\.INVALID_ID/);
    expect((await cli('subscriptions', 'pause', '6f1c2b3a-4d5e-4f60-8a7b-9c0d1e2f3a4b')).err).toMatch(/SUBSCRIPTION\.NOT_FOUND/);
    expect(await db.prisma.event.count()).toBe(events);
  });
});
