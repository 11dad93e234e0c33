import type { NewEvent } from '@briefwatch/contracts';

/**
 * The most an event's data may hold, as stored JSON: with its envelope and headers it stays
 * well under the broker's 1 MiB message, so no stored event can stop the relay.
 */
export const MAX_EVENT_DATA_BYTES = 768 * 1024;

/** An event too big to be published: refused at append, before anything of its batch is written. */
export class EventTooLargeError extends Error {
  readonly code = 'EVENT.TOO_LARGE';
  constructor(readonly type: string, readonly bytes: number) {
    super(`a ${type} event of ${Math.round(bytes / 1024)} KB is over the ${MAX_EVENT_DATA_BYTES / 1024} KB an event may hold`);
    this.name = 'EventTooLargeError';
  }
}

/** The event's data as stored: JSON, refused when over MAX_EVENT_DATA_BYTES. */
export function storedData(event: Pick<NewEvent, 'type' | 'data'>): string {
  const json = JSON.stringify(event.data);
  // A string's length never exceeds its UTF-8 size: most events need no byte count at all.
  if (json.length * 3 > MAX_EVENT_DATA_BYTES) {
    const bytes = Buffer.byteLength(json, 'utf8');
    if (bytes > MAX_EVENT_DATA_BYTES) throw new EventTooLargeError(event.type, bytes);
  }
  return json;
}
