import type { CoverageLinked, EventEnvelope, LinkRetracted, StreamCategory } from '@briefwatch/contracts';
import type { Prisma } from '@briefwatch/db';

/** Keeps `coverage_links`: what each article develops, with score and evidence; retractions marked. */
export const linksProjection = {
  name: 'links',
  categories: ['link'] as StreamCategory[],
  tables: ['coverage_links'],
  async apply(tx: Prisma.TransactionClient, event: EventEnvelope): Promise<void> {
    if (event.type === 'CoverageLinked') {
      const link = event.data as CoverageLinked;
      const key = { articleId: link.articleId, briefId: link.briefId, topicId: link.topicId, claimKey: link.claimId ?? '' };
      const row = {
        articleRevision: link.articleRevision,
        score: link.score,
        evidence: link.evidence as Prisma.InputJsonValue,
        matcherVersion: link.matcherVersion,
        linkedAt: new Date(link.linkedAt),
        retractedAt: null,
        retractReason: null,
      };
      await tx.coverageLink.upsert({ where: { articleId_briefId_topicId_claimKey: key }, create: { ...key, ...row }, update: row });
    } else if (event.type === 'LinkRetracted') {
      const retraction = event.data as LinkRetracted;
      await tx.coverageLink.updateMany({
        where: { articleId: retraction.articleId, briefId: retraction.briefId, topicId: retraction.topicId, claimKey: retraction.claimId ?? '' },
        data: { retractedAt: new Date(retraction.retractedAt), retractReason: retraction.reason },
      });
    }
  },
};
