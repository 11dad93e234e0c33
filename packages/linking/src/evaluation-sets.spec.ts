import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { readBriefDocument } from '@briefwatch/brief';
import { evaluateLinks, type LabelledStory } from './evaluation.js';
import { evaluationSetFiles, evaluationSets } from './evaluation-sets.js';
import { Linker } from './linker.js';

const sets = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'eval');

/**
 * The quality measured on the project's own evaluation sets (eval/README.md), less a small
 * margin: a change that makes linking worse on any of them fails here. These are floors that
 * guard what was reached, not the targets, which `npx briefwatch eval` reports against.
 */
const FLOORS: Record<string, { topicF1: number; claimHitAt3: number }> = {
  'spri-ai-brief-2019-11': { topicF1: 0.71, claimHitAt3: 0.62 },
  'spri-ai-brief-2021-05': { topicF1: 0.81, claimHitAt3: 0.71 },
  'spri-ai-brief-2023-04': { topicF1: 0.61, claimHitAt3: 0.53 },
  'spri-ai-brief-2024-03': { topicF1: 0.62, claimHitAt3: 0.28 },
  'ai-policy-brief-2022-10-en': { topicF1: 0.8, claimHitAt3: 0.52 },
};

describe("the project's evaluation sets", () => {
  it('are all there, each a brief with 40 or more labelled stories', () => {
    expect(evaluationSets(sets).map((set) => set.name)).toEqual(Object.keys(FLOORS).sort());
  });

  it.each(Object.entries(FLOORS))('%s: linking holds its measured quality', (name, floor) => {
    const files = evaluationSetFiles(sets, name);
    const document = readBriefDocument(readFileSync(files.brief));
    const stories = readFileSync(files.stories, 'utf8').trim().split('\n').map((line) => JSON.parse(line) as LabelledStory);
    expect(stories.length).toBeGreaterThanOrEqual(40);
    const report = evaluateLinks(new Linker(document), document, stories);
    // Every label names a topic of the brief and a claim phrase found in it.
    expect(report.mistakes.flatMap((m) => m.expected).filter((id) => id.startsWith('unknown'))).toEqual([]);
    expect(report.topic.f1).toBeGreaterThanOrEqual(floor.topicF1);
    expect(report.claim.hitAt3).toBeGreaterThanOrEqual(floor.claimHitAt3);
  });
});
