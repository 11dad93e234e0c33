import type { Kafka } from 'kafkajs';

export interface TopicOptions {
  partitions?: number;
}

/** Creates the topics that do not exist yet (the broker does not auto-create them). */
export async function ensureTopics(kafka: Kafka, topics: readonly string[], options: TopicOptions = {}): Promise<void> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const existing = new Set(await admin.listTopics());
    const missing = [...new Set(topics)].filter((topic) => !existing.has(topic));
    if (missing.length === 0) return;
    try {
      await admin.createTopics({
        waitForLeaders: true,
        topics: missing.map((topic) => ({ topic, numPartitions: options.partitions ?? 3, replicationFactor: 1 })),
      });
    } catch (error) {
      // Another service created the same topic a moment earlier: the topic exists, which is all we need.
      if ((error as { type?: string }).type !== 'TOPIC_ALREADY_EXISTS') throw error;
    }
  } finally {
    await admin.disconnect();
  }
}

/** Answers whether the cluster serves metadata; used by health checks. */
export async function describeKafka(kafka: Kafka): Promise<{ brokers: number; controller: number | null }> {
  // One try: a health check reports what it sees now, it does not wait for the broker to come back.
  const admin = kafka.admin({ retry: { retries: 0 } });
  await admin.connect();
  try {
    const cluster = await admin.describeCluster();
    return { brokers: cluster.brokers.length, controller: cluster.controller };
  } finally {
    await admin.disconnect();
  }
}
