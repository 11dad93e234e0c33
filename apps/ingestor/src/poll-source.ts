import { AllowList, FeedError, fetchFeed, parseFeed, type FetchLimits } from '@briefwatch/feeds';
import type { LeasedSource } from './poll-leases.js';
import type { PollAttempt } from './record-poll.js';

/** Fetches and reads one leased source; never throws: a failure is part of the attempt. */
export async function pollSource(source: LeasedSource, allow: AllowList, limits?: Partial<FetchLimits>): Promise<PollAttempt> {
  const polledAt = new Date();
  const started = performance.now();
  const attempt: PollAttempt = { source, feedUrl: source.feedUrl, polledAt, durationMs: 0 };
  try {
    const response = await fetchFeed({ url: source.feedUrl, etag: source.etag, lastModified: source.lastModified, allow, ...(limits ? { limits } : {}) });
    attempt.response = response;
    if (!response.notModified) attempt.feed = await parseFeed(response.body, response.headers['content-type'], response.url);
  } catch (error) {
    attempt.error =
      error instanceof FeedError
        ? { code: error.code, message: error.message, ...(error.details.status !== undefined ? { status: error.details.status } : {}), ...(error.details.retryAfterSeconds !== undefined ? { retryAfterSeconds: error.details.retryAfterSeconds } : {}) }
        : { code: 'FETCH.FAILED', message: (error as Error).message };
  }
  attempt.durationMs = Math.round(performance.now() - started);
  return attempt;
}
