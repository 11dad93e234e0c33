import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { readBriefDocument } from '@briefwatch/brief';
import type { ArticleContent, EventEnvelope, NewEvent } from '@briefwatch/contracts';
import { Linker } from '@briefwatch/linking';
import { decideLinks, evolveLinks, linkModel, type LinkState } from './decide-links.js';

const document = readBriefDocument(readFileSync(path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'briefs', 'spri-ai-brief-2020-06.txt')));
const linkers = [{ briefId: 'spri', linker: new Linker(document) }];
const now = new Date('2026-11-28T09:00:00Z');

function article(title: string, summary: string, revision = 1): ArticleContent & { revision: number } {
  return {
    articleId: '6f1c2b3a-4d5e-4f60-8a7b-9c0d1e2f3a4b', sourceId: '0b5f5a7e-2f49-4c57-9d57-3a1f0f9c1d10', feedUrl: 'https://example.org/rss', guid: 'g', link: null, canonicalUrl: null,
    title, summary, content: null, authors: [], categories: [], media: [], published: null, updated: null, contentHash: 'a'.repeat(64), rawHash: null, fetchedAt: now.toISOString(), revision,
  };
}

const fold = (events: NewEvent[], state: LinkState = linkModel.initial()) => events.reduce((s, e) => evolveLinks(s, { type: e.type, data: e.data } as EventEnvelope), state);

describe('deciding an article\'s links', () => {
  const story = article('Portland votes to bar facial recognition in city agencies', 'Council members cited privacy and accuracy concerns.');
  const first = decideLinks(story, linkers, linkModel.initial(), now);

  it('links the topic and its best claims, at most three, each with evidence', () => {
    expect(first.every((e) => e.type === 'CoverageLinked')).toBe(true);
    const links = first.map((e) => e.data as { topicId: string; claimId: string | null; evidence: unknown[] });
    expect(links.filter((l) => l.claimId === null).map((l) => l.topicId)).toEqual(['t2']);
    expect(links.filter((l) => l.claimId !== null).length).toBeLessThanOrEqual(3);
    expect(links.every((l) => l.evidence.length > 0)).toBe(true);
  });

  it('decides nothing for the same revision seen again', () => {
    expect(decideLinks(story, linkers, fold(first), now)).toEqual([]);
  });

  it('decides nothing for an older revision once a newer one is linked, so the newer is never linked twice', () => {
    const second = decideLinks(article('Portland votes to bar facial recognition in city agencies and police', 'Council members cited privacy and accuracy concerns.', 2), linkers, linkModel.initial(), now);
    expect(second.length).toBeGreaterThan(0);
    expect(decideLinks(story, linkers, fold(second), now)).toEqual([]);
  });

  it('retracts every link when a revision no longer supports them', () => {
    const revised = decideLinks(article('Boston approves its budget', 'The council passed the annual budget.', 2), linkers, fold(first), now);
    expect(revised.map((e) => e.type)).toEqual(first.map(() => 'LinkRetracted'));
    expect(fold(revised, fold(first)).links.size).toBe(0);
  });

  it('decides nothing for an older revision that comes after a newer one retracted every link', () => {
    const unrelated = decideLinks(article('Boston approves its budget', 'The council passed the annual budget.', 2), linkers, fold(first), now);
    const afterRetraction = fold(unrelated, fold(first));
    expect(afterRetraction.links.size).toBe(0);
    expect(decideLinks(story, linkers, afterRetraction, now)).toEqual([]);
  });
});
