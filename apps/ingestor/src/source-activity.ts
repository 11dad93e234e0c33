/** How a source's publishing rhythm is tracked, to tell when it has gone quiet. */
export interface QuietPolicy {
  /** Quiet after this many times its usual gap between new items... */
  factor: number;
  /** ...and never before this many seconds without anything new. */
  minSeconds: number;
}

export interface SourceActivity {
  lastNewItemAt: Date | null;
  usualGapSeconds: number | null;
  quietSince: Date | null;
}

export type ActivityChange = { kind: 'went-quiet'; quietForSeconds: number } | { kind: 'active-again'; quietSince: Date } | null;

/** Weight of the newest gap in the moving average: recent rhythm counts, one odd gap does not swamp it. */
const NEWEST_GAP_WEIGHT = 0.3;

/**
 * A source's activity after one successful poll, and whether that makes it quiet (nothing
 * new for `factor` times its usual gap, and at least `minSeconds`) or active again. The
 * usual gap is a moving average of the gaps between polls that brought something new; a
 * source seen publishing only once has no rhythm yet and is never called quiet.
 */
export function nextActivity(activity: SourceActivity, polledAt: Date, itemsNew: number, policy: QuietPolicy): { activity: SourceActivity; change: ActivityChange } {
  if (itemsNew > 0) {
    const gap = activity.lastNewItemAt ? Math.max(0, Math.round((polledAt.getTime() - activity.lastNewItemAt.getTime()) / 1000)) : null;
    const usualGapSeconds = gap === null ? activity.usualGapSeconds : activity.usualGapSeconds === null ? gap : Math.round((1 - NEWEST_GAP_WEIGHT) * activity.usualGapSeconds + NEWEST_GAP_WEIGHT * gap);
    return {
      activity: { lastNewItemAt: polledAt, usualGapSeconds, quietSince: null },
      change: activity.quietSince ? { kind: 'active-again', quietSince: activity.quietSince } : null,
    };
  }
  if (!activity.lastNewItemAt || activity.usualGapSeconds === null || activity.quietSince) return { activity, change: null };
  const quietForSeconds = Math.round((polledAt.getTime() - activity.lastNewItemAt.getTime()) / 1000);
  if (quietForSeconds <= Math.max(policy.factor * activity.usualGapSeconds, policy.minSeconds)) return { activity, change: null };
  return { activity: { ...activity, quietSince: polledAt }, change: { kind: 'went-quiet', quietForSeconds } };
}
