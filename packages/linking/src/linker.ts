import { buildTargets, type Feature, type LinkableBrief, type LinkTarget } from './features.js';
import { tokenize, type Token } from './text.js';

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
export const MATCHER_VERSION = 'lexical-1';
const TITLE_BOOST = 1.5;
const DEFAULT_THRESHOLD = 0.35;

interface Posting {
  target: number;
  feature: Feature;
  stems: string[];
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
 * Links English articles to a brief's topics and claims. Candidates come from an inverted
 * index of the features' first stems (never every claim against every article); each
 * phrase is then checked in place. A topic needs subject evidence: names alone, however
 * many, never make a link.
 */
export class Linker {
  private readonly targets: LinkTarget[];
  private readonly index = new Map<string, Posting[]>();
  private readonly threshold: number;

  constructor(document: LinkableBrief, options: LinkerOptions = {}) {
    this.targets = buildTargets(document);
    this.threshold = options.threshold ?? DEFAULT_THRESHOLD;
    this.targets.forEach((target, t) => {
      for (const feature of target.features) {
        const stems = feature.key.split(' ');
        const postings = this.index.get(stems[0]!) ?? [];
        postings.push({ target: t, feature, stems });
        this.index.set(stems[0]!, postings);
      }
    });
  }

  get targetCount(): number {
    return this.targets.length;
  }

  link(article: ArticleInput): LinkResult {
    const found = new Map<number, Map<string, Evidence>>();
    const scan = (text: string, where: Evidence['where']) => {
      const tokens: Token[] = tokenize(text);
      for (let i = 0; i < tokens.length; i += 1) {
        for (const posting of this.index.get(tokens[i]!.stem) ?? []) {
          if (!posting.stems.every((s, k) => tokens[i + k]?.stem === s)) continue;
          const perTarget = found.get(posting.target) ?? new Map<string, Evidence>();
          const known = perTarget.get(posting.feature.key);
          if (!known || (known.where === 'body' && where === 'title')) {
            const last = tokens[i + posting.stems.length - 1]!;
            perTarget.set(posting.feature.key, {
              feature: posting.feature.display,
              kind: posting.feature.kind,
              where,
              passage: passageAround(text, tokens[i]!.start, last.end),
              weight: Number((posting.feature.weight * (where === 'title' ? TITLE_BOOST : 1)).toFixed(4)),
            });
          }
          found.set(posting.target, perTarget);
        }
      }
    };
    scan(article.title, 'title');
    scan([article.summary, article.content].filter(Boolean).join('\n'), 'body');

    const scored = [...found].map(([t, evidence]) => {
      const target = this.targets[t]!;
      const features = new Map(target.features.map((f) => [f.key, f]));
      return { target, evidence: [...evidence.entries()].map(([key, e]) => ({ ...e, feature: e.feature, meta: features.get(key)! })) };
    });

    // A topic gathers the evidence of its heading and of all its claims (each feature once).
    const byTopic = new Map<string, Map<string, MatchedEvidence>>();
    for (const { target, evidence } of scored) {
      const merged = byTopic.get(target.topicId) ?? new Map<string, MatchedEvidence>();
      for (const e of evidence) {
        const known = merged.get(e.meta.key);
        if (!known || known.weight < e.weight) merged.set(e.meta.key, e);
      }
      byTopic.set(target.topicId, merged);
    }
    const topics: ScoredLink[] = [];
    for (const [topicId, evidence] of byTopic) {
      const all = [...evidence.values()];
      const subjects = all.filter((e) => e.meta.subject);
      const subjectGroups = new Set(subjects.map((e) => e.meta.group));
      // Subject evidence: a phrase or distinctive name the topic is built on, or two different subject terms.
      const anchored = subjects.some((e) => e.meta.strong && e.meta.core) || subjectGroups.size >= 2;
      if (!anchored) continue;
      const score = calibrate(sumByGroup(all));
      if (score < this.threshold) continue;
      const heading = this.targets.find((t) => t.kind === 'topic' && t.id === topicId)!;
      topics.push({ id: topicId, topicId, text: heading.text, score, evidence: strip(all) });
    }
    const linkedTopics = new Set(topics.map((t) => t.id));
    const claims: ScoredLink[] = scored
      .filter(({ target }) => target.kind === 'claim' && linkedTopics.has(target.topicId))
      .map(({ target, evidence }) => ({
        id: target.id,
        topicId: target.topicId,
        text: target.text,
        // Claims of one topic share its vocabulary: what ranks them is what sets each apart.
        score: calibrate(sumByGroup(evidence.map((e) => ({ ...e, weight: e.weight * (0.25 + e.meta.specificity) * (e.meta.subject ? 1 : 0.3) })))),
        evidence: strip(evidence),
      }))
      .sort((a, b) => b.score - a.score);
    return { articleId: article.id, topics: topics.sort((a, b) => b.score - a.score), claims };
  }
}

type MatchedEvidence = Evidence & { meta: Feature };

/** Several spellings of one thing found together count once, at the best of them. */
function sumByGroup(evidence: ReadonlyArray<{ weight: number; meta: Feature }>): number {
  const best = new Map<string, number>();
  for (const e of evidence) best.set(e.meta.group, Math.max(best.get(e.meta.group) ?? 0, e.weight));
  return [...best.values()].reduce((sum, w) => sum + w, 0);
}

function strip(evidence: MatchedEvidence[]): Evidence[] {
  return evidence.map(({ meta: _meta, ...e }) => e).sort((a, b) => b.weight - a.weight);
}
