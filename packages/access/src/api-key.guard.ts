import { Inject, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import type { BriefwatchConfig } from '@briefwatch/config';
import type { PrismaClient } from '@briefwatch/db';
import type { Logger } from '@briefwatch/logging';
import { CONFIG, LOGGER, markKeyHolder, PRISMA, ProblemError, RateLimiter } from '@briefwatch/service-kit';
import { verifyApiKey } from './api-keys.js';

const READ_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The key a request presents: `Authorization: Bearer <key>` or `X-Api-Key: <key>`. */
export function presentedKey(headers: Record<string, string | string[] | undefined>): string | undefined {
  const authorization = headers.authorization;
  const bearer = typeof authorization === 'string' ? /^Bearer\s+(\S+)$/i.exec(authorization)?.[1] : undefined;
  const header = headers['x-api-key'];
  return bearer ?? (typeof header === 'string' ? header : undefined);
}

/** Always open, whatever the settings: what orchestrators and load balancers ask. */
const OPEN_PATHS = new Set(['/health']);
/** Reads that always need a key, whatever the settings: every subscription's alerts, as they are queued. */
const KEY_ONLY_PATHS = new Set(['/alerts/stream']);

interface HttpRequest {
  method: string;
  url: string;
  ip?: string;
  headers: Record<string, string | string[] | undefined>;
}

/**
 * Every request that can change state needs an active API key; reads are open unless
 * API_READS_NEED_KEY says otherwise, except the live alert stream, which always needs one. A
 * request with a valid key is marked so (`KeyHolder`): open reads show key holders more. Each key (or, without one, each client address) gets
 * API_RATE_PER_MINUTE requests a minute; more get 429 with Retry-After.
 */
@Injectable()
export class ApiKeyGuard implements CanActivate {
  private readonly rate: RateLimiter;
  /** Unknown or revoked keys, per client address: a client guessing keys is slowed before any lookup. */
  private readonly invalidKeys: RateLimiter;

  constructor(
    @Inject(PRISMA) private readonly prisma: PrismaClient,
    @Inject(LOGGER) private readonly logger: Logger,
    @Inject(CONFIG) private readonly config: BriefwatchConfig,
  ) {
    this.rate = new RateLimiter(config.api.ratePerMinute);
    this.invalidKeys = new RateLimiter(config.api.ratePerMinute);
  }

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const http = context.switchToHttp();
    const request = http.getRequest<HttpRequest>();
    const path = request.url.split('?')[0]!;
    if (OPEN_PATHS.has(path)) return true;
    const read = READ_METHODS.has(request.method);
    const key = presentedKey(request.headers);
    let client = `address:${request.ip ?? 'unknown'}`;
    if (key || !read || this.config.api.readsNeedKey || KEY_ONLY_PATHS.has(path)) {
      if (!key) {
        throw new ProblemError(
          'AUTH.MISSING_KEY',
          KEY_ONLY_PATHS.has(path)
            ? 'the live alert stream shows every subscription\'s alerts and always needs an API key: send Authorization: Bearer <key>; create one with `npx briefwatch keys create <name>`'
            : read
            ? 'reads need an API key here (API_READS_NEED_KEY=true): send Authorization: Bearer <key>; create one with `npx briefwatch keys create <name>`'
            : 'this request changes state and needs an API key (Authorization: Bearer <key>); create one with `npx briefwatch keys create <name>`',
        );
      }
      const address = request.ip ?? 'unknown';
      const guessing = this.invalidKeys.waitFor(address);
      if (guessing > 0) this.refuseForRate(http, guessing, 'too many requests with unknown or revoked API keys from this address');
      const owner = await verifyApiKey(this.prisma, key);
      if (!owner) {
        this.invalidKeys.reserve(address);
        this.logger.warn('request refused: unknown or revoked API key', { method: request.method, url: request.url });
        throw new ProblemError('AUTH.INVALID_KEY', 'the API key is unknown or revoked');
      }
      client = `key:${owner.id}`;
      markKeyHolder(request);
    }
    const waitMs = this.rate.reserve(client);
    if (waitMs > 0) this.refuseForRate(http, waitMs, `more than ${this.config.api.ratePerMinute} requests a minute`);
    return true;
  }

  private refuseForRate(http: ReturnType<ExecutionContext['switchToHttp']>, waitMs: number, why: string): never {
    http.getResponse<{ setHeader(name: string, value: string): void }>().setHeader('retry-after', String(Math.ceil(waitMs / 1000)));
    throw new ProblemError('AUTH.RATE_LIMITED', `${why}; try again in ${Math.ceil(waitMs / 1000)} s`);
  }
}
