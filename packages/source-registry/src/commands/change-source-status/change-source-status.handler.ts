import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { streamIdOf } from '@briefwatch/contracts';
import type { PrismaClient } from '@briefwatch/db';
import { decideAndAppend } from '@briefwatch/event-store';
import { PRISMA } from '@briefwatch/service-kit';
import { decidePauseSource, decideRemoveSource, decideResumeSource, sourceModel } from '../../source.js';
import { ChangeSourceStatusCommand } from './change-source-status.command.js';

const RESULTING_STATUS = { pause: 'paused', resume: 'active', remove: 'removed' } as const;

@CommandHandler(ChangeSourceStatusCommand)
export class ChangeSourceStatusHandler implements ICommandHandler<ChangeSourceStatusCommand> {
  constructor(@Inject(PRISMA) private readonly prisma: PrismaClient) {}

  execute({ sourceId, change, reason, correlationId, causationId }: ChangeSourceStatusCommand) {
    const now = new Date();
    return decideAndAppend(
      this.prisma,
      streamIdOf('source', sourceId),
      sourceModel,
      (state) => ({
        events:
          change === 'pause' ? decidePauseSource(sourceId, reason, now, state) : change === 'resume' ? decideResumeSource(sourceId, now, state) : decideRemoveSource(sourceId, now, state),
        result: { sourceId, status: RESULTING_STATUS[change] },
      }),
      { correlationId, causationId },
    );
  }
}
