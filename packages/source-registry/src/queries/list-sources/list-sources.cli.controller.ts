import { QueryBus } from '@nestjs/cqrs';
import type { CliCommand } from '@briefwatch/service-kit';
import { ListSourcesQuery } from './list-sources.query.js';

export const listSourcesCli: CliCommand = {
  path: ['sources', 'list'],
  summary: 'list the watched feeds',
  usage: 'briefwatch sources list [--json]',
  options: { json: { type: 'boolean', description: 'print JSON instead of a table' } },
  async run({ options, app, print }) {
    const bus = app.get(QueryBus);
    const sources = [];
    for (let cursor: string | undefined; ; ) {
      const page = await bus.execute(new ListSourcesQuery({ limit: 200, ...(cursor ? { cursor } : {}) }));
      sources.push(...page.items);
      if (!page.nextCursor) break;
      cursor = page.nextCursor;
    }
    if (options.json) return print(JSON.stringify(sources, null, 2));
    if (sources.length === 0) return print('no sources yet (add one with: briefwatch sources add <feed-url>)');
    for (const source of sources) print(`${source.id}  ${source.kind.padEnd(9)}  ${source.title}  <${source.feedUrl}>`);
  },
};
