import { Inject, Injectable, type OnApplicationBootstrap, type BeforeApplicationShutdown } from '@nestjs/common';
import type { Kafka } from 'kafkajs';
import type { BriefwatchConfig } from '@briefwatch/config';
import type { PrismaClient } from '@briefwatch/db';
import { applyOnce, inTransaction } from '@briefwatch/event-store';
import { EventConsumer, outcomeOf, type HandlerOutcome } from '@briefwatch/kafka';
import type { Logger } from '@briefwatch/logging';
import { CONFIG, KAFKA, LOGGER, PRISMA } from '@briefwatch/service-kit';
import { PROJECTIONS, type Projection } from './projections.js';
import { holdProjectionLock, projectorGroup } from './rebuild-projection.js';

/**
 * One consumer group per read model (`projector.<name>`), so each can be replayed on its
 * own. Each event is applied with its inbox record in one transaction: effectively once.
 * A rebuild of the read model (`briefwatch projections rebuild`) holds it off meanwhile.
 */
@Injectable()
export class ProjectorWorker implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly consumers: EventConsumer[];

  constructor(
    @Inject(CONFIG) config: BriefwatchConfig,
    @Inject(KAFKA) kafka: Kafka,
    @Inject(PRISMA) private readonly prisma: PrismaClient,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {
    this.consumers = PROJECTIONS.map((projection) => {
      const groupId = projectorGroup(projection);
      return new EventConsumer(
        kafka,
        { groupId, categories: projection.categories, topicPrefix: config.kafka.topicPrefix, sessionTimeoutMs: config.kafka.sessionTimeoutMs },
        ({ envelope }) => this.project(projection, groupId, envelope),
        logger,
      );
    });
  }

  private async project(projection: Projection, groupId: string, envelope: Parameters<Projection['apply']>[1]): Promise<HandlerOutcome> {
    const applied = await inTransaction(this.prisma, async (tx) => {
      await holdProjectionLock(tx, projection, 'shared');
      return applyOnce(tx, groupId, envelope.eventId, () => projection.apply(tx, envelope));
    });
    if (applied) this.logger.debug('projected', { projection: projection.name, eventId: envelope.eventId, streamId: envelope.streamId, correlationId: envelope.metadata.correlationId });
    return outcomeOf(applied);
  }

  async onApplicationBootstrap(): Promise<void> {
    await Promise.all(this.consumers.map((consumer) => consumer.start()));
  }

  async beforeApplicationShutdown(): Promise<void> {
    await Promise.all(this.consumers.map((consumer) => consumer.stop()));
  }
}
