import type { TrackingProfileData } from '@briefwatch/contracts';
import { specificityOf, stems } from '@briefwatch/lexicon';

/** Google News' RSS search: a follow-up feed for any query, in English, US edition. */
export function googleNewsSearchFeed(query: string): string {
  return `https://news.google.com/rss/search?${new URLSearchParams({ q: query, hl: 'en-US', gl: 'US', ceid: 'US:en' })}`;
}

const quote = (phrase: string) => (/\s/.test(phrase) ? `"${phrase}"` : phrase);

/** A term this unspecific (see `specificityOf`: "technology", "police") narrows no news search. */
const SEARCHABLE_SPECIFICITY = 0.3;

/**
 * A news search for what a topic is about, from the profiles of the topic and its claims:
 * the specific English terms its claims share most, AND any of the names they mention most.
 * `"facial recognition" (IBM OR Amazon OR Microsoft)`. Null when the profiles say too little.
 */
export function followUpQuery(profiles: readonly TrackingProfileData[]): string | null {
  const termCounts = new Map<string, number>();
  const entityCounts = new Map<string, number>();
  for (const profile of profiles) {
    // Terms of the field, not names: the names come next, as alternatives.
    for (const english of new Set(profile.terms.filter((term) => term.kind !== 'name').map((term) => term.en[0]).filter((t): t is string => Boolean(t)))) {
      termCounts.set(english, (termCounts.get(english) ?? 0) + 1);
    }
    for (const name of new Set(profile.entities.map((entity) => entity.name))) entityCounts.set(name, (entityCounts.get(name) ?? 0) + 1);
  }
  const ranked = (counts: Map<string, number>) => [...counts].sort((a, b) => b[1] - a[1] || b[0].length - a[0].length).map(([name]) => name);
  // Terms weighed by how often the claims share them and how much they say: "technology" in every claim says nothing.
  const specificity = (term: string) => specificityOf(stems(term).join(' '));
  const searchable = new Map([...termCounts].filter(([term]) => specificity(term) >= SEARCHABLE_SPECIFICITY).map(([term, count]) => [term, count * specificity(term)]));
  const terms = ranked(searchable).slice(0, 2);
  const entities = ranked(entityCounts).slice(0, 3);
  if (terms.length === 0 && entities.length === 0) return null;
  const termPart = terms.map(quote).join(' ');
  const entityPart = entities.length > 1 ? `(${entities.map(quote).join(' OR ')})` : entities.map(quote).join('');
  return [termPart, entityPart].filter(Boolean).join(' ');
}
