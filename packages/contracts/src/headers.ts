/** Headers on every Kafka message briefwatch publishes. */
export const MESSAGE_HEADERS = {
  eventId: 'event-id',
  eventType: 'event-type',
  schemaVersion: 'schema-version',
  correlationId: 'correlation-id',
  causationId: 'causation-id',
  streamId: 'stream-id',
  streamPosition: 'stream-position',
  globalPosition: 'global-position',
} as const;

/** Extra headers on a dead-lettered message: why it was set aside, and where it came from. */
export const DEAD_LETTER_HEADERS = {
  reason: 'dlt-reason',
  errorCode: 'dlt-error-code',
  originalTopic: 'dlt-original-topic',
  originalPartition: 'dlt-original-partition',
  originalOffset: 'dlt-original-offset',
  consumerGroup: 'dlt-consumer-group',
  failedAt: 'dlt-failed-at',
} as const;

/**
 * Extra headers on an event set aside on a consumer group's retry topic after its handler
 * kept failing: which round of retries it is in, and when it may be tried again (ms since the epoch).
 */
export const RETRY_HEADERS = {
  round: 'retry-round',
  notBefore: 'retry-not-before',
} as const;
