import type { EventEnvelope, StreamCategory } from '@briefwatch/contracts';
import type { Prisma } from '@briefwatch/db';
import { ProblemError } from '@briefwatch/service-kit';
import { articlesProjection, linksProjection } from '@briefwatch/articles';
import { briefsProjection } from '@briefwatch/brief';
import { sourcePollsProjection, sourcesProjection } from '@briefwatch/source-registry';
import { subscriptionsProjection } from '@briefwatch/subscriptions';

/** A read model kept from events: which categories it reads and how it applies one event. */
export interface Projection {
  name: string;
  categories: StreamCategory[];
  /** The tables it alone writes: what a rebuild empties and fills again. */
  tables: string[];
  apply(tx: Prisma.TransactionClient, event: EventEnvelope): Promise<void>;
  /** Many events at once, to the same effect as applying each in order (fewer statements). */
  applyBatch?(tx: Prisma.TransactionClient, events: readonly EventEnvelope[]): Promise<void>;
}

/** Every read model the projector keeps. */
export const PROJECTIONS: readonly Projection[] = [sourcesProjection, sourcePollsProjection, briefsProjection, articlesProjection, linksProjection, subscriptionsProjection];

/** A read model by name, or an error that lists the names there are. */
export function projectionNamed(name: string): Projection {
  const projection = PROJECTIONS.find((p) => p.name === name);
  if (!projection) throw new ProblemError('PROJECTION.NOT_FOUND', `no read model named "${name}"; there are: ${PROJECTIONS.map((p) => p.name).join(', ')}`);
  return projection;
}
