import { resolvePublisher } from './publishers.js';

describe('resolvePublisher', () => {
  it.each([
    ['The Economist', 'economist'],
    ['Newyork Times', 'nytimes'],
    ['The New York Times', 'nytimes'],
    ['OpenAl', 'openai'],
    ['MacroPolo', 'macropolo'],
    ['arXiv', 'arxiv'],
    ['뉴욕타임즈', 'nytimes'],
  ])('resolves %s to %s', (spelling, key) => {
    expect(resolvePublisher(spelling)?.key).toBe(key);
  });

  it('knows when it does not know a publisher', () => {
    expect(resolvePublisher('The Daily Planet')).toBeUndefined();
  });
});
