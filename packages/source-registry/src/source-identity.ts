import { createHash } from 'node:crypto';

/** The namespace of briefwatch's name-based source ids (RFC 9562 UUIDv5). */
const SOURCE_NAMESPACE = Buffer.from('5b0f6c1e8a7d4f3b9e2a6c4d8f1b3a70', 'hex');

/**
 * The form of a feed URL that identifies it: scheme and host lower-cased, default port and
 * fragment dropped. Path and query are kept as they are: they are case-sensitive.
 */
export function normalizeFeedUrl(feedUrl: string): string {
  const url = new URL(feedUrl);
  url.hash = '';
  if ((url.protocol === 'http:' && url.port === '80') || (url.protocol === 'https:' && url.port === '443')) url.port = '';
  return url.toString();
}

/** One feed URL, one source id, on every machine: registering a feed twice is caught by its stream. */
export function sourceIdFor(feedUrl: string): string {
  const hash = createHash('sha1').update(SOURCE_NAMESPACE).update(normalizeFeedUrl(feedUrl)).digest();
  hash[6] = (hash[6]! & 0x0f) | 0x50;
  hash[8] = (hash[8]! & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
