import {
  SourcePausedV1,
  SourceRegisteredV1,
  SourceRemovedV1,
  SourceResumedV1,
  type EventEnvelope,
  type NewEvent,
  type SourceRegistered,
} from '@briefwatch/contracts';
import { ProblemError } from '@briefwatch/service-kit';

export type SourceStatus = 'unregistered' | 'active' | 'paused' | 'removed';

/** What the rules need to know about one source, folded from its stream. */
export interface SourceState {
  status: SourceStatus;
  feedUrl?: string;
}

export const initialSourceState = (): SourceState => ({ status: 'unregistered' });

export function evolve(state: SourceState, event: EventEnvelope): SourceState {
  switch (event.type) {
    case SourceRegisteredV1.type:
      return { status: 'active', feedUrl: (event.data as SourceRegistered).feedUrl };
    case SourcePausedV1.type:
      return { ...state, status: 'paused' };
    case SourceResumedV1.type:
      return { ...state, status: 'active' };
    case SourceRemovedV1.type:
      return { ...state, status: 'removed' };
    default:
      return state;
  }
}

export const sourceModel = { initial: initialSourceState, evolve };

export interface RegisterSource {
  sourceId: string;
  feedUrl: string;
  title: string;
  publisher: string | null;
  kind: SourceRegistered['kind'];
  publisherKey: string | null;
  followsUp: SourceRegistered['followsUp'];
  now: Date;
}

/** A feed is registered once (again only after it was removed); asking twice is a conflict. */
export function decideRegisterSource(command: RegisterSource, state: SourceState): NewEvent<SourceRegistered>[] {
  if (state.status === 'active' || state.status === 'paused') {
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
        publisherKey: command.publisherKey,
        followsUp: command.followsUp,
        registeredAt: command.now.toISOString(),
      },
    },
  ];
}

function requireKnown(sourceId: string, state: SourceState): void {
  if (state.status === 'unregistered') throw new ProblemError('SOURCE.NOT_FOUND', `no source ${sourceId}`);
  if (state.status === 'removed') throw new ProblemError('SOURCE.ALREADY_REMOVED', `source ${sourceId} was removed`);
}

export function decidePauseSource(sourceId: string, reason: string | null, now: Date, state: SourceState): NewEvent[] {
  requireKnown(sourceId, state);
  if (state.status === 'paused') throw new ProblemError('SOURCE.ALREADY_PAUSED', `source ${sourceId} is already paused`);
  return [{ type: SourcePausedV1.type, schemaVersion: 1, data: { sourceId, reason, pausedAt: now.toISOString() } }];
}

export function decideResumeSource(sourceId: string, now: Date, state: SourceState): NewEvent[] {
  requireKnown(sourceId, state);
  if (state.status === 'active') throw new ProblemError('SOURCE.ALREADY_ACTIVE', `source ${sourceId} is not paused`);
  return [{ type: SourceResumedV1.type, schemaVersion: 1, data: { sourceId, resumedAt: now.toISOString() } }];
}

export function decideRemoveSource(sourceId: string, now: Date, state: SourceState): NewEvent[] {
  requireKnown(sourceId, state);
  return [{ type: SourceRemovedV1.type, schemaVersion: 1, data: { sourceId, removedAt: now.toISOString() } }];
}
