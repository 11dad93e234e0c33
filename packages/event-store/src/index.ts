export { databaseAnswers, inTransaction, type Database } from './database.js';
export { ConcurrencyError } from './errors.js';
export { appendToStream, countCategories, oldestRunningTransaction, readCategoriesAfter, readCategoriesSince, readStream, streamVersion, type AppendOptions, type AppendResult, type ExpectedVersion } from './event-store.js';
export { readCommittedAfter, START_OF_STORE, type StoreCheckpoint, type CommittedBatch } from './committed-events.js';
export { applyOnce, countNotApplied, recordFirstDeliveries } from './inbox.js';
export { appendToStreams, readStreams, type StreamAppend } from './append-many.js';
export { decideAndAppend, type StreamModel, type Decision } from './decide-and-append.js';
export { OutboxRelay, type EventSink, type OutboxRelayOptions } from './outbox-relay.js';
export { EventTooLargeError, MAX_EVENT_DATA_BYTES } from './event-size.js';
