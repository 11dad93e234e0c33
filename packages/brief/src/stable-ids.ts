import type { BriefClaim, BriefTopic, ParsedBrief } from './brief-model.js';
import { flattenClaims } from './brief-model.js';
import type { BriefState } from './brief-state.js';

/** Character-bigram overlap (Dice): how alike two lines of text are, from 0 to 1. */
export function similarity(a: string, b: string): number {
  const grams = (text: string) => {
    const clean = text.replace(/\s+/g, ' ').trim();
    const counts = new Map<string, number>();
    for (let i = 0; i < clean.length - 1; i += 1) {
      const gram = clean.slice(i, i + 2);
      counts.set(gram, (counts.get(gram) ?? 0) + 1);
    }
    return counts;
  };
  const ga = grams(a);
  const gb = grams(b);
  let overlap = 0;
  let total = 0;
  for (const [gram, count] of ga) {
    overlap += Math.min(count, gb.get(gram) ?? 0);
    total += count;
  }
  for (const count of gb.values()) total += count;
  return total === 0 ? (a === b ? 1 : 0) : (2 * overlap) / total;
}

/** An edited claim still reads mostly the same; below this it is taken as a different claim. */
const SAME_CLAIM_SIMILARITY = 0.6;

function nextId(prefix: string, used: Set<string>): string {
  let n = 1;
  while (used.has(`${prefix}${n}`)) n += 1;
  const id = `${prefix}${n}`;
  used.add(id);
  return id;
}

/**
 * Gives the topics and claims of a newly parsed version the ids they had in the stored
 * brief: a topic by its heading (or its place), a claim by identical text, else by the
 * most similar text of the same topic. What matches nothing gets an id never used before.
 */
export function alignWithStoredBrief(parsed: ParsedBrief, state: BriefState): ParsedBrief {
  if (state.version === 0) return parsed;
  const used = new Set(state.usedIds);
  const topicIds = new Map<string, string>();
  const storedTopics = [...state.topics.values()];
  const takenTopics = new Set<string>();

  for (const topic of parsed.topics) {
    const stored =
      storedTopics.find((t) => !takenTopics.has(t.topicId) && t.rawTitle === topic.rawTitle) ??
      storedTopics.find((t) => !takenTopics.has(t.topicId) && t.order === topic.order && similarity(t.title, topic.title) >= SAME_CLAIM_SIMILARITY);
    const id = stored?.topicId ?? nextId('t', used);
    if (stored) takenTopics.add(stored.topicId);
    topicIds.set(topic.id, id);
  }

  const claimIds = new Map<string, string>();
  for (const topic of parsed.topics) {
    const stableTopic = topicIds.get(topic.id)!;
    const candidates = [...state.claims.values()].filter((c) => c.topicId === stableTopic);
    const taken = new Set<string>();
    const fresh = flattenClaims(topic.claims);
    for (const claim of fresh) {
      const same = candidates.find((c) => !taken.has(c.claimId) && c.rawText === claim.rawText);
      if (same) {
        taken.add(same.claimId);
        claimIds.set(claim.id, same.claimId);
      }
    }
    const pairs = fresh
      .filter((claim) => !claimIds.has(claim.id))
      .flatMap((claim) => candidates.filter((c) => !taken.has(c.claimId)).map((c) => ({ claim, stored: c, score: similarity(claim.text, c.text) })))
      .filter((pair) => pair.score >= SAME_CLAIM_SIMILARITY)
      .sort((a, b) => b.score - a.score);
    for (const { claim, stored } of pairs) {
      if (claimIds.has(claim.id) || taken.has(stored.claimId)) continue;
      taken.add(stored.claimId);
      claimIds.set(claim.id, stored.claimId);
    }
    for (const claim of fresh) {
      if (claimIds.has(claim.id)) continue;
      const parentStable = claim.parentId ? claimIds.get(claim.parentId)! : null;
      claimIds.set(claim.id, nextId(parentStable ? `${parentStable}.` : `${stableTopic}.c`, used));
    }
  }

  const topicOf = (id: string) => topicIds.get(id) ?? id;
  const sectionOf = (id: string | null) => (id === null ? null : id.replace(/^t\d+/, (t) => topicOf(t)));
  const renameClaim = (claim: BriefClaim): BriefClaim => ({
    ...claim,
    id: claimIds.get(claim.id)!,
    topicId: topicOf(claim.topicId),
    parentId: claim.parentId ? claimIds.get(claim.parentId)! : null,
    sectionId: sectionOf(claim.sectionId),
    children: claim.children.map(renameClaim),
  });
  const renameTopic = (topic: BriefTopic): BriefTopic => ({
    ...topic,
    id: topicOf(topic.id),
    sections: topic.sections.map((s) => ({ ...s, id: sectionOf(s.id)! })),
    claims: topic.claims.map(renameClaim),
    citations: topic.citations.map((c) => ({ ...c, topicId: topicOf(c.topicId), claimIds: c.claimIds.map((id) => claimIds.get(id)!) })),
  });
  return { ...parsed, topics: parsed.topics.map(renameTopic) };
}
