import type { CoverageLinked } from '@briefwatch/contracts';
import type { PrismaClient } from '@briefwatch/db';
import { countNotApplied } from '@briefwatch/event-store';
import { waitFor } from '@briefwatch/testing';
import type { ItemStream } from './item-stream.js';

/** What the system holds once a stream has been taken in, counted where each stage keeps it. */
export interface Totals {
  articles: number;
  revisions: number;
  /** Article events the linker has not applied, and link events the links read model has not. */
  linkerBehind: number;
  linksProjectionBehind: number;
  coverageLinks: number;
  linkedArticles: number;
  alertedArticles: number;
  alerts: number;
  alertsNotDelivered: number;
  /** Distinct Idempotency-Key values the webhook received, and every POST it answered 2xx. */
  keysReceived: number;
  postsReceived: number;
}

const linkKey = (type: string, link: Pick<CoverageLinked, 'articleId' | 'articleRevision' | 'topicId' | 'claimId'>) =>
  `${type} ${link.articleId} ${link.articleRevision} ${link.topicId} ${link.claimId ?? ''}`;

/**
 * Where the stream's labels say each article must end: its guid → the topics it is linked
 * to now (links retracted are gone from the read model). The labels come with the stories,
 * written for them, so the linker is checked against them and not against itself.
 */
async function linkedTopicsByGuid(prisma: PrismaClient): Promise<Map<string, string[]>> {
  const rows = await prisma.$queryRaw<Array<{ guid: string; topic_id: string | null }>>`
    SELECT a.guid, l.topic_id
    FROM (SELECT DISTINCT article_id, guid FROM article_revisions) a
    LEFT JOIN (SELECT DISTINCT article_id, topic_id FROM coverage_links) l ON l.article_id = a.article_id`;
  const byGuid = new Map<string, string[]>();
  for (const { guid, topic_id } of rows) byGuid.set(guid, [...(byGuid.get(guid) ?? []), ...(topic_id ? [topic_id] : [])].sort());
  return byGuid;
}

async function count(prisma: PrismaClient, sql: string): Promise<number> {
  const [row] = await prisma.$queryRawUnsafe<Array<{ n: bigint }>>(sql);
  return Number(row?.n ?? 0);
}

/** The link events in the store, as `type article revision topic claim` keys. */
async function storedLinkEvents(prisma: PrismaClient): Promise<string[]> {
  const rows = await prisma.$queryRaw<Array<{ type: string; data: CoverageLinked }>>`
    SELECT type, data FROM events WHERE type IN ('CoverageLinked', 'LinkRetracted')`;
  return rows.map((row) => linkKey(row.type, row.data)).sort();
}

export async function readTotals(prisma: PrismaClient, stream: ItemStream): Promise<Totals> {
  const delivered = stream.received.filter((post) => post.answered < 300);
  return {
    articles: await count(prisma, 'SELECT count(*) AS n FROM articles'),
    revisions: await count(prisma, 'SELECT count(*) AS n FROM article_revisions'),
    linkerBehind: await countNotApplied(prisma, 'linker', { types: ['ArticleDiscovered', 'ArticleRevised'] }),
    linksProjectionBehind: await countNotApplied(prisma, 'projector.links', { categories: ['link'] }),
    coverageLinks: await count(prisma, 'SELECT count(*) AS n FROM coverage_links'),
    linkedArticles: await count(prisma, 'SELECT count(DISTINCT article_id) AS n FROM coverage_links'),
    alertedArticles: await count(prisma, 'SELECT count(DISTINCT article_id) AS n FROM alert_items'),
    alerts: await count(prisma, "SELECT count(*) AS n FROM alert_queue WHERE kind = 'coverage'"),
    alertsNotDelivered: await count(prisma, "SELECT count(*) AS n FROM alert_queue WHERE kind = 'coverage' AND state <> 'delivered'"),
    keysReceived: new Set(delivered.map((post) => post.idempotencyKey)).size,
    postsReceived: delivered.length,
  };
}

/** Every stage has caught up with the whole stream: nothing is still on its way. */
function settled(totals: Totals, stream: ItemStream): boolean {
  const { articles, revisions } = stream.expected;
  return (
    totals.articles === articles &&
    totals.revisions === revisions &&
    totals.linkerBehind === 0 &&
    totals.linksProjectionBehind === 0 &&
    totals.alertedArticles === totals.linkedArticles &&
    totals.alertsNotDelivered === 0 &&
    totals.keysReceived === totals.alerts
  );
}

/**
 * Waits until the system has caught up with the stream, then checks the totals exactly:
 * every article and revision kept once, every article linked to the topics its story is
 * labelled with and no other, no link event twice, an alert for every linked article, and
 * every alert received (its key once at least) and no other.
 */
export async function expectExactTotals(prisma: PrismaClient, stream: ItemStream, timeoutMs = 150_000): Promise<Totals> {
  const totals = await waitFor(() => readTotals(prisma, stream), (t) => settled(t, stream), {
    description: 'every stage to catch up with the stream',
    timeoutMs,
    intervalMs: 500,
  }).catch(async (error: Error) => {
    throw new Error(`${error.message.split(';')[0]}; totals: ${JSON.stringify(await readTotals(prisma, stream), null, 1)}`);
  });
  expect(totals.articles).toBe(stream.expected.articles);
  expect(totals.revisions).toBe(stream.expected.revisions);
  // Every article linked to the topics its story is labelled with, and to no other.
  expect(Object.fromEntries(await linkedTopicsByGuid(prisma))).toEqual(Object.fromEntries([...stream.expectedTopics].map(([guid, topics]) => [guid, [...topics].sort()])));
  // No link event twice: a redelivered article event links nothing again.
  const linkEvents = await storedLinkEvents(prisma);
  expect(linkEvents.filter((key, i) => linkEvents[i - 1] === key)).toEqual([]);
  expect(linkEvents.length).toBeGreaterThan(0);
  expect(totals.alertedArticles).toBe(totals.linkedArticles);
  expect(totals.alertsNotDelivered).toBe(0);
  expect(totals.keysReceived).toBe(totals.alerts);
  // The keys received are those of the alerts queued, each alert's: none invented, none missing.
  const alertIds = await prisma.$queryRaw<Array<{ alert_id: string }>>`SELECT alert_id::text FROM alert_queue WHERE kind = 'coverage'`;
  expect(new Set(stream.received.filter((post) => post.answered < 300).map((post) => post.idempotencyKey))).toEqual(new Set(alertIds.map((row) => row.alert_id)));
  expect(totals.coverageLinks).toBe(new Set(linkEvents.map((key) => key.split(' ').filter((_, i) => i !== 0 && i !== 2).join(' '))).size);
  return totals;
}
