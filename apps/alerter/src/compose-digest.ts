import { randomUUID } from 'node:crypto';
import { DigestQueuedV1, streamIdOf, type EventMetadata } from '@briefwatch/contracts';
import type { Prisma, PrismaClient } from '@briefwatch/db';
import { appendToStream } from '@briefwatch/event-store';
import { digestCutoff, groupDigest, outlineOrder, type DigestItem } from './digest.js';

interface HeldAlert {
  alert_id: string;
  payload: { brief: { briefId: string; topicId: string; claimId: string | null }; article: { id: string }; outlets?: unknown[]; score: number };
  created_at: Date;
}

/**
 * Gathers a digest subscription's alerts queued before `until` into one digest alert,
 * grouped by topic and claim, and queues it for delivery. The items are claimed with an
 * UPDATE, so two alerter instances never send the same item twice. Returns the digest's
 * id, or null when there was nothing to send.
 */
export async function composeDigest(tx: Prisma.TransactionClient, subscriptionId: string, until: Date, metadata: EventMetadata): Promise<string | null> {
  const subscription = await tx.subscription.findUnique({ where: { id: subscriptionId } });
  if (!subscription || subscription.channelKind !== 'digest') return null;
  const digestId = randomUUID();
  const held = await tx.$queryRaw<HeldAlert[]>`
    UPDATE alert_queue SET state = 'digested', digest_id = ${digestId}::uuid
    WHERE subscription_id = ${subscriptionId}::uuid AND state = 'in-digest' AND created_at < ${until}
    RETURNING alert_id::text, payload, created_at`;
  if (held.length === 0) return null;
  held.sort((a, b) => a.created_at.getTime() - b.created_at.getTime());

  const briefIds = [...new Set(held.map((h) => h.payload.brief.briefId))];
  const articleIds = held.map((h) => h.payload.article.id);
  const [topics, claims, links] = await Promise.all([
    tx.briefTopic.findMany({ where: { briefId: { in: briefIds } }, select: { topicId: true, title: true } }),
    tx.briefClaim.findMany({ where: { briefId: { in: briefIds } }, select: { claimId: true, text: true } }),
    tx.coverageLink.findMany({ where: { articleId: { in: articleIds }, briefId: { in: briefIds }, claimKey: { not: '' }, retractedAt: null }, select: { articleId: true, topicId: true, claimKey: true } }),
  ]);
  const items: DigestItem[] = held.map((h) => ({
    alertId: h.alert_id,
    queuedAt: h.created_at.toISOString(),
    topicId: h.payload.brief.topicId,
    claimId: h.payload.brief.claimId,
    linkedClaimIds: links.filter((l) => l.articleId === h.payload.article.id && l.topicId === h.payload.brief.topicId).map((l) => l.claimKey),
    article: { ...h.payload.article, outlets: h.payload.outlets ?? [] },
    score: h.payload.score,
  }));
  const from = held[0]!.created_at.toISOString();
  const payload = {
    kind: 'digest',
    alertId: digestId,
    subscriptionId,
    every: subscription.digestEvery,
    period: { from, until: until.toISOString() },
    count: held.length,
    topics: groupDigest(items, new Map(topics.map((t) => [t.topicId, t.title])), new Map(claims.map((c) => [c.claimId, c.text])), outlineOrder),
  };
  await tx.$executeRaw`
    INSERT INTO alert_queue (alert_id, subscription_id, dedupe_key, kind, payload)
    VALUES (${digestId}::uuid, ${subscriptionId}::uuid, ${`${subscriptionId}:digest:${digestId}`}, 'digest', ${JSON.stringify(payload)}::jsonb)`;
  await appendToStream(
    tx,
    streamIdOf('subscription', subscriptionId),
    [{ type: DigestQueuedV1.type, schemaVersion: 1, data: { subscriptionId, alertId: digestId, itemAlertIds: held.map((h) => h.alert_id), from, until: until.toISOString(), queuedAt: new Date().toISOString() } }],
    { expectedVersion: 'any', metadata },
  );
  return digestId;
}

/** Composes the digests whose period has ended: for each active digest subscription with items queued before its cutoff. */
export async function composeDueDigests(prisma: PrismaClient, now: Date): Promise<string[]> {
  const due = await prisma.$queryRaw<Array<{ subscription_id: string; digest_every: 'hourly' | 'daily' }>>`
    SELECT DISTINCT queue.subscription_id::text, subscriptions.digest_every
    FROM alert_queue AS queue JOIN subscriptions ON subscriptions.id = queue.subscription_id
    WHERE queue.state = 'in-digest' AND subscriptions.status = 'active' AND subscriptions.digest_every IS NOT NULL`;
  const composed: string[] = [];
  for (const { subscription_id: subscriptionId, digest_every: every } of due) {
    const until = digestCutoff(now, every);
    const digestId = await prisma.$transaction((tx) => composeDigest(tx, subscriptionId, until, { correlationId: `digest:${subscriptionId}:${until.toISOString()}`, causationId: null }));
    if (digestId) composed.push(digestId);
  }
  return composed;
}
