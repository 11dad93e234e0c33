import { defineEvent, type EventDataOf } from '../event-definition.js';
import { citationDataSchema } from './brief-shapes.js';

/** A work the brief cites: publisher, title, date, and the topic and claims that cite it. */
export const CitationRecordedV1 = defineEvent({
  category: 'brief',
  type: 'CitationRecorded',
  schemaVersion: 1,
  schema: citationDataSchema,
});
export type CitationRecorded = EventDataOf<typeof CitationRecordedV1>;
