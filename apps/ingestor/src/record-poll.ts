import {
  ArticleDiscoveredV1,
  ArticleRevisedV1,
  ArticleSeenElsewhereV1,
  FeedPolledV1,
  SourceActiveAgainV1,
  SourceFailingV1,
  SourceRecoveredV1,
  SourceWentQuietV1,
  streamIdOf,
  type ArticleContent,
  type NewEvent,
} from '@briefwatch/contracts';
import type { Prisma, PrismaClient } from '@briefwatch/db';
import { appendToStream } from '@briefwatch/event-store';
import type { FeedItem, FetchResponse, ParsedFeed } from '@briefwatch/feeds';
import { articleIdFor } from './article-identity.js';
import type { LeasedSource } from './poll-leases.js';
import { nextIntervalSeconds, withJitter, type PollOutcome, type PollPolicy } from './poll-policy.js';
import { storeRawResponse } from './raw-responses.js';
import { nextActivity, type QuietPolicy } from './source-activity.js';

/** How a source's health is judged: when it is failing, when it is quiet. */
export interface HealthPolicy {
  failingAfter: number;
  quiet: QuietPolicy;
}

/** At most this many items of one document are read; a feed rarely holds more than 100. */
export const MAX_ITEMS_PER_POLL = 500;

export interface PollAttempt {
  source: LeasedSource;
  feedUrl: string;
  polledAt: Date;
  durationMs: number;
  response?: FetchResponse;
  feed?: ParsedFeed;
  error?: { code: string; message: string; status?: number; retryAfterSeconds?: number };
}

export interface PollRecord {
  itemsNew: number;
  itemsRevised: number;
  nextPollAt: Date;
}

interface ArticleStateRow {
  content_hash: string;
  revision: number;
  source_ids: string[];
}

function contentOf(item: FeedItem, articleId: string, attempt: PollAttempt, rawHash: string | null): ArticleContent {
  return {
    articleId,
    sourceId: attempt.source.sourceId,
    feedUrl: attempt.feedUrl,
    guid: item.guid,
    link: item.link,
    canonicalUrl: item.canonicalUrl,
    title: item.title,
    summary: item.summary,
    content: item.content,
    authors: item.authors,
    categories: item.categories,
    media: item.media,
    published: item.published,
    updated: item.updated,
    contentHash: item.contentHash,
    rawHash,
    fetchedAt: attempt.polledAt.toISOString(),
  };
}

/**
 * What one item means for its article: new, a revision (changed content, from the source
 * that first carried it), the same story from another source, or nothing. The article's
 * state row is locked (or created) first, so concurrent polls decide one at a time.
 */
async function decideItem(tx: Prisma.TransactionClient, item: FeedItem, attempt: PollAttempt, rawHash: string | null): Promise<{ articleId: string; event: NewEvent } | null> {
  const articleId = articleIdFor(item, attempt.source.sourceId);
  const sourceId = attempt.source.sourceId;
  const created = await tx.$queryRaw<Array<{ revision: number }>>`
    INSERT INTO article_state (article_id, content_hash, revision, source_ids)
    VALUES (${articleId}::uuid, ${item.contentHash}, 1, ARRAY[${sourceId}])
    ON CONFLICT (article_id) DO NOTHING RETURNING revision`;
  if (created.length > 0) {
    return { articleId, event: { type: ArticleDiscoveredV1.type, schemaVersion: 1, data: contentOf(item, articleId, attempt, rawHash) } };
  }
  const [state] = await tx.$queryRaw<ArticleStateRow[]>`
    SELECT content_hash, revision, source_ids FROM article_state WHERE article_id = ${articleId}::uuid FOR UPDATE`;
  if (!state) return null;
  if (!state.source_ids.includes(sourceId)) {
    await tx.$executeRaw`UPDATE article_state SET source_ids = array_append(source_ids, ${sourceId}) WHERE article_id = ${articleId}::uuid`;
    return {
      articleId,
      event: { type: ArticleSeenElsewhereV1.type, schemaVersion: 1, data: { articleId, sourceId, feedUrl: attempt.feedUrl, guid: item.guid, seenAt: attempt.polledAt.toISOString(), rawHash } },
    };
  }
  // Only the source that first carried an article revises it: another feed's shorter copy is not an edit.
  if (state.source_ids[0] !== sourceId || state.content_hash === item.contentHash) return null;
  const revision = state.revision + 1;
  await tx.$executeRaw`UPDATE article_state SET content_hash = ${item.contentHash}, revision = ${revision} WHERE article_id = ${articleId}::uuid`;
  return {
    articleId,
    event: { type: ArticleRevisedV1.type, schemaVersion: 1, data: { ...contentOf(item, articleId, attempt, rawHash), revision, previousContentHash: state.content_hash } },
  };
}

