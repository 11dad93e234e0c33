export { createKafka, type KafkaSettings } from './kafka-client.js';
export { ensureTopics, describeKafka, type TopicOptions } from './topic-admin.js';
export { encodeEnvelope, decodeMessage, headerText, InvalidMessageError } from './message-codec.js';
export { EventPublisher } from './event-publisher.js';
export { EventConsumer, MAX_EVENTS_PER_BATCH, type BatchHandler, type ConsumedEvent, type EventHandler, type EventConsumerOptions, type HandlerOutcome } from './event-consumer.js';
export { backoffDelay, sleep } from './backoff.js';
