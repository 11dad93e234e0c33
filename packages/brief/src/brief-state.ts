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

/** Which collection of the state each kind of brief event writes, and under which key. */
const COLLECTIONS = {
  Topic: { map: (s: BriefState) => s.topics as Map<unknown, unknown>, key: (d: Record<string, unknown>) => d.topicId, tracksId: true },
  Claim: { map: (s: BriefState) => s.claims as Map<unknown, unknown>, key: (d: Record<string, unknown>) => d.claimId, tracksId: true },
  Citation: { map: (s: BriefState) => s.citations as Map<unknown, unknown>, key: (d: Record<string, unknown>) => d.number, tracksId: false },
} as const;

const EVENT_KINDS: Record<string, { collection: keyof typeof COLLECTIONS; removes: boolean }> = {
  TopicDefined: { collection: 'Topic', removes: false },
  TopicRevised: { collection: 'Topic', removes: false },
  TopicWithdrawn: { collection: 'Topic', removes: true },
  ClaimRecorded: { collection: 'Claim', removes: false },
  ClaimRevised: { collection: 'Claim', removes: false },
  ClaimWithdrawn: { collection: 'Claim', removes: true },
  CitationRecorded: { collection: 'Citation', removes: false },
  CitationRevised: { collection: 'Citation', removes: false },
  CitationWithdrawn: { collection: 'Citation', removes: true },
};

export function evolveBrief(state: BriefState, event: EventEnvelope): BriefState {
  const data = event.data as Record<string, unknown>;
  if (event.type === 'BriefImported') {
    return { ...state, version: data.version as number, contentHash: data.contentHash as string, outline: data.outline as BriefState['outline'] };
  }
  const kind = EVENT_KINDS[event.type];
  if (!kind) return state;
  const collection = COLLECTIONS[kind.collection];
  const key = collection.key(data);
  if (kind.removes) {
    collection.map(state).delete(key);
    return state;
  }
  // Revisions carry the full record plus the names of the fields that changed; the state keeps the record.
  collection.map(state).set(key, withoutChanged(data as { changed?: unknown }));
  if (collection.tracksId) state.usedIds.add(key as string);
  return state;
}
