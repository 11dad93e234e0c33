import { CommandBus, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { ProblemError } from '@briefwatch/service-kit';
import { parseOpml } from '../../opml/opml.js';
import { RegisterSourceCommand } from '../register-source/register-source.command.js';
import { registerSourceInputSchema } from '../register-source/register-source.input.js';
import { ImportOpmlCommand, type OpmlImport } from './import-opml.command.js';

export const MAX_OPML_CHARACTERS = 5 * 1024 * 1024;

@CommandHandler(ImportOpmlCommand)
export class ImportOpmlHandler implements ICommandHandler<ImportOpmlCommand, OpmlImport> {
  constructor(private readonly commandBus: CommandBus) {}

  async execute({ opml, correlationId }: ImportOpmlCommand): Promise<OpmlImport> {
    if (opml.length > MAX_OPML_CHARACTERS) throw new ProblemError('OPML.INVALID', 'the OPML document is larger than 5 MB');
    let feeds;
    try {
      feeds = parseOpml(opml);
    } catch (error) {
      throw new ProblemError('OPML.INVALID', (error as Error).message);
    }
    const result: OpmlImport = { feeds: feeds.length, registered: 0, alreadyRegistered: 0, invalid: [] };
    for (const feed of feeds) {
      const input = registerSourceInputSchema.safeParse({ feedUrl: feed.feedUrl, ...(feed.title ? { title: feed.title } : {}), publisher: feed.publisher, kind: feed.kind });
      if (!input.success) {
        result.invalid.push({ feedUrl: feed.feedUrl, reason: input.error.issues.map((issue) => issue.message).join('; ') });
        continue;
      }
      try {
        await this.commandBus.execute(new RegisterSourceCommand(input.data, correlationId));
        result.registered += 1;
      } catch (error) {
        if ((error as { code?: string }).code !== 'SOURCE.ALREADY_REGISTERED') throw error;
        result.alreadyRegistered += 1;
      }
    }
    return result;
  }
}
