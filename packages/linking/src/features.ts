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
import { fieldLexicon, hangulSoundKey, latinSoundKey, namesWhoOrWhere, specificityOf, STOPWORDS, stems } from '@briefwatch/lexicon';

export type FeatureKind = 'entity' | 'concept' | 'name' | 'number' | 'title' | 'sound';

/** One thing to look for in an article, as stems, with how much finding it says. */
export interface Feature {
  /** Stems joined by spaces: the phrase to find; or `sound:` and the sound key of a word written in another script. */
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

const BASE_WEIGHT: Record<FeatureKind, number> = { entity: 3, concept: 2, name: 1, number: 2, title: 0.6, sound: 1 };
/** A concept this specific (see `specificityOf`) says what a story is about. */
const SUBJECT_SPECIFICITY = 0.3;
/** A name needs to be this specific to say what a story is about. */
const NAME_SUBJECT_SPECIFICITY = 0.8;
/** A single word needs to be this specific to say what a story is about on its own. */
const SUBJECT_WORD_SPECIFICITY = 0.5;
/** A phrase this specific is a strong sign of its subject. */
const STRONG_SPECIFICITY = 0.5;
/** A single word this specific (a deepfake, a moratorium) is a strong sign of its subject. */
const STRONG_WORD_SPECIFICITY = 0.7;
/** Share of a feature's targets in one topic from which the feature characterises that topic. */
const CHARACTERISTIC_SHARE = 0.75;
/** Sound keys shorter than this match too many words by chance. */
const SHORTEST_SOUND_KEY = 3;

/**
 * A name of the lexicon that says who or where (a person, a place, an organisation) rather
 * than what: it adds to the evidence of a story but is never its subject on its own. A
 * product, a law or an event (Rekognition, the AI Act, NeurIPS) can be what a story is about.
 */
function whoOrWhere(key: string): boolean {
  if (/\d/.test(key)) return false;
  return fieldLexicon()
    .names(key)
    .some((e) => namesWhoOrWhere(e.kind));
}

type RawFeature = Omit<Feature, 'weight' | 'core' | 'specificity'>;

/**
 * A single-word name is distinctive when it could not be an ordinary word: GPT-3, H-1B,
 * NeurIPS, OpenAI. Capitals alone are not enough: an abbreviation (API, NSA) means different
 * things in different stories.
 */
function distinctiveName(display: string): boolean {
  if (/\s/.test(display.trim())) return true;
  return /\d/.test(display) || /[a-z][A-Z]/.test(display);
}

/** An abbreviation (API, GPU) means different things in different fields: never strong evidence on its own. */
function isAbbreviation(display: string): boolean {
  return /^[A-Z0-9]+$/.test(display);
}

/** Two words or more, or a hyphenated compound of words: "facial recognition", "self-driving". */
function isPhrase(display: string): boolean {
  return /\s/.test(display.trim()) || /[A-Za-z]-[A-Za-z]/.test(display);
}

function feature(display: string, kind: FeatureKind, group: string): RawFeature | null {
  const key = stems(display).join(' ');
  if (!key || STOPWORDS.has(key) || key.length < 2) return null;
  // A name is sorted by what the lexicon knows it as: who or where, or a thing a story can be about.
  const effectiveKind: FeatureKind = kind === 'entity' || kind === 'name' ? (whoOrWhere(key) ? 'name' : 'entity') : kind;
  const specificity = specificityOf(key);
  // A name is what a story is about when few of the field's terms carry it (NeurIPS, Rekognition), only who is in it when many do (Google, China).
  const named = effectiveKind === 'entity' || effectiveKind === 'name';
  const specific = specificity >= (named ? NAME_SUBJECT_SPECIFICITY : isPhrase(display) ? SUBJECT_SPECIFICITY : SUBJECT_WORD_SPECIFICITY);
  const subject = ((named || effectiveKind === 'concept') && specific) || (effectiveKind === 'number' && /\s/.test(key));
  const strong = subject && ((effectiveKind === 'concept' && !isAbbreviation(display) && specificity >= (isPhrase(display) ? STRONG_SPECIFICITY : STRONG_WORD_SPECIFICITY)) || (named && distinctiveName(display)));
  return { key, display, kind: effectiveKind, subject, strong, group };
}

/** Where a word's sound is looked for: a Hangul spelling is looked for among Latin words, and the other way round. */
export function soundKey(writtenIn: 'hangul' | 'latin', key: string): string {
  return `sound:${writtenIn}:${key}`;
}

/** A word written in one script, to be found written in the other: a Hangul foreign word or a one-word Latin name. */
function soundFeature(written: string, group: string): RawFeature | null {
  const hangul = /[가-힣]/.test(written);
  const key = hangul ? hangulSoundKey(written) : latinSoundKey(written);
  if (key.length < SHORTEST_SOUND_KEY) return null;
  return { key: soundKey(hangul ? 'hangul' : 'latin', key), display: written, kind: 'sound', subject: false, strong: false, group };
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
    const group = `entity:${entity.name}`;
    for (const spelling of [entity.name, ...entity.aliases.filter((a) => /^[\x20-\x7e]+$/.test(a))]) found.push(feature(spelling, 'entity', group));
    if (!/\s/.test(entity.name)) found.push(soundFeature(entity.name, group));
  }
  for (const term of profile.terms) {
    const group = `term:${term.ko || term.en[0]}`;
    for (const english of term.en) found.push(feature(english, term.kind === 'name' ? 'name' : 'concept', group));
    if (term.en.length === 0 && term.ko) found.push(soundFeature(term.ko, group));
  }
  for (const number of profile.numbers) {
    if (number.unit === 'year' || number.unit === 'years' || (number.value < 10 && number.unit !== 'percent')) continue;
    // A bare number under a thousand ("10", "175") names nothing on its own: a headline's count, a date, an issue number.
    for (const english of number.english) if (!/^\d{1,3}$/.test(english)) found.push(feature(english, 'number', `number:${number.value}:${number.unit}`));
  }
  for (const title of profile.citationTitles) found.push(...titleFeatures(title));
  const byKey = new Map<string, RawFeature>();
  for (const f of found) if (f && !byKey.has(f.key)) byKey.set(f.key, f);
  // Strength belongs to the thing, not the spelling: "driverless" is as telling as "driverless car".
  const strongGroups = new Set([...byKey.values()].filter((f) => f.strong).map((f) => f.group));
  return [...byKey.values()].map((f) => (f.subject && strongGroups.has(f.group) && !isAbbreviation(f.display) ? { ...f, strong: true } : f));
}

