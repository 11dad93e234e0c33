import type { DigestPeriod } from '@briefwatch/contracts';

/**
 * The end of the last full period before `now` (UTC): a digest sends what was queued before
 * it. Hourly digests go out on the hour, daily ones at midnight UTC.
 */
export function digestCutoff(now: Date, every: DigestPeriod): Date {
  const cutoff = new Date(now);
  cutoff.setUTCMinutes(0, 0, 0);
  if (every === 'daily') cutoff.setUTCHours(0);
  return cutoff;
}

/** One alert folded into a digest: what the alert said about its article, and where it belongs. */
export interface DigestItem {
  alertId: string;
  queuedAt: string;
  topicId: string;
  /** The claim a claim subscription's alert was about; null for a topic-level alert. */
  claimId: string | null;
  /** The claims of the topic the article was also linked to (for topic-level alerts). */
  linkedClaimIds: string[];
  article: unknown;
  score: number;
}

export interface DigestTopic {
  topicId: string;
  title: string | null;
  /** Articles linked to the topic but to none of its claims. */
  articles: unknown[];
  claims: Array<{ claimId: string; text: string | null; articles: unknown[] }>;
}

/**
 * Groups a digest's items by topic, then by claim, in the brief's order: an article linked
 * to two claims of a topic appears under both; one linked to none, under the topic itself.
 */
export function groupDigest(items: readonly DigestItem[], topicTitles: ReadonlyMap<string, string>, claimTexts: ReadonlyMap<string, string>, order: (a: string, b: string) => number): DigestTopic[] {
  const topics = new Map<string, DigestTopic>();
  for (const item of items) {
    const topic = topics.get(item.topicId) ?? { topicId: item.topicId, title: topicTitles.get(item.topicId) ?? null, articles: [], claims: [] };
    topics.set(item.topicId, topic);
    const claimIds = item.claimId ? [item.claimId] : item.linkedClaimIds;
    const entry = { ...(item.article as object), score: item.score, alertId: item.alertId, queuedAt: item.queuedAt };
    if (claimIds.length === 0) topic.articles.push(entry);
    for (const claimId of claimIds) {
      let claim = topic.claims.find((c) => c.claimId === claimId);
      if (!claim) topic.claims.push((claim = { claimId, text: claimTexts.get(claimId) ?? null, articles: [] }));
      claim.articles.push(entry);
    }
  }
  const sorted = [...topics.values()].sort((a, b) => order(a.topicId, b.topicId));
  for (const topic of sorted) topic.claims.sort((a, b) => order(a.claimId, b.claimId));
  return sorted;
}

/** t2.c10 after t2.c9: ids compared number by number. */
export function outlineOrder(a: string, b: string): number {
  const parts = (id: string) => id.split(/[.a-z]+/).filter(Boolean).map(Number);
  const pa = parts(a);
  const pb = parts(b);
  for (let i = 0; i < Math.max(pa.length, pb.length); i += 1) {
    const diff = (pa[i] ?? -1) - (pb[i] ?? -1);
    if (diff !== 0) return diff;
  }
  return 0;
}
