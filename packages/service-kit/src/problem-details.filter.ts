import { Catch, HttpException, Inject, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { Logger } from '@briefwatch/logging';
import { httpStatusOf, isProblemCode, ProblemError, RequestValidationError } from './problem.js';
import { LOGGER } from './tokens.js';

interface ProblemBody {
  type: string;
  title: string;
  status: number;
  code: string;
  detail: string;
  instance?: string;
  errors?: Array<{ path: string; message: string }>;
  [extra: string]: unknown;
}

const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  409: 'Conflict',
  413: 'Payload Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

function codeForHttpStatus(status: number): string {
  return `HTTP.${(TITLES[status] ?? 'ERROR').toUpperCase().replace(/ /g, '_')}`;
}

/** Every error leaves the API as RFC 9457 problem+json with a stable `code`. */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  constructor(@Inject(LOGGER) private readonly logger: Logger) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<{ url?: string; method?: string; headers?: Record<string, string> }>();
    const response = http.getResponse<{ status(code: number): { type(t: string): { send(body: string): void } } }>();
    const body = this.toProblem(exception);
    body.instance = request.url;
    if (body.status >= 500) {
      this.logger.error('request failed', { method: request.method, url: request.url, error: exception as Error, stack: (exception as Error)?.stack });
    }
    response.status(body.status).type('application/problem+json').send(JSON.stringify(body));
  }

  private toProblem(exception: unknown): ProblemBody {
    if (exception instanceof ProblemError || hasCode(exception)) {
      const status = httpStatusOf(exception.code);
      return {
        type: `https://briefwatch.dev/problems/${exception.code.toLowerCase().replace(/[._]/g, '-')}`,
        title: TITLES[status] ?? 'Error',
        status,
        code: exception.code,
        detail: status >= 500 ? 'an unexpected error occurred; it has been logged' : exception.message,
        ...(exception instanceof RequestValidationError ? { errors: exception.errors } : {}),
        ...(exception instanceof ProblemError && exception.details ? exception.details : {}),
      };
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      return { type: 'about:blank', title: TITLES[status] ?? 'Error', status, code: codeForHttpStatus(status), detail: exception.message };
    }
    const status = typeof (exception as { status?: unknown })?.status === 'number' ? (exception as { status: number }).status : 500;
    if (status < 500) {
      // Raised by the HTTP layer itself, e.g. a body that is not JSON or too large.
      return { type: 'about:blank', title: TITLES[status] ?? 'Error', status, code: codeForHttpStatus(status), detail: (exception as Error).message };
    }
    return { type: 'about:blank', title: TITLES[500]!, status: 500, code: 'INTERNAL.ERROR', detail: 'an unexpected error occurred; it has been logged' };
  }
}

function hasCode(error: unknown): error is Error & { code: string } {
  return error instanceof Error && isProblemCode((error as { code?: unknown }).code);
}
