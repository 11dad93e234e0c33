import { readEvent, validateEventData, InvalidEventDataError, UnknownEventError } from './catalogue.js';
import type { EventEnvelope } from './envelope.js';
import { streamCategoryOf, streamIdOf } from './stream.js';
import { deadLetterTopic, eventsTopic, retryTopic } from './topics.js';

const registered = {
  sourceId: '0b5f5a7e-2f49-4c57-9d57-3a1f0f9c1d10',
  feedUrl: 'https://www.wired.com/feed/tag/ai/latest/rss',
  title: 'Wired: AI',
  publisher: 'Wired',
  kind: 'publisher',
  publisherKey: 'wired',
  followsUp: null,
  registeredAt: '2026-11-28T08:00:00.000Z',
};

function envelope(data: unknown, type = 'SourceRegistered', schemaVersion = 1): EventEnvelope {
  return {
    eventId: 'c4b0b1f4-1f7b-4b8e-8d7e-4c8f5f0c2a11',
    streamId: streamIdOf('source', registered.sourceId),
    streamPosition: 1,
    globalPosition: 1,
    type,
    schemaVersion,
    data,
    metadata: { correlationId: 'req-1', causationId: null },
    recordedAt: '2026-11-28T08:00:00.000Z',
  };
}

describe('event contracts', () => {
  it('accepts data that matches the contract', () => {
    expect(readEvent(envelope(registered)).data).toEqual(registered);
  });

  it('rejects data that breaks the contract and says which field', () => {
    expect(() => validateEventData('SourceRegistered', 1, { ...registered, feedUrl: 'ftp://example.org/feed' })).toThrow(
      InvalidEventDataError,
    );
    expect(() => validateEventData('SourceRegistered', 1, { ...registered, kind: 'rumour' })).toThrow(/kind/);
  });

  it('rejects an event type or version nobody published', () => {
    expect(() => readEvent(envelope(registered, 'SourceRenamed'))).toThrow(UnknownEventError);
    expect(() => readEvent(envelope(registered, 'SourceRegistered', 9))).toThrow(/SourceRegistered@v9/);
  });
});

describe('streams and topics', () => {
  it('derives the category from a stream id', () => {
    expect(streamCategoryOf('source-0b5f5a7e')).toBe('source');
    expect(() => streamCategoryOf('weather-1')).toThrow(/known category/);
  });

  it('names topics <domain>.<category>.events.v1 with retry and dead-letter topics per group', () => {
    expect(eventsTopic('article')).toBe('briefwatch.article.events.v1');
    expect(retryTopic('article', 'linker', 't1.')).toBe('t1.briefwatch.article.events.v1.linker.retry');
    expect(deadLetterTopic('link', 'alerter')).toBe('briefwatch.link.events.v1.alerter.dlt');
  });
});
