import { CommandBus } from '@nestjs/cqrs';
import type { CliCommand } from '@briefwatch/service-kit';
import { SeedSourcesCommand } from './seed-sources.command.js';

export const seedSourcesCli: CliCommand = {
  path: ['sources', 'seed'],
  summary: "register the cited publishers' feeds and a follow-up search feed per topic",
  usage: 'briefwatch sources seed [--brief <brief-id>]',
  options: { brief: { type: 'string', description: 'only this brief (default: every imported brief)' } },
  async run({ options, app, correlationId, print }) {
    const result = await app.get(CommandBus).execute(new SeedSourcesCommand((options.brief as string | undefined) ?? null, correlationId));
    for (const source of result.registered) print(`registered ${source.kind.padEnd(9)} ${source.feedUrl}`);
    print(`${result.registered.length} sources registered, ${result.alreadyRegistered} already registered`);
  },
};
