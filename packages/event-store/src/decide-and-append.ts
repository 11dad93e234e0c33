import type { EventEnvelope, EventMetadata, NewEvent } from '@briefwatch/contracts';
import type { Database } from './database.js';
import { appendToStream, readStream } from './event-store.js';

export interface StreamModel<S> {
  initial: () => S;
  evolve: (state: S, event: EventEnvelope) => S;
}

export interface Decision<R> {
  events: NewEvent[];
  result: R;
}

/**
 * The one loop every command handler runs: read the stream, fold it into state, decide,
 * and append what was decided expecting the version that was read. A writer that raced
 * ahead makes this fail with a ConcurrencyError rather than act on stale state.
 */
export async function decideAndAppend<S, R>(
  db: Database,
  streamId: string,
  model: StreamModel<S>,
  decide: (state: S, history: readonly EventEnvelope[]) => Decision<R>,
  metadata: EventMetadata,
): Promise<R> {
  const history = await readStream(db, streamId);
  const state = history.reduce(model.evolve, model.initial());
  const { events, result } = decide(state, history);
  if (events.length > 0) await appendToStream(db, streamId, events, { expectedVersion: history.length, metadata });
  return result;
}
