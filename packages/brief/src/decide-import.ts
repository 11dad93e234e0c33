import {
  BriefImportedV1,
  CitationRecordedV1,
  CitationRevisedV1,
  CitationWithdrawnV1,
  ClaimRecordedV1,
  ClaimRevisedV1,
  ClaimWithdrawnV1,
  TopicDefinedV1,
  TopicRevisedV1,
  TopicWithdrawnV1,
  type CitationData,
  type ClaimData,
  type NewEvent,
  type OutlineClaim,
  type TopicData,
} from '@briefwatch/contracts';
import type { BriefDocument, ProfiledClaim } from './brief-document.js';
import { flattenProfiledClaims } from './brief-document.js';
import type { BriefState } from './brief-state.js';

export interface ImportBriefDecision {
  briefId: string;
  document: BriefDocument;
  fileName: string | null;
  now: Date;
}

/** What an import changed, for the person who ran it. */
export interface ImportSummary {
  briefId: string;
  version: number;
  unchanged: boolean;
  added: string[];
  revised: Array<{ id: string; changed: string[] }>;
  withdrawn: string[];
  counts: { topics: number; claims: number; citations: number };
}

type Keyed<T> = Map<string, T>;

/** JSON with keys sorted: two records are the same when these strings are. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v as object).sort(([a], [b]) => a.localeCompare(b))) : v,
  );
}

function changedFields<T extends object>(before: T, after: T): string[] {
  return Object.keys(after).filter((key) => canonical((before as Record<string, unknown>)[key]) !== canonical((after as Record<string, unknown>)[key]));
}

function outlineOf(claims: readonly ProfiledClaim[]): OutlineClaim[] {
  return claims.map((claim) => ({ claimId: claim.id, children: outlineOf(claim.children) }));
}

function recordsOf(briefId: string, document: BriefDocument) {
  const topics: Keyed<TopicData> = new Map();
  const claims: Keyed<ClaimData> = new Map();
  const citations: Keyed<CitationData> = new Map();
  for (const topic of document.topics) {
    topics.set(topic.id, {
      briefId,
      topicId: topic.id,
      order: topic.order,
      title: topic.title,
      rawTitle: topic.rawTitle,
      sections: topic.sections.map((s) => ({ id: s.id, title: s.title, rawTitle: s.rawTitle })),
      profile: topic.profile,
    });
    for (const claim of flattenProfiledClaims(topic.claims)) {
      claims.set(claim.id, {
        briefId,
        claimId: claim.id,
        topicId: claim.topicId,
        parentId: claim.parentId,
        sectionId: claim.sectionId,
        label: claim.label,
        text: claim.text,
        rawText: claim.rawText,
        citations: claim.citations,
        notes: claim.notes.map((n) => ({ text: n.text, rawText: n.rawText, citations: n.citations })),
        profile: claim.profile,
      });
    }
    for (const c of topic.citations) {
      citations.set(String(c.number), {
        briefId,
        number: c.number,
        topicId: c.topicId,
        publisher: c.publisher,
        publisherKey: c.publisherKey,
        venue: c.venue,
        venueKey: c.venueKey,
        title: c.title,
        rawTitle: c.rawTitle,
        date: c.date,
        claimIds: c.claimIds,
        citesTopic: c.citesTopic,
      });
    }
  }
  return { topics, claims, citations };
}

interface Kind<T> {
  recorded: { type: string; schemaVersion: number };
  revised: { type: string; schemaVersion: number };
  withdrawn: { type: string; schemaVersion: number };
  idOf(record: T): string;
  withdrawal(briefId: string, id: string): object;
}

function diff<T extends object>(before: Keyed<T>, after: Keyed<T>, kind: Kind<T>, briefId: string, summary: ImportSummary): NewEvent[] {
  const events: NewEvent[] = [];
  for (const [key, record] of after) {
    const previous = before.get(key);
    if (!previous) {
      events.push({ type: kind.recorded.type, schemaVersion: kind.recorded.schemaVersion, data: record });
      summary.added.push(kind.idOf(record));
      continue;
    }
    const changed = changedFields(previous, record);
    if (changed.length > 0) {
      events.push({ type: kind.revised.type, schemaVersion: kind.revised.schemaVersion, data: { ...record, changed } });
      summary.revised.push({ id: kind.idOf(record), changed });
    }
  }
  for (const [key, record] of before) {
    if (after.has(key)) continue;
    events.push({ type: kind.withdrawn.type, schemaVersion: kind.withdrawn.schemaVersion, data: kind.withdrawal(briefId, kind.idOf(record)) });
    summary.withdrawn.push(kind.idOf(record));
  }
  return events;
}

const TOPIC: Kind<TopicData> = {
  recorded: TopicDefinedV1,
  revised: TopicRevisedV1,
  withdrawn: TopicWithdrawnV1,
  idOf: (t) => t.topicId,
  withdrawal: (briefId, topicId) => ({ briefId, topicId }),
};
const CLAIM: Kind<ClaimData> = {
  recorded: ClaimRecordedV1,
  revised: ClaimRevisedV1,
  withdrawn: ClaimWithdrawnV1,
  idOf: (c) => c.claimId,
  withdrawal: (briefId, claimId) => ({ briefId, claimId }),
};
const CITATION: Kind<CitationData> = {
  recorded: CitationRecordedV1,
  revised: CitationRevisedV1,
  withdrawn: CitationWithdrawnV1,
  idOf: (c) => `citation ${c.number}`,
  withdrawal: (briefId, id) => ({ briefId, number: Number(id.replace('citation ', '')) }),
};

/**
 * The events one import of a brief appends: nothing when the brief (and its profiles) are
 * as stored; otherwise each topic, claim and citation that was added, revised or
 * withdrawn, then BriefImported, which closes the version with its outline (the order of
 * everything in it). Ids were aligned with the stored brief beforehand.
 */
export function decideImportBrief(command: ImportBriefDecision, state: BriefState): { events: NewEvent[]; summary: ImportSummary } {
  const { briefId, document } = command;
  const after = recordsOf(briefId, document);
  const outline = document.topics.map((topic) => ({ topicId: topic.id, claims: outlineOf(topic.claims) }));
  const summary: ImportSummary = {
    briefId,
    version: state.version,
    unchanged: true,
    added: [],
    revised: [],
    withdrawn: [],
    counts: { topics: after.topics.size, claims: after.claims.size, citations: after.citations.size },
  };
  const changes = [
    ...diff(state.topics, after.topics, TOPIC, briefId, summary),
    ...diff(state.claims, after.claims, CLAIM, briefId, summary),
    ...diff(new Map([...state.citations].map(([n, c]) => [String(n), c])), after.citations, CITATION, briefId, summary),
  ];
  const sameContent = state.contentHash === document.contentHash && canonical(state.outline) === canonical(outline);
  if (changes.length === 0 && sameContent) return { events: [], summary };

  summary.unchanged = false;
  summary.version = state.version + 1;
  const imported: NewEvent = {
    type: BriefImportedV1.type,
    schemaVersion: BriefImportedV1.schemaVersion,
    data: {
      briefId,
      version: summary.version,
      title: document.title,
      rawTitle: document.rawTitle,
      fileName: command.fileName,
      contentHash: document.contentHash,
      outline,
      importedAt: command.now.toISOString(),
    },
  };
  return { events: [...changes, imported], summary };
}
