import { randomUUID } from 'node:crypto';
import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { Kafka } from 'kafkajs';
import { Subject } from 'rxjs';
import type { BriefwatchConfig } from '@briefwatch/config';
import type { AlertQueued } from '@briefwatch/contracts';
import { backoffDelay, EventConsumer, sleep } from '@briefwatch/kafka';
import type { Logger } from '@briefwatch/logging';
import { CONFIG, KAFKA, LOGGER } from '@briefwatch/service-kit';

/**
 * Alerts as they are queued, for live listeners (Server-Sent Events). Each API instance
 * reads the subscription topic in a consumer group of its own, from now on: every instance
 * sees every alert. It joins in the background, so the API serves requests even while
 * Kafka is away; `ready` resolves once it listens.
 */
@Injectable()
export class LiveAlerts implements OnApplicationBootstrap, OnApplicationShutdown {
  readonly alerts = new Subject<AlertQueued>();
  private readonly consumer: EventConsumer;
  private readonly stopping = new AbortController();
  private markReady!: () => void;
  readonly ready = new Promise<void>((resolve) => (this.markReady = resolve));

  constructor(
    @Inject(CONFIG) config: BriefwatchConfig,
    @Inject(KAFKA) kafka: Kafka,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {
    this.consumer = new EventConsumer(
      kafka,
      { groupId: `api-live-${randomUUID()}`, categories: ['subscription'], topicPrefix: config.kafka.topicPrefix, fromBeginning: false },
      async ({ envelope }) => {
        if (envelope.type === 'AlertQueued') this.alerts.next(envelope.data as AlertQueued);
      },
      logger,
    );
  }

  onApplicationBootstrap(): void {
    void this.listen();
  }

  private async listen(): Promise<void> {
    for (let attempt = 1; !this.stopping.signal.aborted; attempt += 1) {
      try {
        await this.consumer.start();
        this.markReady();
        return;
      } catch (error) {
        this.logger.warn('live alerts are not available yet; retrying', { attempt, error });
        await sleep(backoffDelay(attempt, 1_000, 30_000), this.stopping.signal);
      }
    }
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopping.abort();
    this.alerts.complete();
    await this.consumer.stop().catch(() => {});
  }
}
