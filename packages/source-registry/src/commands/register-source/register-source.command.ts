import { Command } from '@nestjs/cqrs';
import type { RegisterSourceInput } from './register-source.input.js';

export interface SourceRegistration {
  sourceId: string;
  streamId: string;
  feedUrl: string;
}

export class RegisterSourceCommand extends Command<SourceRegistration> {
  constructor(
    readonly input: RegisterSourceInput,
    readonly correlationId: string,
    readonly causationId: string | null = null,
  ) {
    super();
  }
}
