import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import { isIP, type LookupFunction } from 'node:net';
import { Readable } from 'node:stream';
import zlib from 'node:zlib';
import { AllowList, isPublicAddress } from './address-guard.js';
import { FeedError } from './fetch-errors.js';

export interface FetchLimits {
  /** Largest body accepted, counted after decompression (so a gzip bomb stops here too). */
  maxBodyBytes: number;
  connectTimeoutMs: number;
  /** The whole exchange, redirects included: a server sending a byte a second ends here. */
  totalTimeoutMs: number;
  maxRedirects: number;
}

export const DEFAULT_FETCH_LIMITS: FetchLimits = {
  maxBodyBytes: 10 * 1024 * 1024,
  connectTimeoutMs: 5_000,
  totalTimeoutMs: 30_000,
  maxRedirects: 5,
};

export interface FetchRequest {
  url: string;
  /** Validators from the previous answer, for a conditional GET. */
  etag?: string | null;
  lastModified?: string | null;
  allow?: AllowList;
  limits?: Partial<FetchLimits>;
  userAgent?: string;
}

export interface FetchResponse {
  /** The URL that answered, after redirects. */
  url: string;
  status: number;
  /** 304: the feed has not changed since the validators given. */
  notModified: boolean;
  headers: Record<string, string>;
  body: Buffer;
  /** Bytes received on the wire (before decompression). */
  wireBytes: number;
  redirects: string[];
  durationMs: number;
}

const USER_AGENT = 'briefwatch/0.1 (feed reader for research-brief follow-up; +https://github.com/briefwatch)';
const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

/** How a refusal tells the user to let an address through: `--allow host:port` for feeds. */
export type AllowHint = (hostPort: string) => string;
const FEED_ALLOW_HINT: AllowHint = (hostPort) => `--allow ${hostPort}`;

/** A DNS lookup that refuses to hand back an address briefwatch may not reach (feeds and webhooks alike). */
export function guardedLookup(hostname: string, port: number, allow: AllowList, hint: AllowHint = FEED_ALLOW_HINT): LookupFunction {
  return (host, options, callback) => {
    dnsLookup(host, { ...options, all: true }, (error, addresses) => {
      if (error) return callback(error, '', 0);
      const list = addresses as LookupAddress[];
      const refused = list.find((a) => !isPublicAddress(a.address));
      if (refused && !allow.allows(hostname, port)) {
        // The address is not named: an error seen by whoever reads the poll must not map the network behind briefwatch.
        return callback(new FeedError('FETCH.BLOCKED_ADDRESS', `${hostname} resolves to a private address; allow it with ${hint(`${hostname}:${port}`)}`), '', 0);
      }
      if ((options as { all?: boolean }).all) return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, list);
      callback(null, list[0]!.address, list[0]!.family);
    });
  };
}

export function portOf(url: URL): number {
  return url.port ? Number(url.port) : url.protocol === 'https:' ? 443 : 80;
}

/** Refuses URLs briefwatch must not connect to before any DNS lookup: other schemes, credentials, non-public literals, local names. */
export function checkTarget(url: URL, allow: AllowList, hint: AllowHint = FEED_ALLOW_HINT): void {
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new FeedError('FETCH.BAD_URL', `only http and https feeds are fetched, not ${url.protocol}`);
  if (url.username || url.password) throw new FeedError('FETCH.BAD_URL', 'feed URLs with credentials are not fetched');
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (isIP(host) && !isPublicAddress(host) && !allow.allows(url.hostname, portOf(url))) {
    throw new FeedError('FETCH.BLOCKED_ADDRESS', `${host} is not a public address; allow it with ${hint(`${url.hostname}:${portOf(url)}`)}`);
  }
  if (!isIP(host) && /^(localhost|.*\.localhost|.*\.local|.*\.internal)$/i.test(host) && !allow.allows(url.hostname, portOf(url))) {
    throw new FeedError('FETCH.BLOCKED_ADDRESS', `${host} names a local host; allow it with ${hint(`${url.hostname}:${portOf(url)}`)}`);
  }
}

