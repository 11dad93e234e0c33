import { createHash, randomUUID } from 'node:crypto';
import { AlertGroupedV1, AlertQueuedV1, streamIdOf, type ArticleContent, type CoverageLinked, type EventMetadata } from '@briefwatch/contracts';
import { SAME_STORY_SIMILARITY, titleSimilarity } from '@briefwatch/articles';
import type { Prisma, Subscription } from '@briefwatch/db';
import { appendToStream, readStream } from '@briefwatch/event-store';
import { matchingSubscriptions } from './match-subscriptions.js';

/** What matched, as a fingerprint: a revision that changes none of it alerts nobody again. */
export function evidenceFingerprint(link: CoverageLinked): string {
  const passages = link.evidence.map((e) => `${e.feature}|${e.passage}`).sort();
  return createHash('sha256').update(passages.join('\n')).digest('hex').slice(0, 32);
}

export interface GroupingPolicy {
  /** How long a follow-up listing more outlets waits for yet more. */
  groupHoldSeconds: number;
  /** How far back an alert can gather other outlets' copies of its story. */
  groupWindowSeconds: number;
}

interface LatestArticle {
  content: ArticleContent;
  sourceIds: string[];
}

/** The article as it stands, read from its own stream (the read models may lag behind). */
async function latestArticle(tx: Prisma.TransactionClient, articleId: string): Promise<LatestArticle | null> {
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

function outletOf(link: CoverageLinked, article: LatestArticle) {
  return {
    id: link.articleId,
    revision: link.articleRevision,
    title: article.content.title,
    summary: article.content.summary,
    url: article.content.canonicalUrl ?? article.content.link,
    published: article.content.published,
    sources: article.sourceIds,
  };
}

interface StoryAlert {
  alert_id: string;
  story_title: string;
  group_of: string | null;
  /** Not yet sent, and not being sent: another outlet can still join it. */
  open: boolean;
}

/**
 * The subscription's recent alert about the same story (a near-duplicate title), if any:
 * the open one to join, or the one already sent to follow up. Rows are locked, so the
 * delivery loop cannot lease an alert while an outlet joins it.
 */
async function sameStory(tx: Prisma.TransactionClient, subscriptionId: string, title: string, policy: GroupingPolicy): Promise<{ open: StoryAlert | null; sentRoot: string | null }> {
  const recent = await tx.$queryRaw<StoryAlert[]>`
    SELECT alert_id::text, story_title, group_of::text,
           (state IN ('pending', 'in-digest') AND attempts = attempt_base AND (lease_expires_at IS NULL OR lease_expires_at < now())) AS open
    FROM alert_queue
    WHERE subscription_id = ${subscriptionId}::uuid AND kind = 'coverage' AND story_title IS NOT NULL
      AND created_at > now() - make_interval(secs => ${policy.groupWindowSeconds})
    ORDER BY created_at DESC LIMIT 200
    FOR UPDATE`;
  const story = recent.filter((alert) => titleSimilarity(alert.story_title, title) >= SAME_STORY_SIMILARITY);
  if (story.length === 0) return { open: null, sentRoot: null };
  const root = story[story.length - 1]!;
  return { open: story.find((alert) => alert.open) ?? null, sentRoot: root.group_of ?? root.alert_id };
}

/** The active subscriptions that want coverage alerts, read once and shared by a batch of links. */
export type CoverageWatchers = () => Promise<Subscription[]>;

export function coverageWatchers(tx: Prisma.TransactionClient): CoverageWatchers {
  let read: Promise<Subscription[]> | undefined;
  return () => (read ??= tx.subscription.findMany({ where: { status: 'active', notifyCoverage: true } }));
}

/**
 * Queues what one link means for each matching subscription, in the caller's transaction
 * (with its inbox record):
 * - nothing, if this (subscription, article, what matched) was alerted before: a redelivered
 *   link event, or a revision that changed nothing that matched;
 * - a new alert, marked `revised` if the article alerted before changed where it matched;
 * - the same story from another outlet joins the open alert about it (its `outlets`); if
 *   that alert has gone, a follow-up gathers the latecomers and waits `groupHoldSeconds`
 *   for more, so ten outlets make two alerts, not ten.
 * A digest subscription's alerts wait, `in-digest`, for their period to end.
 */
export async function queueAlerts(tx: Prisma.TransactionClient, link: CoverageLinked, metadata: EventMetadata, policy: GroupingPolicy, watching: CoverageWatchers = coverageWatchers(tx)): Promise<number> {
  const subscriptions = (await watching()).filter((s) => s.briefId === link.briefId || s.targetKind === 'source');
  if (subscriptions.length === 0) return 0;
  const article = await latestArticle(tx, link.articleId);
  if (!article) return 0;
  const { title, summary, content } = article.content;
  const matching = matchingSubscriptions(link, subscriptions, article.sourceIds, [title, summary, content ?? ''].join('\n'));
  let changed = 0;
  // In one order everywhere, so that two transactions taking several subscriptions' story locks never wait on each other in a circle.
  matching.sort((a, b) => a.id.localeCompare(b.id));
  for (const subscription of matching) {
    if (await queueFor(tx, subscription, link, article, metadata, policy)) changed += 1;
  }
  return changed;
}

async function queueFor(tx: Prisma.TransactionClient, subscription: Subscription, link: CoverageLinked, article: LatestArticle, metadata: EventMetadata, policy: GroupingPolicy): Promise<boolean> {
  const dedupeKey = `${subscription.id}:${link.articleId}:${evidenceFingerprint(link)}`;
  if (await tx.alertItem.findUnique({ where: { dedupeKey } })) return false;
  const revised = (await tx.alertItem.count({ where: { subscriptionId: subscription.id, articleId: link.articleId } })) > 0;
  const outlet = outletOf(link, article);
  // One decision about a subscription's stories at a time, whichever alerter instance makes it:
  // two outlets of one story handled at once must join one alert, not open two.
  if (!revised) await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('briefwatch.alert-stories'), hashtext(${subscription.id}))`;
  const story = revised ? { open: null, sentRoot: null } : await sameStory(tx, subscription.id, outlet.title, policy);
  const stream = streamIdOf('subscription', subscription.id);
  const now = new Date();

  if (story.open) {
    await tx.$executeRaw`
      UPDATE alert_queue SET payload = jsonb_set(payload, '{outlets}', coalesce(payload->'outlets', '[]'::jsonb) || ${JSON.stringify([outlet])}::jsonb)
      WHERE alert_id = ${story.open.alert_id}::uuid`;
    await tx.alertItem.create({ data: { dedupeKey, alertId: story.open.alert_id, subscriptionId: subscription.id, articleId: link.articleId } });
    await appendToStream(
      tx,
      stream,
      [{ type: AlertGroupedV1.type, schemaVersion: 1, data: { subscriptionId: subscription.id, alertId: story.open.alert_id, articleId: link.articleId, sourceIds: article.sourceIds, groupedAt: now.toISOString() } }],
      { expectedVersion: 'any', metadata },
    );
    return true;
  }

  const alertId = randomUUID();
  const followUpOf = story.sentRoot;
  const payload = {
    kind: 'coverage',
    alertId,
    subscriptionId: subscription.id,
    revised,
    followUpOf,
    brief: { briefId: link.briefId, topicId: link.topicId, claimId: link.claimId },
    score: link.score,
    why: link.evidence.slice(0, 5),
    article: outlet,
    outlets: [],
  };
  const digest = subscription.channelKind === 'digest';
  const notBefore = followUpOf && !digest ? new Date(now.getTime() + policy.groupHoldSeconds * 1000) : now;
  await tx.$executeRaw`
    INSERT INTO alert_queue (alert_id, subscription_id, dedupe_key, kind, payload, state, story_title, group_of, next_attempt_at)
    VALUES (${alertId}::uuid, ${subscription.id}::uuid, ${dedupeKey}, 'coverage', ${JSON.stringify(payload)}::jsonb, ${digest ? 'in-digest' : 'pending'},
            ${outlet.title}, ${followUpOf}::uuid, ${notBefore})`;
  await tx.alertItem.create({ data: { dedupeKey, alertId, subscriptionId: subscription.id, articleId: link.articleId } });
  await appendToStream(
    tx,
    stream,
    [
      {
        type: AlertQueuedV1.type,
        schemaVersion: 1,
        data: { subscriptionId: subscription.id, alertId, articleId: link.articleId, articleRevision: link.articleRevision, briefId: link.briefId, topicId: link.topicId, claimIds: link.claimId ? [link.claimId] : [], score: link.score, revised, queuedAt: now.toISOString() },
      },
    ],
    { expectedVersion: 'any', metadata },
  );
  return true;
}
