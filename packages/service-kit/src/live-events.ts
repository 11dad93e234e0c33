import { randomUUID } from 'node:crypto';
import { Global, Inject, Injectable, Module, type MessageEvent, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { Kafka } from 'kafkajs';
import { concat, defer, interval, map, merge, Observable, Subject } from 'rxjs';
import type { BriefwatchConfig } from '@briefwatch/config';
import type { EventEnvelope } from '@briefwatch/contracts';
import { backoffDelay, EventConsumer, sleep } from '@briefwatch/kafka';
import type { Logger } from '@briefwatch/logging';
import { CONFIG, KAFKA, LOGGER } from './tokens.js';

/**
 * Events as they happen, for live listeners (Server-Sent Events): new links and alerts.
 * Each API instance reads the topics in a consumer group of its own, from now on, so every
 * instance sees every event. It joins in the background, so the API serves requests even
 * while Kafka is away; `ready` resolves once it listens.
 */
@Injectable()
export class LiveEvents implements OnApplicationBootstrap, OnApplicationShutdown {
  readonly events = new Subject<EventEnvelope>();
  private readonly consumer: EventConsumer;
  private readonly stopping = new AbortController();
  private markReady!: () => void;
  private listening: Promise<void> = Promise.resolve();
  readonly ready = new Promise<void>((resolve) => (this.markReady = resolve));

  constructor(
    @Inject(CONFIG) config: BriefwatchConfig,
    @Inject(KAFKA) kafka: Kafka,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {
    this.consumer = new EventConsumer(
      kafka,
      // Nobody listening, nothing to decode: under load that was a tenth of the API's CPU.
      { groupId: `${config.service}-live-${randomUUID()}`, categories: ['link', 'subscription'], topicPrefix: config.kafka.topicPrefix, fromBeginning: false, setsAside: false, skipWhile: () => !this.events.observed },
      async ({ envelope }) => this.events.next(envelope),
      logger,
    );
  }

  onApplicationBootstrap(): void {
    this.listening = this.listen();
  }

  private async listen(): Promise<void> {
    for (let attempt = 1; !this.stopping.signal.aborted; attempt += 1) {
      try {
        await this.consumer.start();
        this.markReady();
        return;
      } catch (error) {
        this.logger.warn('live events are not available yet; retrying', { attempt, error });
        await sleep(backoffDelay(attempt, 1_000, 30_000), this.stopping.signal);
      }
    }
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopping.abort();
    this.events.complete();
    // A consumer still joining its group when the API stops is stopped once it has joined.
    await this.listening;
    await this.consumer.stop().catch(() => {});
  }

  /**
   * A Server-Sent Events stream: `ready` once listening, then what `select` makes of each
   * event (nothing for null), and a `ping` every 15 s so proxies keep the stream open.
   */
  stream(select: (event: EventEnvelope) => MessageEvent | null): Observable<MessageEvent> {
    const selected = new Observable<MessageEvent>((subscriber) => {
      const subscription = this.events.subscribe({
        next: (event) => {
          const message = select(event);
          if (message) subscriber.next(message);
        },
        complete: () => subscriber.complete(),
      });
      return () => subscription.unsubscribe();
    });
    const pings = interval(15_000).pipe(map((): MessageEvent => ({ type: 'ping', data: {} })));
    return concat(
      defer(async (): Promise<MessageEvent> => {
        await this.ready;
        return { type: 'ready', data: {} };
      }),
      merge(selected, pings),
    );
  }
}

/** One LiveEvents per API process, for every module's live streams. */
@Global()
@Module({ providers: [LiveEvents], exports: [LiveEvents] })
export class LiveEventsModule {}
