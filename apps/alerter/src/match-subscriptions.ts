import type { CoverageLinked } from '@briefwatch/contracts';
import type { Subscription } from '@briefwatch/db';
import { answersQuery, type StoredQuery } from './saved-query.js';

/**
 * The subscriptions one link event matters to. A brief, topic or source subscription is
 * alerted by the link to the topic as a whole; a claim subscription by the link to its
 * claim; a saved query by either, as it says. So each (subscription, article revision) has
 * exactly one event that can alert it (per topic or claim).
 */
export function matchingSubscriptions(link: CoverageLinked, subscriptions: readonly Subscription[], articleSourceIds: readonly string[], articleText = ''): Subscription[] {
  return subscriptions.filter((subscription) => {
    if (subscription.status !== 'active' || !subscription.notifyCoverage || link.score < subscription.minScore) return false;
    if (subscription.sourceIds.length > 0 && !articleSourceIds.some((id) => subscription.sourceIds.includes(id))) return false;
    if (subscription.targetKind === 'source') return link.claimId === null && subscription.sourceId !== null && articleSourceIds.includes(subscription.sourceId);
    if (subscription.briefId !== link.briefId) return false;
    switch (subscription.targetKind) {
      case 'brief':
        return link.claimId === null;
      case 'topic':
        return link.claimId === null && subscription.topicId === link.topicId;
      case 'claim':
        return link.claimId !== null && subscription.claimId === link.claimId;
      case 'query':
        return subscription.query !== null && answersQuery(link, subscription.query as unknown as StoredQuery, articleText);
      default:
        return false;
    }
  });
}

/** The subscriptions told about a source's health: those watching it, by target or by source filter (no filter: every source). */
export function subscriptionsWatchingSource(sourceId: string, subscriptions: readonly Subscription[]): Subscription[] {
  return subscriptions.filter((subscription) => {
    if (subscription.status !== 'active' || !subscription.notifyHealth) return false;
    if (subscription.targetKind === 'source') return subscription.sourceId === sourceId;
    return subscription.sourceIds.length === 0 || subscription.sourceIds.includes(sourceId);
  });
}
