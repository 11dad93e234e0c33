import { defineEvent, type EventDataOf } from '../event-definition.js';
import { changedFieldsSchema, topicDataSchema } from './brief-shapes.js';

/** A topic's heading, sections or profile changed in a new version of the brief. */
export const TopicRevisedV1 = defineEvent({
  category: 'brief',
  type: 'TopicRevised',
  schemaVersion: 1,
  schema: topicDataSchema.extend({ changed: changedFieldsSchema }),
});
export type TopicRevised = EventDataOf<typeof TopicRevisedV1>;
