import { z } from 'zod';

/** Shapes shared by the brief's events. Changing one is changing every event that uses it. */

export const claimIdSchema = z.string().regex(/^t\d+\.c\d+(\.\d+)*$/, 'a claim id such as t2.c4 or t2.c4.1');
export const topicIdSchema = z.string().regex(/^t\d+$/, 'a topic id such as t2');

export const trackingProfileSchema = z.object({
  entities: z.array(z.object({ name: z.string().min(1), aliases: z.array(z.string()) })),
  numbers: z.array(
    z.object({
      text: z.string(),
      value: z.number(),
      unit: z.enum(['percent', 'count', 'people', 'images', 'years', 'times', 'year', 'money']).nullable(),
      english: z.array(z.string()),
    }),
  ),
  terms: z.array(z.object({ ko: z.string(), en: z.array(z.string()), kind: z.enum(['concept', 'name']).default('concept') })),
  citationTitles: z.array(z.string()),
  overridden: z.boolean(),
});
export type TrackingProfileData = z.infer<typeof trackingProfileSchema>;

export const claimDataSchema = z.object({
  briefId: z.string().min(1),
  claimId: claimIdSchema,
  topicId: topicIdSchema,
  parentId: claimIdSchema.nullable(),
  sectionId: z.string().nullable(),
  label: z.string().nullable(),
  text: z.string().min(1),
  rawText: z.string().min(1),
  citations: z.array(z.number().int().positive()),
  notes: z.array(z.object({ text: z.string(), rawText: z.string(), citations: z.array(z.number().int().positive()) })),
  profile: trackingProfileSchema,
});
export type ClaimData = z.infer<typeof claimDataSchema>;

export const topicDataSchema = z.object({
  briefId: z.string().min(1),
  topicId: topicIdSchema,
  order: z.number().int().positive(),
  title: z.string().min(1),
  rawTitle: z.string().min(1),
  sections: z.array(z.object({ id: z.string(), title: z.string(), rawTitle: z.string() })),
  profile: trackingProfileSchema,
});
export type TopicData = z.infer<typeof topicDataSchema>;

export const citationDataSchema = z.object({
  briefId: z.string().min(1),
  number: z.number().int().positive(),
  topicId: topicIdSchema,
  publisher: z.string().min(1),
  publisherKey: z.string().nullable(),
  venue: z.string().nullable(),
  venueKey: z.string().nullable(),
  title: z.string().min(1),
  rawTitle: z.string().min(1),
  date: z.iso.date().nullable(),
  claimIds: z.array(claimIdSchema),
  citesTopic: z.boolean(),
});
export type CitationData = z.infer<typeof citationDataSchema>;

/** Which fields a revision changed, so a reader can say what happened without diffing. */
export const changedFieldsSchema = z.array(z.string().min(1)).min(1);

export interface OutlineClaim {
  claimId: string;
  children: OutlineClaim[];
}
export const outlineClaimSchema: z.ZodType<OutlineClaim> = z.lazy(() =>
  z.object({ claimId: claimIdSchema, children: z.array(outlineClaimSchema) }),
);
