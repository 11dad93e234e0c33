import { SourceRegisteredV1, type EventEnvelope, type NewEvent, type SourceRegistered } from '@briefwatch/contracts';
import { ProblemError } from '@briefwatch/service-kit';

/** What the rules need to know about one source, folded from its stream. */
export interface SourceState {
  registered: boolean;
  feedUrl?: string;
}

export const initialSourceState: SourceState = { registered: false };

export function evolve(state: SourceState, event: EventEnvelope): SourceState {
  switch (event.type) {
    case SourceRegisteredV1.type:
      return { registered: true, feedUrl: (event.data as SourceRegistered).feedUrl };
    default:
      return state;
  }
}

export interface RegisterSource {
  sourceId: string;
  feedUrl: string;
  title: string;
  publisher: string | null;
  kind: SourceRegistered['kind'];
  now: Date;
}

/** A feed is registered once; asking again is a conflict the caller should hear about. */
export function decideRegisterSource(command: RegisterSource, state: SourceState): NewEvent<SourceRegistered>[] {
  if (state.registered) {
    throw new ProblemError('SOURCE.ALREADY_REGISTERED', `the feed ${state.feedUrl} is already registered`, { sourceId: command.sourceId });
  }
  return [
    {
      type: SourceRegisteredV1.type,
      schemaVersion: SourceRegisteredV1.schemaVersion,
      data: {
        sourceId: command.sourceId,
        feedUrl: command.feedUrl,
        title: command.title,
        publisher: command.publisher,
        kind: command.kind,
        registeredAt: command.now.toISOString(),
      },
    },
  ];
}
