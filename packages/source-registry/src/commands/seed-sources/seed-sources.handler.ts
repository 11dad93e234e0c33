import { Inject } from '@nestjs/common';
import { CommandBus, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import type { TrackingProfileData } from '@briefwatch/contracts';
import type { PrismaClient } from '@briefwatch/db';
import { publisherByKey } from '@briefwatch/publishers';
import { PRISMA, ProblemError } from '@briefwatch/service-kit';
import { RegisterSourceCommand } from '../register-source/register-source.command.js';
import type { RegisterSourceInput } from '../register-source/register-source.input.js';
import { followUpQuery, googleNewsSearchFeed } from './follow-up-feed.js';
import { SeedSourcesCommand, type SeedResult } from './seed-sources.command.js';

@CommandHandler(SeedSourcesCommand)
export class SeedSourcesHandler implements ICommandHandler<SeedSourcesCommand, SeedResult> {
  constructor(
    @Inject(PRISMA) private readonly prisma: PrismaClient,
    private readonly commandBus: CommandBus,
  ) {}

  async execute({ briefId, correlationId }: SeedSourcesCommand): Promise<SeedResult> {
    const where = { withdrawnAt: null, ...(briefId ? { briefId } : {}) };
    const [citations, topics, claims] = await Promise.all([
      this.prisma.briefCitation.findMany({ where }),
      this.prisma.briefTopic.findMany({ where }),
      this.prisma.briefClaim.findMany({ where }),
    ]);
    if (topics.length === 0) throw new ProblemError('BRIEF.NOT_FOUND', briefId ? `no imported brief ${briefId}` : 'no brief imported yet: run `briefwatch brief import <file>` first');

    const wanted: RegisterSourceInput[] = [];
    const publisherKeys = new Set(citations.flatMap((c) => [c.publisherKey, c.venueKey]).filter((k): k is string => Boolean(k)));
    for (const key of publisherKeys) {
      const publisher = publisherByKey(key)!;
      for (const feed of publisher.feeds) wanted.push({ feedUrl: feed.url, title: feed.title, publisher: publisher.name, kind: 'publisher' });
    }
    for (const topic of topics) {
      const profiles = [topic.profile, ...claims.filter((c) => c.briefId === topic.briefId && c.topicId === topic.topicId).map((c) => c.profile)] as unknown as TrackingProfileData[];
      const query = followUpQuery(profiles);
      if (!query) continue;
      wanted.push({ feedUrl: googleNewsSearchFeed(query), title: `Follow-up: ${topic.title}`, publisher: null, kind: 'follow-up', followsUp: { briefId: topic.briefId, topicId: topic.topicId } });
    }

    const result: SeedResult = { registered: [], alreadyRegistered: 0 };
    for (const input of wanted) {
      try {
        const registration = await this.commandBus.execute(new RegisterSourceCommand(input, correlationId));
        result.registered.push({ sourceId: registration.sourceId, feedUrl: registration.feedUrl, kind: input.kind });
      } catch (error) {
        if ((error as { code?: string }).code !== 'SOURCE.ALREADY_REGISTERED') throw error;
        result.alreadyRegistered += 1;
      }
    }
    return result;
  }
}
