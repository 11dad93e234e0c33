import { z } from 'zod';

/** Who asked for an event and which event caused it: followed through every service. */
export const eventMetadataSchema = z.looseObject({
  correlationId: z.string().min(1).max(200),
  causationId: z.string().min(1).max(200).nullable(),
});
export type EventMetadata = z.infer<typeof eventMetadataSchema>;

/** An event as stored and as carried on Kafka (the message value is this, as JSON). */
export const eventEnvelopeSchema = z.object({
  eventId: z.uuid(),
  streamId: z.string().min(3).max(300),
  streamPosition: z.number().int().positive(),
  globalPosition: z.number().int().positive(),
  type: z.string().min(1).max(120),
  schemaVersion: z.number().int().positive(),
  data: z.unknown(),
  metadata: eventMetadataSchema,
  recordedAt: z.iso.datetime({ offset: true }),
});

export interface EventEnvelope<TData = unknown> extends Omit<z.infer<typeof eventEnvelopeSchema>, 'data'> {
  data: TData;
}

/** An event about to be appended: the store assigns ids and positions. */
export interface NewEvent<TData = unknown> {
  type: string;
  schemaVersion: number;
  data: TData;
  /** Given when the caller needs to know the id in advance; generated otherwise. */
  eventId?: string;
}
