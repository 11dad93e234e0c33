import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { PrismaClient } from '@briefwatch/db';
import { PRISMA, ProblemError } from '@briefwatch/service-kit';
import { toSourceView, type SourceView } from '../../source-view.js';
import { GetSourceQuery } from './get-source.query.js';

@QueryHandler(GetSourceQuery)
export class GetSourceHandler implements IQueryHandler<GetSourceQuery, SourceView> {
  constructor(@Inject(PRISMA) private readonly prisma: PrismaClient) {}

  async execute({ sourceId }: GetSourceQuery): Promise<SourceView> {
    const row = await this.prisma.source.findUnique({ where: { id: sourceId } });
    if (!row) throw new ProblemError('SOURCE.NOT_FOUND', `no source ${sourceId} (a source just registered appears once projected)`);
    return toSourceView(row);
  }
}
