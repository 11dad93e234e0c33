import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { Kafka } from 'kafkajs';
import type { BriefwatchConfig } from '@briefwatch/config';
import type { PrismaClient } from '@briefwatch/db';
import { applyOnce } from '@briefwatch/event-store';
import { EventConsumer } from '@briefwatch/kafka';
import type { Logger } from '@briefwatch/logging';
import { CONFIG, KAFKA, LOGGER, PRISMA } from '@briefwatch/service-kit';
import { PROJECTIONS, type Projection } from './projections.js';

/**
 * One consumer group per read model (`projector.<name>`), so each can be replayed on its
 * own. Each event is applied with its inbox record in one transaction: effectively once.
 */
@Injectable()
export class ProjectorWorker implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly consumers: EventConsumer[];

  constructor(
    @Inject(CONFIG) config: BriefwatchConfig,
    @Inject(KAFKA) kafka: Kafka,
    @Inject(PRISMA) private readonly prisma: PrismaClient,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {
    this.consumers = PROJECTIONS.map((projection) => {
      const groupId = `projector.${projection.name}`;
      return new EventConsumer(
        kafka,
        { groupId, categories: projection.categories, topicPrefix: config.kafka.topicPrefix },
        ({ envelope }) => this.project(projection, groupId, envelope),
        logger,
      );
    });
  }

  private async project(projection: Projection, groupId: string, envelope: Parameters<Projection['apply']>[1]): Promise<void> {
    const applied = await applyOnce(this.prisma, groupId, envelope.eventId, (tx) => projection.apply(tx, envelope));
    this.logger.debug(applied ? 'projected' : 'already projected; skipped', {
      projection: projection.name,
      eventId: envelope.eventId,
      streamId: envelope.streamId,
      correlationId: envelope.metadata.correlationId,
    });
  }

  async onApplicationBootstrap(): Promise<void> {
    await Promise.all(this.consumers.map((consumer) => consumer.start()));
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all(this.consumers.map((consumer) => consumer.stop()));
  }
}
