import type { EventEnvelope, EventMetadata, NewEvent } from '@briefwatch/contracts';
import type { Database } from './database.js';
import { ConcurrencyError } from './errors.js';
import { appendToStream, readStream } from './event-store.js';

export interface StreamModel<S> {
  initial: () => S;
  evolve: (state: S, event: EventEnvelope) => S;
}

export interface Decision<R> {
  events: NewEvent[];
  result: R;
}

/** How many times a decision is made again after another writer raced ahead. */
const DECISION_ATTEMPTS = 5;

/**
 * The one loop every command handler runs: read the stream, fold it into state, decide,
 * and append what was decided expecting the version that was read. A writer that raced
 * ahead never makes it act on stale state: the stream is read again and the decision
 * made again on what it now holds (`decide` is pure), a few times; after that the
 * ConcurrencyError reaches the caller.
 */
export async function decideAndAppend<S, R>(
  db: Database,
  streamId: string,
  model: StreamModel<S>,
  decide: (state: S, history: readonly EventEnvelope[]) => Decision<R>,
  metadata: EventMetadata,
): Promise<R> {
  for (let attempt = 1; ; attempt += 1) {
    const history = await readStream(db, streamId);
    const state = history.reduce(model.evolve, model.initial());
    const { events, result } = decide(state, history);
    try {
      if (events.length > 0) await appendToStream(db, streamId, events, { expectedVersion: history.length, metadata });
      return result;
    } catch (error) {
      if (!(error instanceof ConcurrencyError) || attempt >= DECISION_ATTEMPTS) throw error;
    }
  }
}
