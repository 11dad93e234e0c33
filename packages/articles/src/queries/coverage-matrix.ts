import type { PrismaClient } from '@briefwatch/db';
import { ProblemError } from '@briefwatch/service-kit';

export interface CoverageMatrix {
  briefId: string;
  /** A claim is quiet when nothing linked to it was dated within `quietDays` of now. */
  quietDays: number;
  claims: Array<{ claimId: string; topicId: string; label: string | null; text: string; total: number; last: string | null; quiet: boolean }>;
  sources: Array<{ sourceId: string; title: string; publisher: string | null; total: number }>;
  /** Only the cells with coverage: how many articles from the source followed up the claim, and the latest. */
  cells: Array<{ claimId: string; sourceId: string; count: number; last: string }>;
}

/**
 * Claims × sources: who followed up which claim, how often, how recently, and which claims
 * have gone quiet. Counts live (not retracted) links; an article carried by two sources
 * counts for both.
 */
export async function coverageMatrix(prisma: PrismaClient, briefId: string, quietDays: number, now = new Date()): Promise<CoverageMatrix> {
  const brief = await prisma.brief.findUnique({ where: { id: briefId }, select: { id: true } });
  if (!brief) throw new ProblemError('BRIEF.NOT_FOUND', `no brief ${briefId}`);
  const [claims, cells, sources] = await Promise.all([
    prisma.briefClaim.findMany({ where: { briefId, withdrawnAt: null }, orderBy: { position: 'asc' } }),
    prisma.$queryRaw<Array<{ claim_id: string; source_id: string; count: number; last: Date }>>`
      SELECT links.claim_key AS claim_id, carried.source_id::text, count(*)::int AS count, max(coalesce(articles.published, links.linked_at)) AS last
      FROM coverage_links AS links
      JOIN article_sources AS carried ON carried.article_id = links.article_id
      JOIN articles ON articles.id = links.article_id
      WHERE links.brief_id = ${briefId} AND links.claim_key <> '' AND links.retracted_at IS NULL
      GROUP BY links.claim_key, carried.source_id`,
    prisma.source.findMany({ where: { status: { not: 'removed' } }, orderBy: { title: 'asc' } }),
  ]);
  const quietBefore = now.getTime() - quietDays * 86_400_000;
  const totals = (key: 'claim_id' | 'source_id', id: string) => cells.filter((c) => c[key] === id).reduce((sum, c) => sum + c.count, 0);
  const lastOf = (claimId: string) => cells.filter((c) => c.claim_id === claimId).reduce<Date | null>((latest, c) => (!latest || c.last > latest ? c.last : latest), null);
  return {
    briefId,
    quietDays,
    claims: claims.map((claim) => {
      const last = lastOf(claim.claimId);
      return { claimId: claim.claimId, topicId: claim.topicId, label: claim.label, text: claim.text, total: totals('claim_id', claim.claimId), last: last?.toISOString() ?? null, quiet: !last || last.getTime() < quietBefore };
    }),
    sources: sources.map((s) => ({ sourceId: s.id, title: s.title, publisher: s.publisher, total: totals('source_id', s.id) })),
    cells: cells.map((c) => ({ claimId: c.claim_id, sourceId: c.source_id, count: c.count, last: c.last.toISOString() })),
  };
}
