import { readFile } from 'node:fs/promises';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ProblemError, type CliCommand } from '@briefwatch/service-kit';
import { RegisterSourceCommand } from '../commands/register-source/register-source.command.js';
import { registerSourceInputSchema } from '../commands/register-source/register-source.input.js';
import { allSources } from '../queries/list-sources/all-sources.js';
import { parseOpml, toOpml } from './opml.js';

export const exportOpmlCli: CliCommand = {
  path: ['sources', 'export-opml'],
  summary: 'print the watched sources as OPML',
  usage: 'briefwatch sources export-opml > sources.opml',
  async run({ app, print }) {
    print(toOpml(await allSources(app.get(QueryBus))));
  },
};

export const importOpmlCli: CliCommand = {
  path: ['sources', 'import-opml'],
  summary: 'register every feed an OPML file lists',
  usage: 'briefwatch sources import-opml <file.opml>',
  async run({ positionals, app, correlationId, print, note }) {
    const file = positionals[0];
    if (!file) throw new ProblemError('OPML.NO_FILE', 'name the OPML file to import');
    let feeds;
    try {
      const text = await readFile(file, 'utf8');
      if (text.length > 5 * 1024 * 1024) throw new Error('the file is larger than 5 MB');
      feeds = parseOpml(text);
    } catch (error) {
      throw new ProblemError('OPML.INVALID', `${file}: ${(error as Error).message}`);
    }
    let registered = 0;
    let skipped = 0;
    for (const feed of feeds) {
      const input = registerSourceInputSchema.safeParse({ feedUrl: feed.feedUrl, ...(feed.title ? { title: feed.title } : {}), publisher: feed.publisher, kind: feed.kind });
      if (!input.success) {
        note(`skipped ${feed.feedUrl}: ${input.error.issues.map((i) => i.message).join('; ')}`);
        skipped += 1;
        continue;
      }
      try {
        await app.get(CommandBus).execute(new RegisterSourceCommand(input.data, correlationId));
        registered += 1;
      } catch (error) {
        if ((error as { code?: string }).code !== 'SOURCE.ALREADY_REGISTERED') throw error;
        skipped += 1;
      }
    }
    print(`${registered} sources registered, ${skipped} skipped (already registered or invalid), from ${feeds.length} feeds in ${file}`);
  },
};
