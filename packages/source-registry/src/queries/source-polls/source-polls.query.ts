import { Query } from '@nestjs/cqrs';
import { z } from 'zod';

export const sourcePollsInputSchema = z.strictObject({
  limit: z.coerce.number().int().min(1).max(500).default(100),
  /** Only polls before this time: page backwards through a long timeline. */
  before: z.iso.datetime({ offset: true }).optional(),
});
export type SourcePollsInput = z.infer<typeof sourcePollsInputSchema>;

export interface SourcePollView {
  polledAt: string;
  status: number | null;
  notModified: boolean;
  durationMs: number;
  bytes: number;
  itemsSeen: number;
  itemsNew: number;
  itemsRevised: number;
  error: { code: string; message: string | null } | null;
  rawHash: string | null;
  finalUrl: string | null;
  validators: { etag: string | null; lastModified: string | null };
  warnings: string[];
}

/** A source's poll timeline, newest first: what was asked, what came back, what it held. */
export class SourcePollsQuery extends Query<{ items: SourcePollView[]; nextBefore: string | null }> {
  constructor(
    readonly sourceId: string,
    readonly input: SourcePollsInput,
  ) {
    super();
  }
}
