import { randomUUID } from 'node:crypto';
import type { EventEnvelope } from '@briefwatch/contracts';
import { decideDigestNow, decideReplay, decideSecretRotation, decideStatusChange, subscriptionModel, type SubscriptionState } from './subscription.js';

const id = randomUUID();
const now = new Date('2026-11-28T10:00:00Z');
const envelope = (type: string, data: unknown) => ({ type, data }) as EventEnvelope;
const stateOf = (...events: EventEnvelope[]): SubscriptionState => events.reduce(subscriptionModel.evolve, subscriptionModel.initial());
const created = (channel: unknown) => envelope('SubscriptionCreated', { subscriptionId: id, channel });
const webhook = created({ kind: 'webhook', url: 'https://hooks.example.org/a' });
const digest = created({ kind: 'digest', url: 'https://hooks.example.org/a', every: 'daily' });

describe('what a subscription accepts', () => {
  it('pauses, resumes and removes, and asking twice changes nothing', () => {
    expect(decideStatusChange(id, 'paused', now, stateOf(webhook))).toEqual([expect.objectContaining({ type: 'SubscriptionStatusChanged', data: expect.objectContaining({ status: 'paused' }) })]);
    const paused = stateOf(webhook, envelope('SubscriptionStatusChanged', { status: 'paused' }));
    expect(decideStatusChange(id, 'paused', now, paused)).toEqual([]);
    expect(decideStatusChange(id, 'active', now, paused)).toHaveLength(1);
  });

  it('refuses anything for a subscription that does not exist or was removed', () => {
    expect(() => decideStatusChange(id, 'paused', now, stateOf())).toThrow(expect.objectContaining({ code: 'SUBSCRIPTION.NOT_FOUND' }));
    const removed = stateOf(webhook, envelope('SubscriptionStatusChanged', { status: 'removed' }));
    expect(() => decideStatusChange(id, 'active', now, removed)).toThrow(expect.objectContaining({ code: 'SUBSCRIPTION.ALREADY_REMOVED' }));
    expect(() => decideReplay(id, now, false, now, removed)).toThrow(expect.objectContaining({ code: 'SUBSCRIPTION.ALREADY_REMOVED' }));
  });

  it('replays from a point in the past, never the future', () => {
    expect(decideReplay(id, new Date('2026-11-27T00:00:00Z'), true, now, stateOf(webhook))[0]!.data).toMatchObject({ since: '2026-11-27T00:00:00.000Z', includeDelivered: true });
    expect(() => decideReplay(id, new Date('2026-11-29T00:00:00Z'), false, now, stateOf(webhook))).toThrow(expect.objectContaining({ code: 'SUBSCRIPTION.INVALID_SINCE' }));
  });

  it('sends a digest now only for a digest subscription', () => {
    expect(decideDigestNow(id, now, stateOf(digest))).toEqual([expect.objectContaining({ type: 'DigestRequested' })]);
    expect(() => decideDigestNow(id, now, stateOf(webhook))).toThrow(expect.objectContaining({ code: 'SUBSCRIPTION.INVALID_FOR_WEBHOOK' }));
  });

  it('rotates a secret with an overlap of zero to seven days, for a subscription that is not removed', () => {
    expect(decideSecretRotation(id, 6, now, stateOf(webhook))).toEqual([
      { type: 'WebhookSecretRotated', schemaVersion: 1, data: { subscriptionId: id, rotatedAt: now.toISOString(), previousValidUntil: '2026-11-28T16:00:00.000Z' } },
    ]);
    expect(decideSecretRotation(id, 0, now, stateOf(webhook))[0]!.data).toMatchObject({ previousValidUntil: now.toISOString() });
    for (const overlap of [-1, 169, Number.NaN]) {
      expect(() => decideSecretRotation(id, overlap, now, stateOf(webhook))).toThrow(expect.objectContaining({ code: 'SUBSCRIPTION.INVALID_OVERLAP' }));
    }
    expect(() => decideSecretRotation(id, 24, now, stateOf())).toThrow(expect.objectContaining({ code: 'SUBSCRIPTION.NOT_FOUND' }));
    expect(() => decideSecretRotation(id, 24, now, stateOf(webhook, envelope('SubscriptionStatusChanged', { status: 'removed' })))).toThrow(expect.objectContaining({ code: 'SUBSCRIPTION.ALREADY_REMOVED' }));
  });
});
