import { Query } from '@nestjs/cqrs';
import { z } from 'zod';
import type { SourceView } from '../../source-view.js';

export const listSourcesInputSchema = z.strictObject({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  /** The id of the last source of the previous page. */
  cursor: z.uuid().optional(),
});
export type ListSourcesInput = z.infer<typeof listSourcesInputSchema>;

export interface SourcePage {
  items: SourceView[];
  nextCursor: string | null;
}

export class ListSourcesQuery extends Query<SourcePage> {
  constructor(readonly input: ListSourcesInput) {
    super();
  }
}
