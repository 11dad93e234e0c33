import type { BriefDocument } from '@briefwatch/brief';
import { flattenProfiledClaims } from '@briefwatch/brief';
import type { Linker } from './linker.js';

/** A story labelled as in the evaluation sets: topics by a phrase of their heading, claims by a phrase of their text. */
export interface LabelledStory {
  id: string;
  title: string;
  summary?: string | null;
  content?: string | null;
  topics: string[];
  claims: string[];
}

export interface EvaluationReport {
  stories: number;
  topic: { truePositives: number; falsePositives: number; falseNegatives: number; precision: number; recall: number; f1: number };
  claim: { labelled: number; hitsAt3: number; hitAt3: number };
  mistakes: Array<{ id: string; title: string; kind: 'topic-missed' | 'topic-wrong' | 'claim-missed'; expected: string[]; got: string[] }>;
}

const round = (n: number) => Number(n.toFixed(4));

/**
 * Topic precision, recall and F1 over (story, topic) pairs, and claim hit@3: the share of
 * stories labelled with claims whose three best-scored claims include one of them.
 */
export function evaluateLinks(linker: Linker, document: BriefDocument, stories: readonly LabelledStory[]): EvaluationReport {
  const topicOf = (phrase: string) => document.topics.find((t) => t.title.includes(phrase) || t.rawTitle.includes(phrase))?.id;
  const claims = document.topics.flatMap((t) => flattenProfiledClaims(t.claims));
  const claimsOf = (phrase: string) => {
    const found = claims.filter((c) => c.text.includes(phrase) || c.rawText.includes(phrase) || c.notes.some((n) => n.text.includes(phrase) || n.rawText.includes(phrase))).map((c) => c.id);
    return found.length > 0 ? found : [`unknown claim "${phrase}"`];
  };

  let tp = 0;
  let fp = 0;
  let fn = 0;
  let labelled = 0;
  let hits = 0;
  const mistakes: EvaluationReport['mistakes'] = [];
  for (const story of stories) {
    const result = linker.link({ id: story.id, title: story.title, summary: story.summary ?? null, content: story.content ?? null });
    const expected = new Set(story.topics.map((phrase) => topicOf(phrase) ?? `unknown topic "${phrase}"`));
    const got = new Set(result.topics.map((t) => t.id));
    for (const id of got) (expected.has(id) ? (tp += 1) : (fp += 1));
    for (const id of expected) if (!got.has(id)) fn += 1;
    if ([...got].some((id) => !expected.has(id))) mistakes.push({ id: story.id, title: story.title, kind: 'topic-wrong', expected: [...expected], got: [...got] });
    else if ([...expected].some((id) => !got.has(id))) mistakes.push({ id: story.id, title: story.title, kind: 'topic-missed', expected: [...expected], got: [...got] });
    if (story.claims.length > 0) {
      labelled += 1;
      const wanted = new Set(story.claims.flatMap(claimsOf));
      const top3 = result.claims.slice(0, 3).map((c) => c.id);
      if (top3.some((id) => wanted.has(id))) hits += 1;
      else mistakes.push({ id: story.id, title: story.title, kind: 'claim-missed', expected: [...wanted], got: top3 });
    }
  }
  // Nothing linked is perfect precision only when nothing should have been.
  const precision = tp + fp === 0 ? (fn === 0 ? 1 : 0) : tp / (tp + fp);
  const recall = tp + fn === 0 ? 1 : tp / (tp + fn);
  return {
    stories: stories.length,
    topic: { truePositives: tp, falsePositives: fp, falseNegatives: fn, precision: round(precision), recall: round(recall), f1: round(precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall)) },
    claim: { labelled, hitsAt3: hits, hitAt3: round(labelled === 0 ? 1 : hits / labelled) },
    mistakes,
  };
}
