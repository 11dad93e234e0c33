import { stem, stems, tokenize } from './english-words.js';
import { zipfOf } from './word-frequency.js';

describe('English words', () => {
  it.each([
    ['wrongfully', 'wrongful'],
    ['banned', 'bans'],
    ['regulators', 'regulator'],
    ["company's", 'company'],
  ])('%s and %s share a stem', (a, b) => {
    expect(stem(a)).toBe(stem(b));
  });

  it('keeps names with digits whole, splits other hyphens and reads Hangul words as they are', () => {
    expect(stems('GPT-3 and H-1B face-recognition')).toEqual(['gpt-3', 'and', 'h-1b', 'face', 'recognit']);
    expect(tokenize('엔비디아 GPU').map((t) => [t.script, t.word])).toEqual([
      ['hangul', '엔비디아'],
      ['latin', 'gpu'],
    ]);
  });

  it('knows how much everyday English uses a word', () => {
    expect(zipfOf(stem('the'))).toBeGreaterThan(6);
    expect(zipfOf(stem('police'))).toBeGreaterThan(zipfOf(stem('moratorium')));
    expect(zipfOf('nvidia')).toBe(0);
  });
});
