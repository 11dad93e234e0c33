import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { Inject, Injectable, type OnApplicationBootstrap, type BeforeApplicationShutdown } from '@nestjs/common';
import type { BriefwatchConfig } from '@briefwatch/config';
import type { PrismaClient } from '@briefwatch/db';
import { AllowList, HostLimiter } from '@briefwatch/feeds';
import { backoffDelay, sleep } from '@briefwatch/kafka';
import type { Logger } from '@briefwatch/logging';
import { CONFIG, LOGGER, PRISMA } from '@briefwatch/service-kit';
import { leaseDueSources, releaseLeases, type LeasedSource } from './poll-leases.js';
import { pollSource } from './poll-source.js';
import { recordPoll } from './record-poll.js';

/**
 * The ingestor's loop: lease the sources that are due, poll them (at most
 * INGEST_CONCURRENCY at once, two per host), record each poll, repeat. On shutdown it
 * stops leasing, lets the polls in hand finish and be recorded, and gives its leases back.
 */
@Injectable()
export class IngestorWorker implements OnApplicationBootstrap, BeforeApplicationShutdown {
  readonly owner = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  private readonly stopping = new AbortController();
  private readonly inFlight = new Set<Promise<void>>();
  private readonly hosts = new HostLimiter(2);
  private readonly allow: AllowList;
  private loop: Promise<void> | undefined;

  constructor(
    @Inject(CONFIG) private readonly config: BriefwatchConfig,
    @Inject(PRISMA) private readonly prisma: PrismaClient,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {
    this.allow = new AllowList(config.fetch.allow);
  }

  onApplicationBootstrap(): void {
    this.loop = this.run();
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopping.abort();
    await this.loop;
    await Promise.allSettled([...this.inFlight]);
    await releaseLeases(this.prisma, this.owner).catch(() => {});
  }

  private get policy() {
    const { initialIntervalSeconds, floorSeconds, ceilingSeconds } = this.config.ingest;
    return { initialSeconds: initialIntervalSeconds, floorSeconds, ceilingSeconds };
  }

  private async run(): Promise<void> {
    const { concurrency, tickMs, leaseSeconds, initialIntervalSeconds } = this.config.ingest;
    this.logger.log('ingestor started', { owner: this.owner, concurrency, allow: this.allow.size });
    let failures = 0;
    while (!this.stopping.signal.aborted) {
      try {
        const free = concurrency - this.inFlight.size;
        const leased = free > 0 ? await leaseDueSources(this.prisma, this.owner, free, leaseSeconds, initialIntervalSeconds) : [];
        for (const source of leased) this.track(this.pollAndRecord(source));
        failures = 0;
        if (leased.length === 0) await sleep(tickMs, this.stopping.signal);
      } catch (error) {
        failures += 1;
        this.logger.error('could not lease sources; retrying', { error, failures });
        await sleep(backoffDelay(failures, 500, 15_000), this.stopping.signal);
      }
    }
  }

  private track(work: Promise<void>): void {
    this.inFlight.add(work);
    void work.finally(() => this.inFlight.delete(work));
  }

  private async pollAndRecord(source: LeasedSource): Promise<void> {
    const host = (() => {
      try {
        return new URL(source.feedUrl).host;
      } catch {
        return source.feedUrl;
      }
    })();
    const { totalTimeoutMs, maxBodyBytes } = this.config.fetch;
    const attempt = await this.hosts.run(host, () => pollSource(source, this.allow, { totalTimeoutMs, maxBodyBytes }));
    try {
      const recorded = await recordPoll(this.prisma, attempt, this.policy, this.config.ingest);
      const fields = { sourceId: source.sourceId, feedUrl: source.feedUrl, status: attempt.response?.status, new: recorded.itemsNew, revised: recorded.itemsRevised, next: recorded.nextPollAt.toISOString() };
      if (attempt.error) this.logger.warn('poll failed', { ...fields, code: attempt.error.code, message: attempt.error.message });
      else this.logger.log('polled', fields);
    } catch (error) {
      // Nothing of the poll was stored; the lease runs out and the source is polled again.
      this.logger.error('could not record a poll; it will be made again', { sourceId: source.sourceId, error });
    }
  }
}
