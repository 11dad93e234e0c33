import type { QueryBus } from '@nestjs/cqrs';
import type { SourceView } from '../../source-view.js';
import { ListSourcesQuery } from './list-sources.query.js';

/** Every source, page after page: for exports and listings that want the whole registry. */
export async function allSources(bus: QueryBus): Promise<SourceView[]> {
  const sources: SourceView[] = [];
  for (let cursor: string | undefined; ; ) {
    const page = await bus.execute(new ListSourcesQuery({ limit: 200, ...(cursor ? { cursor } : {}) }));
    sources.push(...page.items);
    if (!page.nextCursor) return sources;
    cursor = page.nextCursor;
  }
}
