import { Command } from '@nestjs/cqrs';

export type SourceStatusChange = 'pause' | 'resume' | 'remove';

export class ChangeSourceStatusCommand extends Command<{ sourceId: string; status: 'paused' | 'active' | 'removed' }> {
  constructor(
    readonly sourceId: string,
    readonly change: SourceStatusChange,
    readonly reason: string | null,
    readonly correlationId: string,
    readonly causationId: string | null = null,
  ) {
    super();
  }
}
