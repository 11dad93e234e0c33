import { z } from 'zod';
import { defineEvent, type EventDataOf } from '../event-definition.js';
import { topicIdSchema } from './brief-shapes.js';

/** A topic is no longer in the brief. Its history stays. */
export const TopicWithdrawnV1 = defineEvent({
  category: 'brief',
  type: 'TopicWithdrawn',
  schemaVersion: 1,
  schema: z.object({ briefId: z.string().min(1), topicId: topicIdSchema }),
});
export type TopicWithdrawn = EventDataOf<typeof TopicWithdrawnV1>;
