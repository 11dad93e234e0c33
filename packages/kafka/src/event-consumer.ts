import { Partitioners, type Consumer, type EachBatchPayload, type Kafka, type KafkaMessage, type Producer } from 'kafkajs';
import {
  DEAD_LETTER_HEADERS,
  deadLetterTopic,
  eventsTopic,
  type EventEnvelope,
  type StreamCategory,
} from '@briefwatch/contracts';
import type { Logger } from '@briefwatch/logging';
import { backoffDelay, sleep } from './backoff.js';
import { decodeMessage, InvalidMessageError } from './message-codec.js';
import { ensureTopics } from './topic-admin.js';

export interface ConsumedEvent {
  envelope: EventEnvelope;
  topic: string;
  partition: number;
  offset: string;
}

/**
 * What a handler did with an event. `already-applied` (its inbox held the event) is how a
 * redelivery shows itself: after a crash it is expected, after a graceful stop it should not happen.
 */
export type HandlerOutcome = 'applied' | 'already-applied' | 'ignored';

export type EventHandler = (event: ConsumedEvent) => Promise<HandlerOutcome | void>;

/**
 * Takes consecutive events of one partition at once and answers what it did with each, in
 * order. It must apply all of them or none (one transaction): on failure the whole batch is
 * tried again, and its inbox makes what was applied before a no-op.
 */
export type BatchHandler = (events: readonly ConsumedEvent[]) => Promise<HandlerOutcome[]>;

/** Events handed to a BatchHandler at once, at most. */
export const MAX_EVENTS_PER_BATCH = 500;


export interface EventConsumerOptions {
  /** The consumer group: one per service role (projector, linker, alerter, ...), named in Kafka under the topic prefix. */
  groupId: string;
  categories: readonly StreamCategory[];
  topicPrefix: string;
  /** Tries of the handler for one message before the message is handed back to Kafka. */
  maxAttempts?: number;
  retryBaseMs?: number;
  retryCapMs?: number;
  /** How long the broker waits for a member that stopped answering before rebalancing (default 30 s). */
  sessionTimeoutMs?: number;
  /** Most events handed to a BatchHandler at once (default MAX_EVENTS_PER_BATCH): fewer makes each batch's effects visible sooner. */
  maxBatchEvents?: number;
  /**
   * While this answers true, events are passed over unread (their offsets move on): for a
   * consumer whose events matter only to whoever listens at the moment.
   */
  skipWhile?: () => boolean;
  /** Where a group with no committed offsets starts: the whole history (default) or only what comes next. */
  fromBeginning?: boolean;
}

/**
 * Consumes a consumer group's event topics and hands each event to the handler, at least
 * once. Handlers make that effectively once by recording what they applied (the inbox).
 * A message that is not a valid event goes to the group's dead-letter topic with the reason
 * in its headers, and the stream behind it keeps flowing. A handler that keeps failing is
 * not skipped: the offset is not committed and Kafka redelivers it.
 */
export class EventConsumer {
  private readonly consumer: Consumer;
  private readonly deadLetters: Producer;
  private readonly stopping = new AbortController();
  private readonly logger: Logger;

  constructor(
    private readonly kafka: Kafka,
    private readonly options: EventConsumerOptions,
    private readonly handle: EventHandler | { batch: BatchHandler },
    logger: Logger,
  ) {
    this.logger = logger.child({ consumerGroup: options.groupId });
    this.consumer = kafka.consumer({
      groupId: `${options.topicPrefix}${options.groupId}`,
      allowAutoTopicCreation: false,
      sessionTimeout: options.sessionTimeoutMs ?? 30_000,
      heartbeatInterval: 3_000,
      retry: { initialRetryTime: 300, maxRetryTime: 10_000, retries: 10 },
    });
    this.deadLetters = kafka.producer({ allowAutoTopicCreation: false, createPartitioner: Partitioners.DefaultPartitioner });
  }

  get topics(): string[] {
    return this.options.categories.map((category) => eventsTopic(category, this.options.topicPrefix));
  }

  /** Resolves once the consumer has joined its group and been given partitions. */
  async start(): Promise<void> {
    const deadLetterTopics = this.options.categories.map((category) =>
      deadLetterTopic(category, this.options.groupId, this.options.topicPrefix),
    );
    await ensureTopics(this.kafka, [...this.topics, ...deadLetterTopics]);
    await this.deadLetters.connect();
    await this.consumer.connect();
    const joined = new Promise<void>((resolve) => {
      const remove = this.consumer.on(this.consumer.events.GROUP_JOIN, () => {
        remove();
        resolve();
      });
    });
    this.consumer.on(this.consumer.events.CRASH, ({ payload }) => {
      if (payload.restart || this.stopping.signal.aborted) return;
      this.logger.error('consumer stopped on an error it does not restart after; starting it again', { error: payload.error });
      void this.rejoin();
    });
    await this.run();
    await joined;
    this.logger.log('consuming', { topics: this.topics });
  }

