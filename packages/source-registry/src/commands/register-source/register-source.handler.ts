import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { streamIdOf } from '@briefwatch/contracts';
import type { PrismaClient } from '@briefwatch/db';
import { decideAndAppend } from '@briefwatch/event-store';
import { resolvePublisher } from '@briefwatch/publishers';
import { PRISMA } from '@briefwatch/service-kit';
import { decideRegisterSource, sourceModel } from '../../source.js';
import { normalizeFeedUrl, sourceIdFor } from '../../source-identity.js';
import { RegisterSourceCommand, type SourceRegistration } from './register-source.command.js';

@CommandHandler(RegisterSourceCommand)
export class RegisterSourceHandler implements ICommandHandler<RegisterSourceCommand, SourceRegistration> {
  constructor(@Inject(PRISMA) private readonly prisma: PrismaClient) {}

  async execute({ input, correlationId, causationId }: RegisterSourceCommand): Promise<SourceRegistration> {
    const feedUrl = normalizeFeedUrl(input.feedUrl);
    const sourceId = sourceIdFor(feedUrl);
    const streamId = streamIdOf('source', sourceId);
    const publisher = input.publisher ? resolvePublisher(input.publisher) : undefined;
    return decideAndAppend(
      this.prisma,
      streamId,
      sourceModel,
      (state) => ({
        events: decideRegisterSource(
          {
            sourceId,
            feedUrl,
            title: input.title ?? new URL(feedUrl).hostname,
            publisher: publisher?.name ?? input.publisher ?? null,
            publisherKey: publisher?.key ?? null,
            kind: input.kind,
            followsUp: input.followsUp ?? null,
            now: new Date(),
          },
          state,
        ),
        result: { sourceId, streamId, feedUrl },
      }),
      { correlationId, causationId },
    );
  }
}
