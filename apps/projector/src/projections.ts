import type { EventEnvelope, StreamCategory } from '@briefwatch/contracts';
import type { Prisma } from '@briefwatch/db';
import { articlesProjection, linksProjection } from '@briefwatch/articles';
import { briefsProjection } from '@briefwatch/brief';
import { sourcePollsProjection, sourcesProjection } from '@briefwatch/source-registry';
import { subscriptionsProjection } from '@briefwatch/subscriptions';

/** A read model kept from events: which categories it reads and how it applies one event. */
export interface Projection {
  name: string;
  categories: StreamCategory[];
  apply(tx: Prisma.TransactionClient, event: EventEnvelope): Promise<void>;
}

/** Every read model the projector keeps. */
export const PROJECTIONS: readonly Projection[] = [sourcesProjection, sourcePollsProjection, briefsProjection, articlesProjection, linksProjection, subscriptionsProjection];
