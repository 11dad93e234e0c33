import { createHash } from 'node:crypto';
import type { FeedItem } from '@briefwatch/feeds';

const ARTICLE_NAMESPACE = Buffer.from('9c1a4d2e7b3f4a6c8e0d2b4f6a8c0e1d', 'hex');

function uuidV5(name: string): string {
  const hash = createHash('sha1').update(ARTICLE_NAMESPACE).update(name).digest();
  hash[6] = (hash[6]! & 0x0f) | 0x50;
  hash[8] = (hash[8]! & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * An article is its canonical URL: the same story from two feeds is one article. An item
 * without a usable link is known by its source and guid.
 */
export function articleIdFor(item: FeedItem, sourceId: string): string {
  return uuidV5(item.canonicalUrl ? `url:${item.canonicalUrl}` : `guid:${sourceId}:${item.guid}`);
}
