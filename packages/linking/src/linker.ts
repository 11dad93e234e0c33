import { buildTargets, soundKey, type Feature, type LinkableBrief, type LinkTarget } from './features.js';
import { fieldLexicon, hangulSoundKey, latinSoundKey, stems, tokenize, zipfOf, type Token } from '@briefwatch/lexicon';

export interface ArticleInput {
  id: string;
  title: string;
  summary?: string | null;
  content?: string | null;
}

/** One piece of evidence: what was found, where, and the passage a reader can check. */
export interface Evidence {
  feature: string;
  kind: Feature['kind'];
  where: 'title' | 'body';
  passage: string;
  weight: number;
}

export interface ScoredLink {
  id: string;
  topicId: string;
  text: string;
  score: number;
  evidence: Evidence[];
}

export interface LinkResult {
  articleId: string;
  topics: ScoredLink[];
  claims: ScoredLink[];
}

export interface LinkerOptions {
  /** A link is made at this calibrated score (0..1) and above. */
  threshold?: number;
}

/** The version of the method: recorded with every link, so a change can be replayed and compared. */
export const MATCHER_VERSION = 'lexical-3';
const TITLE_BOOST = 1.5;
const DEFAULT_THRESHOLD = 0.35;
/** A Latin word this common in everyday English is not compared by sound with Hangul spellings. */
const SOUND_MATCH_MAX_ZIPF = 3;
/** Subject evidence a topic needs, in weight, when none of it is a strong phrase the topic is built on. */
const ANCHOR_WEIGHT = 2;
/** A topic scoring below this share of the story's best topic is not linked. */
const SHARE_OF_BEST = 0.9;

interface Posting {
  target: number;
  topicId: string;
  feature: Feature;
  /** The feature's weight where it is found. */
  weight: Record<Evidence['where'], number>;
}

function passageAround(text: string, start: number, end: number): string {
  const from = Math.max(0, text.lastIndexOf(' ', Math.max(0, start - 60)) + 1);
  const to = Math.min(text.length, (text.indexOf(' ', end + 60) + 1 || text.length + 1) - 1);
  return `${from > 0 ? '…' : ''}${text.slice(from, to).trim()}${to < text.length ? '…' : ''}`;
}

/** Raw evidence mass → 0..1, so that one threshold reads the same for every topic. */
export function calibrate(raw: number): number {
  return Number((1 - Math.exp(-raw / 4)).toFixed(4));
}

/**
 * Links articles, English or Korean, to a brief's topics and claims. Every feature is indexed by its
 * whole phrase, with each of its leading word runs kept as a prefix, so an article is read
 * once, word by word, following only runs that begin some feature: its cost grows with its
 * length and with what it matches, not with the number of claims tracked. A topic needs
 * subject evidence: names alone, however many, never make a link.
 */
export class Linker {
  private readonly targets: LinkTarget[];
  private readonly headings = new Map<string, LinkTarget>();
  /** Feature phrase (stems joined by spaces) → every target that looks for it. */
  private readonly phrases = new Map<string, Posting[]>();
  /** Every leading run of words of a feature phrase longer than one word: where reading on may find one. */
  private readonly prefixes = new Set<string>();
  private readonly threshold: number;
  private readonly hasSounds: boolean;

  constructor(document: LinkableBrief, options: LinkerOptions = {}) {
    this.targets = buildTargets(document);
    this.threshold = options.threshold ?? DEFAULT_THRESHOLD;
    this.hasSounds = this.targets.some((target) => target.features.some((f) => f.kind === 'sound'));
    this.targets.forEach((target, t) => {
      if (target.kind === 'topic') this.headings.set(target.id, target);
      for (const feature of target.features) {
        const postings = this.phrases.get(feature.key) ?? [];
        postings.push({ target: t, topicId: target.topicId, feature, weight: { title: Number((feature.weight * TITLE_BOOST).toFixed(4)), body: feature.weight } });
        this.phrases.set(feature.key, postings);
        const stems = feature.key.split(' ');
        for (let n = 1; n < stems.length; n += 1) this.prefixes.add(stems.slice(0, n).join(' '));
      }
    });
  }

  get targetCount(): number {
    return this.targets.length;
  }

