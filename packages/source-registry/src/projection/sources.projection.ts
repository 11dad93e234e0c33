import { SourceRegisteredV1, type EventEnvelope, type SourceRegistered, type StreamCategory } from '@briefwatch/contracts';
import type { Prisma } from '@briefwatch/db';

/** Keeps the `sources` read model: one row per registered source. */
export const sourcesProjection = {
  name: 'sources',
  categories: ['source'] as StreamCategory[],
  async apply(tx: Prisma.TransactionClient, event: EventEnvelope): Promise<void> {
    if (event.type !== SourceRegisteredV1.type) return;
    const data = event.data as SourceRegistered;
    const row = {
      feedUrl: data.feedUrl,
      title: data.title,
      publisher: data.publisher,
      kind: data.kind,
      registeredAt: new Date(data.registeredAt),
      streamPosition: BigInt(event.streamPosition),
    };
    await tx.source.upsert({ where: { id: data.sourceId }, create: { id: data.sourceId, ...row }, update: row });
  },
};
