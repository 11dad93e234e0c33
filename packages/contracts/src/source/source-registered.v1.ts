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
    registeredAt: z.iso.datetime({ offset: true }),
  }),
});
export type SourceRegistered = EventDataOf<typeof SourceRegisteredV1>;
