import { Inject, Injectable, type OnApplicationBootstrap, type BeforeApplicationShutdown } from '@nestjs/common';
import type { Kafka } from 'kafkajs';
import type { BriefwatchConfig } from '@briefwatch/config';
import { streamIdOf, type ArticleContent, type BriefImported, type EventEnvelope } from '@briefwatch/contracts';
import type { PrismaClient } from '@briefwatch/db';
import { appendToStreams, databaseAnswers, inTransaction, readStreams, recordFirstDeliveries, type StreamAppend } from '@briefwatch/event-store';
import { EventConsumer, type ConsumedEvent, type HandlerOutcome } from '@briefwatch/kafka';
import type { Logger } from '@briefwatch/logging';
import { MATCHER_VERSION } from '@briefwatch/linking';
import { CONFIG, KAFKA, LOGGER, PRISMA } from '@briefwatch/service-kit';
import { BriefLinkers } from './brief-linkers.js';
import { decideLinks, linkModel } from './decide-links.js';
import { relinkArticles } from './relink.js';

export const LINKER_GROUP = 'linker';

/**
 * Links each new or revised article to every imported brief, and every stored article again
 * when a brief changes. Article events come in batches: their link streams are read in one
 * query, and every link event and inbox record of the batch written in one transaction, so a
 * redelivered article event links nothing twice.
 */
@Injectable()
export class LinkerWorker implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly consumer: EventConsumer;
  private readonly linkers = new BriefLinkers();
  private relinking: Promise<void> = Promise.resolve();
  private readonly stopping = new AbortController();

  constructor(
    @Inject(CONFIG) config: BriefwatchConfig,
    @Inject(KAFKA) kafka: Kafka,
    @Inject(PRISMA) private readonly prisma: PrismaClient,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {
    this.consumer = new EventConsumer(kafka, { groupId: LINKER_GROUP, categories: ['article', 'brief'], topicPrefix: config.kafka.topicPrefix, sessionTimeoutMs: config.kafka.sessionTimeoutMs, retryDelayMs: config.kafka.retryDelayMs, retryRounds: config.kafka.retryRounds, dependenciesAnswer: () => databaseAnswers(prisma) }, { batch: (events) => this.handleBatch(events) }, logger);
  }

  private async handleBatch(events: readonly ConsumedEvent[]): Promise<HandlerOutcome[]> {
    const outcomes: HandlerOutcome[] = [];
    let articles: ConsumedEvent[] = [];
    const pendingIds = new Set<string>();
    const linkPending = async () => {
      outcomes.push(...(await this.linkArticles(articles)));
      articles = [];
      pendingIds.clear();
    };
    for (const event of events) {
      const { envelope } = event;
      if (envelope.type === 'ArticleDiscovered' || envelope.type === 'ArticleRevised') {
        // An article twice in one batch (found, then revised): its second version is decided on what the first wrote.
        if (pendingIds.has(articleIdOf(envelope))) await linkPending();
        articles.push(event);
        pendingIds.add(articleIdOf(envelope));
        continue;
      }
      await linkPending();
      outcomes.push(envelope.type === 'BriefImported' ? await this.relinkFor(envelope.data as BriefImported, envelope.metadata.correlationId) : 'ignored');
    }
    await linkPending();
    return outcomes;
  }

  /** Links articles, each at most once per batch, in one transaction with their inbox records. */
  private async linkArticles(events: readonly ConsumedEvent[]): Promise<HandlerOutcome[]> {
    if (events.length === 0) return [];
    const now = new Date();
    return inTransaction(this.prisma, async (tx) => {
      const fresh = await recordFirstDeliveries(tx, LINKER_GROUP, events.map((e) => e.envelope.eventId));
      const toLink = events.filter((e) => fresh.has(e.envelope.eventId));
      if (toLink.length === 0) return events.map(() => 'already-applied' as const);
      const linkers = await this.linkers.current(tx);
      const histories = await readStreams(tx, toLink.map((e) => streamIdOf('link', articleIdOf(e.envelope))));
      const appends: StreamAppend[] = [];
      for (const { envelope } of toLink) {
        const article = envelope.data as ArticleContent & { revision?: number };
        const streamId = streamIdOf('link', article.articleId);
        const history = histories.get(streamId)!;
        const decided = decideLinks(article, linkers, history.reduce(linkModel.evolve, linkModel.initial()), now);
        if (decided.length === 0) continue;
        appends.push({ streamId, events: decided, expectedVersion: history.length, metadata: { correlationId: envelope.metadata.correlationId, causationId: envelope.eventId } });
        this.logger.log('linked', { articleId: article.articleId, events: decided.map((e) => e.type).join(','), correlationId: envelope.metadata.correlationId });
      }
      await appendToStreams(tx, appends);
      return events.map((e) => (fresh.has(e.envelope.eventId) ? 'applied' : 'already-applied'));
    });
  }

  /**
   * A new version of a brief (its claims, topics or tracking profiles changed): every stored
   * article is linked again against it. Re-linking changes only what the new version decides
   * differently, so a redelivered import re-links nothing twice.
   */
  private async relinkFor(imported: BriefImported, correlationId: string): Promise<HandlerOutcome> {
    const linkers = (await this.linkers.current(this.prisma)).filter((l) => l.briefId === imported.briefId);
    const report = await relinkArticles(this.prisma, linkers, {
      apply: true,
      reason: `version ${imported.version} of brief ${imported.briefId} no longer supports this link`,
      correlationId,
    });
    const added = report.changes.filter((c) => c.change === 'add').length;
    this.logger.log('re-linked stored articles for a new brief version', { briefId: imported.briefId, version: imported.version, articles: report.articles, added, removed: report.changes.length - added, correlationId });
    return 'applied';
  }

  /**
   * Links made by an earlier version of the matcher are made again by this one, once, in the
   * background: an upgrade re-links stored coverage without anyone asking.
   */
  private async relinkIfMatcherChanged(): Promise<void> {
    const stale = await this.prisma.coverageLink.count({ where: { retractedAt: null, matcherVersion: { not: MATCHER_VERSION } } });
    if (stale === 0) return;
    this.logger.log('links from an earlier matcher found; re-linking stored articles', { stale, matcherVersion: MATCHER_VERSION });
    const report = await relinkArticles(this.prisma, await this.linkers.current(this.prisma), {
      apply: true,
      reason: `matcher ${MATCHER_VERSION} no longer supports this link`,
      correlationId: `relink-${MATCHER_VERSION}`,
      signal: this.stopping.signal,
    });
    this.logger.log('re-linked stored articles with the current matcher', { articles: report.articles, changes: report.changes.length });
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.consumer.start();
    this.relinking = this.relinkIfMatcherChanged().catch((error) => this.logger.error('re-linking with the current matcher failed; run `briefwatch links relink`', { error }));
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopping.abort();
    await this.relinking;
    await this.consumer.stop();
  }
}

const articleIdOf = (envelope: EventEnvelope): string => (envelope.data as { articleId: string }).articleId;
