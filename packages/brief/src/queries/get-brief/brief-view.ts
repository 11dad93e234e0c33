import type { Brief, BriefCitation, BriefClaim, BriefTopic } from '@briefwatch/db';

export interface ClaimView {
  id: string;
  label: string | null;
  text: string;
  rawText: string;
  sectionId: string | null;
  citations: number[];
  notes: unknown;
  profile: unknown;
  children: ClaimView[];
}

export interface BriefView {
  id: string;
  title: string;
  version: number;
  importedAt: string;
  topics: Array<{
    id: string;
    title: string;
    rawTitle: string;
    sections: unknown;
    profile: unknown;
    citations: Array<{ number: number; publisher: string; publisherKey: string | null; venue: string | null; title: string; date: string | null; claimIds: string[]; citesTopic: boolean }>;
    claims: ClaimView[];
  }>;
}

/** The read model's rows, put back into the brief's shape (the shape `brief show --json` prints). */
export function toBriefView(brief: Brief, topics: BriefTopic[], claims: BriefClaim[], citations: BriefCitation[]): BriefView {
  const views = new Map<string, ClaimView>();
  const roots = new Map<string, ClaimView[]>();
  for (const claim of [...claims].sort((a, b) => a.position - b.position)) {
    const view: ClaimView = {
      id: claim.claimId,
      label: claim.label,
      text: claim.text,
      rawText: claim.rawText,
      sectionId: claim.sectionId,
      citations: claim.citations,
      notes: claim.notes,
      profile: claim.profile,
      children: [],
    };
    views.set(claim.claimId, view);
    const parent = claim.parentId ? views.get(claim.parentId) : undefined;
    if (parent) parent.children.push(view);
    else roots.set(claim.topicId, [...(roots.get(claim.topicId) ?? []), view]);
  }
  return {
    id: brief.id,
    title: brief.title,
    version: brief.version,
    importedAt: brief.importedAt.toISOString(),
    topics: [...topics]
      .sort((a, b) => a.position - b.position)
      .map((topic) => ({
        id: topic.topicId,
        title: topic.title,
        rawTitle: topic.rawTitle,
        sections: topic.sections,
        profile: topic.profile,
        citations: citations
          .filter((c) => c.topicId === topic.topicId)
          .sort((a, b) => a.number - b.number)
          .map((c) => ({
            number: c.number,
            publisher: c.publisher,
            publisherKey: c.publisherKey,
            venue: c.venue,
            title: c.title,
            date: c.date ? c.date.toISOString().slice(0, 10) : null,
            claimIds: c.claimIds,
            citesTopic: c.citesTopic,
          })),
        claims: roots.get(topic.topicId) ?? [],
      })),
  };
}
