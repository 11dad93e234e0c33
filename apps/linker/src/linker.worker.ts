import { Inject, Injectable, type OnApplicationBootstrap, type BeforeApplicationShutdown } from '@nestjs/common';
import type { Kafka } from 'kafkajs';
import type { BriefwatchConfig } from '@briefwatch/config';
import { streamIdOf, type ArticleContent, type BriefImported } from '@briefwatch/contracts';
import type { PrismaClient } from '@briefwatch/db';
import { applyOnce, decideAndAppend } from '@briefwatch/event-store';
import { EventConsumer, outcomeOf, type ConsumedEvent, type HandlerOutcome } from '@briefwatch/kafka';
import type { Logger } from '@briefwatch/logging';
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

  async onApplicationBootstrap(): Promise<void> {
    await this.consumer.start();
  }

  async beforeApplicationShutdown(): Promise<void> {
    await this.consumer.stop();
  }
}
