import { z } from 'zod';
import { defineEvent, type EventDataOf } from '../event-definition.js';
import { linkTargetSchema } from './link-target.js';

/** A link no longer holds (the article was revised, or the matcher changed): retracted, never deleted. */
export const LinkRetractedV1 = defineEvent({
  category: 'link',
  type: 'LinkRetracted',
  schemaVersion: 1,
  schema: linkTargetSchema.extend({
    reason: z.string().min(1),
    matcherVersion: z.string().min(1),
    retractedAt: z.iso.datetime({ offset: true }),
  }),
});
export type LinkRetracted = EventDataOf<typeof LinkRetractedV1>;
