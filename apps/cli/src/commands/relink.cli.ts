import path from 'node:path';
import { briefIdFromFileName } from '@briefwatch/brief';
import type { PrismaClient } from '@briefwatch/db';
import { BriefLinkers, relinkArticles, type LinkChange, type RelinkReport } from '@briefwatch/linker';
import { MATCHER_VERSION } from '@briefwatch/linking';
import { PRISMA, ProblemError, type CliCommand, type CliInvocation } from '@briefwatch/service-kit';
import { briefFrom, linkerFor } from './linking-input.js';

function describeChange(change: LinkChange): string {
  const target = change.claimId ?? change.topicId;
  return `  ${change.change === 'add' ? '+' : '-'} ${target.padEnd(10)} ${change.score.toFixed(2)}  ${change.title}`;
}

function printReport(report: RelinkReport, verb: string, { options, print }: CliInvocation): void {
  if (options.json) return print(JSON.stringify(report, null, 2));
  const added = report.changes.filter((c) => c.change === 'add').length;
  const removed = report.changes.length - added;
  print(`${verb} ${report.articles} articles with matcher ${MATCHER_VERSION}: +${added} links, -${removed} links`);
  const limit = Number(options.limit ?? 50);
  for (const change of report.changes.slice(0, limit)) print(describeChange(change));
  if (report.changes.length > limit) print(`  ... and ${report.changes.length - limit} more (--limit, or --json for all)`);
}

const limitOption = { limit: { type: 'string' as const, description: 'how many changes to list (default 50)' }, json: { type: 'boolean' as const, description: 'print the whole report as JSON' } };

export const backtestLinksCli: CliCommand = {
  path: ['links', 'backtest'],
  summary: 'which links a changed brief, threshold or matcher would add or take back, before it is applied',
  usage: 'briefwatch links backtest [--brief <changed-brief.txt>] [--threshold 0.35] [--limit 50] [--json]',
  options: {
    brief: { type: 'string', description: 'a changed version of an imported brief (default: the briefs as imported)' },
    threshold: { type: 'string', description: 'the calibrated score (0..1) a link would need' },
    ...limitOption,
  },
  async run(invocation) {
    const { options, app, note } = invocation;
    const prisma = app.get<PrismaClient>(PRISMA);
    let linkers;
    if (typeof options.brief === 'string') {
      const briefId = briefIdFromFileName(path.basename(options.brief));
      if (!(await prisma.brief.findUnique({ where: { id: briefId } }))) throw new ProblemError('BRIEF.NOT_FOUND', `no imported brief "${briefId}" to compare ${options.brief} with (import it first)`);
      linkers = [{ briefId, linker: linkerFor(await briefFrom(options.brief), options.threshold) }];
    } else {
      linkers = await new BriefLinkers(options.threshold === undefined ? undefined : Number(options.threshold)).current(prisma);
    }
    const report = await relinkArticles(prisma, linkers, { apply: false, reason: 'backtest', correlationId: invocation.correlationId, onProgress: (n) => note(`${n} articles compared ...`) });
    printReport(report, 'backtest over', invocation);
  },
};

export const relinkCli: CliCommand = {
  path: ['links', 'relink'],
  summary: 'link every stored article again with the briefs as imported and the current matcher (safe beside the running linker)',
  usage: 'briefwatch links relink [--limit 50] [--json]',
  options: limitOption,
  async run(invocation) {
    const { app, note } = invocation;
    const prisma = app.get<PrismaClient>(PRISMA);
    const linkers = await new BriefLinkers().current(prisma);
    const report = await relinkArticles(prisma, linkers, {
      apply: true,
      reason: `re-linked with matcher ${MATCHER_VERSION} and the briefs as imported: this link no longer holds`,
      correlationId: invocation.correlationId,
      onProgress: (n) => note(`${n} articles re-linked ...`),
    });
    printReport(report, 're-linked', invocation);
  },
};
