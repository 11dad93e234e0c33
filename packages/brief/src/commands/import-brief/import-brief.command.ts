import { Command } from '@nestjs/cqrs';
import type { ImportSummary } from '../../decide-import.js';

export interface ImportBriefInput {
  /** The brief's stream is `brief-<briefId>`; importing under the same id makes a new version. */
  briefId: string;
  fileName: string | null;
  bytes: Uint8Array;
  overrides: { fileName: string; text: string } | null;
}

export class ImportBriefCommand extends Command<ImportSummary> {
  constructor(
    readonly input: ImportBriefInput,
    readonly correlationId: string,
    readonly causationId: string | null = null,
  ) {
    super();
  }
}
