import type { CoverageLinked, LinkRetracted } from '@briefwatch/contracts';
import type { PrismaClient } from '@briefwatch/db';

/** One article's link to a claim or topic, as the timeline shows it. */
export interface TimelineLink {
  articleId: string;
  articleRevision: number;
  score: number;
  evidence: unknown;
  linkedAt: Date;
  retractedAt: Date | null;
  retractReason: string | null;
}

export interface LinkTarget {
  briefId: string;
  topicId: string | null;
  claimId: string | null;
}

/** The links as they stand now, from the `coverage_links` read model. */
export async function currentLinks(prisma: PrismaClient, target: LinkTarget, includeRetracted: boolean): Promise<TimelineLink[]> {
  const rows = await prisma.coverageLink.findMany({
    where: { briefId: target.briefId, claimKey: target.claimId ?? '', ...(target.topicId ? { topicId: target.topicId } : {}), ...(includeRetracted ? {} : { retractedAt: null }) },
  });
  return rows.map((row) => ({ ...row, evidence: row.evidence }));
}

/**
 * The links as they stood at `asOf`, from the event store itself: for each article, the last
 * CoverageLinked or LinkRetracted for this target recorded by then. The read model keeps
 * only the latest state; the events keep every state.
 */
export async function linksAsOf(prisma: PrismaClient, target: LinkTarget, asOf: Date, includeRetracted: boolean): Promise<TimelineLink[]> {
  const rows = await prisma.$queryRaw<Array<{ type: string; data: CoverageLinked | LinkRetracted; recorded_at: Date }>>`
    SELECT DISTINCT ON (stream_id) type, data, recorded_at FROM events
    WHERE type IN ('CoverageLinked', 'LinkRetracted') AND recorded_at <= ${asOf}
      AND data->>'briefId' = ${target.briefId} AND coalesce(data->>'claimId', '') = ${target.claimId ?? ''}
      AND (${target.topicId}::text IS NULL OR data->>'topicId' = ${target.topicId})
    ORDER BY stream_id, global_position DESC`;
  const linked = new Map<string, TimelineLink>();
  // A retraction carries no score or evidence: they come from the link it retracts.
  const lastLinks = await prisma.$queryRaw<Array<{ data: CoverageLinked; recorded_at: Date }>>`
    SELECT DISTINCT ON (stream_id) data, recorded_at FROM events
    WHERE type = 'CoverageLinked' AND recorded_at <= ${asOf}
      AND data->>'briefId' = ${target.briefId} AND coalesce(data->>'claimId', '') = ${target.claimId ?? ''}
      AND (${target.topicId}::text IS NULL OR data->>'topicId' = ${target.topicId})
    ORDER BY stream_id, global_position DESC`;
  for (const { data, recorded_at } of lastLinks) {
    linked.set(data.articleId, { articleId: data.articleId, articleRevision: data.articleRevision, score: data.score, evidence: data.evidence, linkedAt: recorded_at, retractedAt: null, retractReason: null });
  }
  const result: TimelineLink[] = [];
  for (const row of rows) {
    const link = linked.get(row.data.articleId);
    if (!link) continue;
    if (row.type === 'LinkRetracted') {
      if (!includeRetracted) continue;
      result.push({ ...link, retractedAt: row.recorded_at, retractReason: (row.data as LinkRetracted).reason });
    } else {
      result.push(link);
    }
  }
  return result;
}
