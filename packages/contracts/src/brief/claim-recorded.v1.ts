import { defineEvent, type EventDataOf } from '../event-definition.js';
import { claimDataSchema } from './brief-shapes.js';

/** A claim of the brief, with its notes, citations and tracking profile. */
export const ClaimRecordedV1 = defineEvent({
  category: 'brief',
  type: 'ClaimRecorded',
  schemaVersion: 1,
  schema: claimDataSchema,
});
export type ClaimRecorded = EventDataOf<typeof ClaimRecordedV1>;
