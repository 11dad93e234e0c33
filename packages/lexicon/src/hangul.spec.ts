import { hangulSoundKey, latinSoundKey, nounCandidates } from './hangul.js';

describe('foreign words written in Hangul, matched by sound', () => {
  it.each([
    ['엔비디아', 'Nvidia'],
    ['딥페이크', 'deepfake'],
    ['알고리즘', 'algorithm'],
    ['레커그니션', 'Rekognition'],
    ['클라우드', 'cloud'],
    ['스냅챗', 'Snapchat'],
  ])('%s sounds like %s', (hangul, latin) => {
    expect(hangulSoundKey(hangul)).toBe(latinSoundKey(latin));
  });

  it.each([
    ['엔비디아', 'Intel'],
    ['알고리즘', 'analysis'],
    ['딥페이크', 'database'],
  ])('%s does not sound like %s', (hangul, latin) => {
    expect(hangulSoundKey(hangul)).not.toBe(latinSoundKey(latin));
  });
});

describe('nouns with their particles', () => {
  it('offers the word and the word without what may follow a noun', () => {
    expect(nounCandidates('규제당국에서는')).toEqual(expect.arrayContaining(['규제당국에서는', '규제당국']));
    expect(nounCandidates('칩을')).toEqual(['칩을']);
  });
});
