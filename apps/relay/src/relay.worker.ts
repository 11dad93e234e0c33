import { Inject, Injectable, type OnApplicationBootstrap, type BeforeApplicationShutdown } from '@nestjs/common';
import type { Kafka } from 'kafkajs';
import type { BriefwatchConfig } from '@briefwatch/config';
import { eventsTopic, STREAM_CATEGORIES } from '@briefwatch/contracts';
import type { PrismaClient } from '@briefwatch/db';
import { OutboxRelay } from '@briefwatch/event-store';
import { ensureTopics, EventPublisher } from '@briefwatch/kafka';
import type { Logger } from '@briefwatch/logging';
import { CONFIG, KAFKA, LOGGER, PRISMA } from '@briefwatch/service-kit';

/** Runs the outbox relay for as long as the service runs; on shutdown, finishes the batch in hand. */
@Injectable()
export class RelayWorker implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly publisher: EventPublisher;
  private readonly relay: OutboxRelay;

  constructor(
    @Inject(CONFIG) private readonly config: BriefwatchConfig,
    @Inject(KAFKA) private readonly kafka: Kafka,
    @Inject(PRISMA) prisma: PrismaClient,
    @Inject(LOGGER) logger: Logger,
  ) {
    this.publisher = new EventPublisher(kafka, config.kafka.topicPrefix);
    this.relay = new OutboxRelay(prisma, this.publisher, config.relay, logger.child({ component: 'relay' }));
  }

  async onApplicationBootstrap(): Promise<void> {
    await ensureTopics(this.kafka, STREAM_CATEGORIES.map((category) => eventsTopic(category, this.config.kafka.topicPrefix)));
    await this.publisher.connect();
    this.relay.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.relay.stop();
    await this.publisher.disconnect();
  }
}
