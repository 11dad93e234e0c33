export { IngestorModule } from './ingestor.module.js';
export { IngestorWorker } from './ingestor.worker.js';
export { leaseDueSources, releaseLeases, type LeasedSource } from './poll-leases.js';
export { pollSource } from './poll-source.js';
export { recordPoll, type PollAttempt, type PollRecord } from './record-poll.js';
export { nextIntervalSeconds, withJitter, type PollPolicy, type PollOutcome } from './poll-policy.js';
