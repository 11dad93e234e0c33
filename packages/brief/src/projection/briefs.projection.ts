import type { BriefImported, CitationData, ClaimData, EventEnvelope, OutlineClaim, StreamCategory, TopicData } from '@briefwatch/contracts';
import type { Prisma } from '@briefwatch/db';

type Tx = Prisma.TransactionClient;

function claimRow(data: ClaimData) {
  return {
    topicId: data.topicId,
    parentId: data.parentId,
    sectionId: data.sectionId,
    label: data.label,
    text: data.text,
    rawText: data.rawText,
    citations: data.citations,
    notes: data.notes as Prisma.InputJsonValue,
    profile: data.profile as unknown as Prisma.InputJsonValue,
    withdrawnAt: null,
  };
}

function topicRow(data: TopicData) {
  return {
    position: data.order,
    title: data.title,
    rawTitle: data.rawTitle,
    sections: data.sections as Prisma.InputJsonValue,
    profile: data.profile as unknown as Prisma.InputJsonValue,
    withdrawnAt: null,
  };
}

function citationRow(data: CitationData) {
  return {
    topicId: data.topicId,
    publisher: data.publisher,
    publisherKey: data.publisherKey,
    venue: data.venue,
    venueKey: data.venueKey,
    title: data.title,
    rawTitle: data.rawTitle,
    date: data.date ? new Date(`${data.date}T00:00:00Z`) : null,
    claimIds: data.claimIds,
    citesTopic: data.citesTopic,
    withdrawnAt: null,
  };
}

async function applyOutline(tx: Tx, imported: BriefImported): Promise<void> {
  let position = 0;
  const place = async (claims: OutlineClaim[], depth: number): Promise<void> => {
    for (const claim of claims) {
      position += 1;
      await tx.briefClaim.updateMany({ where: { briefId: imported.briefId, claimId: claim.claimId }, data: { position, depth } });
      await place(claim.children, depth + 1);
    }
  };
  for (const [index, topic] of imported.outline.entries()) {
    await tx.briefTopic.updateMany({ where: { briefId: imported.briefId, topicId: topic.topicId }, data: { position: index + 1 } });
    await place(topic.claims, 0);
  }
}

/** Keeps briefs, brief_topics, brief_claims and brief_citations from the brief's events. */
export const briefsProjection = {
  name: 'briefs',
  categories: ['brief'] as StreamCategory[],
  tables: ['briefs', 'brief_topics', 'brief_claims', 'brief_citations'],
  async apply(tx: Tx, event: EventEnvelope): Promise<void> {
    const data = event.data as Record<string, unknown> & { briefId: string };
    const briefId = data.briefId;
    const at = new Date(event.recordedAt);
    switch (event.type) {
      case 'TopicDefined':
      case 'TopicRevised': {
        const topic = data as unknown as TopicData;
        const row = topicRow(topic);
        await tx.briefTopic.upsert({ where: { briefId_topicId: { briefId, topicId: topic.topicId } }, create: { briefId, topicId: topic.topicId, ...row }, update: row });
        return;
      }
      case 'TopicWithdrawn':
        await tx.briefTopic.updateMany({ where: { briefId, topicId: data.topicId as string }, data: { withdrawnAt: at } });
        return;
      case 'ClaimRecorded':
      case 'ClaimRevised': {
        const claim = data as unknown as ClaimData;
        const row = claimRow(claim);
        await tx.briefClaim.upsert({ where: { briefId_claimId: { briefId, claimId: claim.claimId } }, create: { briefId, claimId: claim.claimId, ...row }, update: row });
        return;
      }
      case 'ClaimWithdrawn':
        await tx.briefClaim.updateMany({ where: { briefId, claimId: data.claimId as string }, data: { withdrawnAt: at } });
        return;
      case 'CitationRecorded':
      case 'CitationRevised': {
        const citation = data as unknown as CitationData;
        const row = citationRow(citation);
        await tx.briefCitation.upsert({ where: { briefId_number: { briefId, number: citation.number } }, create: { briefId, number: citation.number, ...row }, update: row });
        return;
      }
      case 'CitationWithdrawn':
        await tx.briefCitation.updateMany({ where: { briefId, number: data.number as number }, data: { withdrawnAt: at } });
        return;
      case 'BriefImported': {
        const imported = data as unknown as BriefImported;
        const row = {
          title: imported.title,
          version: imported.version,
          contentHash: imported.contentHash,
          fileName: imported.fileName,
          importedAt: new Date(imported.importedAt),
          streamPosition: BigInt(event.streamPosition),
        };
        await tx.brief.upsert({ where: { id: briefId }, create: { id: briefId, ...row }, update: row });
        await applyOutline(tx, imported);
        return;
      }
      default:
        return;
    }
  },
};
