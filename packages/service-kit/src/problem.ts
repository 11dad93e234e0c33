/**
 * An error a user can act on, with a stable code (`SOURCE.ALREADY_REGISTERED`). Codes, not
 * messages, are the contract: clients and tests match on them.
 */
export class ProblemError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = 'ProblemError';
  }
}

/** The request itself is malformed; `errors` says which fields and why. */
export class RequestValidationError extends ProblemError {
  constructor(readonly errors: Array<{ path: string; message: string }>) {
    super('REQUEST.INVALID', `the request is invalid: ${errors.map((e) => `${e.path || '(input)'} ${e.message}`).join('; ')}`);
    this.name = 'RequestValidationError';
  }
}

/** A stable error code: `AREA.WHAT_HAPPENED`, upper case, digits allowed (`BRIEF.INVALID_UTF8`). */
export function isProblemCode(code: unknown): code is string {
  return typeof code === 'string' && /^[A-Z][A-Z0-9]*\.[A-Z0-9_]+$/.test(code);
}

/** Codes whose HTTP status is not implied by their last word. */
const STATUS_BY_CODE: Record<string, number> = {
  'REQUEST.INVALID': 400,
  'STREAM.CONCURRENCY_CONFLICT': 409,
  'AUTH.MISSING_KEY': 401,
  'AUTH.INVALID_KEY': 401,
};

const STATUS_BY_SUFFIX: Array<[RegExp, number]> = [
  [/\.NOT_FOUND$/, 404],
  [/\.ALREADY_[A-Z_]+$/, 409],
  [/\.CONFLICT$/, 409],
  [/\.INVALID(_[A-Z_]+)?$/, 422],
  [/\.FORBIDDEN$/, 403],
  [/\.UNAVAILABLE$/, 503],
  [/\.RATE_LIMITED$/, 429],
];

/** The one place where error codes meet HTTP statuses. */
export function httpStatusOf(code: string): number {
  const exact = STATUS_BY_CODE[code];
  if (exact) return exact;
  for (const [pattern, status] of STATUS_BY_SUFFIX) if (pattern.test(code)) return status;
  return 500;
}
