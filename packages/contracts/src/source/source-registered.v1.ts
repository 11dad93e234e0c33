import { z } from 'zod';
import { defineEvent, type EventDataOf } from '../event-definition.js';

export const SOURCE_KINDS = ['publisher', 'follow-up'] as const;

/** A feed that briefwatch now watches: a cited publisher's feed, or a follow-up search feed. */
export const SourceRegisteredV1 = defineEvent({
  category: 'source',
  type: 'SourceRegistered',
  schemaVersion: 1,
  schema: z.object({
    sourceId: z.uuid(),
    feedUrl: z.url({ protocol: /^https?$/ }),
    title: z.string().min(1).max(300),
    publisher: z.string().min(1).max(200).nullable(),
    kind: z.enum(SOURCE_KINDS),
    /** The publisher in the registry this feed belongs to, when it is one. */
    publisherKey: z.string().nullable().default(null),
    /** For a follow-up feed: the brief topic whose profile it searches for. */
    followsUp: z.object({ briefId: z.string(), topicId: z.string() }).nullable().default(null),
    registeredAt: z.iso.datetime({ offset: true }),
  }),
});
export type SourceRegistered = EventDataOf<typeof SourceRegisteredV1>;
