import type { Producer } from 'kafkajs';
import type { PrismaClient } from '@briefwatch/db';

/**
 * Publishes alerts that failed their last attempt to the undeliverable-alerts topic, with
 * the last error, and marks them published in the same transaction, after the broker
 * acknowledged: at least once. The alert itself stays, failed, for a replay.
 */
export async function publishDeadLetters(prisma: PrismaClient, producer: Producer, topic: string, limit = 100): Promise<number> {
  return prisma.$transaction(async (tx) => {
    const failed = await tx.$queryRaw<Array<{ alert_id: string; subscription_id: string; kind: string; payload: unknown; attempts: number; created_at: Date; channel_url: string | null; last_status: number | null; last_error: string | null }>>`
      SELECT queue.alert_id::text, queue.subscription_id::text, queue.kind, queue.payload, queue.attempts, queue.created_at, subscriptions.channel_url,
             last.status AS last_status, last.error AS last_error
      FROM alert_queue AS queue
      LEFT JOIN subscriptions ON subscriptions.id = queue.subscription_id
      LEFT JOIN LATERAL (SELECT status, error FROM alert_attempts WHERE alert_attempts.alert_id = queue.alert_id ORDER BY attempt DESC LIMIT 1) AS last ON true
      WHERE queue.state = 'failed' AND queue.dead_lettered_at IS NULL
      ORDER BY queue.created_at LIMIT ${limit}
      FOR UPDATE OF queue SKIP LOCKED`;
    if (failed.length === 0) return 0;
    await producer.send({
      topic,
      acks: -1,
      messages: failed.map((alert) => ({
        key: alert.subscription_id,
        value: JSON.stringify({
          alertId: alert.alert_id,
          subscriptionId: alert.subscription_id,
          kind: alert.kind,
          endpoint: alert.channel_url,
          attempts: alert.attempts,
          lastStatus: alert.last_status,
          lastError: alert.last_error,
          queuedAt: alert.created_at.toISOString(),
          payload: alert.payload,
        }),
        headers: { 'briefwatch-reason': 'ALERT.UNDELIVERABLE', 'briefwatch-alert-id': alert.alert_id },
      })),
    });
    await tx.$executeRaw`UPDATE alert_queue SET dead_lettered_at = now() WHERE alert_id = ANY(${failed.map((a) => a.alert_id)}::uuid[])`;
    return failed.length;
  });
}
