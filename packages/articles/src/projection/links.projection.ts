import type { CoverageLinked, EventEnvelope, LinkRetracted, StreamCategory } from '@briefwatch/contracts';
import type { Prisma } from '@briefwatch/db';

type Tx = Prisma.TransactionClient;
const keyOf = (link: CoverageLinked) => `${link.articleId} ${link.briefId} ${link.topicId} ${link.claimId ?? ''}`;

/** Links made (or made again: a link made again replaces the old one), many in one statement. */
async function upsertLinks(tx: Tx, links: readonly CoverageLinked[]): Promise<void> {
  if (links.length === 0) return;
  await tx.$executeRaw`
    INSERT INTO coverage_links (article_id, brief_id, topic_id, claim_key, article_revision, score, evidence, matcher_version, linked_at, retracted_at, retract_reason)
    SELECT l.article_id, l.brief_id, l.topic_id, l.claim_key, l.article_revision, l.score, l.evidence, l.matcher_version, l.linked_at, NULL, NULL
    FROM unnest(${links.map((l) => l.articleId)}::uuid[], ${links.map((l) => l.briefId)}::text[], ${links.map((l) => l.topicId)}::text[], ${links.map((l) => l.claimId ?? '')}::text[],
                ${links.map((l) => l.articleRevision)}::int[], ${links.map((l) => l.score)}::float8[], ${links.map((l) => JSON.stringify(l.evidence))}::jsonb[],
                ${links.map((l) => l.matcherVersion)}::text[], ${links.map((l) => new Date(l.linkedAt))}::timestamptz[])
      AS l(article_id, brief_id, topic_id, claim_key, article_revision, score, evidence, matcher_version, linked_at)
    ON CONFLICT (article_id, brief_id, topic_id, claim_key) DO UPDATE SET
      article_revision = EXCLUDED.article_revision, score = EXCLUDED.score, evidence = EXCLUDED.evidence,
      matcher_version = EXCLUDED.matcher_version, linked_at = EXCLUDED.linked_at, retracted_at = NULL, retract_reason = NULL`;
}

async function retract(tx: Tx, retraction: LinkRetracted): Promise<void> {
  await tx.coverageLink.updateMany({
    where: { articleId: retraction.articleId, briefId: retraction.briefId, topicId: retraction.topicId, claimKey: retraction.claimId ?? '' },
    data: { retractedAt: new Date(retraction.retractedAt), retractReason: retraction.reason },
  });
}

/** Keeps `coverage_links`: what each article develops, with score and evidence; retractions marked. */
export const linksProjection = {
  name: 'links',
  categories: ['link'] as StreamCategory[],
  tables: ['coverage_links'],
  async apply(tx: Tx, event: EventEnvelope): Promise<void> {
    await linksProjection.applyBatch(tx, [event]);
  },
  /** Consecutive links are written in one statement (the last of a key wins, as one by one); a retraction waits for those before it. */
  async applyBatch(tx: Tx, events: readonly EventEnvelope[]): Promise<void> {
    let run = new Map<string, CoverageLinked>();
    for (const event of events) {
      if (event.type === 'CoverageLinked') {
        const link = event.data as CoverageLinked;
        run.delete(keyOf(link));
        run.set(keyOf(link), link);
      } else if (event.type === 'LinkRetracted') {
        await upsertLinks(tx, [...run.values()]);
        run = new Map();
        await retract(tx, event.data as LinkRetracted);
      }
    }
    await upsertLinks(tx, [...run.values()]);
  },
};
