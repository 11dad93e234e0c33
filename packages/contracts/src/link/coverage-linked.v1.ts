import { z } from 'zod';
import { defineEvent, type EventDataOf } from '../event-definition.js';
import { linkTargetSchema } from './link-target.js';

export const linkEvidenceSchema = z.object({
  feature: z.string(),
  kind: z.string(),
  where: z.enum(['title', 'body']),
  passage: z.string(),
  weight: z.number(),
});

/** An article develops a brief's topic, or one of its claims: with the score and the evidence found. */
export const CoverageLinkedV1 = defineEvent({
  category: 'link',
  type: 'CoverageLinked',
  schemaVersion: 1,
  schema: linkTargetSchema.extend({
    score: z.number().min(0).max(1),
    evidence: z.array(linkEvidenceSchema),
    matcherVersion: z.string().min(1),
    linkedAt: z.iso.datetime({ offset: true }),
  }),
});
export type CoverageLinked = EventDataOf<typeof CoverageLinkedV1>;
