import { groupNearDuplicates, titleSimilarity } from './near-duplicates.js';

const day = 24 * 3600 * 1000;

describe('near-duplicate stories', () => {
  it('sees the same news from two outlets as one story, and different news as two', () => {
    expect(titleSimilarity('Vendor extends freeze on face-matching sales to city forces', 'Vendor extends freeze on face-matching sales to city police forces')).toBeGreaterThanOrEqual(0.5);
    expect(titleSimilarity('Vendor extends freeze on face-matching sales to city forces', 'Harbour town bans face matching')).toBeLessThan(0.5);
  });

  it('groups within three days only, keeping the order of the first of each group', () => {
    const stories = [
      { title: 'Lab opens its text model to every developer', at: 0 },
      { title: 'Harbour town bans face matching', at: 0 },
      { title: 'Lab opens text model to every developer', at: day },
      { title: 'Lab opens its text model to every developer', at: 10 * day },
    ];
    const groups = groupNearDuplicates(stories, (s) => s.title, (s) => s.at);
    expect(groups.map((g) => g.map((s) => s.at))).toEqual([[0, day], [0], [10 * day]]);
  });
});
