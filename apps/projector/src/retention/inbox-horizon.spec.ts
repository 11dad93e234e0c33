import { inboxDaysBeyond } from './inbox-horizon.js';

const DAY_MS = 86_400_000;

describe('how long inbox records are kept', () => {
  it('keeps the configured days when the broker keeps events for less', () => {
    expect(inboxDaysBeyond(14, 7 * DAY_MS)).toBe(14);
  });

  it('keeps records a day past the broker\'s retention when that is longer, rounding up', () => {
    expect(inboxDaysBeyond(14, 20 * DAY_MS)).toBe(21);
    expect(inboxDaysBeyond(14, 20 * DAY_MS + 1)).toBe(22);
  });

  it('keeps them for ever when a topic keeps its events for ever, or when configured so', () => {
    expect(inboxDaysBeyond(14, Infinity)).toBe(0);
    expect(inboxDaysBeyond(0, 7 * DAY_MS)).toBe(0);
  });
});
