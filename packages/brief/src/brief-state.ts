import type { CitationData, ClaimData, EventEnvelope, OutlineClaim, TopicData } from '@briefwatch/contracts';

/** What the import rules need to know about a brief, folded from its stream. */
export interface BriefState {
  version: number;
  contentHash: string | null;
  topics: Map<string, TopicData>;
  claims: Map<string, ClaimData>;
  citations: Map<number, CitationData>;
  outline: Array<{ topicId: string; claims: OutlineClaim[] }>;
  /** Every id ever given, withdrawn ones too: a new claim never reuses an old claim's id. */
  usedIds: Set<string>;
}

export function initialBriefState(): BriefState {
  return { version: 0, contentHash: null, topics: new Map(), claims: new Map(), citations: new Map(), outline: [], usedIds: new Set() };
}

function withoutChanged<T extends { changed?: unknown }>(data: T): Omit<T, 'changed'> {
  const { changed: _changed, ...rest } = data;
  return rest;
}

export function evolveBrief(state: BriefState, event: EventEnvelope): BriefState {
  const data = event.data as Record<string, unknown>;
  switch (event.type) {
    case 'BriefImported':
      return { ...state, version: data.version as number, contentHash: data.contentHash as string, outline: data.outline as BriefState['outline'] };
    case 'TopicDefined':
    case 'TopicRevised': {
      const topic = withoutChanged(data as unknown as TopicData & { changed?: string[] });
      state.topics.set(topic.topicId, topic);
      state.usedIds.add(topic.topicId);
      return state;
    }
    case 'TopicWithdrawn':
      state.topics.delete(data.topicId as string);
      return state;
    case 'ClaimRecorded':
    case 'ClaimRevised': {
      const claim = withoutChanged(data as unknown as ClaimData & { changed?: string[] });
      state.claims.set(claim.claimId, claim);
      state.usedIds.add(claim.claimId);
      return state;
    }
    case 'ClaimWithdrawn':
      state.claims.delete(data.claimId as string);
      return state;
    case 'CitationRecorded':
    case 'CitationRevised': {
      const citation = withoutChanged(data as unknown as CitationData & { changed?: string[] });
      state.citations.set(citation.number, citation);
      return state;
    }
    case 'CitationWithdrawn':
      state.citations.delete(data.number as number);
      return state;
    default:
      return state;
  }
}
