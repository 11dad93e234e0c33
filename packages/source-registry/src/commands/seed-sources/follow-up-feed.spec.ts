import type { TrackingProfileData } from '@briefwatch/contracts';
import { followUpQuery, googleNewsSearchFeed } from './follow-up-feed.js';

const profile = (entities: string[], terms: string[]): TrackingProfileData => ({
  entities: entities.map((name) => ({ name, aliases: [] })),
  numbers: [],
  terms: terms.map((en) => ({ ko: '', en: [en], kind: 'concept' as const })),
  citationTitles: [],
  overridden: false,
});

describe('follow-up feeds', () => {
  it('searches for the specific terms a topic\'s claims share and any of the names they mention most', () => {
    const query = followUpQuery([
      profile(['IBM', 'Amazon', 'Microsoft'], ['facial recognition', 'stop supplying', 'technology']),
      profile(['Amazon', 'Rekognition'], ['facial recognition', 'police', 'technology']),
      profile(['Microsoft'], ['facial recognition', 'police', 'technology']),
    ]);
    // "technology" and "police" are in more claims, but say too little to narrow a news search.
    expect(query).toBe('"facial recognition" "stop supplying" (Microsoft OR Amazon OR Rekognition)');
  });

  it('leaves names out of the terms: they are already among the alternatives', () => {
    const named = { ...profile(['GPT-3'], ['language model']), terms: [{ ko: '이코노미스트', en: ['The Economist'], kind: 'name' as const }, { ko: '언어 모델', en: ['language model'], kind: 'concept' as const }] };
    expect(followUpQuery([named])).toBe('"language model" GPT-3');
  });

  it('says nothing when the profiles say nothing', () => {
    expect(followUpQuery([profile([], [])])).toBeNull();
  });

  it('builds a Google News RSS search URL', () => {
    expect(googleNewsSearchFeed('"facial recognition" IBM')).toBe('https://news.google.com/rss/search?q=%22facial+recognition%22+IBM&hl=en-US&gl=US&ceid=US%3Aen');
  });
});
