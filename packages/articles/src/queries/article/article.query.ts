import { Query } from '@nestjs/cqrs';

export interface RevisionView {
  revision: number;
  title: string;
  summary: string;
  published: string | null;
  updated: string | null;
  contentHash: string;
  /** Where it was read: the source, its feed, when, what the feed answered, and the raw response kept. */
  provenance: {
    sourceId: string;
    feedUrl: string;
    guid: string;
    fetchedAt: string;
    rawHash: string | null;
    poll: { polledAt: string; status: number | null; finalUrl: string | null; etag: string | null; lastModified: string | null } | null;
  };
}

export interface ArticleView {
  id: string;
  title: string;
  link: string | null;
  published: string | null;
  revision: number;
  firstSeenAt: string;
  sources: Array<{ sourceId: string; feedUrl: string; guid: string; firstSeenAt: string }>;
  /** Every version, oldest first. */
  revisions: RevisionView[];
  links: Array<{ briefId: string; topicId: string; claimId: string | null; score: number; linkedAt: string; retractedAt: string | null }>;
}

/** One article with every revision, where each was read from, and what it was linked to. */
export class ArticleQuery extends Query<ArticleView> {
  constructor(readonly articleId: string) {
    super();
  }
}
