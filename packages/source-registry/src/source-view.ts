import type { Source } from '@briefwatch/db';

/** A source as the API and CLI show it, with the state of its polling. */
export interface SourceView {
  id: string;
  feedUrl: string;
  title: string;
  publisher: string | null;
  publisherKey: string | null;
  kind: string;
  followsUp: { briefId: string; topicId: string } | null;
  status: string;
  registeredAt: string;
  lastPolledAt: string | null;
  lastStatus: number | null;
  lastError: { code: string; message: string | null } | null;
  nextPollAt: string | null;
  failing: boolean;
  consecutiveFailures: number;
  /** Set while the source answers but has published nothing new for much longer than usual. */
  quietSince: string | null;
  articlesNew: number;
  articlesRevised: number;
  version: number;
}

export function toSourceView(row: Source): SourceView {
  return {
    id: row.id,
    feedUrl: row.feedUrl,
    title: row.title,
    publisher: row.publisher,
    publisherKey: row.publisherKey,
    kind: row.kind,
    followsUp: row.followsUpBriefId && row.followsUpTopicId ? { briefId: row.followsUpBriefId, topicId: row.followsUpTopicId } : null,
    status: row.status,
    registeredAt: row.registeredAt.toISOString(),
    lastPolledAt: row.lastPolledAt?.toISOString() ?? null,
    lastStatus: row.lastStatus,
    lastError: row.lastErrorCode ? { code: row.lastErrorCode, message: row.lastErrorMessage } : null,
    nextPollAt: row.nextPollAt?.toISOString() ?? null,
    failing: row.failing,
    consecutiveFailures: row.consecutiveFailures,
    quietSince: row.quietSince?.toISOString() ?? null,
    articlesNew: row.articlesNew,
    articlesRevised: row.articlesRevised,
    version: Number(row.streamPosition),
  };
}
