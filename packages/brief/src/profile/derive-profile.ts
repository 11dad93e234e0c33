import type { BriefCitation, BriefClaim, BriefTopic } from '../brief-model.js';
import { extractEntities, type BriefEntity } from './entities.js';
import { englishTerms, glossTerms } from './glossed-terms.js';
import { extractNumbers, type BriefNumber } from './numbers.js';
import type { GlossedTerm, TrackingProfile } from './tracking-profile.js';

function mergeEntities(lists: BriefEntity[][]): BriefEntity[] {
  const merged = new Map<string, BriefEntity>();
  for (const entity of lists.flat()) {
    const known = merged.get(entity.name);
    if (!known) merged.set(entity.name, { name: entity.name, aliases: [...entity.aliases] });
    else for (const alias of entity.aliases) if (!known.aliases.includes(alias)) known.aliases.push(alias);
  }
  return [...merged.values()];
}

function uniqueNumbers(numbers: BriefNumber[]): BriefNumber[] {
  const seen = new Set<string>();
  return numbers.filter((n) => {
    const key = `${n.value}:${n.unit}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function uniqueTerms(terms: GlossedTerm[]): GlossedTerm[] {
  const seen = new Set<string>();
  return terms.filter((t) => {
    const key = t.ko || t.en[0]!.toLowerCase();
    return !seen.has(key) && seen.add(key);
  });
}

export function profileOfTexts(texts: string[], citationTitles: string[]): TrackingProfile {
  return {
    entities: mergeEntities(texts.map(extractEntities)),
    numbers: uniqueNumbers(texts.flatMap(extractNumbers)),
    // The cited works' English titles name the subject in coverage's own words: their terms of the field count too.
    terms: uniqueTerms([...texts.flatMap(glossTerms), ...citationTitles.flatMap((title) => englishTerms(title, { lexiconOnly: true }))]),
    citationTitles: [...new Set(citationTitles)],
    overridden: false,
  };
}

/** A claim's profile: its line, its label and notes, and the titles of what it cites. */
export function deriveClaimProfile(claim: BriefClaim, citations: readonly BriefCitation[]): TrackingProfile {
  const cited = new Set([...claim.citations, ...claim.notes.flatMap((note) => note.citations)]);
  return profileOfTexts(
    [claim.label ?? '', claim.text, ...claim.notes.map((note) => note.text)].filter(Boolean),
    citations.filter((c) => cited.has(c.number)).map((c) => c.title),
  );
}

/** A topic's own profile: heading, sections and the works cited for the topic as a whole. */
export function deriveTopicProfile(topic: BriefTopic): TrackingProfile {
  return profileOfTexts(
    [topic.title, ...topic.sections.map((section) => section.title)],
    topic.citations.filter((c) => c.citesTopic).map((c) => c.title),
  );
}
