import type { CoverageLinked } from '@briefwatch/contracts';
import type { Subscription } from '@briefwatch/db';

/**
 * The subscriptions one link event matters to. A brief or topic subscription is alerted by
 * the link to the topic as a whole; a claim subscription by the link to its claim. So each
 * (subscription, article revision) has exactly one event that can alert it.
 */
export function matchingSubscriptions(link: CoverageLinked, subscriptions: readonly Subscription[], articleSourceIds: readonly string[]): Subscription[] {
  return subscriptions.filter((subscription) => {
    if (subscription.status !== 'active' || subscription.briefId !== link.briefId || link.score < subscription.minScore) return false;
    if (subscription.sourceIds.length > 0 && !articleSourceIds.some((id) => subscription.sourceIds.includes(id))) return false;
    switch (subscription.targetKind) {
      case 'brief':
        return link.claimId === null;
      case 'topic':
        return link.claimId === null && subscription.topicId === link.topicId;
      case 'claim':
        return link.claimId !== null && subscription.claimId === link.claimId;
      default:
        return false;
    }
  });
}