/**
 * The brief's topics and claims as link targets. A feature's weight is its kind's base
 * weight times its rarity across the brief's topics (inverse document frequency): a term
 * one topic is built on says more than one every topic uses, however often that topic
 * repeats it. Words everyday English uses a lot and names
 * everyone knows count little: they say who is in a story, or nothing, not what it is about.
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
  const topics = document.topics.length;
  const topicsWith = new Map<string, number>();
  for (const key of inTopic.keys()) {
    const feature = key.slice(key.indexOf(' ') + 1);
    topicsWith.set(feature, (topicsWith.get(feature) ?? 0) + 1);
  }
  return drafts.map((draft) => ({
    ...draft,
    features: draft.features.map((f) => {
      const rarity = Math.log(1 + topics / (topicsWith.get(f.key) ?? 1)) / Math.log(1 + topics);
      const dampen = f.subject || f.kind === 'title' || f.kind === 'number' ? 1 : 0.35;
      const general = f.kind === 'concept' || f.kind === 'entity' ? 0.2 + 0.8 * specificityOf(f.key) : 1;
      const topicCount = inTopic.get(`${draft.topicId} ${f.key}`) ?? 1;
      const claims = claimsInTopic.get(draft.topicId) ?? 1;
      // What the topic is built on and the others hardly use: protein in a topic on protein structure.
      const characteristic =
        (f.kind === 'concept' || f.kind === 'entity') &&
        !isAbbreviation(f.display) && topicCount >= 2 && topicCount / (documentFrequency.get(f.key) ?? 1) >= CHARACTERISTIC_SHARE && specificityOf(f.key) >= SUBJECT_SPECIFICITY;
      return {
        ...f,
        subject: f.subject || characteristic,
        strong: f.strong || characteristic,
        weight: Number((BASE_WEIGHT[f.kind] * rarity * dampen * general).toFixed(4)),
        core: topicCount >= 2,
        specificity: Number((Math.log(1 + claims / topicCount) / Math.log(1 + claims)).toFixed(4)),
      };
    }),
  }));
}
