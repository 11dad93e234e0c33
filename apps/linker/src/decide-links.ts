import { CoverageLinkedV1, LinkRetractedV1, type ArticleContent, type CoverageLinked, type EventEnvelope, type NewEvent } from '@briefwatch/contracts';
import { plainText } from '@briefwatch/feeds';
import { MATCHER_VERSION, type Linker } from '@briefwatch/linking';

/** At most this many claims per linked topic: the ones the article develops most. */
export const CLAIMS_PER_TOPIC = 3;
/** A claim below this calibrated score is not named even when its topic is linked. */
export const CLAIM_THRESHOLD = 0.1;

export type LinkKey = string;
const keyOf = (briefId: string, topicId: string, claimId: string | null): LinkKey => `${briefId} ${topicId} ${claimId ?? ''}`;

/**
 * What an article's link stream says now: the links it holds, and the newest article version
 * any link or retraction answered for (a retraction of every link still records that its
 * version was decided).
 */
export interface LinkState {
  links: Map<LinkKey, { revision: number; data: CoverageLinked }>;
  decidedRevision: number;
}

export function evolveLinks(state: LinkState, event: EventEnvelope): LinkState {
  const data = event.data as CoverageLinked;
  if (event.type === CoverageLinkedV1.type) state.links.set(keyOf(data.briefId, data.topicId, data.claimId), { revision: data.articleRevision, data });
  else if (event.type === LinkRetractedV1.type) state.links.delete(keyOf(data.briefId, data.topicId, data.claimId));
  else return state;
  state.decidedRevision = Math.max(state.decidedRevision, data.articleRevision);
  return state;
}

export const linkModel = { initial: (): LinkState => ({ links: new Map(), decidedRevision: 0 }), evolve: evolveLinks };

/**
 * The link events one version of an article calls for: a link for each topic (and its best
 * claims) it develops now that it did not before, or whose evidence a revision or a newer
 * matcher renewed; a
 * retraction for each link it no longer supports.
 */
export function decideLinks(
  article: ArticleContent & { revision?: number },
  linkers: ReadonlyArray<{ briefId: string; linker: Linker }>,
  state: LinkState,
  now: Date,
  options: { retractReason?: string } = {},
): NewEvent[] {
  const revision = article.revision ?? 1;
  // A version older than one already decided decides nothing: a re-link of the stored articles
  // ran ahead of the article's own events, or the older event was set aside and tried again
  // after the newer one. Deciding it would link the old version (even after the newer one
  // retracted every link) and then, when the newer one came again, link that a second time.
  if (state.decidedRevision > revision) return [];
  const wanted = new Map<LinkKey, CoverageLinked>();
  for (const { briefId, linker } of linkers) {
    const result = linker.link({ id: article.articleId, title: article.title, summary: article.summary, content: plainText(article.content, 20_000) });
    for (const topic of result.topics) {
      const base = { articleId: article.articleId, articleRevision: revision, briefId, topicId: topic.topicId, matcherVersion: MATCHER_VERSION, linkedAt: now.toISOString() };
      wanted.set(keyOf(briefId, topic.topicId, null), { ...base, claimId: null, score: topic.score, evidence: topic.evidence.slice(0, 10) });
      for (const claim of result.claims.filter((c) => c.topicId === topic.topicId && c.score >= CLAIM_THRESHOLD).slice(0, CLAIMS_PER_TOPIC)) {
        wanted.set(keyOf(briefId, topic.topicId, claim.id), { ...base, claimId: claim.id, score: claim.score, evidence: claim.evidence.slice(0, 10) });
      }
    }
  }
  const events: NewEvent[] = [];
  for (const [key, link] of wanted) {
    const held = state.links.get(key);
    // A link is made again for a new revision of the article, or by a newer matcher.
    if (!held || held.revision !== revision || held.data.matcherVersion !== MATCHER_VERSION) events.push({ type: CoverageLinkedV1.type, schemaVersion: 1, data: link });
  }
  for (const [key, held] of state.links) {
    if (wanted.has(key)) continue;
    const { articleId, briefId, topicId, claimId } = held.data;
    events.push({
      type: LinkRetractedV1.type,
      schemaVersion: 1,
      data: { articleId, articleRevision: revision, briefId, topicId, claimId, reason: options.retractReason ?? `revision ${revision} of the article no longer supports this link`, matcherVersion: MATCHER_VERSION, retractedAt: now.toISOString() },
    });
  }
  return events;
}
