import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { streamIdOf } from '@briefwatch/contracts';
import type { PrismaClient } from '@briefwatch/db';
import { appendToStream, readStream } from '@briefwatch/event-store';
import { PRISMA } from '@briefwatch/service-kit';
import { decideRegisterSource, evolve, initialSourceState } from '../../source.js';
import { normalizeFeedUrl, sourceIdFor } from '../../source-identity.js';
import { RegisterSourceCommand, type SourceRegistration } from './register-source.command.js';

@CommandHandler(RegisterSourceCommand)
export class RegisterSourceHandler implements ICommandHandler<RegisterSourceCommand, SourceRegistration> {
  constructor(@Inject(PRISMA) private readonly prisma: PrismaClient) {}

  async execute({ input, correlationId, causationId }: RegisterSourceCommand): Promise<SourceRegistration> {
    const feedUrl = normalizeFeedUrl(input.feedUrl);
    const sourceId = sourceIdFor(feedUrl);
    const streamId = streamIdOf('source', sourceId);
    const history = await readStream(this.prisma, streamId);
    const events = decideRegisterSource(
      {
        sourceId,
        feedUrl,
        title: input.title ?? new URL(feedUrl).hostname,
        publisher: input.publisher ?? null,
        kind: input.kind,
        now: new Date(),
      },
      history.reduce(evolve, initialSourceState),
    );
    await appendToStream(this.prisma, streamId, events, { expectedVersion: history.length, metadata: { correlationId, causationId } });
    return { sourceId, streamId, feedUrl };
  }
}
