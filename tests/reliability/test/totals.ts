import type { ArticleContent, CoverageLinked, EventEnvelope } from '@briefwatch/contracts';
import type { PrismaClient } from '@briefwatch/db';
import { countNotApplied } from '@briefwatch/event-store';
import { BriefLinkers, decideLinks, evolveLinks, linkModel } from '@briefwatch/linker';
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
 * The link events the stored articles call for: each article's versions, in order, put
 * through the same decision the linker makes. A lost or doubled article event, or a link
 * applied twice, makes the store differ from this.
 */
async function expectedLinkEvents(prisma: PrismaClient): Promise<string[]> {
  const linkers = await new BriefLinkers().current(prisma);
  const rows = await prisma.$queryRaw<Array<{ type: string; data: ArticleContent & { revision?: number } }>>`
    SELECT type, data FROM events WHERE type IN ('ArticleDiscovered', 'ArticleRevised') ORDER BY global_position`;
  const states = new Map<string, ReturnType<typeof linkModel.initial>>();
  const keys: string[] = [];
  for (const { data } of rows) {
    const state = states.get(data.articleId) ?? linkModel.initial();
    states.set(data.articleId, state);
    for (const event of decideLinks(data, linkers, state, new Date())) {
      keys.push(linkKey(event.type, event.data as CoverageLinked));
      evolveLinks(state, event as unknown as EventEnvelope);
    }
  }
  return keys.sort();
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
 * every article and revision kept once, every link the articles call for and no other,
 * an alert for every linked article, and every alert received (its key once at least).
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
  const linkEvents = await storedLinkEvents(prisma);
  expect(linkEvents).toEqual(await expectedLinkEvents(prisma));
  expect(linkEvents.length).toBeGreaterThan(0);
  expect(totals.alertedArticles).toBe(totals.linkedArticles);
  expect(totals.alertsNotDelivered).toBe(0);
  expect(totals.keysReceived).toBe(totals.alerts);
  expect(totals.coverageLinks).toBe(new Set(linkEvents.map((key) => key.split(' ').filter((_, i) => i !== 0 && i !== 2).join(' '))).size);
  return totals;
}