  private async run(): Promise<void> {
    await this.consumer.subscribe({ topics: this.topics, fromBeginning: this.options.fromBeginning ?? true });
    await this.consumer.run({ eachBatchAutoResolve: false, eachBatch: (payload) => this.onBatch(payload) });
  }

  /**
   * kafkajs gives a consumer up for good after an error it deems final (a handler error, a
   * broker gone past its retries). Consumption must not end while the service runs: connect
   * and join again, with growing pauses, until it works or the service stops. Uncommitted
   * events come again, and the inbox makes them no-ops.
   */
  private async rejoin(): Promise<void> {
    for (let attempt = 1; !this.stopping.signal.aborted; attempt += 1) {
      try {
        await this.consumer.disconnect().catch(() => {});
        await this.consumer.connect();
        await this.run();
        this.logger.log('consuming again', { attempt });
        return;
      } catch (error) {
        this.logger.warn('could not start consuming again; retrying', { attempt, error });
        await sleep(backoffDelay(attempt, 1_000, 30_000), this.stopping.signal).catch(() => {});
      }
    }
  }

  /** Lets the event in hand finish, commits the offsets of what was handled, and leaves the group. */
  async stop(): Promise<void> {
    this.stopping.abort();
    await this.consumer.disconnect();
    await this.deadLetters.disconnect();
    this.logger.log('stopped consuming; offsets committed');
  }

  /**
   * Hands a fetched batch on in order: event by event to an EventHandler, in runs of up to
   * MAX_EVENTS_PER_BATCH to a BatchHandler. An offset is resolved only once what precedes it
   * is handled; an invalid message is dead-lettered in its place in the order.
   */
  private async onBatch({ batch, resolveOffset, heartbeat, isRunning, isStale }: EachBatchPayload): Promise<void> {
    const { topic, partition } = batch;
    let run: ConsumedEvent[] = [];
    const flush = async () => {
      if (run.length === 0) return;
      const events = run;
      run = [];
      await this.handleRun(events);
      resolveOffset(events[events.length - 1]!.offset);
      await heartbeat();
    };
    for (const message of batch.messages) {
      if (!isRunning() || isStale()) break;
      if (this.options.skipWhile?.()) {
        await flush();
        resolveOffset(message.offset);
        continue;
      }
      let envelope: EventEnvelope;
      try {
        envelope = decodeMessage(message);
      } catch (error) {
        if (!(error instanceof InvalidMessageError)) throw error;
        await flush();
        await this.deadLetter(topic, partition, message, error);
        resolveOffset(message.offset);
        continue;
      }
      run.push({ envelope, topic, partition, offset: message.offset });
      if (!('batch' in this.handle) || run.length >= (this.options.maxBatchEvents ?? MAX_EVENTS_PER_BATCH)) await flush();
    }
    await flush();
  }

  private async handleRun(events: readonly ConsumedEvent[]): Promise<void> {
    const maxAttempts = this.options.maxAttempts ?? 5;
    const first = events[0]!.envelope;
    for (let attempt = 1; ; attempt += 1) {
      try {
        const outcomes = 'batch' in this.handle ? await this.handle.batch(events) : [await this.handle(events[0]!)];
        outcomes.forEach((outcome, i) => {
          if (outcome !== 'already-applied') return;
          const { envelope, topic, partition, offset } = events[i]!;
          this.logger.log('redelivered event already applied; skipped', { eventId: envelope.eventId, streamId: envelope.streamId, topic, partition, offset });
        });
        return;
      } catch (error) {
        const fields = { eventId: first.eventId, streamId: first.streamId, events: events.length, attempt, error };
        if (attempt >= maxAttempts || this.stopping.signal.aborted) {
          this.logger.error('handler failed; leaving the event to be redelivered', fields);
          throw error;
        }
        this.logger.warn('handler failed; retrying', fields);
        await sleep(backoffDelay(attempt, this.options.retryBaseMs ?? 200, this.options.retryCapMs ?? 5_000), this.stopping.signal);
      }
    }
  }

  private async deadLetter(topic: string, partition: number, message: KafkaMessage, error: InvalidMessageError): Promise<void> {
    const category = topic.slice(this.options.topicPrefix.length).split('.')[1] as StreamCategory;
    const target = deadLetterTopic(category, this.options.groupId, this.options.topicPrefix);
    await this.deadLetters.send({
      topic: target,
      acks: -1,
      messages: [
        {
          key: message.key,
          value: message.value,
          headers: {
            ...message.headers,
            [DEAD_LETTER_HEADERS.reason]: error.message,
            [DEAD_LETTER_HEADERS.errorCode]: error.code,
            [DEAD_LETTER_HEADERS.originalTopic]: topic,
            [DEAD_LETTER_HEADERS.originalPartition]: String(partition),
            [DEAD_LETTER_HEADERS.originalOffset]: message.offset,
            [DEAD_LETTER_HEADERS.consumerGroup]: this.options.groupId,
            [DEAD_LETTER_HEADERS.failedAt]: new Date().toISOString(),
          },
        },
      ],
    });
    this.logger.warn('invalid message dead-lettered', { topic, partition, offset: message.offset, code: error.code, reason: error.message, deadLetterTopic: target });
  }
}
