import { Inject, Injectable, type OnApplicationBootstrap, type BeforeApplicationShutdown } from '@nestjs/common';
import type { Kafka } from 'kafkajs';
import type { BriefwatchConfig } from '@briefwatch/config';
import { streamIdOf, type ArticleContent, type BriefImported } from '@briefwatch/contracts';
import type { PrismaClient } from '@briefwatch/db';
import { applyOnce, decideAndAppend } from '@briefwatch/event-store';
import { EventConsumer, outcomeOf, type ConsumedEvent, type HandlerOutcome } from '@briefwatch/kafka';
import type { Logger } from '@briefwatch/logging';
import { MATCHER_VERSION } from '@briefwatch/linking';
import { CONFIG, KAFKA, LOGGER, PRISMA } from '@briefwatch/service-kit';
import { BriefLinkers } from './brief-linkers.js';
import { decideLinks, linkModel } from './decide-links.js';
import { relinkArticles } from './relink.js';

export const LINKER_GROUP = 'linker';

/**
 * Links each new or revised article to every imported brief, and every stored article again
 * when a brief changes. The link events and the
 * inbox record are written in one transaction: a redelivered article event links nothing twice.
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
    this.consumer = new EventConsumer(kafka, { groupId: LINKER_GROUP, categories: ['article', 'brief'], topicPrefix: config.kafka.topicPrefix, sessionTimeoutMs: config.kafka.sessionTimeoutMs }, (event) => this.handle(event), logger);
  }

  private async handle({ envelope }: ConsumedEvent): Promise<HandlerOutcome> {
    if (envelope.type === 'BriefImported') return this.relinkFor(envelope.data as BriefImported, envelope.metadata.correlationId);
    if (envelope.type !== 'ArticleDiscovered' && envelope.type !== 'ArticleRevised') return 'ignored';
    const article = envelope.data as ArticleContent & { revision?: number };
    const applied = await applyOnce(this.prisma, LINKER_GROUP, envelope.eventId, async (tx) => {
      const linkers = await this.linkers.current(tx);
      const events = await decideAndAppend(
        tx,
        streamIdOf('link', article.articleId),
        linkModel,
        (state) => {
          const decided = decideLinks(article, linkers, state, new Date());
          return { events: decided, result: decided };
        },
        { correlationId: envelope.metadata.correlationId, causationId: envelope.eventId },
      );
      if (events.length > 0) this.logger.log('linked', { articleId: article.articleId, events: events.map((e) => e.type).join(','), correlationId: envelope.metadata.correlationId });
    });
    return outcomeOf(applied);
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
