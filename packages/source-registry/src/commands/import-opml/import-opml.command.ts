import { Command } from '@nestjs/cqrs';

export interface OpmlImport {
  feeds: number;
  registered: number;
  alreadyRegistered: number;
  invalid: Array<{ feedUrl: string; reason: string }>;
}

/** Registers every feed an OPML document lists. */
export class ImportOpmlCommand extends Command<OpmlImport> {
  constructor(
    readonly opml: string,
    readonly correlationId: string,
  ) {
    super();
  }
}
