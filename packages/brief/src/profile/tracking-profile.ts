import type { BriefEntity } from './entities.js';
import type { BriefNumber } from './numbers.js';

/** A Korean term of the brief and the English words coverage would use for it. */
export interface GlossedTerm {
  ko: string;
  en: string[];
  /** A term of the field (what a story is about) or a name (who or where). */
  kind: 'concept' | 'name';
}

/**
 * What to look for in English coverage of one topic or claim. Derived from the brief's own
 * text; a user's override file may add or remove entries (`overridden` then says so).
 */
export interface TrackingProfile {
  entities: BriefEntity[];
  numbers: BriefNumber[];
  terms: GlossedTerm[];
  /** English titles of the works this topic or claim cites. */
  citationTitles: string[];
  overridden: boolean;
}

export const EMPTY_PROFILE: TrackingProfile = { entities: [], numbers: [], terms: [], citationTitles: [], overridden: false };
