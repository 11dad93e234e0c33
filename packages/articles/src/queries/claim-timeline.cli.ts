import { QueryBus } from '@nestjs/cqrs';
import { z } from 'zod';
import type { PrismaClient } from '@briefwatch/db';
import { PRISMA, ProblemError, RequestValidationError, type CliCommand } from '@briefwatch/service-kit';
import { DevelopmentsQuery, developmentsInputSchema } from './developments.query.js';

/** The brief a claim belongs to: the one named, or the only brief there is. */
async function briefOf(prisma: PrismaClient, named: string | undefined): Promise<string> {
  if (named) return named;
  const briefs = await prisma.brief.findMany({ select: { id: true } });
  if (briefs.length === 1) return briefs[0]!.id;
  throw new ProblemError('BRIEF.INVALID_CHOICE', briefs.length === 0 ? 'no brief imported yet (briefwatch brief import <file>)' : `several briefs: say which with --brief (${briefs.map((b) => b.id).join(', ')})`);
}

export const claimTimelineCli: CliCommand = {
  path: ['claims', 'timeline'],
  summary: "a claim's later developments, newest first, as they stand now or stood at a time",
  usage: 'briefwatch claims timeline <claim-id> [--brief B] [--as-of <iso-time>] [--since T] [--until T] [--limit 50] [--json]',
  options: {
    brief: { type: 'string', description: 'the brief (default: the only one)' },
    'as-of': { type: 'string', description: 'the timeline as it stood at this time' },
    since: { type: 'string', description: 'developments dated from this time' },
    until: { type: 'string', description: 'developments dated before this time' },
    limit: { type: 'string', description: 'how many (default 50)' },
    json: { type: 'boolean', description: 'print JSON' },
  },
  async run({ positionals, options, app, print }) {
    const claimId = positionals[0];
    if (!claimId || !/^t\d+\.c\d+(\.\d+)*$/.test(claimId)) throw new ProblemError('CLAIM.INVALID_ID', 'give a claim id like t2.c1 (see `briefwatch brief show`)');
    const given = Object.fromEntries(Object.entries({ asOf: options['as-of'], since: options.since, until: options.until, limit: options.limit }).filter(([, v]) => v !== undefined));
    const input = developmentsInputSchema.safeParse(given);
    if (!input.success) throw new RequestValidationError(input.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message })));
    const briefId = await briefOf(app.get<PrismaClient>(PRISMA), z.string().optional().parse(options.brief));
    const page = await app.get(QueryBus).execute(new DevelopmentsQuery(briefId, null, claimId, input.data));
    if (options.json) return print(JSON.stringify(page, null, 2));
    if (page.items.length === 0) return print(`no developments of ${claimId}${page.asOf ? ` as of ${page.asOf}` : ''} yet`);
    for (const item of page.items) {
      const date = (item.article.published ?? item.linkedAt).slice(0, 10);
      const others = item.alsoReportedBy.length ? ` (+${item.alsoReportedBy.length} more outlets)` : '';
      print(`${date}  ${item.score.toFixed(2)}  ${item.article.title}${others}`);
      if (item.article.link) print(`            ${item.article.link}`);
    }
    if (page.nextCursor) print(`more: the API's ?cursor=${page.nextCursor}`);
  },
};
