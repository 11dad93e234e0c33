import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { readBriefDocument } from '@briefwatch/brief';
import { evaluateLinks, type LabelledStory } from './evaluation.js';
import { Linker } from './linker.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const document = readBriefDocument(readFileSync(path.join(root, 'briefs', 'spri-ai-brief-2020-06.txt')));
const linker = new Linker(document);

const link = (title: string, summary = '') => linker.link({ id: 'x', title, summary });
const topicsOf = (title: string, summary = '') => link(title, summary).topics.map((t) => t.id);

describe('linking coverage to the SPRI brief (stories written for these tests)', () => {
  it.each([
    ['San Francisco bans police use of facial recognition software', 'Supervisors voted 8-1 to stop city agencies from using face surveillance.', 't2'],
    ['OpenAI opens GPT-3 to developers through a paid API', 'The language model, with 175 billion parameters, is now available to businesses.', 't3'],
    ['White House suspends H-1B work visas through the end of the year', 'Technology companies warn the order will push skilled foreign workers to Canada.', 't4'],
    ['Self-driving trucks are years away, says industry veteran', 'Driverless freight has proved harder than expected.', 't1'],
  ])('links "%s" to its topic', (title, summary, topic) => {
    expect(topicsOf(title, summary)).toEqual([topic]);
  });

  it.each([
    ['Amazon tests delivery drones over Cambridge', 'Prime Air completed its first trial deliveries by drone.'],
    ['IBM unveils 2-nanometer chip technology', 'The new process packs 50 billion transistors onto a chip the size of a fingernail.'],
    ['Microsoft to buy speech recognition firm Nuance for $16 billion', 'The deal expands Microsoft in health-care cloud software.'],
    ['Google fires AI ethics researcher after dispute over a paper', 'The paper discussed the costs of large language models.'],
    ['New phone lets you unlock with your face even with a mask', 'Face ID now works with masks on.'],
    ['Visa and Mastercard settle with merchants for $30 billion', 'Card fees will fall.'],
    ['Transformers sequel tops the weekend box office', 'The film earned $60 million.'],
    ['Trump signs orders banning transactions with TikTok and WeChat', 'The orders take effect in 45 days.'],
  ])('keeps the near-miss "%s" out', (title, summary) => {
    expect(topicsOf(title, summary)).toEqual([]);
  });

  it('ranks the claim a story develops among the first three, with evidence found in the story', () => {
    const story = { title: 'Amazon extends its moratorium on police use of Rekognition', summary: 'The one-year pause on selling facial recognition to police departments continues.' };
    const result = linker.link({ id: 'a', ...story });
    expect(result.claims.slice(0, 3).map((c) => c.id)).toContain('t2.c2');
    for (const evidence of result.claims[0]!.evidence) {
      const text = evidence.where === 'title' ? story.title : story.summary;
      expect(text).toContain(evidence.passage.replace(/^…|…$/g, ''));
    }
  });

  it('gives a title hit more weight than the same hit in the body', () => {
    const inTitle = link('Facial recognition ban passes', 'The city council voted on Tuesday.').topics[0]!;
    const inBody = link('City council votes on Tuesday', 'A facial recognition ban passed.').topics[0]!;
    expect(inTitle.score).toBeGreaterThan(inBody.score);
  });
});

const devSet = path.resolve(root, '..', 'shared', 'eval', 'linking-dev.jsonl');
(existsSync(devSet) ? describe : describe.skip)('the shared development set', () => {
  it('meets the targets: topic F1 ≥ 0.95, claim hit@3 ≥ 0.85', () => {
    const stories = readFileSync(devSet, 'utf8').trim().split('\n').map((line) => JSON.parse(line) as LabelledStory);
    const report = evaluateLinks(linker, document, stories);
    expect(report.topic.f1).toBeGreaterThanOrEqual(0.95);
    expect(report.claim.hitAt3).toBeGreaterThanOrEqual(0.85);
  });
});
