import { QueryBus } from '@nestjs/cqrs';
import { z } from 'zod';
import { ProblemError, RequestValidationError, type CliCommand } from '@briefwatch/service-kit';
import { GetSourceQuery } from '../get-source/get-source.query.js';
import { SourcePollsQuery, sourcePollsInputSchema } from './source-polls.query.js';

export const sourceTimelineCli: CliCommand = {
  path: ['sources', 'timeline'],
  summary: "a source's audit timeline: every poll, its answer, what it brought, its errors",
  usage: 'briefwatch sources timeline <source-id> [--limit 50] [--before <iso-time>] [--json]',
  options: {
    limit: { type: 'string', description: 'how many polls (default 100)' },
    before: { type: 'string', description: 'only polls before this time (page backwards)' },
    json: { type: 'boolean', description: 'print JSON' },
  },
  async run({ positionals, options, app, print }) {
    const sourceId = positionals[0];
    if (!sourceId || !z.uuid().safeParse(sourceId).success) throw new ProblemError('SOURCE.INVALID_ID', 'give the source id (see `briefwatch sources list`)');
    const input = sourcePollsInputSchema.safeParse({ ...(options.limit !== undefined ? { limit: options.limit } : {}), ...(options.before !== undefined ? { before: options.before } : {}) });
    if (!input.success) throw new RequestValidationError(input.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message })));
    const bus = app.get(QueryBus);
    const source = await bus.execute(new GetSourceQuery(sourceId));
    const polls = await bus.execute(new SourcePollsQuery(sourceId, input.data));
    if (options.json) return print(JSON.stringify({ source, ...polls }, null, 2));
    print(`${source.title} <${source.feedUrl}>: ${source.failing ? 'FAILING' : source.quietSince ? `quiet since ${source.quietSince}` : source.status}`);
    if (polls.items.length === 0) return print('never polled');
    for (const poll of polls.items) {
      const answer = poll.error ? `${poll.error.code}${poll.status ? ` (HTTP ${poll.status})` : ''}` : poll.notModified ? '304 not modified' : `HTTP ${poll.status}`;
      const found = poll.error ? '' : `, ${poll.itemsSeen} items, ${poll.itemsNew} new, ${poll.itemsRevised} revised`;
      print(`${poll.polledAt}  ${answer}${found}  ${poll.durationMs} ms${poll.rawHash ? `  raw ${poll.rawHash.slice(0, 12)}` : ''}`);
    }
    if (polls.nextBefore) print(`older: --before ${polls.nextBefore}`);
  },
};
