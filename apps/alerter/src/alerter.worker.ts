import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { Inject, Injectable, type OnApplicationBootstrap, type BeforeApplicationShutdown } from '@nestjs/common';
import type { Kafka, Producer } from 'kafkajs';
import type { BriefwatchConfig } from '@briefwatch/config';
import { undeliverableAlertsTopic, type AlertsReplayRequested, type CoverageLinked, type DigestRequested, type EventEnvelope, type SubscriptionStatusChanged } from '@briefwatch/contracts';
import type { Prisma, PrismaClient } from '@briefwatch/db';
import { databaseAnswers, inTransaction, recordFirstDeliveries } from '@briefwatch/event-store';
import { AllowList, HostLimiter } from '@briefwatch/feeds';
import { backoffDelay, ensureTopics, EventConsumer, sleep, type ConsumedEvent, type HandlerOutcome } from '@briefwatch/kafka';
import type { Logger } from '@briefwatch/logging';
import { CONFIG, KAFKA, LOGGER, PRISMA, RateLimiter } from '@briefwatch/service-kit';
import { SecretBox } from '@briefwatch/subscriptions';
import { composeDigest, composeDueDigests } from './compose-digest.js';
import { publishDeadLetters } from './dead-letters.js';
import { leaseDueAlerts, postpone, recordAttempt, type LeasedAlert } from './deliver-alerts.js';
import { HEALTH_CONDITIONS, queueHealthAlerts } from './health-alerts.js';
import { postWebhook, type WebhookResult } from './post-webhook.js';
import { coverageWatchers, queueAlerts, type CoverageWatchers } from './queue-alerts.js';
import { cancelIfRemoved, replayAlerts } from './subscription-requests.js';

export const ALERTER_GROUP = 'alerter';
const DELIVERY_CONCURRENCY = 8;
/** Digests and dead letters are looked at every this many milliseconds, not every tick. */
const HOUSEKEEPING_MS = 1_000;
/** Link events turned into alerts per transaction: enough to spare a commit each, few enough that the first alert is not held back for long. */
const ALERTER_BATCH = 25;
/** Tries at recording a delivery attempt before leaving it to the lease. */
const RECORD_ATTEMPTS = 5;

/** Turns one event into alerts; `watching` is shared by the events of one batch. */
type Handler = (tx: Prisma.TransactionClient, event: EventEnvelope, watching: CoverageWatchers) => Promise<number>;

/**
 * The alerter. A consumer turns events into queued alerts, each with its inbox record in one
 * transaction: coverage links (grouped by story, held for digests), source health, and the
 * subscribers' own requests (replay, digest now, removal). A delivery loop leases due alerts
 * and POSTs them: at most two at a time and `ratePerMinute` per endpoint host. A crash between
 * POST and record means a second POST with the same idempotency key: receivers drop the
 * repeat; briefwatch never loses the alert. Housekeeping composes digests whose period has
 * ended and publishes undeliverable alerts to their topic.
 */
@Injectable()
export class AlerterWorker implements OnApplicationBootstrap, BeforeApplicationShutdown {
  readonly owner = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  private readonly consumer: EventConsumer;
  private readonly producer: Producer;
  private readonly stopping = new AbortController();
  private readonly hosts = new HostLimiter(2);
  private readonly rate: RateLimiter;
  private readonly inFlight = new Set<Promise<void>>();
  private readonly allow: AllowList;
  private readonly secrets: SecretBox;
  private readonly handlers: Record<string, Handler>;
  private loops: Promise<void>[] = [];

