import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { Kafka } from 'kafkajs';
import type { BriefwatchConfig } from '@briefwatch/config';
import type { CoverageLinked } from '@briefwatch/contracts';
import type { PrismaClient } from '@briefwatch/db';
import { applyOnce } from '@briefwatch/event-store';
import { AllowList, HostLimiter } from '@briefwatch/feeds';
import { backoffDelay, EventConsumer, sleep, type ConsumedEvent } from '@briefwatch/kafka';
import type { Logger } from '@briefwatch/logging';
import { CONFIG, KAFKA, LOGGER, PRISMA } from '@briefwatch/service-kit';
import { leaseDueAlerts, recordAttempt, type LeasedAlert } from './deliver-alerts.js';
import { postWebhook } from './post-webhook.js';
import { queueAlerts } from './queue-alerts.js';

export const ALERTER_GROUP = 'alerter';
const DELIVERY_CONCURRENCY = 8;

/**
 * Two loops: a consumer of link events that queues alerts (with its inbox record, in one
 * transaction), and a delivery loop that leases due alerts and POSTs them, at most two at
 * a time per endpoint host. A crash between POST and record means a second POST with the
 * same Idempotency-Key: receivers drop the repeat; briefwatch never loses the alert.
 */
@Injectable()
export class AlerterWorker implements OnApplicationBootstrap, OnApplicationShutdown {
  readonly owner = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  private readonly consumer: EventConsumer;
  private readonly stopping = new AbortController();
  private readonly hosts = new HostLimiter(2);
  private readonly inFlight = new Set<Promise<void>>();
  private readonly allow: AllowList;
  private loop: Promise<void> | undefined;

  constructor(
    @Inject(CONFIG) private readonly config: BriefwatchConfig,
    @Inject(KAFKA) kafka: Kafka,
    @Inject(PRISMA) private readonly prisma: PrismaClient,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {
    this.allow = new AllowList(config.alerts.allow);
    this.consumer = new EventConsumer(kafka, { groupId: ALERTER_GROUP, categories: ['link'], topicPrefix: config.kafka.topicPrefix }, (event) => this.onLink(event), logger);
  }

  private async onLink({ envelope }: ConsumedEvent): Promise<void> {
    if (envelope.type !== 'CoverageLinked') return;
    await applyOnce(this.prisma, ALERTER_GROUP, envelope.eventId, async (tx) => {
      const queued = await queueAlerts(tx, envelope.data as CoverageLinked, envelope.metadata.correlationId, envelope.eventId);
      if (queued > 0) this.logger.log('alerts queued', { count: queued, eventId: envelope.eventId, correlationId: envelope.metadata.correlationId });
    });
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.consumer.start();
    this.loop = this.deliverLoop();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopping.abort();
    await this.loop;
    await Promise.allSettled([...this.inFlight]);
    await this.consumer.stop();
  }

  private async deliverLoop(): Promise<void> {
    let failures = 0;
    while (!this.stopping.signal.aborted) {
      try {
        const free = DELIVERY_CONCURRENCY - this.inFlight.size;
        const leased = free > 0 ? await leaseDueAlerts(this.prisma, this.owner, free) : [];
        for (const alert of leased) {
          const work = this.deliver(alert).finally(() => this.inFlight.delete(work));
          this.inFlight.add(work);
        }
        failures = 0;
        if (leased.length === 0) await sleep(this.config.alerts.tickMs, this.stopping.signal);
      } catch (error) {
        failures += 1;
        this.logger.error('could not lease alerts; retrying', { error, failures });
        await sleep(backoffDelay(failures, 500, 15_000), this.stopping.signal);
      }
    }
  }

  private async deliver(alert: LeasedAlert): Promise<void> {
    const host = (() => {
      try {
        return new URL(alert.url).host;
      } catch {
        return alert.url;
      }
    })();
    const result = await this.hosts.run(host, () => postWebhook(alert.url, alert.secret, alert.alertId, JSON.stringify(alert.payload), this.allow));
    try {
      const outcome = await recordAttempt(this.prisma, alert, result, this.config.alerts);
      const fields = { alertId: alert.alertId, subscriptionId: alert.subscriptionId, status: result.status, latencyMs: result.latencyMs, outcome };
      if (outcome === 'delivered') this.logger.log('alert delivered', fields);
      else this.logger.warn('alert not delivered', { ...fields, error: result.error });
    } catch (error) {
      this.logger.error('could not record a delivery attempt; the lease runs out and it is tried again', { alertId: alert.alertId, error });
    }
  }
}
