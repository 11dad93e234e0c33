import type { IHeaders, KafkaMessage, Message } from 'kafkajs';
import { eventEnvelopeSchema, MESSAGE_HEADERS, readEvent, type EventEnvelope } from '@briefwatch/contracts';

/** A message that is not a valid briefwatch event: it goes to the dead-letter topic. */
export class InvalidMessageError extends Error {
  constructor(readonly code: string, message: string) {
    super(message);
    this.name = 'InvalidMessageError';
  }
}

/** Key = stream id (so a stream's events stay in order on one partition); value = the envelope. */
export function encodeEnvelope(envelope: EventEnvelope): Message {
  return {
    key: envelope.streamId,
    value: JSON.stringify(envelope),
    headers: {
      [MESSAGE_HEADERS.eventId]: envelope.eventId,
      [MESSAGE_HEADERS.eventType]: envelope.type,
      [MESSAGE_HEADERS.schemaVersion]: String(envelope.schemaVersion),
      [MESSAGE_HEADERS.correlationId]: envelope.metadata.correlationId,
      [MESSAGE_HEADERS.causationId]: envelope.metadata.causationId ?? '',
      [MESSAGE_HEADERS.streamId]: envelope.streamId,
      [MESSAGE_HEADERS.streamPosition]: String(envelope.streamPosition),
      [MESSAGE_HEADERS.globalPosition]: String(envelope.globalPosition),
    },
  };
}

export function headerText(headers: IHeaders | undefined, name: string): string | undefined {
  const value = headers?.[name];
  const first = Array.isArray(value) ? value[0] : value;
  return first === undefined ? undefined : first.toString();
}

/**
 * Reads a consumed message back into an event: the envelope must parse, match its headers,
 * and carry data valid under its contract (upcast to the newest version).
 */
export function decodeMessage(message: KafkaMessage): EventEnvelope {
  if (!message.value) throw new InvalidMessageError('MESSAGE.EMPTY', 'message has no value');
  let raw: unknown;
  try {
    raw = JSON.parse(message.value.toString('utf8'));
  } catch {
    throw new InvalidMessageError('MESSAGE.NOT_JSON', 'message value is not JSON');
  }
  const parsed = eventEnvelopeSchema.safeParse(raw);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`).join('; ');
    throw new InvalidMessageError('MESSAGE.INVALID_ENVELOPE', `message is not an event envelope: ${issues}`);
  }
  const headerEventId = headerText(message.headers, MESSAGE_HEADERS.eventId);
  if (headerEventId !== undefined && headerEventId !== parsed.data.eventId) {
    throw new InvalidMessageError('MESSAGE.HEADER_MISMATCH', `event-id header ${headerEventId} differs from the envelope's ${parsed.data.eventId}`);
  }
  try {
    return readEvent(parsed.data);
  } catch (error) {
    const code = (error as { code?: string }).code ?? 'EVENT.UNREADABLE';
    throw new InvalidMessageError(code, (error as Error).message);
  }
}
