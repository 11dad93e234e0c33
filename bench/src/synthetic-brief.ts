import type { LinkableBrief, LinkableClaim } from '@briefwatch/linking';
import { inventedWord, seededRandom, type Story } from './corpus.js';

/** Counts claims, nested ones included. */
export function claimCount(brief: LinkableBrief): number {
  const count = (claims: readonly LinkableClaim[]): number => claims.reduce((sum, c) => sum + 1 + count(c.children), 0);
  return brief.topics.reduce((sum, t) => sum + count(t.claims), 0);
}

/**
 * The real brief grown to `claims` claims with synthetic topics of ten claims each, as if
 * many briefs were tracked at once. Their vocabulary mixes the words of real news (so
 * articles do hit synthetic claims, as they would hit other briefs) with made-up names and
 * terms, in the proportions of a growing collection: each new brief brings words of its own.
 */
export function growBrief(real: LinkableBrief, claims: number, stories: readonly Story[]): LinkableBrief {
  const random = seededRandom(claims);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const newsWords = [...new Set(stories.flatMap((s) => `${s.title} ${s.summary}`.toLowerCase().match(/[a-z]{4,}/g) ?? []))];
  const missing = Math.max(0, claims - claimCount(real));
  // About one new word for every claim (Heaps' law for a collection of briefs of a few hundred words each).
  const ownWords = Array.from({ length: Math.max(50, missing) }, (_, i) => inventedWord(i + 1));
  const word = () => (random() < 0.5 ? pick(newsWords) : pick(ownWords));
  const name = () => `${pick(ownWords)[0]!.toUpperCase()}${pick(ownWords).slice(1)} ${pick(['Labs', 'Systems', 'Institute', 'Group', 'AI'])}`;
  const profile = () => ({
    entities: [{ name: name(), aliases: [] }],
    numbers: [],
    terms: [0, 1, 2].map(() => ({ ko: '', en: [`${word()} ${word()}`], kind: 'concept' as const })),
    citationTitles: [Array.from({ length: 6 }, word).join(' ')],
    overridden: false,
  });
  const topics = [...real.topics];
  for (let t = 0; t * 10 < missing; t += 1) {
    const id = `s${t}`;
    const size = Math.min(10, missing - t * 10);
    topics.push({
      id,
      title: `${word()} ${word()} ${word()}`,
      profile: profile(),
      claims: Array.from({ length: size }, (_, c) => ({ id: `${id}.${c + 1}`, label: null, text: `${word()} ${word()} ${word()} ${word()}`, profile: profile(), children: [] })),
    });
  }
  return { topics };
}
