import { QueryBus } from '@nestjs/cqrs';
import type { CliCommand } from '@briefwatch/service-kit';
import type { SourceView } from '../../source-view.js';
import { allSources } from './all-sources.js';

function lastPoll(source: SourceView): string {
  if (!source.lastPolledAt) return 'never polled';
  const outcome = source.lastError ? `${source.lastError.code}` : String(source.lastStatus ?? '');
  return `polled ${source.lastPolledAt} (${outcome})`;
}

export const listSourcesCli: CliCommand = {
  path: ['sources', 'list'],
  summary: 'list the watched feeds with their last poll, status and next poll',
  usage: 'briefwatch sources list [--json]',
  options: { json: { type: 'boolean', description: 'print JSON instead of a table' } },
  async run({ options, app, print }) {
    const sources = await allSources(app.get(QueryBus));
    if (options.json) return print(JSON.stringify(sources, null, 2));
    if (sources.length === 0) return print('no sources yet (add one with: briefwatch sources add <feed-url>, or briefwatch sources seed)');
    for (const source of sources) {
      const flag = source.failing ? `FAILING ×${source.consecutiveFailures}` : source.quietSince ? 'QUIET' : source.status;
      print(`${source.id}  ${flag.padEnd(10)} ${source.title}  <${source.feedUrl}>`);
      print(`    ${lastPoll(source)}; next ${source.nextPollAt ?? (source.status === 'active' ? 'soon' : '—')}; ${source.articlesNew} new, ${source.articlesRevised} revised`);
    }
  },
};
