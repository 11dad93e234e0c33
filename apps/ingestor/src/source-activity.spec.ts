import { nextActivity, type SourceActivity } from './source-activity.js';

const policy = { factor: 4, minSeconds: 3600 };
const at = (hours: number) => new Date(Date.UTC(2026, 10, 28, 0, 0, 0) + hours * 3600_000);
const fresh: SourceActivity = { lastNewItemAt: null, usualGapSeconds: null, quietSince: null };

describe('telling when a source has gone quiet', () => {
  it('learns the usual gap from polls that bring something new', () => {
    const first = nextActivity(fresh, at(0), 3, policy).activity;
    expect(first).toEqual({ lastNewItemAt: at(0), usualGapSeconds: null, quietSince: null });
    const second = nextActivity(first, at(2), 1, policy).activity;
    expect(second.usualGapSeconds).toBe(7200);
    const third = nextActivity(second, at(3), 1, policy).activity;
    expect(third.usualGapSeconds).toBe(Math.round(0.7 * 7200 + 0.3 * 3600));
  });

  it('calls a source quiet once it has been silent for several usual gaps, once', () => {
    const rhythm: SourceActivity = { lastNewItemAt: at(0), usualGapSeconds: 7200, quietSince: null };
    expect(nextActivity(rhythm, at(8), 0, policy).change).toBeNull();
    const quiet = nextActivity(rhythm, at(8.5), 0, policy);
    expect(quiet.change).toEqual({ kind: 'went-quiet', quietForSeconds: 8.5 * 3600 });
    expect(nextActivity(quiet.activity, at(12), 0, policy).change).toBeNull();
    const back = nextActivity(quiet.activity, at(13), 2, policy);
    expect(back.change).toEqual({ kind: 'active-again', quietSince: at(8.5) });
    expect(back.activity.quietSince).toBeNull();
  });

  it('never calls a source quiet before the minimum, nor one with no rhythm yet', () => {
    const busy: SourceActivity = { lastNewItemAt: at(0), usualGapSeconds: 60, quietSince: null };
    expect(nextActivity(busy, at(0.9), 0, policy).change).toBeNull();
    expect(nextActivity(busy, at(1.1), 0, policy).change).toMatchObject({ kind: 'went-quiet' });
    expect(nextActivity({ ...fresh, lastNewItemAt: at(0) }, at(500), 0, policy).change).toBeNull();
  });
});
