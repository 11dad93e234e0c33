import type { EventEnvelope } from '@briefwatch/contracts';
import type { PrismaClient } from '@briefwatch/db';
import { backoffDelay, sleep } from '@briefwatch/kafka';
import type { Logger } from '@briefwatch/logging';
import type { Database } from './database.js';
import { readCommittedAfter, START_OF_STORE, type StoreCheckpoint } from './committed-events.js';

/** Where the relay sends events: in production Kafka's EventPublisher. */
export interface EventSink {
  /**
   * Resolves only once every event is durably accepted, or answered back as refused for what
   * it is (too large for the broker): a refusal no retry would change.
   */
  publish(events: readonly EventEnvelope[]): Promise<void | { refused: ReadonlyArray<{ envelope: EventEnvelope; reason: string }> }>;
}

export interface OutboxRelayOptions {
  /** Checkpoint name; one relay per name is active at a time. */
  name?: string;
  batchSize: number;
  pollIntervalMs: number;
}

/**
 * Tails the event store (which is the outbox) and publishes each committed event, in
 * order per stream, at least once. The checkpoint advances in the same transaction that
 * read the batch, and only after the sink acknowledged it; a crash in between republishes
 * the batch, which consumers' inboxes absorb. A transaction-scoped advisory lock lets
 * several relay instances run while only one publishes at a time. An event the broker
 * refuses for what it is (too large) is parked in `relay_parked_events` with the broker's
 * reason, in the same transaction as the checkpoint: it is kept, and stops nothing.
 */
export class OutboxRelay {
  private readonly name: string;
  private readonly stopping = new AbortController();
  private loop: Promise<void> | undefined;

  constructor(
    private readonly prisma: PrismaClient,
    private readonly sink: EventSink,
    private readonly options: OutboxRelayOptions,
    private readonly logger: Logger,
  ) {
    this.name = options.name ?? 'kafka';
  }

  /** Publishes at most one batch; returns how many events it published. */
  async publishBatch(): Promise<number> {
    return this.prisma.$transaction(
      async (tx) => {
        const [lock] = await tx.$queryRaw<Array<{ locked: boolean }>>`
          SELECT pg_try_advisory_xact_lock(hashtext('briefwatch.relay'), hashtext(${this.name})) AS locked`;
        if (!lock?.locked) return 0;
        const checkpoint = await this.loadCheckpoint(tx);
        const batch = await readCommittedAfter(tx, checkpoint, this.options.batchSize);
        if (batch.events.length === 0) return 0;
        const outcome = await this.sink.publish(batch.events);
        // An event the broker will never take is parked with its reason, and the streams behind it flow on.
        for (const { envelope, reason } of outcome?.refused ?? []) {
          await tx.$executeRaw`
            INSERT INTO relay_parked_events (relay, event_id, global_position, reason)
            VALUES (${this.name}, ${envelope.eventId}::uuid, ${envelope.globalPosition}, ${reason})
            ON CONFLICT (relay, event_id) DO NOTHING`;
          this.logger.error('the broker refused an event; parked, the relay moves on', { relay: this.name, eventId: envelope.eventId, streamId: envelope.streamId, type: envelope.type, reason });
        }
        await tx.$executeRaw`
          INSERT INTO relay_checkpoints (name, transaction_id, global_position, updated_at)
          VALUES (${this.name}, ${batch.checkpoint.transactionId}::xid8, ${batch.checkpoint.globalPosition}, now())
          ON CONFLICT (name) DO UPDATE
            SET transaction_id = EXCLUDED.transaction_id, global_position = EXCLUDED.global_position, updated_at = now()`;
        return batch.events.length;
      },
      { maxWait: 10_000, timeout: 120_000 },
    );
  }

  private async loadCheckpoint(tx: Database): Promise<StoreCheckpoint> {
    const rows = await tx.$queryRaw<Array<{ transaction_id: string; global_position: bigint }>>`
      SELECT transaction_id::text, global_position FROM relay_checkpoints WHERE name = ${this.name}`;
    const row = rows[0];
    return row ? { transactionId: row.transaction_id, globalPosition: Number(row.global_position) } : START_OF_STORE;
  }

  /** Runs until stop(): a full batch is followed at once by the next, otherwise it polls. */
  start(): void {
    if (this.loop) return;
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    this.stopping.abort();
    await this.loop;
  }

  private async run(): Promise<void> {
    let failures = 0;
    this.logger.log('relay started', { relay: this.name, batchSize: this.options.batchSize });
    while (!this.stopping.signal.aborted) {
      try {
        const published = await this.publishBatch();
        if (failures > 0) this.logger.log('relay recovered', { relay: this.name, after: failures });
        failures = 0;
        if (published > 0) this.logger.debug('published', { relay: this.name, count: published });
        if (published < this.options.batchSize) await sleep(this.options.pollIntervalMs, this.stopping.signal);
      } catch (error) {
        failures += 1;
        const delay = backoffDelay(failures, 250, 10_000);
        this.logger.error('relay batch failed; nothing was skipped, retrying', { relay: this.name, failures, retryInMs: delay, error });
        await sleep(delay, this.stopping.signal);
      }
    }
    this.logger.log('relay stopped', { relay: this.name });
  }
}
