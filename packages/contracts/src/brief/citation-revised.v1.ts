import { defineEvent, type EventDataOf } from '../event-definition.js';
import { changedFieldsSchema, citationDataSchema } from './brief-shapes.js';

/** A citation changed in a new version of the brief. */
export const CitationRevisedV1 = defineEvent({
  category: 'brief',
  type: 'CitationRevised',
  schemaVersion: 1,
  schema: citationDataSchema.extend({ changed: changedFieldsSchema }),
});
export type CitationRevised = EventDataOf<typeof CitationRevisedV1>;
