import { readFile, stat } from 'node:fs/promises';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import { ProblemError, type CliCommand } from '@briefwatch/service-kit';
import { ImportOpmlCommand } from '../commands/import-opml/import-opml.command.js';
import { MAX_OPML_CHARACTERS } from '../commands/import-opml/import-opml.handler.js';
import { allSources } from '../queries/list-sources/all-sources.js';
import { toOpml } from './opml.js';

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
    const size = await stat(file).then((info) => info.size, () => {
      throw new ProblemError('OPML.NOT_FOUND', `no file at ${file}`);
    });
    if (size > MAX_OPML_CHARACTERS) throw new ProblemError('OPML.INVALID', `${file} is larger than 5 MB`);
    const result = await app.get(CommandBus).execute(new ImportOpmlCommand(await readFile(file, 'utf8'), correlationId));
    for (const invalid of result.invalid) note(`skipped ${invalid.feedUrl}: ${invalid.reason}`);
    print(`${result.registered} sources registered, ${result.alreadyRegistered + result.invalid.length} skipped (already registered or invalid), from ${result.feeds} feeds in ${file}`);
  },
};
