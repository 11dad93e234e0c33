import { defineEvent, type EventDataOf } from '../event-definition.js';
import { topicDataSchema } from './brief-shapes.js';

/** A topic of the brief, with its sections and tracking profile. */
export const TopicDefinedV1 = defineEvent({
  category: 'brief',
  type: 'TopicDefined',
  schemaVersion: 1,
  schema: topicDataSchema,
});
export type TopicDefined = EventDataOf<typeof TopicDefinedV1>;
