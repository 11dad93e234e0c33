import { PUBLISHERS, resolvePublisher } from './publishers.js';

describe('resolvePublisher', () => {
  it.each([
    ['The Economist', 'economist'],
    ['Newyork Times', 'nytimes'],
    ['The New York Times', 'nytimes'],
    ['OpenAl', 'openai'],
    ['MacroPolo', 'macropolo'],
    ['arXiv', 'arxiv'],
    ['뉴욕타임즈', 'nytimes'],
    ['로이터', 'reuters'],
    ['WSJ', 'wsj'],
    ['The Verge', 'the-verge'],
  ])('resolves %s to %s', (spelling, key) => {
    expect(resolvePublisher(spelling)?.key).toBe(key);
  });

  it('knows when it does not know a publisher', () => {
    expect(resolvePublisher('The Daily Planet')).toBeUndefined();
  });
});

describe('the publisher catalogue', () => {
  it('covers the kinds of outlet briefs cite, each with a key of its own', () => {
    expect(new Set(PUBLISHERS.map((p) => p.key)).size).toBe(PUBLISHERS.length);
    for (const kind of ['wire', 'newspaper', 'business', 'technology', 'broadcaster', 'magazine', 'research']) {
      expect(PUBLISHERS.filter((p) => p.kind === kind).length).toBeGreaterThanOrEqual(5);
    }
  });

  it('gives no spelling to two publishers', () => {
    const owners = new Map<string, string>();
    for (const publisher of PUBLISHERS) {
      for (const spelling of [publisher.name, ...publisher.aliases]) {
        const owner = resolvePublisher(spelling)?.key;
        expect([spelling, owner]).toEqual([spelling, publisher.key]);
        owners.set(spelling, publisher.key);
      }
    }
    expect(owners.size).toBeGreaterThan(PUBLISHERS.length);
  });
});
