/** Every stream belongs to one category; the category names its Kafka topic. */
export const STREAM_CATEGORIES = ['brief', 'source', 'article', 'link', 'subscription'] as const;
export type StreamCategory = (typeof STREAM_CATEGORIES)[number];

/** Stream ids read `<category>-<id>`, e.g. `source-6f1c…`. */
export function streamIdOf(category: StreamCategory, id: string): string {
  return `${category}-${id}`;
}

export function streamCategoryOf(streamId: string): StreamCategory {
  const category = streamId.slice(0, streamId.indexOf('-'));
  if (!(STREAM_CATEGORIES as readonly string[]).includes(category)) {
    throw new Error(`stream id "${streamId}" does not start with a known category (${STREAM_CATEGORIES.join(', ')})`);
  }
  return category as StreamCategory;
}