function outcomeOf(attempt: PollAttempt, itemsNew: number, failures: number): PollOutcome {
  if (attempt.error) return { kind: 'failed', consecutiveFailures: failures, ...(attempt.error.retryAfterSeconds !== undefined ? { retryAfterSeconds: attempt.error.retryAfterSeconds } : {}) };
  if (itemsNew === 0) return { kind: 'unchanged' };
  const publishedTimes = (attempt.feed?.items ?? []).map((item) => (item.published ? Date.parse(item.published) : NaN)).filter((t) => !Number.isNaN(t));
  return { kind: 'changed', newItems: itemsNew, publishedTimes };
}

/**
 * Records one poll in one transaction: the raw body, an event per new or revised article
 * (or per story seen from one more source), the poll itself, the failing/recovered and
 * quiet/active-again flags, and the source's next poll. A crash before commit records nothing, and the lease runs
 * out, so the poll is simply made again: nothing lost, nothing twice.
 */
export async function recordPoll(prisma: PrismaClient, attempt: PollAttempt, policy: PollPolicy, health: HealthPolicy): Promise<PollRecord> {
  const { failingAfter } = health;
  const metadata = { correlationId: `poll:${attempt.source.sourceId}:${attempt.polledAt.toISOString()}`, causationId: null };
  return prisma.$transaction(
    async (tx) => {
      const response = attempt.response;
      const rawHash = response && !response.notModified && response.body.length > 0 ? await storeRawResponse(tx, response.body, response.headers['content-type'] ?? null, attempt.polledAt) : null;
      let itemsNew = 0;
      let itemsRevised = 0;
      for (const item of (attempt.feed?.items ?? []).slice(0, MAX_ITEMS_PER_POLL)) {
        const decided = await decideItem(tx, item, attempt, rawHash);
        if (!decided) continue;
        if (decided.event.type === ArticleDiscoveredV1.type) itemsNew += 1;
        if (decided.event.type === ArticleRevisedV1.type) itemsRevised += 1;
        await appendToStream(tx, streamIdOf('article', decided.articleId), [decided.event], { expectedVersion: 'any', metadata });
      }

      const failures = attempt.error ? attempt.source.consecutiveFailures + 1 : 0;
      const interval = nextIntervalSeconds(attempt.source.intervalSeconds, outcomeOf(attempt, itemsNew, failures), policy);
      const nextPollAt = new Date(attempt.polledAt.getTime() + withJitter(interval) * 1000);
      // A failure delays the next poll but does not change how often the healthy source is polled.
      const healthyInterval = attempt.error ? attempt.source.intervalSeconds : interval;
      const warnings = [...(attempt.feed?.warnings ?? []), ...((attempt.feed?.items.length ?? 0) > MAX_ITEMS_PER_POLL ? [`FEED.TOO_MANY_ITEMS: only the first ${MAX_ITEMS_PER_POLL} items were read`] : [])];
      const sourceEvents: NewEvent[] = [
        {
          type: FeedPolledV1.type,
          schemaVersion: 1,
          data: {
            sourceId: attempt.source.sourceId,
            feedUrl: attempt.feedUrl,
            finalUrl: response?.url ?? null,
            polledAt: attempt.polledAt.toISOString(),
            status: response?.status ?? attempt.error?.status ?? null,
            notModified: response?.notModified ?? false,
            etag: response?.headers.etag ?? null,
            lastModified: response?.headers['last-modified'] ?? null,
            durationMs: attempt.durationMs,
            bytes: response?.wireBytes ?? 0,
            rawHash,
            itemsSeen: attempt.feed?.items.length ?? 0,
            itemsNew,
            itemsRevised,
            warnings: warnings.slice(0, 50),
            errorCode: attempt.error?.code ?? null,
            errorMessage: attempt.error?.message.slice(0, 1_000) ?? null,
            nextPollAt: nextPollAt.toISOString(),
          },
        },
      ];
      if (attempt.error && failures === failingAfter) {
        sourceEvents.push({ type: SourceFailingV1.type, schemaVersion: 1, data: { sourceId: attempt.source.sourceId, consecutiveFailures: failures, errorCode: attempt.error.code, errorMessage: attempt.error.message.slice(0, 1_000), since: attempt.polledAt.toISOString() } });
      }
      if (!attempt.error && attempt.source.failingSince) {
        sourceEvents.push({ type: SourceRecoveredV1.type, schemaVersion: 1, data: { sourceId: attempt.source.sourceId, recoveredAt: attempt.polledAt.toISOString(), afterFailures: Math.max(1, attempt.source.consecutiveFailures) } });
      }
      const activity = attempt.error ? { activity: attempt.source.activity, change: null } : nextActivity(attempt.source.activity, attempt.polledAt, itemsNew, health.quiet);
      if (activity.change?.kind === 'went-quiet') {
        const { lastNewItemAt, usualGapSeconds } = attempt.source.activity;
        sourceEvents.push({
          type: SourceWentQuietV1.type,
          schemaVersion: 1,
          data: { sourceId: attempt.source.sourceId, lastNewItemAt: lastNewItemAt!.toISOString(), usualGapSeconds: usualGapSeconds!, quietForSeconds: activity.change.quietForSeconds, since: attempt.polledAt.toISOString() },
        });
      } else if (activity.change?.kind === 'active-again') {
        sourceEvents.push({ type: SourceActiveAgainV1.type, schemaVersion: 1, data: { sourceId: attempt.source.sourceId, quietSince: activity.change.quietSince.toISOString(), activeAt: attempt.polledAt.toISOString() } });
      }
      await appendToStream(tx, streamIdOf('source', attempt.source.sourceId), sourceEvents, { expectedVersion: 'any', metadata });

      const keepValidators = !response || response.notModified;
      await tx.$executeRaw`
        UPDATE source_schedule SET
          next_poll_at = ${nextPollAt}, interval_seconds = ${healthyInterval},
          etag = CASE WHEN ${keepValidators} THEN etag ELSE ${response?.headers.etag ?? null} END,
          last_modified = CASE WHEN ${keepValidators} THEN last_modified ELSE ${response?.headers['last-modified'] ?? null} END,
          consecutive_failures = ${failures},
          failing_since = CASE WHEN ${failures} >= ${failingAfter} THEN coalesce(failing_since, ${attempt.polledAt}) ELSE NULL END,
          last_new_item_at = ${activity.activity.lastNewItemAt}, usual_gap_seconds = ${activity.activity.usualGapSeconds}, quiet_since = ${activity.activity.quietSince},
          lease_owner = NULL, lease_expires_at = NULL
        WHERE source_id = ${attempt.source.sourceId}::uuid`;
      return { itemsNew, itemsRevised, nextPollAt };
    },
    { maxWait: 10_000, timeout: 60_000 },
  );
}