  link(article: ArticleInput): LinkResult {
    // The first place each feature phrase is found: in the title if it is there at all.
    const firstFound = new Map<string, { where: Evidence['where']; passage: string }>();
    const found = (phrase: string, where: Evidence['where'], passage: () => string) => {
      if (!firstFound.has(phrase) && this.phrases.has(phrase)) firstFound.set(phrase, { where, passage: passage() });
    };
    const scan = (text: string, where: Evidence['where']) => {
      const all: Token[] = tokenize(text);
      const tokens = all.filter((t) => t.script === 'latin');
      for (let i = 0; i < tokens.length; i += 1) {
        let phrase = tokens[i]!.stem;
        for (let k = i; ; ) {
          found(phrase, where, () => passageAround(text, tokens[i]!.start, tokens[k]!.end));
          if (!this.prefixes.has(phrase) || ++k >= tokens.length) break;
          phrase = `${phrase} ${tokens[k]!.stem}`;
        }
        if (this.hasSounds && tokens[i]!.word.length >= 4 && zipfOf(tokens[i]!.stem) < SOUND_MATCH_MAX_ZIPF) {
          found(soundKey('hangul', cachedSound(tokens[i]!.word, latinSoundKey)), where, () => passageAround(text, tokens[i]!.start, tokens[i]!.end));
        }
      }
      // Korean coverage: its terms carried into English by the lexicon, its foreign words by their sound.
      for (const token of all) {
        if (token.script !== 'hangul') continue;
        const passage = () => passageAround(text, token.start, token.end);
        const { found: terms, unmatched } = fieldLexicon().findKorean(token.word);
        for (const term of terms) for (const english of term.entry.en) found(englishKey(english), where, passage);
        for (const word of unmatched) for (const script of ['latin', 'hangul'] as const) found(soundKey(script, cachedSound(word, hangulSoundKey)), where, passage);
      }
    };
    scan(article.title, 'title');
    scan([article.summary, article.content].filter(Boolean).join('\n'), 'body');

    // A topic gathers the evidence of its heading and of all its claims (each feature once, at its best).
    const byTopic = new Map<string, Map<string, MatchedEvidence>>();
    for (const [phrase, { where, passage }] of firstFound) {
      for (const { topicId, feature, weight } of this.phrases.get(phrase)!) {
        const merged = byTopic.get(topicId) ?? new Map<string, MatchedEvidence>();
        const known = merged.get(phrase);
        if (!known || known.weight < weight[where]) merged.set(phrase, { feature: feature.display, kind: feature.kind, where, passage, weight: weight[where], meta: feature });
        byTopic.set(topicId, merged);
      }
    }
    const candidates: ScoredLink[] = [];
    for (const [topicId, evidence] of byTopic) {
      const all = [...evidence.values()];
      const subjects = all.filter((e) => e.meta.subject);
      // Subject evidence: a phrase or distinctive name the topic is built on, or enough subject terms together.
      // Who or where (a person, a place, an organisation) adds to the evidence but never makes a link alone.
      const things = subjects.filter((e) => e.meta.kind !== 'name');
      const anchored = things.some((e) => e.meta.strong && e.meta.core) || (things.length > 0 && new Set(subjects.map((e) => e.meta.group)).size >= 2 && sumByGroup(subjects) >= ANCHOR_WEIGHT);
      if (!anchored) continue;
      const score = calibrate(sumByGroup(all));
      if (score < this.threshold) continue;
      candidates.push({ id: topicId, topicId, text: this.headings.get(topicId)!.text, score, evidence: strip(all) });
    }
    // A story is about one topic unless it is about several almost equally: the others' shared words are no link.
    const best = Math.max(0, ...candidates.map((t) => t.score));
    const topics = candidates.filter((t) => t.score >= SHARE_OF_BEST * best);
    const linkedTopics = new Set(topics.map((t) => t.id));
    // Claims are scored only under the topics linked.
    const claimEvidence = new Map<number, MatchedEvidence[]>();
    for (const [phrase, { where, passage }] of firstFound) {
      for (const { target, topicId, feature, weight } of this.phrases.get(phrase)!) {
        if (!linkedTopics.has(topicId) || this.targets[target]!.kind !== 'claim') continue;
        const evidence = claimEvidence.get(target) ?? [];
        evidence.push({ feature: feature.display, kind: feature.kind, where, passage, weight: weight[where], meta: feature });
        claimEvidence.set(target, evidence);
      }
    }
    const claims: ScoredLink[] = [...claimEvidence]
      .map(([t, evidence]) => {
        const target = this.targets[t]!;
        return {
          id: target.id,
          topicId: target.topicId,
          text: target.text,
          // Claims of one topic share its vocabulary: what ranks them is what sets each apart.
          score: calibrate(sumByGroup(evidence.map((e) => ({ ...e, weight: e.weight * (0.25 + e.meta.specificity) * (e.meta.subject ? 1 : 0.3) })))),
          evidence: strip(evidence),
        };
      })
      .sort((a, b) => b.score - a.score);
    return { articleId: article.id, topics: topics.sort((a, b) => b.score - a.score), claims };
  }
}

type MatchedEvidence = Evidence & { meta: Feature };

/** An English form's stems, as features are keyed. */
const englishKeys = new Map<string, string>();
function englishKey(english: string): string {
  let key = englishKeys.get(english);
  if (key === undefined) englishKeys.set(english, (key = stems(english).join(' ')));
  return key;
}

/** Sound keys of words as written (bounded: cleared when full). */
const soundKeys = new Map<string, string>();
function cachedSound(word: string, keyOf: (word: string) => string): string {
  let key = soundKeys.get(word);
  if (key === undefined) {
    if (soundKeys.size >= 100_000) soundKeys.clear();
    soundKeys.set(word, (key = keyOf(word)));
  }
  return key;
}

/** Several spellings of one thing found together count once, at the best of them. */
function sumByGroup(evidence: ReadonlyArray<{ weight: number; meta: Feature }>): number {
  const best = new Map<string, number>();
  for (const e of evidence) best.set(e.meta.group, Math.max(best.get(e.meta.group) ?? 0, e.weight));
  return [...best.values()].reduce((sum, w) => sum + w, 0);
}

function strip(evidence: MatchedEvidence[]): Evidence[] {
  return evidence.map(({ meta: _meta, ...e }) => e).sort((a, b) => b.weight - a.weight);
}