function decompressor(encoding: string | undefined): NodeJS.ReadWriteStream | null {
  switch ((encoding ?? '').trim().toLowerCase()) {
    case 'gzip':
    case 'x-gzip':
      return zlib.createGunzip();
    case 'deflate':
      return zlib.createInflate();
    case 'br':
      return zlib.createBrotliDecompress();
    case '':
    case 'identity':
      return null;
    default:
      throw new FeedError('FETCH.UNSUPPORTED_ENCODING', `the server sent content encoded as "${encoding}"`);
  }
}

export function retryAfterSeconds(header: string | undefined, now = Date.now()): number | undefined {
  if (!header) return undefined;
  if (/^\d+$/.test(header.trim())) return Number(header.trim());
  const at = Date.parse(header);
  return Number.isNaN(at) ? undefined : Math.max(0, Math.round((at - now) / 1000));
}

interface Hop {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
  wireBytes: number;
}

/** One request, no redirects followed: the guarded connection, the limits, the decompressed body. */
function requestOnce(url: URL, request: FetchRequest, limits: FetchLimits, allow: AllowList, deadline: number): Promise<Hop> {
  return new Promise((resolve, reject) => {
    const remaining = deadline - Date.now();
    if (remaining <= 0) return reject(new FeedError('FETCH.TIMEOUT', `no complete answer within ${limits.totalTimeoutMs} ms`));
    const headers: Record<string, string> = {
      'user-agent': request.userAgent ?? USER_AGENT,
      accept: 'application/rss+xml, application/atom+xml, application/rdf+xml, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5',
      'accept-encoding': 'gzip, deflate, br',
    };
    if (request.etag) headers['if-none-match'] = request.etag;
    if (request.lastModified) headers['if-modified-since'] = request.lastModified;
    const transport = url.protocol === 'https:' ? https : http;
    const req = transport.request(url, {
      method: 'GET',
      headers,
      lookup: guardedLookup(url.hostname, portOf(url), allow),
      agent: false,
    });
    let settled = false;
    let receivedStatus: number | undefined;
    const fail = (error: Error) => {
      if (settled) return;
      // A body that stops or overflows after the headers came: the status is part of the record.
      if (error instanceof FeedError && receivedStatus !== undefined && error.details.status === undefined) error.details.status = receivedStatus;
      settled = true;
      clearTimeout(totalTimer);
      clearTimeout(connectTimer);
      req.destroy();
      reject(error);
    };
    const totalTimer = setTimeout(() => fail(new FeedError('FETCH.TIMEOUT', `no complete answer within ${limits.totalTimeoutMs} ms`)), remaining);
    const connectTimer = setTimeout(() => fail(new FeedError('FETCH.CONNECT_TIMEOUT', `no connection within ${limits.connectTimeoutMs} ms`)), Math.min(limits.connectTimeoutMs, remaining));
    req.on('socket', (socket) => {
      if (!socket.connecting) clearTimeout(connectTimer);
      socket.once('connect', () => clearTimeout(connectTimer));
      socket.once('secureConnect', () => clearTimeout(connectTimer));
    });
    req.on('error', (error: NodeJS.ErrnoException) => {
      if (error instanceof FeedError) return fail(error);
      const code = error.code === 'ENOTFOUND' || error.code === 'EAI_AGAIN' ? 'FETCH.DNS' : 'FETCH.CONNECTION';
      fail(new FeedError(code, `${url.host}: ${error.message}`));
    });
    req.on('response', (response) => {
      clearTimeout(connectTimer);
      const status = response.statusCode ?? 0;
      receivedStatus = status;
      if (REDIRECT_STATUSES.has(status) || status === 304 || status >= 400) {
        response.resume();
        settled = true;
        clearTimeout(totalTimer);
        return resolve({ status, headers: response.headers, body: Buffer.alloc(0), wireBytes: 0 });
      }
      const declared = Number(response.headers['content-length'] ?? 0);
      if (declared > limits.maxBodyBytes) {
        return fail(new FeedError('FETCH.TOO_LARGE', `the body is ${declared} bytes; at most ${limits.maxBodyBytes} are read`));
      }
      let decoded: NodeJS.ReadWriteStream | null;
      try {
        decoded = decompressor(response.headers['content-encoding']);
      } catch (error) {
        return fail(error as Error);
      }
      let wireBytes = 0;
      response.on('data', (chunk: Buffer) => {
        wireBytes += chunk.length;
        if (wireBytes > limits.maxBodyBytes) fail(new FeedError('FETCH.TOO_LARGE', `the body exceeds ${limits.maxBodyBytes} bytes`));
      });
      const stream: Readable = decoded ? (response.pipe(decoded) as unknown as Readable) : response;
      const chunks: Buffer[] = [];
      let size = 0;
      stream.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > limits.maxBodyBytes) return fail(new FeedError('FETCH.TOO_LARGE', `the body exceeds ${limits.maxBodyBytes} bytes once decompressed`));
        chunks.push(chunk);
      });
      stream.on('error', (error) => fail(new FeedError('FETCH.BAD_ENCODING', `the body could not be decompressed: ${error.message}`)));
      response.on('aborted', () => fail(new FeedError('FETCH.CONNECTION', 'the server closed the connection mid-body')));
      stream.on('end', () => {
        if (settled) return;
        settled = true;
        clearTimeout(totalTimer);
        resolve({ status, headers: response.headers, body: Buffer.concat(chunks), wireBytes });
      });
    });
    req.end();
  });
}

