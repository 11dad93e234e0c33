import { CommandBus } from '@nestjs/cqrs';
import { z } from 'zod';
import { ProblemError, type CliCommand } from '@briefwatch/service-kit';
import { ChangeSourceStatusCommand, type SourceStatusChange } from './change-source-status.command.js';

function statusCli(change: SourceStatusChange, summary: string): CliCommand {
  return {
    path: ['sources', change],
    summary,
    usage: `briefwatch sources ${change} <source-id>${change === 'pause' ? ' [--reason <why>]' : ''}`,
    options: change === 'pause' ? { reason: { type: 'string', description: 'why, for the source timeline' } } : {},
    async run({ positionals, options, app, correlationId, print }) {
      const sourceId = positionals[0];
      if (!sourceId || !z.uuid().safeParse(sourceId).success) throw new ProblemError('SOURCE.INVALID_ID', 'give the source id (see `briefwatch sources list`)');
      const result = await app.get(CommandBus).execute(new ChangeSourceStatusCommand(sourceId, change, (options.reason as string | undefined) ?? null, correlationId));
      print(`source ${result.sourceId} is now ${result.status}`);
    },
  };
}

export const pauseSourceCli = statusCli('pause', 'stop polling a source until it is resumed');
export const resumeSourceCli = statusCli('resume', 'poll a paused source again');
export const removeSourceCli = statusCli('remove', 'stop watching a source (its timeline and articles stay)');
