/** Why a feed could not be fetched or read: a stable code, a message a person can act on. */
export class FeedError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly details: { status?: number; retryAfterSeconds?: number; url?: string } = {},
  ) {
    super(message);
    this.name = 'FeedError';
  }
}
