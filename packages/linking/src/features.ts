import type { TrackingProfile } from '@briefwatch/brief';

/** What linking needs of a brief: topics and their claims (nested), each with a profile. */
export interface LinkableClaim {
  id: string;
  label: string | null;
  text: string;
  profile: TrackingProfile;
  children: LinkableClaim[];
}
export interface LinkableBrief {
  topics: Array<{ id: string; title: string; profile: TrackingProfile; claims: LinkableClaim[] }>;
}

function flatten(claims: readonly LinkableClaim[]): LinkableClaim[] {
  return claims.flatMap((claim) => [claim, ...flatten(claim.children)]);
}
import { STOPWORDS, stems } from './text.js';

export type FeatureKind = 'entity' | 'concept' | 'name' | 'number' | 'title';

/** One thing to look for in an article, as stems, with how much finding it says. */
export interface Feature {
  /** Stems joined by spaces: the phrase to find. */
  key: string;
  /** As a reader would recognise it in the article. */
  display: string;
  kind: FeatureKind;
  /** Whether finding it says what the story is about (not only who is in it). */
  subject: boolean;
  /** A phrase of the field or a distinctive name: enough on its own when the topic is built on it. */
  strong: boolean;
  /** Spellings of one thing (a glossary term's English forms, a name and its aliases) share a group. */
  group: string;
  weight: number;
  /** Found in two or more of the topic's heading and claims: what the topic is built on. */
  core: boolean;
  /** How much it sets this claim apart from the topic's other claims (1 for a feature only this claim has). */
  specificity: number;
}

/** A topic or a claim, with what to look for. */
export interface LinkTarget {
  id: string;
  kind: 'topic' | 'claim';
  topicId: string;
  /** The topic heading or claim text, OCR slips corrected. */
  text: string;
  features: Feature[];
}

/**
 * Organisations, places and people so present in technology news that their name alone
 * says nothing about which story it is. A general list, not one made from any brief.
 */
const UBIQUITOUS_NAMES = new Set(
  ['google', 'amazon', 'microsoft', 'ibm', 'apple', 'facebook', 'meta', 'tesla', 'uber', 'nvidia', 'twitter', 'alphabet', 'samsung', 'intel',
    'united state', 'us', 'american', 'china', 'chinese', 'europe', 'european', 'britain', 'uk', 'british', 'trump', 'biden', 'president',
    'california', 'silicon valley', 'mit', 'stanford', 'the new york time', 'new york time', 'the economist', 'economist', 'wired', 'cnn', 'forbe', 'fortune'].map((n) => stems(n).join(' ')),
);

/** Single words of the field too common in its news to say what a story is about on their own. */
const BROAD_WORDS = new Set(
  ['data', 'ai', 'artificial intelligence', 'algorithm', 'computing', 'compute', 'policy', 'researcher', 'paper', 'author', 'conference', 'cloud',
    'law', 'regulation', 'ban', 'halt', 'pause', 'stop', 'bill', 'image', 'photo', 'deployment', 'virus', 'case', 'infected', 'treatment', 'drug',
    'generative', 'consent', 'dominance', 'supremacy', 'defense', 'military', 'workforce', 'talent', 'ethic', 'ethical', 'race', 'racial', 'gender',
    'bias', 'accuracy', 'black', 'hype', 'bubble', 'criminal', 'police', 'settlement', 'lawsuit', 'congress', 'senate', 'lawmaker', 'legislation'].map((w) => stems(w).join(' ')),
);

const BASE_WEIGHT: Record<FeatureKind, number> = { entity: 3, concept: 2, name: 1, number: 2, title: 0.6 };

type RawFeature = Omit<Feature, 'weight' | 'core' | 'specificity'>;

/** A single-word name is distinctive when it could not be an ordinary word: GPT-3, H-1B, NeurIPS, OpenAI, BERT. */
function distinctiveName(display: string): boolean {
  if (/\s/.test(display.trim())) return true;
  return /\d/.test(display) || /[a-z][A-Z]/.test(display) || /^[A-Z]{3,}$/.test(display);
}

/** Two words or more, or a hyphenated compound of words: "facial recognition", "self-driving". */
function isPhrase(display: string): boolean {
  return /\s/.test(display.trim()) || /[A-Za-z]-[A-Za-z]/.test(display);
}

