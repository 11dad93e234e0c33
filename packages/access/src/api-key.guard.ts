import { Inject, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import type { PrismaClient } from '@briefwatch/db';
import type { Logger } from '@briefwatch/logging';
import { LOGGER, PRISMA, ProblemError } from '@briefwatch/service-kit';
import { verifyApiKey } from './api-keys.js';

const READ_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The key a request presents: `Authorization: Bearer <key>` or `X-Api-Key: <key>`. */
export function presentedKey(headers: Record<string, string | string[] | undefined>): string | undefined {
  const authorization = headers.authorization;
  const bearer = typeof authorization === 'string' ? /^Bearer\s+(\S+)$/i.exec(authorization)?.[1] : undefined;
  const header = headers['x-api-key'];
  return bearer ?? (typeof header === 'string' ? header : undefined);
}

/** Every request that can change state needs an active API key; reads are open. */
@Injectable()
export class ApiKeyGuard implements CanActivate {
  constructor(
    @Inject(PRISMA) private readonly prisma: PrismaClient,
    @Inject(LOGGER) private readonly logger: Logger,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<{ method: string; url: string; headers: Record<string, string | string[] | undefined> }>();
    if (READ_METHODS.has(request.method)) return true;
    const key = presentedKey(request.headers);
    if (!key) throw new ProblemError('AUTH.MISSING_KEY', 'this request changes state and needs an API key (Authorization: Bearer <key>); create one with `npx briefwatch keys create <name>`');
    const owner = await verifyApiKey(this.prisma, key);
    if (!owner) {
      this.logger.warn('request refused: unknown or revoked API key', { method: request.method, url: request.url });
      throw new ProblemError('AUTH.INVALID_KEY', 'the API key is unknown or revoked');
    }
    return true;
  }
}
