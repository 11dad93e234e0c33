import { CommandBus } from '@nestjs/cqrs';
import { RequestValidationError, type CliCommand } from '@briefwatch/service-kit';
import { RegisterSourceCommand } from './register-source.command.js';
import { registerSourceInputSchema } from './register-source.input.js';

export const registerSourceCli: CliCommand = {
  path: ['sources', 'add'],
  summary: 'register a feed to watch',
  usage: 'briefwatch sources add <feed-url> [--title T] [--publisher P] [--kind publisher|follow-up]',
  options: {
    title: { type: 'string', description: 'a name for the feed (default: its host)' },
    publisher: { type: 'string', description: 'who publishes it, e.g. Wired' },
    kind: { type: 'string', description: 'publisher (a cited outlet) or follow-up (a search feed)' },
  },
  async run({ positionals, options, app, correlationId, print }) {
    const parsed = registerSourceInputSchema.safeParse({
      feedUrl: positionals[0],
      ...(options.title !== undefined ? { title: options.title } : {}),
      ...(options.publisher !== undefined ? { publisher: options.publisher } : {}),
      ...(options.kind !== undefined ? { kind: options.kind } : {}),
    });
    if (!parsed.success) {
      throw new RequestValidationError(parsed.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message })));
    }
    const registration = await app.get(CommandBus).execute(new RegisterSourceCommand(parsed.data, correlationId));
    print(`registered ${registration.feedUrl} as source ${registration.sourceId}`);
  },
};
