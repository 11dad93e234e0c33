import { Partitioners, type Consumer, type EachBatchPayload, type IHeaders, type Kafka, type Message, type Producer } from 'kafkajs';
import { deadLetterTopic, eventsTopic, retryTopic, type EventEnvelope, type StreamCategory } from '@briefwatch/contracts';
import type { Logger } from '@briefwatch/logging';
import { backoffDelay, sleep } from './backoff.js';
import { decodeMessage, InvalidMessageError } from './message-codec.js';
import { deadLetterMessage, reasonOf, retryDueAt, retryMessage, retryRoundOf, type MessagePlace, type SetAsideReason } from './set-aside.js';
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


/** Rounds on the retry topic an event whose handler keeps failing gets before it is dead-lettered. */
export const RETRY_ROUNDS = 2;

/** An event as consumed, with its message headers: a retry topic's say which round it is in. */
type Delivered = ConsumedEvent & { headers: IHeaders | undefined };

export interface EventConsumerOptions {
  /** The consumer group: one per service role (projector, linker, alerter, ...), named in Kafka under the topic prefix. */
  groupId: string;
  categories: readonly StreamCategory[];
  topicPrefix: string;
  /** Tries of the handler for one message, with backoff, before it is set aside on the retry topic (default 5). */
  maxAttempts?: number;
  /** Rounds on the retry topic before an event is dead-lettered (default RETRY_ROUNDS). */
  retryRounds?: number;
  /** How long an event waits on the retry topic before its first round; each further round waits four times longer (default 10 s). */
  retryDelayMs?: number;
  /**
   * Whether what the handlers depend on (the database) answers. While it does not, a failing
   * handler is the outage's doing, not the event's: the event is tried again in place, without
   * end, and nothing is set aside. Without it every failure counts against the event.
   */
  dependenciesAnswer?: () => Promise<boolean>;
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
  /**
   * Whether the group keeps retry and dead-letter topics (default true). A group that lives
   * only as long as its process (live updates) keeps none: what it cannot handle is logged and passed over.
   */
  setsAside?: boolean;
  /** Where a group with no committed offsets starts: the whole history (default) or only what comes next. */
  fromBeginning?: boolean;
}

/**
 * Consumes a consumer group's event topics and hands each event to the handler, at least
 * once. Handlers make that effectively once by recording what they applied (the inbox).
 * Nothing holds a partition up for good:
 * - a message that is not a valid event goes to the group's dead-letter topic with the
 *   reason in its headers, and the stream behind it keeps flowing;
 * - a handler that fails is tried again with backoff; if it still fails while its
 *   dependencies answer, the event is set aside on the group's retry topic (a failing batch
 *   is first split, so the events beside it are applied) and tried again later, in rounds
 *   further apart, and after the last round dead-lettered with the handler's error;
 * - while the dependencies do not answer (a database outage), the event is tried in place
 *   until they do: an outage sets nothing aside.
 */