function feature(display: string, kind: FeatureKind, group: string): RawFeature | null {
  const key = stems(display).join(' ');
  if (!key || STOPWORDS.has(key) || key.length < 2) return null;
  const ubiquitous = UBIQUITOUS_NAMES.has(key);
  const broad = BROAD_WORDS.has(key);
  const effectiveKind: FeatureKind = ubiquitous && kind === 'entity' ? 'name' : kind;
  const subject = !ubiquitous && !broad && (effectiveKind === 'entity' || effectiveKind === 'concept' || (effectiveKind === 'number' && /\s/.test(key)));
  const strong = subject && ((effectiveKind === 'concept' && isPhrase(display)) || (effectiveKind === 'entity' && distinctiveName(display)));
  return { key, display, kind: effectiveKind, subject, strong, group };
}

/** Distinctive words and word pairs of a cited work's title. */
function titleFeatures(title: string): RawFeature[] {
  const words = stems(title).filter((w) => !STOPWORDS.has(w) && w.length > 2 && !/^\d+$/.test(w));
  const pairs = words.slice(1).map((w, i) => `${words[i]} ${w}`);
  return [...new Set(pairs)].map((key) => ({ key, display: key, kind: 'title' as const, subject: false, strong: false, group: `title:${key}` }));
}

function rawFeatures(profile: TrackingProfile): RawFeature[] {
  const found: Array<RawFeature | null> = [];
  for (const entity of profile.entities) {
    for (const spelling of [entity.name, ...entity.aliases.filter((a) => /^[\x20-\x7e]+$/.test(a))]) found.push(feature(spelling, 'entity', `entity:${entity.name}`));
  }
  for (const term of profile.terms) for (const english of term.en) found.push(feature(english, term.kind === 'name' ? 'name' : 'concept', `term:${term.ko || english}`));
  for (const number of profile.numbers) {
    if (number.unit === 'year' || number.unit === 'years' || (number.value < 10 && number.unit !== 'percent')) continue;
    for (const english of number.english) found.push(feature(english, 'number', `number:${number.value}:${number.unit}`));
  }
  for (const title of profile.citationTitles) found.push(...titleFeatures(title));
  const byKey = new Map<string, RawFeature>();
  for (const f of found) if (f && !byKey.has(f.key)) byKey.set(f.key, f);
  // Strength belongs to the thing, not the spelling: "driverless" is as telling as "driverless car".
  const strongGroups = new Set([...byKey.values()].filter((f) => f.strong).map((f) => f.group));
  return [...byKey.values()].map((f) => (f.subject && strongGroups.has(f.group) ? { ...f, strong: true } : f));
}

/**
 * The brief's topics and claims as link targets. A feature's weight is its kind's base
 * weight times its rarity across the brief's claims (inverse document frequency): a name
 * in one claim says more than a term in ten. Broad words and ubiquitous names count little.
 */
export function buildTargets(document: LinkableBrief): LinkTarget[] {
  const drafts: Array<Omit<LinkTarget, 'features'> & { features: RawFeature[] }> = [];
  for (const topic of document.topics) {
    drafts.push({ id: topic.id, kind: 'topic', topicId: topic.id, text: topic.title, features: rawFeatures(topic.profile) });
    for (const claim of flatten(topic.claims)) {
      drafts.push({ id: claim.id, kind: 'claim', topicId: topic.id, text: [claim.label, claim.text].filter(Boolean).join(': '), features: rawFeatures(claim.profile) });
    }
  }
  const documentFrequency = new Map<string, number>();
  const inTopic = new Map<string, number>();
  const claimsInTopic = new Map<string, number>();
  for (const draft of drafts) {
    if (draft.kind === 'claim') claimsInTopic.set(draft.topicId, (claimsInTopic.get(draft.topicId) ?? 0) + 1);
    for (const f of draft.features) {
      documentFrequency.set(f.key, (documentFrequency.get(f.key) ?? 0) + 1);
      inTopic.set(`${draft.topicId} ${f.key}`, (inTopic.get(`${draft.topicId} ${f.key}`) ?? 0) + 1);
    }
  }
  const total = drafts.length;
  return drafts.map((draft) => ({
    ...draft,
    features: draft.features.map((f) => {
      const rarity = Math.log(1 + total / (documentFrequency.get(f.key) ?? 1)) / Math.log(1 + total);
      const dampen = f.subject || f.kind === 'title' || f.kind === 'number' ? 1 : 0.35;
      const topicCount = inTopic.get(`${draft.topicId} ${f.key}`) ?? 1;
      const claims = claimsInTopic.get(draft.topicId) ?? 1;
      return {
        ...f,
        weight: Number((BASE_WEIGHT[f.kind] * rarity * dampen).toFixed(4)),
        core: topicCount >= 2,
        specificity: Number((Math.log(1 + claims / topicCount) / Math.log(1 + claims)).toFixed(4)),
      };
    }),
  }));
}
