import type { Subscription } from '@briefwatch/db';

/** A subscription as the API and the CLI show it. The webhook secret is never part of it. */
export interface SubscriptionView {
  id: string;
  name: string;
  target: { kind: string; briefId: string | null; topicId: string | null; claimId: string | null; sourceId: string | null; query: unknown };
  minScore: number;
  sourceIds: string[];
  channel: { kind: string; url: string; every: string | null };
  notify: { coverage: boolean; sourceHealth: boolean };
  status: string;
  /** The endpoint failed an alert's last attempt and has not accepted one since. */
  failing: boolean;
  createdAt: string;
}

export function toSubscriptionView(row: Subscription): SubscriptionView {
  return {
    id: row.id,
    name: row.name,
    target: { kind: row.targetKind, briefId: row.briefId, topicId: row.topicId, claimId: row.claimId, sourceId: row.sourceId, query: row.query },
    minScore: row.minScore,
    sourceIds: row.sourceIds,
    channel: { kind: row.channelKind, url: row.channelUrl, every: row.digestEvery },
    notify: { coverage: row.notifyCoverage, sourceHealth: row.notifyHealth },
    status: row.status,
    failing: row.failing,
    createdAt: row.createdAt.toISOString(),
  };
}
