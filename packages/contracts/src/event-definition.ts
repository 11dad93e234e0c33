import type { z } from 'zod';
import type { StreamCategory } from './stream.js';

/**
 * A published event contract: its name, its schema version and the zod schema of its data.
 * A published version is never edited; a change is a new version plus an upcaster.
 */
export interface EventDefinition<TType extends string = string, TData = unknown> {
  readonly category: StreamCategory;
  readonly type: TType;
  readonly schemaVersion: number;
  readonly schema: z.ZodType<TData>;
}

export function defineEvent<TType extends string, TData>(definition: EventDefinition<TType, TData>): EventDefinition<TType, TData> {
  return Object.freeze(definition);
}

/** The data type an event definition describes. */
export type EventDataOf<D> = D extends EventDefinition<string, infer TData> ? TData : never;
