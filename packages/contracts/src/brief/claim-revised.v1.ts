import { defineEvent, type EventDataOf } from '../event-definition.js';
import { changedFieldsSchema, claimDataSchema } from './brief-shapes.js';

/** A claim changed in a new version of the brief; it keeps its id. */
export const ClaimRevisedV1 = defineEvent({
  category: 'brief',
  type: 'ClaimRevised',
  schemaVersion: 1,
  schema: claimDataSchema.extend({ changed: changedFieldsSchema }),
});
export type ClaimRevised = EventDataOf<typeof ClaimRevisedV1>;
