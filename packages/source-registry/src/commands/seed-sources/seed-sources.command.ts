import { Command } from '@nestjs/cqrs';

export interface SeedResult {
  registered: Array<{ sourceId: string; feedUrl: string; kind: string }>;
  alreadyRegistered: number;
}

/** Registers the cited publishers' feeds and a follow-up feed per topic, for one brief or all. */
export class SeedSourcesCommand extends Command<SeedResult> {
  constructor(
    readonly briefId: string | null,
    readonly correlationId: string,
  ) {
    super();
  }
}
