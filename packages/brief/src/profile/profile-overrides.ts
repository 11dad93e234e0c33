import { z } from 'zod';
import { BriefFormatError } from '../brief-errors.js';
import type { TrackingProfile } from './tracking-profile.js';

/**
 * A user's corrections to derived profiles, kept in a JSON file beside the brief
 * (`<brief>.profiles.json`), keyed by topic or claim id:
 *
 *   { "t2.c2": { "add": { "entities": ["Amazon Rekognition"], "terms": ["face surveillance"] },
 *                "remove": { "entities": ["SW"] } } }
 *
 * Added terms are English words to look for; removals name an entity, a Korean term or
 * English word, a number as written, or a citation title. The key `*` applies to every topic
 * and claim: a synonym or a term to ignore for the whole brief.
 */
const entityInput = z.union([z.string().min(1), z.strictObject({ name: z.string().min(1), aliases: z.array(z.string()).default([]) })]);
const overrideSchema = z.strictObject({
  add: z
    .strictObject({
      entities: z.array(entityInput).default([]),
      terms: z.array(z.string().min(1)).default([]),
      citationTitles: z.array(z.string().min(1)).default([]),
    })
    .optional(),
  remove: z
    .strictObject({
      entities: z.array(z.string()).default([]),
      terms: z.array(z.string()).default([]),
      numbers: z.array(z.string()).default([]),
      citationTitles: z.array(z.string()).default([]),
    })
    .optional(),
});
/** The key of overrides that apply to every topic and claim of the brief. */
export const WHOLE_BRIEF = '*';

export const profileOverridesSchema = z.record(z.string().regex(/^(\*|t\d+(\.c\d+(\.\d+)*)?)$/, 'a topic or claim id such as t2 or t2.c4, or * for the whole brief'), overrideSchema);
export type ProfileOverrides = z.infer<typeof profileOverridesSchema>;

/** Reads an overrides file's text; a malformed file is refused with what is wrong in it. */
export function parseProfileOverrides(text: string, fileName = 'profile overrides'): ProfileOverrides {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new BriefFormatError('PROFILE.INVALID_OVERRIDES', `${fileName} is not JSON: ${(error as Error).message}`);
  }
  const parsed = profileOverridesSchema.safeParse(json);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.') || '(file)'}: ${issue.message}`).join('; ');
    throw new BriefFormatError('PROFILE.INVALID_OVERRIDES', `${fileName}: ${problems}`);
  }
  return parsed.data;
}

/** Applies overrides to the derived profiles; an id that names nothing in the brief is an error. */
export function applyProfileOverrides(profiles: Map<string, TrackingProfile>, overrides: ProfileOverrides): void {
  const { [WHOLE_BRIEF]: wholeBrief, ...perTarget } = overrides;
  if (wholeBrief) for (const targetId of profiles.keys()) applyOverride(profiles, targetId, wholeBrief);
  for (const [targetId, override] of Object.entries(perTarget)) {
    if (!profiles.has(targetId)) throw new BriefFormatError('PROFILE.UNKNOWN_TARGET', `profile override for "${targetId}", which is no topic or claim of this brief`);
    applyOverride(profiles, targetId, override);
  }
}

function applyOverride(profiles: Map<string, TrackingProfile>, targetId: string, override: ProfileOverrides[string]): void {
  const profile = profiles.get(targetId)!;
  const remove = override.remove;
  const next: TrackingProfile = {
    entities: profile.entities.filter((e) => !remove?.entities.includes(e.name)),
    numbers: profile.numbers.filter((n) => !remove?.numbers.includes(n.text)),
    terms: profile.terms.filter((t) => !remove?.terms.some((r) => r === t.ko || t.en.includes(r))),
    citationTitles: profile.citationTitles.filter((t) => !remove?.citationTitles.includes(t)),
    overridden: true,
  };
  for (const entity of override.add?.entities ?? []) {
    const added = typeof entity === 'string' ? { name: entity, aliases: [] } : entity;
    if (!next.entities.some((e) => e.name === added.name)) next.entities.push(added);
  }
  for (const term of override.add?.terms ?? []) next.terms.push({ ko: '', en: [term], kind: 'concept' });
  for (const title of override.add?.citationTitles ?? []) if (!next.citationTitles.includes(title)) next.citationTitles.push(title);
  profiles.set(targetId, next);
}
