import { z } from 'zod';
import { defineEvent, type EventDataOf } from '../event-definition.js';

/** A link no longer holds (the article was revised, or the matcher changed): retracted, never deleted. */
export const LinkRetractedV1 = defineEvent({
  category: 'link',
  type: 'LinkRetracted',
  schemaVersion: 1,
  schema: z.object({
    articleId: z.uuid(),
    articleRevision: z.number().int().positive(),
    briefId: z.string().min(1),
    topicId: z.string().regex(/^t\d+$/),
    claimId: z.string().nullable(),
    reason: z.string().min(1),
    matcherVersion: z.string().min(1),
    retractedAt: z.iso.datetime({ offset: true }),
  }),
});
export type LinkRetracted = EventDataOf<typeof LinkRetractedV1>;