  constructor(
    @Inject(CONFIG) private readonly config: BriefwatchConfig,
    @Inject(KAFKA) private readonly kafka: Kafka,
    @Inject(PRISMA) private readonly prisma: PrismaClient,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {
    this.allow = new AllowList(config.alerts.allow);
    this.secrets = new SecretBox(config.alerts.secretsKey);
    if (!this.secrets.seals) logger.warn('WEBHOOK_SECRETS_KEY is not set: webhook secrets are stored as they are; set it to store them encrypted');
    this.rate = new RateLimiter(config.alerts.ratePerMinute);
    this.producer = kafka.producer({ maxInFlightRequests: 1, allowAutoTopicCreation: false });
    const healthHandler: Handler = (tx, event) => queueHealthAlerts(tx, event);
    this.handlers = {
      CoverageLinked: (tx, event, watching) => queueAlerts(tx, event.data as CoverageLinked, { correlationId: event.metadata.correlationId, causationId: event.eventId }, config.alerts, watching),
      ...Object.fromEntries(Object.keys(HEALTH_CONDITIONS).map((type) => [type, healthHandler])),
      AlertsReplayRequested: (tx, event) => replayAlerts(tx, event.data as AlertsReplayRequested),
      SubscriptionStatusChanged: (tx, event) => cancelIfRemoved(tx, event.data as SubscriptionStatusChanged),
      DigestRequested: async (tx, event) => {
        const request = event.data as DigestRequested;
        return (await composeDigest(tx, request.subscriptionId, new Date(request.requestedAt), { correlationId: event.metadata.correlationId, causationId: event.eventId })) ? 1 : 0;
      },
    };
    this.consumer = new EventConsumer(kafka, { groupId: ALERTER_GROUP, categories: ['link', 'source', 'subscription'], topicPrefix: config.kafka.topicPrefix, sessionTimeoutMs: config.kafka.sessionTimeoutMs, retryDelayMs: config.kafka.retryDelayMs, retryRounds: config.kafka.retryRounds, maxBatchEvents: ALERTER_BATCH, dependenciesAnswer: () => databaseAnswers(prisma) }, { batch: (events) => this.onEvents(events) }, logger);
  }

  /** A batch of events becomes alerts in one transaction with its inbox records, in order. */
  private async onEvents(events: readonly ConsumedEvent[]): Promise<HandlerOutcome[]> {
    return inTransaction(this.prisma, async (tx) => {
      const fresh = await recordFirstDeliveries(tx, ALERTER_GROUP, events.filter((e) => this.handlers[e.envelope.type]).map((e) => e.envelope.eventId));
      const outcomes: HandlerOutcome[] = [];
      const watching = coverageWatchers(tx);
      for (const { envelope } of events) {
        const handle = this.handlers[envelope.type];
        if (!handle) outcomes.push('ignored');
        // delete: an event delivered twice in one batch is applied once.
        else if (!fresh.delete(envelope.eventId)) outcomes.push('already-applied');
        else {
          const changed = await handle(tx, envelope, watching);
          if (changed > 0) this.logger.log('alerts changed', { event: envelope.type, count: changed, eventId: envelope.eventId, correlationId: envelope.metadata.correlationId });
          outcomes.push('applied');
        }
      }
      return outcomes;
    });
  }

  async onApplicationBootstrap(): Promise<void> {
    await ensureTopics(this.kafka, [undeliverableAlertsTopic(this.config.kafka.topicPrefix)]);
    await this.producer.connect();
    await this.consumer.start();
    this.loops = [this.repeat('deliver', () => this.deliverDue(), this.config.alerts.tickMs), this.repeat('housekeeping', () => this.housekeeping(), HOUSEKEEPING_MS)];
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopping.abort();
    await Promise.all(this.loops);
    await Promise.allSettled([...this.inFlight]);
    await this.consumer.stop();
    await this.producer.disconnect().catch(() => {});
  }

  /** Runs `work` until shutdown: again at once while it finds work, after `idleMs` when not, with backoff while it fails. */
  private async repeat(name: string, work: () => Promise<number>, idleMs: number): Promise<void> {
    let failures = 0;
    while (!this.stopping.signal.aborted) {
      try {
        const done = await work();
        failures = 0;
        if (done === 0) await sleep(idleMs, this.stopping.signal);
      } catch (error) {
        failures += 1;
        this.logger.error(`alerter ${name} failed; retrying`, { error, failures });
        await sleep(backoffDelay(failures, 500, 15_000), this.stopping.signal);
      }
    }
  }

  private async deliverDue(): Promise<number> {
    const free = DELIVERY_CONCURRENCY - this.inFlight.size;
    const leased = free > 0 ? await leaseDueAlerts(this.prisma, this.owner, free) : [];
    for (const alert of leased) {
      const work = this.deliver(alert).finally(() => this.inFlight.delete(work));
      this.inFlight.add(work);
    }
    return leased.length;
  }

  private async housekeeping(): Promise<number> {
    const digests = await composeDueDigests(this.prisma, new Date());
    if (digests.length > 0) this.logger.log('digests queued', { count: digests.length });
    const deadLettered = await publishDeadLetters(this.prisma, this.producer, undeliverableAlertsTopic(this.config.kafka.topicPrefix));
    if (deadLettered > 0) this.logger.warn('alerts published as undeliverable', { count: deadLettered });
    return 0;
  }

  private async deliver(alert: LeasedAlert): Promise<void> {
    const host = (() => {
      try {
        return new URL(alert.url).host;
      } catch {
        return alert.url;
      }
    })();
    try {
      const wait = this.rate.reserve(host);
      if (wait > 0) return await postpone(this.prisma, alert, wait);
      let secrets: string[];
      try {
        secrets = alert.secrets.map((sealed) => this.secrets.open(sealed));
      } catch (error) {
        // Nothing can be signed: the attempt fails with the reason, where the operator looks for it.
        await this.record(alert, { status: null, latencyMs: 0, error: (error as Error).message });
        return;
      }
      const result = await this.hosts.run(host, () => postWebhook(alert.url, secrets, alert.alertId, JSON.stringify(alert.payload), this.allow));
      const outcome = await this.record(alert, result);
      const fields = { alertId: alert.alertId, subscriptionId: alert.subscriptionId, status: result.status, latencyMs: result.latencyMs, outcome };
      if (outcome === 'delivered') this.logger.log('alert delivered', fields);
      else this.logger.warn('alert not delivered', { ...fields, error: result.error });
    } catch (error) {
      this.logger.error('could not record a delivery attempt; the lease runs out and it is tried again', { alertId: alert.alertId, error });
    }
  }

  /**
   * Records an attempt, trying again a few times when the database refuses for a passing
   * reason (a deadlock with the consumer's batch, a dropped connection): the POST has been
   * made, and an attempt left unrecorded is made again, with the same key, once the lease ends.
   */
  private async record(alert: LeasedAlert, result: WebhookResult): Promise<Awaited<ReturnType<typeof recordAttempt>>> {
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await recordAttempt(this.prisma, alert, result, this.config.alerts);
      } catch (error) {
        if (attempt >= RECORD_ATTEMPTS) throw error;
        this.logger.warn('recording a delivery attempt failed; trying again', { alertId: alert.alertId, attempt, error });
        await sleep(backoffDelay(attempt, 50, 2_000));
      }
    }
  }
}
