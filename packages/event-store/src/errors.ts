import type { ExpectedVersion } from './event-store.js';

/** Another writer appended to the stream first: reload, decide again, retry. */
export class ConcurrencyError extends Error {
  readonly code = 'STREAM.CONCURRENCY_CONFLICT';
  constructor(readonly streamId: string, readonly expectedVersion: ExpectedVersion, readonly actualVersion: number) {
    super(`stream ${streamId} is at version ${actualVersion}, but the writer expected ${expectedVersion === 0 ? 'a new stream' : `version ${expectedVersion}`}`);
    this.name = 'ConcurrencyError';
  }
}
