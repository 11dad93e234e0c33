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
      // One statement (Prisma's upsert takes several round trips): a link made again replaces the old one.
      await tx.$executeRaw`
        INSERT INTO coverage_links (article_id, brief_id, topic_id, claim_key, article_revision, score, evidence, matcher_version, linked_at, retracted_at, retract_reason)
        VALUES (${link.articleId}::uuid, ${link.briefId}, ${link.topicId}, ${link.claimId ?? ''}, ${link.articleRevision}, ${link.score}, ${JSON.stringify(link.evidence)}::jsonb,
                ${link.matcherVersion}, ${new Date(link.linkedAt)}, NULL, NULL)
        ON CONFLICT (article_id, brief_id, topic_id, claim_key) DO UPDATE SET
          article_revision = EXCLUDED.article_revision, score = EXCLUDED.score, evidence = EXCLUDED.evidence,
          matcher_version = EXCLUDED.matcher_version, linked_at = EXCLUDED.linked_at, retracted_at = NULL, retract_reason = NULL`;
    } else if (event.type === 'LinkRetracted') {
      const retraction = event.data as LinkRetracted;
      await tx.coverageLink.updateMany({
        where: { articleId: retraction.articleId, briefId: retraction.briefId, topicId: retraction.topicId, claimKey: retraction.claimId ?? '' },
        data: { retractedAt: new Date(retraction.retractedAt), retractReason: retraction.reason },
      });
    }
  },
};
