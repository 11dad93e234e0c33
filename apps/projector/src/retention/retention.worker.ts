import { Inject, Injectable, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import type { Kafka } from 'kafkajs';
import type { BriefwatchConfig } from '@briefwatch/config';
import type { PrismaClient } from '@briefwatch/db';
import type { Logger } from '@briefwatch/logging';
import { CONFIG, KAFKA, LOGGER, PRISMA } from '@briefwatch/service-kit';
import { pruneExpired } from './expired-data.js';
import { policyBeyondBroker } from './inbox-horizon.js';

/**
 * Prunes what is past its retention (RETENTION_*_DAYS) every RETENTION_EVERY_MIN, first a
 * minute after the projector starts. Inbox records are kept past the broker's own retention,
 * asked of the broker each round; when it does not answer, the inbox waits for the next
 * round. Several projectors may prune at once: each deletes only rows that have expired, so
 * they only share the work.
 */
@Injectable()
export class RetentionWorker implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;

  constructor(
    @Inject(CONFIG) private readonly config: BriefwatchConfig,
    @Inject(PRISMA) private readonly prisma: PrismaClient,
    @Inject(KAFKA) private readonly kafka: Kafka,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  onApplicationBootstrap(): void {
    this.schedule(60_000);
  }

  private schedule(delayMs: number): void {
    this.timer = setTimeout(() => {
      this.running = this.prune().finally(() => {
        this.running = null;
        this.schedule(this.config.retention.everyMinutes * 60_000);
      });
    }, delayMs);
    this.timer.unref();
  }

  private async prune(): Promise<void> {
    try {
      const policy = await policyBeyondBroker(this.kafka, this.config.kafka.topicPrefix, this.config.retention).catch((error: unknown) => {
        this.logger.warn('could not read the broker\'s retention; inbox records are kept this round', { error });
        return { ...this.config.retention, inboxDays: 0 };
      });
      const pruned = await pruneExpired(this.prisma, policy);
      if (pruned.inbox + pruned.rawResponses + pruned.quietPolls > 0) this.logger.log('pruned what was past its retention', { ...pruned });
    } catch (error) {
      // Nothing is lost by pruning later: the next round tries again.
      this.logger.warn('could not prune expired data; trying again next round', { error });
    }
  }

  async beforeApplicationShutdown(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.running;
  }
}
