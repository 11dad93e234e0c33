import { randomUUID } from 'node:crypto';
import { streamIdOf, type CoverageLinked } from '@briefwatch/contracts';
import { createTestDatabase, type TestDatabase } from '@briefwatch/db/testing';
import { appendToStream } from '@briefwatch/event-store';
import { queueAlerts } from './queue-alerts.js';

const metadata = { correlationId: 'alerters-racing', causationId: null };
const policy = { groupHoldSeconds: 60, groupWindowSeconds: 3_600 };

describe('two alerters queueing one story at the same moment', () => {
  let db: TestDatabase;

  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => {
    await db.drop();
  });

  /** One outlet's copy of a story, stored as the ingestor stores it. */
  async function outletCopy(title: string, outlet: string): Promise<string> {
    const articleId = randomUUID();
    const sourceId = randomUUID();
    await appendToStream(
      db.prisma,
      streamIdOf('article', articleId),
      [
        {
          type: 'ArticleDiscovered',
          schemaVersion: 1,
          data: {
            articleId, sourceId, feedUrl: `https://${outlet}/feed.xml`, guid: `${outlet}-${articleId}`, link: `https://${outlet}/${articleId}`, canonicalUrl: null,
            title, summary: 'The regulator asked three vendors for their accuracy audits.', content: null, authors: [], categories: [], media: [],
            published: null, updated: null, contentHash: 'c'.repeat(64), rawHash: null, fetchedAt: new Date().toISOString(),
          },
        },
      ],
      { expectedVersion: 0, metadata },
    );
    return articleId;
  }

  const linkTo = (articleId: string): CoverageLinked => ({ articleId, articleRevision: 1, briefId: 'race-brief', topicId: 't2', claimId: null, score: 0.8, evidence: [], matcherVersion: 'test', linkedAt: new Date().toISOString() });

  it('opens one alert, which the second outlet joins, however the two transactions interleave', async () => {
    for (let round = 0; round < 5; round += 1) {
      const subscriptionId = randomUUID();
      await db.prisma.subscription.create({
        data: { id: subscriptionId, name: `race ${round}`, targetKind: 'brief', briefId: 'race-brief', minScore: 0, sourceIds: [], channelKind: 'webhook', channelUrl: 'https://hooks.example.org/race', createdAt: new Date(), streamPosition: 1n },
      });
      const title = `Regulator opens inquiry into facial recognition vendors, round ${round}`;
      const copies = [await outletCopy(title, 'wire.example.org'), await outletCopy(title, 'daily.example.org')];
      // Both transactions decide at once, as two alerter instances would.
      await Promise.all(copies.map((articleId) => db.prisma.$transaction((tx) => queueAlerts(tx, linkTo(articleId), metadata, policy))));

      const alerts = await db.prisma.alertQueue.findMany({ where: { subscriptionId } });
      expect(alerts).toHaveLength(1);
      expect((alerts[0]!.payload as { outlets: unknown[] }).outlets).toHaveLength(1);
      expect(await db.prisma.alertItem.count({ where: { subscriptionId } })).toBe(2);
    }
  });
});
