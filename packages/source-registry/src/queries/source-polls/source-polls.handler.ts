import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { PrismaClient } from '@briefwatch/db';
import { PRISMA, ProblemError } from '@briefwatch/service-kit';
import { SourcePollsQuery, type SourcePollView } from './source-polls.query.js';

@QueryHandler(SourcePollsQuery)
export class SourcePollsHandler implements IQueryHandler<SourcePollsQuery> {
  constructor(@Inject(PRISMA) private readonly prisma: PrismaClient) {}

  async execute({ sourceId, input }: SourcePollsQuery) {
    if (!(await this.prisma.source.findUnique({ where: { id: sourceId }, select: { id: true } }))) throw new ProblemError('SOURCE.NOT_FOUND', `no source ${sourceId}`);
    const rows = await this.prisma.sourcePoll.findMany({
      where: { sourceId, ...(input.before ? { polledAt: { lt: new Date(input.before) } } : {}) },
      orderBy: { polledAt: 'desc' },
      take: input.limit,
    });
    const items: SourcePollView[] = rows.map((row) => ({
      polledAt: row.polledAt.toISOString(),
      status: row.status,
      notModified: row.notModified,
      durationMs: row.durationMs,
      bytes: row.bytes,
      itemsSeen: row.itemsSeen,
      itemsNew: row.itemsNew,
      itemsRevised: row.itemsRevised,
      error: row.errorCode ? { code: row.errorCode, message: row.errorMessage } : null,
      rawHash: row.rawHash,
      finalUrl: row.finalUrl,
      validators: { etag: row.etag, lastModified: row.lastModified },
      warnings: row.warnings,
    }));
    return { items, nextBefore: rows.length === input.limit ? items[items.length - 1]!.polledAt : null };
  }
}
