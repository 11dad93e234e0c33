import { Inject, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import type { BriefwatchConfig } from '@briefwatch/config';
import type { PrismaClient } from '@briefwatch/db';
import type { Logger } from '@briefwatch/logging';
import { CONFIG, LOGGER, PRISMA, ProblemError, RateLimiter } from '@briefwatch/service-kit';
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

interface HttpRequest {
  method: string;
  url: string;
  ip?: string;
  headers: Record<string, string | string[] | undefined>;
}

/**
 * Every request that can change state needs an active API key; reads are open unless
 * API_READS_NEED_KEY says otherwise. Each key (or, without one, each client address) gets
 * API_RATE_PER_MINUTE requests a minute; more get 429 with Retry-After.
 */
@Injectable()
export class ApiKeyGuard implements CanActivate {
  private readonly rate: RateLimiter;

  constructor(
    @Inject(PRISMA) private readonly prisma: PrismaClient,
    @Inject(LOGGER) private readonly logger: Logger,
    @Inject(CONFIG) private readonly config: BriefwatchConfig,
  ) {
    this.rate = new RateLimiter(config.api.ratePerMinute);
  }

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const http = context.switchToHttp();
    const request = http.getRequest<HttpRequest>();
    if (OPEN_PATHS.has(request.url.split('?')[0]!)) return true;
    const read = READ_METHODS.has(request.method);
    const key = presentedKey(request.headers);
    let client = `address:${request.ip ?? 'unknown'}`;
    if (key || !read || this.config.api.readsNeedKey) {
      if (!key) {
        throw new ProblemError(
          'AUTH.MISSING_KEY',
          read
            ? 'reads need an API key here (API_READS_NEED_KEY=true): send Authorization: Bearer <key>; create one with `npx briefwatch keys create <name>`'
            : 'this request changes state and needs an API key (Authorization: Bearer <key>); create one with `npx briefwatch keys create <name>`',
        );
      }
      const owner = await verifyApiKey(this.prisma, key);
      if (!owner) {
        this.logger.warn('request refused: unknown or revoked API key', { method: request.method, url: request.url });
        throw new ProblemError('AUTH.INVALID_KEY', 'the API key is unknown or revoked');
      }
      client = `key:${owner.id}`;
    }
    const waitMs = this.rate.reserve(client);
    if (waitMs > 0) {
      http.getResponse<{ setHeader(name: string, value: string): void }>().setHeader('retry-after', String(Math.ceil(waitMs / 1000)));
      throw new ProblemError('AUTH.RATE_LIMITED', `more than ${this.config.api.ratePerMinute} requests a minute; try again in ${Math.ceil(waitMs / 1000)} s`);
    }
    return true;
  }
}
