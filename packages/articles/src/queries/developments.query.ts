import { Query } from '@nestjs/cqrs';
import { z } from 'zod';

export const developmentsInputSchema = z.strictObject({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  includeRetracted: z.enum(['true', 'false']).default('false').transform((v) => v === 'true'),
  /** The timeline as it stood at this time: links made by then, articles as they read then. */
  asOf: z.iso.datetime({ offset: true }).optional(),
  /** Only developments dated (published, or linked when undated) in [since, until). */
  since: z.iso.datetime({ offset: true }).optional(),
  until: z.iso.datetime({ offset: true }).optional(),
  /** The `nextCursor` of the previous page. */
  cursor: z.string().regex(/^[A-Za-z0-9_-]{1,200}$/, 'must be a nextCursor from a previous page').optional(),
});
export type DevelopmentsInput = z.infer<typeof developmentsInputSchema>;

export interface LinkedArticle {
  article: { id: string; title: string; link: string | null; published: string | null; revision: number; sources: Array<{ sourceId: string; feedUrl: string }> };
  score: number;
  why: unknown;
  linkedAt: string;
  retracted: { at: string; reason: string | null } | null;
}

/** One development: a story, with every article (from every outlet) that reported it. */
export interface Development extends LinkedArticle {
  /** The same story from other outlets: near-duplicate articles linked to the same claim. */
  alsoReportedBy: LinkedArticle[];
}

export interface DevelopmentsPage {
  items: Development[];
  /** Pass as `cursor` for the next (older) page; null on the last page. */
  nextCursor: string | null;
  asOf: string | null;
}

/** A claim's later developments (claimId set) or a topic's coverage (claimId null), newest first. */
export class DevelopmentsQuery extends Query<DevelopmentsPage> {
  constructor(
    readonly briefId: string,
    readonly topicId: string | null,
    readonly claimId: string | null,
    readonly input: DevelopmentsInput,
  ) {
    super();
  }
}
