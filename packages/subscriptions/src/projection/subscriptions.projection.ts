import type { AlertFailed, EventEnvelope, StreamCategory, SubscriptionCreated, SubscriptionStatusChanged } from '@briefwatch/contracts';
import { Prisma } from '@briefwatch/db';

/** Keeps `subscriptions`: what each subscriber watches, where alerts go, its status, whether the endpoint fails. */
export const subscriptionsProjection = {
  name: 'subscriptions',
  categories: ['subscription'] as StreamCategory[],
  tables: ['subscriptions'],
  async apply(tx: Prisma.TransactionClient, event: EventEnvelope): Promise<void> {
    if (event.type === 'SubscriptionCreated') {
      const created = event.data as SubscriptionCreated;
      const target = created.target;
      const row = {
        name: created.name,
        targetKind: target.kind,
        briefId: target.kind === 'source' ? null : target.briefId,
        topicId: target.kind === 'topic' ? target.topicId : null,
        claimId: target.kind === 'claim' ? target.claimId : null,
        sourceId: target.kind === 'source' ? target.sourceId : null,
        query: target.kind === 'query' ? { topicIds: target.topicIds, claimIds: target.claimIds, terms: target.terms, excludeTerms: target.excludeTerms } : Prisma.DbNull,
        minScore: created.minScore,
        sourceIds: created.sourceIds,
        channelKind: created.channel.kind,
        channelUrl: created.channel.url,
        digestEvery: created.channel.kind === 'digest' ? created.channel.every : null,
        // Subscriptions created before health alerts existed notified about coverage only.
        notifyCoverage: created.notify?.coverage ?? true,
        notifyHealth: created.notify?.sourceHealth ?? false,
        createdAt: new Date(created.createdAt),
        streamPosition: BigInt(event.streamPosition),
      };
      await tx.subscription.upsert({ where: { id: created.subscriptionId }, create: { id: created.subscriptionId, ...row }, update: row });
    } else if (event.type === 'SubscriptionStatusChanged') {
      const changed = event.data as SubscriptionStatusChanged;
      await tx.subscription.updateMany({ where: { id: changed.subscriptionId }, data: { status: changed.status } });
    } else if (event.type === 'AlertFailed') {
      await tx.subscription.updateMany({ where: { id: (event.data as AlertFailed).subscriptionId }, data: { failing: true } });
    } else if (event.type === 'AlertDelivered') {
      await tx.subscription.updateMany({ where: { id: (event.data as { subscriptionId: string }).subscriptionId }, data: { failing: false } });
    }
  },
};
