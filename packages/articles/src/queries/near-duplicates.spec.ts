import { groupNearDuplicates, titleSimilarity } from './near-duplicates.js';

const day = 24 * 3600 * 1000;

describe('near-duplicate stories', () => {
  it('sees the same news from two outlets as one story, and different news as two', () => {
    expect(titleSimilarity('Amazon keeps its pause on selling facial recognition to police', 'Amazon keeps its pause on selling facial recognition to police departments')).toBeGreaterThanOrEqual(0.5);
    expect(titleSimilarity('Amazon keeps its pause on selling facial recognition to police', 'Portland bars facial recognition')).toBeLessThan(0.5);
  });

  it('groups within three days only, keeping the order of the first of each group', () => {
    const stories = [
      { title: 'OpenAI removes the waitlist for its GPT-3 API', at: 0 },
      { title: 'Portland bars facial recognition', at: 0 },
      { title: 'OpenAI removes waitlist for GPT-3 API', at: day },
      { title: 'OpenAI removes the waitlist for its GPT-3 API', at: 10 * day },
    ];
    const groups = groupNearDuplicates(stories, (s) => s.title, (s) => s.at);
    expect(groups.map((g) => g.map((s) => s.at))).toEqual([[0, day], [0], [10 * day]]);
  });
});