export class EventConsumer {
  private readonly consumer: Consumer;
  private readonly deadLetters: Producer;
  private readonly stopping = new AbortController();
  private readonly logger: Logger;
  /** Retry-topic partitions paused until their next event is due. */
  private readonly resumeTimers = new Set<NodeJS.Timeout>();
  /** The events topics the group reads. */
  readonly topics: readonly string[];
  /** The group's own retry topics: events set aside after their handler kept failing. */
  readonly retryTopics: readonly string[];
  /** The group's dead-letter topics: events given up on after their last retry. */
  readonly deadLetterTopics: readonly string[];

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
    const { categories, groupId, topicPrefix } = options;
    const setsAside = options.setsAside !== false;
    this.topics = categories.map((category) => eventsTopic(category, topicPrefix));
    this.retryTopics = setsAside ? categories.map((category) => retryTopic(category, groupId, topicPrefix)) : [];
    this.deadLetterTopics = setsAside ? categories.map((category) => deadLetterTopic(category, groupId, topicPrefix)) : [];
  }

  /** Resolves once the consumer has joined its group and been given partitions. */
  async start(): Promise<void> {
    await ensureTopics(this.kafka, [...this.topics, ...this.retryTopics, ...this.deadLetterTopics]);
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
    await this.consumer.subscribe({ topics: [...this.topics, ...this.retryTopics], fromBeginning: this.options.fromBeginning ?? true });
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
    for (const timer of this.resumeTimers) clearTimeout(timer);
    await this.consumer.disconnect();
    await this.deadLetters.disconnect();
    this.logger.log('stopped consuming; offsets committed');
  }

  /**
   * Hands a fetched batch on in order: event by event to an EventHandler, in runs of up to
   * MAX_EVENTS_PER_BATCH to a BatchHandler. An offset is resolved only once what precedes it
   * is handled or set aside; an invalid message is dead-lettered in its place in the order.
   * A retry topic's partition is paused until its next event is due.
   */
  private async onBatch({ batch, resolveOffset, heartbeat, isRunning, isStale, pause }: EachBatchPayload): Promise<void> {
    const { topic, partition } = batch;
    const retrying = this.retryTopics.includes(topic);
    let run: Delivered[] = [];
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
      if (retrying) {
        const wait = retryDueAt(message.headers) - Date.now();
        if (wait > 0) {
          await flush();
          this.resumeLater(pause(), wait);
          return;
        }
      }
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
        await this.setAside(this.deadLetterTopicOf(topic), deadLetterMessage(message, { topic, partition, offset: message.offset }, error, this.options.groupId));
        this.logger.warn('invalid message dead-lettered', { topic, partition, offset: message.offset, code: error.code, reason: error.message });
        resolveOffset(message.offset);
        continue;
      }
      run.push({ envelope, topic, partition, offset: message.offset, headers: message.headers });
      // A retried event is tried on its own: it failed before, and should fail alone if it fails again.
      if (retrying || !('batch' in this.handle) || run.length >= (this.options.maxBatchEvents ?? MAX_EVENTS_PER_BATCH)) await flush();
    }
    await flush();
  }

  private resumeLater(resume: () => void, ms: number): void {
    const timer = setTimeout(() => {
      this.resumeTimers.delete(timer);
      resume();
    }, ms);
    this.resumeTimers.add(timer);
  }

  /**
   * Applies a run of events, trying again with backoff. When the handler keeps failing while
   * its dependencies answer, a run of several is split and its events tried one by one, and a
   * single event is set aside; while they do not answer, the run is tried again until they do.
   */
  private async handleRun(events: readonly Delivered[]): Promise<void> {
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
        if (this.stopping.signal.aborted) throw error;
        if (attempt >= maxAttempts && (await this.dependenciesAnswer())) {
          if (events.length > 1) {
            this.logger.warn('batch kept failing; trying its events one by one', fields);
            for (const event of events) await this.handleRun([event]);
            return;
          }
          await this.retryLater(events[0]!, reasonOf(error));
          return;
        }
        this.logger.warn(attempt >= maxAttempts ? 'handler failed and its dependencies do not answer; retrying in place' : 'handler failed; retrying', fields);
        await sleep(backoffDelay(Math.min(attempt, maxAttempts), this.options.retryBaseMs ?? 200, this.options.retryCapMs ?? 5_000), this.stopping.signal);
      }
    }
  }

  private async dependenciesAnswer(): Promise<boolean> {
    if (!this.options.dependenciesAnswer) return true;
    return this.options.dependenciesAnswer().catch(() => false);
  }

  /** Sets an event whose handler kept failing aside: on the retry topic for its next round, or after the last, on the dead-letter topic. */
  private async retryLater(event: Delivered, reason: SetAsideReason): Promise<void> {
    const place: MessagePlace = { topic: event.topic, partition: event.partition, offset: event.offset };
    const round = retryRoundOf(event.headers) + 1;
    const fields = { eventId: event.envelope.eventId, streamId: event.envelope.streamId, ...place, code: reason.code, reason: reason.message };
    if (round > (this.options.retryRounds ?? RETRY_ROUNDS)) {
      const message = retryMessage(event.envelope, event.headers, place, reason, this.options.groupId, round, 0);
      await this.setAside(this.deadLetterTopicOf(event.topic), deadLetterMessage(message, place, reason, this.options.groupId));
      this.logger.error('handler kept failing after its last retry; event dead-lettered', fields);
      return;
    }
    const delayMs = (this.options.retryDelayMs ?? 10_000) * 4 ** (round - 1);
    await this.setAside(retryTopic(this.categoryOf(event.topic), this.options.groupId, this.options.topicPrefix), retryMessage(event.envelope, event.headers, place, reason, this.options.groupId, round, delayMs));
    this.logger.warn('handler kept failing; event set aside to be retried', { ...fields, round, delayMs });
  }

  /** The category a topic of this group belongs to: an events topic or one of its retry topics. */
  private categoryOf(topic: string): StreamCategory {
    return topic.slice(this.options.topicPrefix.length).split('.')[1] as StreamCategory;
  }

  private deadLetterTopicOf(topic: string): string {
    return deadLetterTopic(this.categoryOf(topic), this.options.groupId, this.options.topicPrefix);
  }

  private async setAside(topic: string, message: Message): Promise<void> {
    if (this.options.setsAside === false) return;
    await this.deadLetters.send({ topic, acks: -1, messages: [message] });
  }
}
