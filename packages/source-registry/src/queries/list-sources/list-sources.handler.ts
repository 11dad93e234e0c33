import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import type { PrismaClient } from '@briefwatch/db';
import { PRISMA } from '@briefwatch/service-kit';
import { toSourceView } from '../../source-view.js';
import { ListSourcesQuery, type SourcePage } from './list-sources.query.js';

@QueryHandler(ListSourcesQuery)
export class ListSourcesHandler implements IQueryHandler<ListSourcesQuery, SourcePage> {
  constructor(@Inject(PRISMA) private readonly prisma: PrismaClient) {}

  async execute({ input }: ListSourcesQuery): Promise<SourcePage> {
    const rows = await this.prisma.source.findMany({
      orderBy: { id: 'asc' },
      take: input.limit + 1,
      ...(input.cursor ? { where: { id: { gt: input.cursor } } } : {}),
    });
    const page = rows.slice(0, input.limit);
    return { items: page.map(toSourceView), nextCursor: rows.length > input.limit ? page[page.length - 1]!.id : null };
  }
}
