import { z } from 'zod';
import { defineEvent, type EventDataOf } from '../event-definition.js';
import { outlineClaimSchema, topicIdSchema } from './brief-shapes.js';

/** A version of a brief was imported. It closes the append whose earlier events say what changed. */
export const BriefImportedV1 = defineEvent({
  category: 'brief',
  type: 'BriefImported',
  schemaVersion: 1,
  schema: z.object({
    briefId: z.string().min(1),
    version: z.number().int().positive(),
    title: z.string(),
    rawTitle: z.string(),
    fileName: z.string().nullable(),
    contentHash: z.string().regex(/^[0-9a-f]{64}$/),
    /** The order of topics and claims in this version: claims keep their ids when lines move. */
    outline: z.array(z.object({ topicId: topicIdSchema, claims: z.array(outlineClaimSchema) })),
    importedAt: z.iso.datetime({ offset: true }),
  }),
});
export type BriefImported = EventDataOf<typeof BriefImportedV1>;
