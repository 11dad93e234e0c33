import {
  AlertsReplayRequestedV1,
  DigestRequestedV1,
  SubscriptionCreatedV1,
  SubscriptionStatusChangedV1,
  WebhookSecretRotatedV1,
  type EventEnvelope,
  type NewEvent,
  type SubscriptionChannel,
  type SubscriptionCreated,
  type SubscriptionStatusChanged,
} from '@briefwatch/contracts';
import { ProblemError } from '@briefwatch/service-kit';

/** A subscription as its own stream tells it: enough to decide the commands it accepts. */
export type SubscriptionState = { status: 'none' } | { status: 'active' | 'paused' | 'removed'; channel: SubscriptionChannel };

export function evolve(state: SubscriptionState, event: EventEnvelope): SubscriptionState {
  if (event.type === SubscriptionCreatedV1.type) return { status: 'active', channel: (event.data as SubscriptionCreated).channel };
  if (event.type === SubscriptionStatusChangedV1.type && state.status !== 'none') return { ...state, status: (event.data as SubscriptionStatusChanged).status };
  return state;
}

export const subscriptionModel = { initial: (): SubscriptionState => ({ status: 'none' }), evolve };

export type SubscriptionStatus = 'active' | 'paused' | 'removed';

function existing(subscriptionId: string, state: SubscriptionState): Exclude<SubscriptionState, { status: 'none' }> {
  if (state.status === 'none') throw new ProblemError('SUBSCRIPTION.NOT_FOUND', `no subscription ${subscriptionId}`);
  return state;
}

function notRemoved(subscriptionId: string, state: SubscriptionState) {
  const current = existing(subscriptionId, state);
  if (current.status === 'removed') throw new ProblemError('SUBSCRIPTION.ALREADY_REMOVED', `subscription ${subscriptionId} was removed`);
  return current;
}

/** Pause, resume or remove. Asking for the status it already has changes nothing. */
export function decideStatusChange(subscriptionId: string, status: SubscriptionStatus, now: Date, state: SubscriptionState): NewEvent[] {
  const current = notRemoved(subscriptionId, state);
  if (current.status === status) return [];
  return [{ type: SubscriptionStatusChangedV1.type, schemaVersion: 1, data: { subscriptionId, status, changedAt: now.toISOString() } }];
}

export function decideReplay(subscriptionId: string, since: Date, includeDelivered: boolean, now: Date, state: SubscriptionState): NewEvent[] {
  notRemoved(subscriptionId, state);
  if (since.getTime() > now.getTime()) throw new ProblemError('SUBSCRIPTION.INVALID_SINCE', `since (${since.toISOString()}) is in the future`);
  return [{ type: AlertsReplayRequestedV1.type, schemaVersion: 1, data: { subscriptionId, since: since.toISOString(), includeDelivered, requestedAt: now.toISOString() } }];
}

export function decideDigestNow(subscriptionId: string, now: Date, state: SubscriptionState): NewEvent[] {
  const current = notRemoved(subscriptionId, state);
  if (current.channel.kind !== 'digest') throw new ProblemError('SUBSCRIPTION.INVALID_FOR_WEBHOOK', `subscription ${subscriptionId} sends each alert as it comes; only a digest subscription can be sent now`);
  return [{ type: DigestRequestedV1.type, schemaVersion: 1, data: { subscriptionId, requestedAt: now.toISOString() } }];
}

/** Longest a replaced webhook secret may go on signing alerts beside the new one. */
export const MAX_SECRET_OVERLAP_HOURS = 7 * 24;

/**
 * A new webhook secret. The previous one signs alerts beside it for `overlapHours` (0 ends it
 * at once), so a receiver can take the new secret without refusing an alert meanwhile.
 */
export function decideSecretRotation(subscriptionId: string, overlapHours: number, now: Date, state: SubscriptionState): NewEvent[] {
  notRemoved(subscriptionId, state);
  if (!(overlapHours >= 0 && overlapHours <= MAX_SECRET_OVERLAP_HOURS)) {
    throw new ProblemError('SUBSCRIPTION.INVALID_OVERLAP', `the overlap must be between 0 and ${MAX_SECRET_OVERLAP_HOURS} hours, not ${overlapHours}`);
  }
  const previousValidUntil = new Date(now.getTime() + overlapHours * 3_600_000);
  return [{ type: WebhookSecretRotatedV1.type, schemaVersion: 1, data: { subscriptionId, rotatedAt: now.toISOString(), previousValidUntil: previousValidUntil.toISOString() } }];
}
