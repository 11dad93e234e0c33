import type { CoverageLinked } from '@briefwatch/contracts';
import type { Subscription } from '@briefwatch/db';
import { matchingSubscriptions, subscriptionsWatchingSource } from './match-subscriptions.js';

const link = (claimId: string | null, score = 0.6): CoverageLinked => ({
  articleId: '6f1c2b3a-4d5e-4f60-8a7b-9c0d1e2f3a4b', articleRevision: 1, briefId: 'spri', topicId: 't2', claimId, score, evidence: [], matcherVersion: 'lexical-1', linkedAt: '2026-11-28T09:00:00Z',
});
const subscription = (overrides: Partial<Subscription>): Subscription => ({
  id: 's', name: 's', targetKind: 'brief', briefId: 'spri', topicId: null, claimId: null, sourceId: null, query: null, minScore: 0.35, sourceIds: [], channelKind: 'webhook', channelUrl: 'https://hooks.example.org/x',
  digestEvery: null, notifyCoverage: true, notifyHealth: false, status: 'active', failing: false, createdAt: new Date(), streamPosition: 1n, ...overrides,
});

describe('which subscriptions a link alerts', () => {
  it('alerts brief and topic subscriptions on the topic link, claim subscriptions on their claim link', () => {
    const subs = [subscription({ id: 'brief' }), subscription({ id: 'topic', targetKind: 'topic', topicId: 't2' }), subscription({ id: 'other-topic', targetKind: 'topic', topicId: 't3' }), subscription({ id: 'claim', targetKind: 'claim', claimId: 't2.c2' })];
    expect(matchingSubscriptions(link(null), subs, []).map((s) => s.id)).toEqual(['brief', 'topic']);
    expect(matchingSubscriptions(link('t2.c2'), subs, []).map((s) => s.id)).toEqual(['claim']);
  });

  it('respects the minimum score, the source filter, the brief, a paused subscription and one that wants health alerts only', () => {
    expect(matchingSubscriptions(link(null, 0.2), [subscription({})], [])).toEqual([]);
    expect(matchingSubscriptions(link(null), [subscription({ sourceIds: ['a'] })], ['b'])).toEqual([]);
    expect(matchingSubscriptions(link(null), [subscription({ sourceIds: ['a'] })], ['a', 'b'])).toHaveLength(1);
    expect(matchingSubscriptions(link(null), [subscription({ briefId: 'other' })], [])).toEqual([]);
    expect(matchingSubscriptions(link(null), [subscription({ status: 'paused' })], [])).toEqual([]);
    expect(matchingSubscriptions(link(null), [subscription({ notifyCoverage: false, notifyHealth: true })], [])).toEqual([]);
  });

  it('alerts a source subscription on coverage that source carried, whatever the brief', () => {
    const watching = subscription({ targetKind: 'source', briefId: null, sourceId: 'wired' });
    expect(matchingSubscriptions(link(null), [watching], ['wired', 'cnn'])).toHaveLength(1);
    expect(matchingSubscriptions(link(null), [watching], ['cnn'])).toEqual([]);
    expect(matchingSubscriptions(link('t2.c2'), [watching], ['wired'])).toEqual([]);
  });
});

describe('saved-query subscriptions', () => {
  it('alerts a saved query on the links it asks for, from articles that mention its terms', () => {
    const query = subscription({ targetKind: 'query', query: { topicIds: ['t2'], claimIds: [], terms: ['Rekognition'], excludeTerms: [] } });
    expect(matchingSubscriptions(link(null), [query], [], 'Amazon extends Rekognition moratorium')).toHaveLength(1);
    expect(matchingSubscriptions(link(null), [query], [], 'Amazon extends moratorium')).toEqual([]);
    expect(matchingSubscriptions(link(null), [subscription({ targetKind: 'query', briefId: 'other', query: { topicIds: [], claimIds: [], terms: [], excludeTerms: [] } })], [], '')).toEqual([]);
  });
});

describe('who hears about a source going quiet or failing', () => {
  it('tells the subscriptions that asked for health alerts and watch the source', () => {
    const subs = [
      subscription({ id: 'all-sources', notifyHealth: true }),
      subscription({ id: 'filtered-in', notifyHealth: true, sourceIds: ['wired'] }),
      subscription({ id: 'filtered-out', notifyHealth: true, sourceIds: ['cnn'] }),
      subscription({ id: 'source', targetKind: 'source', sourceId: 'wired', notifyHealth: true }),
      subscription({ id: 'no-health' }),
      subscription({ id: 'paused', notifyHealth: true, status: 'paused' }),
    ];
    expect(subscriptionsWatchingSource('wired', subs).map((s) => s.id)).toEqual(['all-sources', 'filtered-in', 'source']);
  });
});
