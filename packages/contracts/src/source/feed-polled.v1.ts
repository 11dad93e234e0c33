import { z } from 'zod';
import { defineEvent, type EventDataOf } from '../event-definition.js';

/** One poll of a source's feed, successful or not: what was asked, what came back, what it held. */
export const FeedPolledV1 = defineEvent({
  category: 'source',
  type: 'FeedPolled',
  schemaVersion: 1,
  schema: z.object({
    sourceId: z.uuid(),
    feedUrl: z.string(),
    /** Where the feed answered from, after redirects. */
    finalUrl: z.string().nullable(),
    polledAt: z.iso.datetime({ offset: true }),
    /** HTTP status; null when no answer came (DNS, connection, timeout, refused address). */
    status: z.number().int().nullable(),
    notModified: z.boolean(),
    etag: z.string().nullable(),
    lastModified: z.string().nullable(),
    durationMs: z.number().int().nonnegative(),
    bytes: z.number().int().nonnegative(),
    /** SHA-256 of the raw body, kept compressed in raw_responses. */
    rawHash: z.string().nullable(),
    itemsSeen: z.number().int().nonnegative(),
    itemsNew: z.number().int().nonnegative(),
    itemsRevised: z.number().int().nonnegative(),
    warnings: z.array(z.string()),
    errorCode: z.string().nullable(),
    errorMessage: z.string().nullable(),
    nextPollAt: z.iso.datetime({ offset: true }),
  }),
});
export type FeedPolled = EventDataOf<typeof FeedPolledV1>;
