import type { Subscription } from '@briefwatch/db';

/**
 * A subscription as the API and the CLI show it. The webhook secret is never part of it; the
 * webhook URL is whole here, and `maskedView` hides it from those who may not see it: for a
 * chat service's incoming webhook, the URL is the credential.
 */
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

/** A URL with only its scheme and host left: where alerts go, not how to post there. */
export function maskedUrl(url: string): string {
  try {
    const { protocol, host, pathname, search } = new URL(url);
    return `${protocol}//${host}/${pathname.length > 1 || search ? '…' : ''}`;
  } catch {
    return '…';
  }
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

/** The view for someone who holds no key: the webhook URL with its host only. */
export function maskedView(view: SubscriptionView): SubscriptionView {
  return { ...view, channel: { ...view.channel, url: maskedUrl(view.channel.url) } };
}
