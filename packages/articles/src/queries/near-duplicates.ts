const STOP = new Set('a an and are as at be by for from has have in is it its of on or says than that the this to was were will with'.split(' '));

function words(title: string): Set<string> {
  return new Set(
    title
      .toLowerCase()
      .replace(/[’']/g, '')
      .split(/[^a-z0-9]+/)
      .filter((w) => w && !STOP.has(w)),
  );
}

/** Overlap of two titles' content words (Jaccard): the same news, reworded by another outlet, scores high. */
export function titleSimilarity(a: string, b: string): number {
  const wa = words(a);
  const wb = words(b);
  if (wa.size === 0 || wb.size === 0) return 0;
  let shared = 0;
  for (const w of wa) if (wb.has(w)) shared += 1;
  return shared / (wa.size + wb.size - shared);
}

export const SAME_STORY_SIMILARITY = 0.5;
export const SAME_STORY_WINDOW_MS = 3 * 24 * 3600 * 1000;

/**
 * Groups near-duplicates, the same story from several outlets: titles that share at least
 * half their content words, published within three days of each other. Items keep their
 * order; each group takes the place of its first item.
 */
export function groupNearDuplicates<T>(items: readonly T[], title: (item: T) => string, time: (item: T) => number): T[][] {
  const groups: T[][] = [];
  for (const item of items) {
    const group = groups.find((g) => g.some((other) => Math.abs(time(other) - time(item)) <= SAME_STORY_WINDOW_MS && titleSimilarity(title(other), title(item)) >= SAME_STORY_SIMILARITY));
    if (group) group.push(item);
    else groups.push([item]);
  }
  return groups;
}
