export { FeedError } from './fetch-errors.js';
export { AllowList, isPublicAddress } from './address-guard.js';
export { fetchFeed, guardedLookup, checkTarget, portOf, retryAfterSeconds, type AllowHint, DEFAULT_FETCH_LIMITS, type FetchLimits, type FetchRequest, type FetchResponse } from './http-fetcher.js';
export { HostLimiter } from './host-limiter.js';
export { decodeBody, type DecodedBody } from './decode-body.js';
export { hardenXml } from './harden-xml.js';
export { canonicalUrl } from './canonical-url.js';
export { plainText, feedDate, contentHashOf, type FeedItem, type MediaObject } from './feed-item.js';
export { parseFeed, type ParsedFeed } from './parse-feed.js';
