import type { EventEnvelope } from '@briefwatch/contracts';
import { decideRegisterSource, evolve, initialSourceState, type RegisterSource } from './source.js';
import { normalizeFeedUrl, sourceIdFor } from './source-identity.js';

const command: RegisterSource = {
  sourceId: sourceIdFor('https://www.wired.com/feed/tag/ai/latest/rss'),
  feedUrl: 'https://www.wired.com/feed/tag/ai/latest/rss',
  title: 'Wired: AI',
  publisher: 'Wired',
  kind: 'publisher',
  publisherKey: 'wired',
  followsUp: null,
  now: new Date('2026-11-28T08:00:00.000Z'),
};

describe('registering a source', () => {
  it('given no source, when it is registered, then SourceRegistered records the feed', () => {
    const events = decideRegisterSource(command, initialSourceState());
    expect(events).toEqual([
      {
        type: 'SourceRegistered',
        schemaVersion: 1,
        data: {
          sourceId: command.sourceId,
          feedUrl: command.feedUrl,
          title: 'Wired: AI',
          publisher: 'Wired',
          kind: 'publisher',
          publisherKey: 'wired',
          followsUp: null,
          registeredAt: '2026-11-28T08:00:00.000Z',
        },
      },
    ]);
  });

  it('given a registered source, when it is registered again, then SOURCE.ALREADY_REGISTERED', () => {
    const [event] = decideRegisterSource(command, initialSourceState());
    const state = evolve(initialSourceState(), { ...event!, eventId: 'e', streamId: 's', streamPosition: 1, globalPosition: 1, metadata: { correlationId: 'c', causationId: null }, recordedAt: '' } as EventEnvelope);
    expect(() => decideRegisterSource(command, state)).toThrow(expect.objectContaining({ code: 'SOURCE.ALREADY_REGISTERED' }));
  });
});

describe('source identity', () => {
  it('gives the same id to spellings of one feed URL and different ids to different feeds', () => {
    expect(sourceIdFor('HTTPS://WWW.Wired.com:443/feed/rss#top')).toBe(sourceIdFor('https://www.wired.com/feed/rss'));
    expect(sourceIdFor('https://www.wired.com/feed/rss')).not.toBe(sourceIdFor('https://www.wired.com/feed/RSS'));
    expect(sourceIdFor('https://www.wired.com/feed/rss')).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('normalises scheme, host, default port and fragment only', () => {
    expect(normalizeFeedUrl('http://Example.ORG:80/Feed?a=B#x')).toBe('http://example.org/Feed?a=B');
  });
});
