import { Inject } from '@nestjs/common';
import { CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { streamIdOf } from '@briefwatch/contracts';
import type { PrismaClient } from '@briefwatch/db';
import { decideAndAppend } from '@briefwatch/event-store';
import { PRISMA } from '@briefwatch/service-kit';
import { BriefFormatError } from '../../brief-errors.js';
import { profileBrief } from '../../brief-document.js';
import { evolveBrief, initialBriefState } from '../../brief-state.js';
import { decideImportBrief, type ImportSummary } from '../../decide-import.js';
import { parseProfileOverrides } from '../../profile/profile-overrides.js';
import { parseBriefBytes } from '../../read-brief.js';
import { alignWithStoredBrief } from '../../stable-ids.js';
import { ImportBriefCommand } from './import-brief.command.js';

const BRIEF_ID = /^[a-z0-9][a-z0-9-]{0,99}$/;

@CommandHandler(ImportBriefCommand)
export class ImportBriefHandler implements ICommandHandler<ImportBriefCommand, ImportSummary> {
  constructor(@Inject(PRISMA) private readonly prisma: PrismaClient) {}

  async execute({ input, correlationId, causationId }: ImportBriefCommand): Promise<ImportSummary> {
    if (!BRIEF_ID.test(input.briefId)) {
      throw new BriefFormatError('BRIEF.INVALID_ID', `"${input.briefId}" is not a brief id: lower-case letters, digits and dashes, at most 100`);
    }
    // Everything that can be wrong with the input is found before the store is touched.
    const parsed = parseBriefBytes(input.bytes);
    const overrides = input.overrides ? parseProfileOverrides(input.overrides.text, input.overrides.fileName) : {};

    // Two imports of one brief at once: the later is decided again on what the first stored (usually: nothing to add).
    return decideAndAppend(
      this.prisma,
      streamIdOf('brief', input.briefId),
      { initial: initialBriefState, evolve: evolveBrief },
      (state) => {
        const document = profileBrief(alignWithStoredBrief(parsed, state), overrides);
        const { events, summary } = decideImportBrief({ briefId: input.briefId, document, fileName: input.fileName, now: new Date() }, state);
        return { events, result: summary };
      },
      { correlationId, causationId },
    );
  }
}
