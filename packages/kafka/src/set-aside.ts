import type { IHeaders, Message } from 'kafkajs';
import { DEAD_LETTER_HEADERS, RETRY_HEADERS, type EventEnvelope } from '@briefwatch/contracts';
import { encodeEnvelope, headerText } from './message-codec.js';

/** Where a message was consumed: the place an operator looks it up by. */
export interface MessagePlace {
  topic: string;
  partition: number;
  offset: string;
}

/** Why a message is set aside: a code a program can act on, and a sentence for a person. */
export interface SetAsideReason {
  code: string;
  message: string;
}

/** A handler's error as a reason: its code when it has one. */
export function reasonOf(error: unknown): SetAsideReason {
  const code = typeof (error as { code?: unknown })?.code === 'string' ? (error as { code: string }).code : 'HANDLER.FAILED';
  return { code, message: error instanceof Error ? error.message : String(error) };
}

/** Where a message first came from: its own place, or the one its headers carry once it has been set aside before. */
function origin(headers: IHeaders | undefined, place: MessagePlace): Record<string, string> {
  return {
    [DEAD_LETTER_HEADERS.originalTopic]: headerText(headers, DEAD_LETTER_HEADERS.originalTopic) ?? place.topic,
    [DEAD_LETTER_HEADERS.originalPartition]: headerText(headers, DEAD_LETTER_HEADERS.originalPartition) ?? String(place.partition),
    [DEAD_LETTER_HEADERS.originalOffset]: headerText(headers, DEAD_LETTER_HEADERS.originalOffset) ?? place.offset,
  };
}

function reasonHeaders(reason: SetAsideReason, consumerGroup: string, now: Date): Record<string, string> {
  return {
    [DEAD_LETTER_HEADERS.reason]: reason.message,
    [DEAD_LETTER_HEADERS.errorCode]: reason.code,
    [DEAD_LETTER_HEADERS.consumerGroup]: consumerGroup,
    [DEAD_LETTER_HEADERS.failedAt]: now.toISOString(),
  };
}

/** The round of retries a message of a retry topic is in (0 for a message never set aside). */
export function retryRoundOf(headers: IHeaders | undefined): number {
  const round = Number(headerText(headers, RETRY_HEADERS.round));
  return Number.isInteger(round) && round > 0 ? round : 0;
}

/** When a message of a retry topic may be tried again, in ms since the epoch (0: now). */
export function retryDueAt(headers: IHeaders | undefined): number {
  const due = Number(headerText(headers, RETRY_HEADERS.notBefore));
  return Number.isFinite(due) ? due : 0;
}

/** An event whose handler kept failing, for the group's retry topic: tried again, in its round, once `delayMs` has passed. */
export function retryMessage(envelope: EventEnvelope, headers: IHeaders | undefined, place: MessagePlace, reason: SetAsideReason, consumerGroup: string, round: number, delayMs: number, now = new Date()): Message {
  const message = encodeEnvelope(envelope);
  return {
    ...message,
    headers: {
      ...message.headers,
      ...origin(headers, place),
      ...reasonHeaders(reason, consumerGroup, now),
      [RETRY_HEADERS.round]: String(round),
      [RETRY_HEADERS.notBefore]: String(now.getTime() + delayMs),
    },
  };
}

/** A message for the group's dead-letter topic: as it came, with why it was given up on and where it came from. */
export function deadLetterMessage(message: Pick<Message, 'key' | 'value' | 'headers'>, place: MessagePlace, reason: SetAsideReason, consumerGroup: string, now = new Date()): Message {
  const { [RETRY_HEADERS.notBefore]: _due, ...headers } = message.headers ?? {};
  return { key: message.key, value: message.value, headers: { ...headers, ...origin(message.headers, place), ...reasonHeaders(reason, consumerGroup, now) } };
}