function flatHeaders(headers: http.IncomingHttpHeaders): Record<string, string> {
  const flat: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) if (value !== undefined) flat[name] = Array.isArray(value) ? value.join(', ') : value;
  return flat;
}

/**
 * Fetches a feed once, as carefully as a feed reader should: a conditional GET, every
 * connection (redirects too) checked against the address guard on the resolved address,
 * bounded redirects, time and size, gzip/deflate/brotli. HTTP errors come back as
 * FeedErrors with the status and, for 429/503, the Retry-After the server asked for.
 */
export async function fetchFeed(request: FetchRequest): Promise<FetchResponse> {
  const limits = { ...DEFAULT_FETCH_LIMITS, ...request.limits };
  const allow = request.allow ?? new AllowList();
  const started = Date.now();
  const deadline = started + limits.totalTimeoutMs;
  let url: URL;
  try {
    url = new URL(request.url);
  } catch {
    throw new FeedError('FETCH.BAD_URL', `not a URL: ${request.url}`);
  }
  const redirects: string[] = [];
  const seen = new Set<string>([url.toString()]);
  for (;;) {
    checkTarget(url, allow);
    const hop = await requestOnce(url, request, limits, allow, deadline);
    if (REDIRECT_STATUSES.has(hop.status)) {
      const location = hop.headers.location;
      if (!location) throw new FeedError('FETCH.BAD_REDIRECT', `${hop.status} without a Location header`, { status: hop.status });
      const next = new URL(location, url);
      if (seen.has(next.toString())) throw new FeedError('FETCH.REDIRECT_LOOP', `redirect loop at ${next}`, { url: next.toString() });
      if (redirects.length >= limits.maxRedirects) throw new FeedError('FETCH.TOO_MANY_REDIRECTS', `more than ${limits.maxRedirects} redirects`);
      redirects.push(next.toString());
      seen.add(next.toString());
      url = next;
      continue;
    }
    const response: FetchResponse = {
      url: url.toString(),
      status: hop.status,
      notModified: hop.status === 304,
      headers: flatHeaders(hop.headers),
      body: hop.body,
      wireBytes: hop.wireBytes,
      redirects,
      durationMs: Date.now() - started,
    };
    if (hop.status === 429 || hop.status === 503) {
      const wait = retryAfterSeconds(response.headers['retry-after']);
      throw new FeedError('FETCH.RATE_LIMITED', `the server answered ${hop.status}${wait !== undefined ? ` and asked to wait ${wait} s` : ''}`, {
        status: hop.status,
        ...(wait !== undefined ? { retryAfterSeconds: wait } : {}),
      });
    }
    if (hop.status === 404 || hop.status === 410) throw new FeedError(hop.status === 410 ? 'FETCH.GONE' : 'FETCH.NOT_FOUND', `the server answered ${hop.status}`, { status: hop.status });
    if (hop.status >= 400) throw new FeedError('FETCH.HTTP_ERROR', `the server answered ${hop.status}`, { status: hop.status });
    return response;
  }
}
