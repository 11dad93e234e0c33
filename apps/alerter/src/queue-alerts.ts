import { createHash, randomUUID } from 'node:crypto';
import { AlertQueuedV1, streamIdOf, type ArticleContent, type CoverageLinked } from '@briefwatch/contracts';
import type { Prisma } from '@briefwatch/db';
import { appendToStream, readStream } from '@briefwatch/event-store';
import { matchingSubscriptions } from './match-subscriptions.js';

/** What matched, as a fingerprint: a revision that changes none of it alerts nobody again. */
export function evidenceFingerprint(link: CoverageLinked): string {
  const passages = link.evidence.map((e) => `${e.feature}|${e.passage}`).sort();
  return createHash('sha256').update(passages.join('\n')).digest('hex').slice(0, 32);
}

/** The article as it stands, read from its own stream (the read models may lag behind). */
async function latestArticle(tx: Prisma.TransactionClient, articleId: string): Promise<{ content: ArticleContent; sourceIds: string[] } | null> {
  const events = await readStream(tx, streamIdOf('article', articleId));
  let content: ArticleContent | null = null;
  const sourceIds = new Set<string>();
  for (const event of events) {
    const data = event.data as ArticleContent & { sourceId: string };
    if (event.type === 'ArticleDiscovered' || event.type === 'ArticleRevised') content = data;
    sourceIds.add(data.sourceId);
  }
  return content ? { content, sourceIds: [...sourceIds] } : null;
}

/**
 * Queues one alert per matching subscription: the queue's unique dedupe key (subscription,
 * article, what matched) makes a redelivered link event, or a revision that changed nothing
 * that matched, queue nothing. Runs in the caller's transaction, with its inbox record.
 */
export async function queueAlerts(tx: Prisma.TransactionClient, link: CoverageLinked, correlationId: string, causationId: string): Promise<number> {
  const subscriptions = await tx.subscription.findMany({ where: { briefId: link.briefId, status: 'active' } });
  if (subscriptions.length === 0) return 0;
  const article = await latestArticle(tx, link.articleId);
  if (!article) return 0;
  let queued = 0;
  const fingerprint = evidenceFingerprint(link);
  for (const subscription of matchingSubscriptions(link, subscriptions, article.sourceIds)) {
    const alertId = randomUUID();
    const earlier = await tx.alertQueue.count({ where: { subscriptionId: subscription.id, dedupeKey: { startsWith: `${subscription.id}:${link.articleId}:` } } });
    const payload = {
      alertId,
      subscriptionId: subscription.id,
      revised: earlier > 0,
      brief: { briefId: link.briefId, topicId: link.topicId, claimId: link.claimId },
      score: link.score,
      why: link.evidence.slice(0, 5),
      article: {
        id: link.articleId,
        revision: link.articleRevision,
        title: article.content.title,
        summary: article.content.summary,
        url: article.content.canonicalUrl ?? article.content.link,
        published: article.content.published,
        sources: article.sourceIds,
      },
    };
    const inserted = await tx.$executeRaw`
      INSERT INTO alert_queue (alert_id, subscription_id, dedupe_key, payload)
      VALUES (${alertId}::uuid, ${subscription.id}::uuid, ${`${subscription.id}:${link.articleId}:${fingerprint}`}, ${JSON.stringify(payload)}::jsonb)
      ON CONFLICT (dedupe_key) DO NOTHING`;
    if (inserted === 0) continue;
    await appendToStream(
      tx,
      streamIdOf('subscription', subscription.id),
      [
        {
          type: AlertQueuedV1.type,
          schemaVersion: 1,
          data: { subscriptionId: subscription.id, alertId, articleId: link.articleId, articleRevision: link.articleRevision, briefId: link.briefId, topicId: link.topicId, claimIds: link.claimId ? [link.claimId] : [], score: link.score, revised: earlier > 0, queuedAt: new Date().toISOString() },
        },
      ],
      { expectedVersion: 'any', metadata: { correlationId, causationId } },
    );
    queued += 1;
  }
  return queued;
}
