export { createKafka, type KafkaSettings } from './kafka-client.js';
export { ensureTopics, describeKafka, longestRetentionMs, type TopicOptions } from './topic-admin.js';
export { encodeEnvelope, decodeMessage, headerText, InvalidMessageError } from './message-codec.js';
export { EventPublisher, MAX_REQUEST_BYTES, refusalOf, type RefusedEvent } from './event-publisher.js';
export { EventConsumer, MAX_EVENTS_PER_BATCH, RETRY_ROUNDS, type BatchHandler, type ConsumedEvent, type EventHandler, type EventConsumerOptions, type HandlerOutcome } from './event-consumer.js';
export { backoffDelay, sleep } from './backoff.js';
export { deadLetterMessage, reasonOf, retryDueAt, retryMessage, retryRoundOf, type MessagePlace, type SetAsideReason } from './set-aside.js';
export { deadLetterTopics, parseDeadLetterRef, readDeadLetters, replayDeadLetter, type DeadLetter } from './dead-letters.js';
