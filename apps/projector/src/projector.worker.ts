import { Inject, Injectable, type OnApplicationBootstrap, type BeforeApplicationShutdown } from '@nestjs/common';
import type { Kafka } from 'kafkajs';
import type { BriefwatchConfig } from '@briefwatch/config';
import type { PrismaClient } from '@briefwatch/db';
import { databaseAnswers, inTransaction, recordFirstDeliveries } from '@briefwatch/event-store';
import { EventConsumer, type ConsumedEvent, type HandlerOutcome } from '@briefwatch/kafka';
import type { Logger } from '@briefwatch/logging';
import { CONFIG, KAFKA, LOGGER, PRISMA } from '@briefwatch/service-kit';
import { PROJECTIONS, type Projection } from './projections.js';
import { holdProjectionLock, projectorGroup } from './projection-lock.js';

/**
 * One consumer group per read model (`projector.<name>`), so each can be replayed on its
 * own. Events come in batches; a batch is applied with its inbox records in one transaction:
 * effectively once, and without a commit for every event.
 * A rebuild of the read model (`briefwatch projections rebuild`) holds it off only while it
 * swaps the rebuilt tables in.
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
        { groupId, categories: projection.categories, topicPrefix: config.kafka.topicPrefix, sessionTimeoutMs: config.kafka.sessionTimeoutMs, retryDelayMs: config.kafka.retryDelayMs, retryRounds: config.kafka.retryRounds, dependenciesAnswer: () => databaseAnswers(prisma) },
        { batch: (events) => this.project(projection, groupId, events) },
        logger,
      );
    });
  }

  private async project(projection: Projection, groupId: string, events: readonly ConsumedEvent[]): Promise<HandlerOutcome[]> {
    return inTransaction(this.prisma, async (tx) => {
      await holdProjectionLock(tx, projection, 'shared');
      const fresh = await recordFirstDeliveries(tx, groupId, events.map((e) => e.envelope.eventId));
      const outcomes: HandlerOutcome[] = [];
      const toApply = [];
      for (const { envelope } of events) {
        // delete: an event delivered twice in one batch is applied once.
        const first = fresh.delete(envelope.eventId);
        outcomes.push(first ? 'applied' : 'already-applied');
        if (first) toApply.push(envelope);
      }
      if (projection.applyBatch) await projection.applyBatch(tx, toApply);
      else for (const envelope of toApply) await projection.apply(tx, envelope);
      this.logger.debug('projected', { projection: projection.name, events: toApply.length, first: toApply[0]?.eventId });
      return outcomes;
    });
  }

  async onApplicationBootstrap(): Promise<void> {
    await Promise.all(this.consumers.map((consumer) => consumer.start()));
  }

  async beforeApplicationShutdown(): Promise<void> {
    await Promise.all(this.consumers.map((consumer) => consumer.stop()));
  }
}
