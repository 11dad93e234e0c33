import kafkajs, { type Admin, type Kafka } from 'kafkajs';
import { sleep } from './backoff.js';

// kafkajs is CommonJS, and Node's ESM loader finds no named export for this enum: read it off the module.
const { ConfigResourceTypes } = kafkajs;

export interface TopicOptions {
  partitions?: number;
}

/** Errors that only mean a topic just created is not known to every part of the broker yet. */
const NOT_READY_YET = new Set(['UNKNOWN_TOPIC_OR_PARTITION', 'LEADER_NOT_AVAILABLE']);

/** Waits until every partition of the topics has a leader: a new topic can be used from then on. */
async function waitForLeaders(admin: Admin, topics: string[], timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const { topics: described } = await admin.fetchTopicMetadata({ topics });
      if (described.every((topic) => topic.partitions.length > 0 && topic.partitions.every((p) => p.leader >= 0))) return;
    } catch (error) {
      if (!NOT_READY_YET.has((error as { type?: string }).type ?? '') || Date.now() > deadline) throw error;
    }
    if (Date.now() > deadline) throw new Error(`topics ${topics.join(', ')} have no leaders after ${timeoutMs} ms`);
    await sleep(100);
  }
}

/**
 * Creates the topics that do not exist yet (the broker does not auto-create them), and
 * returns once they can be used. Several services may create the same topics at once:
 * whoever loses the race waits for the winner's topics to be ready, as the winner does.
 */
export async function ensureTopics(kafka: Kafka, topics: readonly string[], options: TopicOptions = {}): Promise<void> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const existing = new Set(await admin.listTopics());
    const missing = [...new Set(topics)].filter((topic) => !existing.has(topic));
    if (missing.length === 0) return;
    try {
      await admin.createTopics({
        waitForLeaders: false,
        topics: missing.map((topic) => ({ topic, numPartitions: options.partitions ?? 3, replicationFactor: 1 })),
      });
    } catch (error) {
      // Another service created the same topic a moment earlier: the topic exists, which is all we need.
      if ((error as { type?: string }).type !== 'TOPIC_ALREADY_EXISTS') throw error;
    }
    await waitForLeaders(admin, missing);
  } finally {
    await admin.disconnect();
  }
}

/**
 * The longest time, in ms, any of the topics keeps a message (`retention.ms`, whatever set it:
 * the topic, the broker's default); `Infinity` when one keeps messages for ever. Topics that
 * do not exist are left out: they hold nothing.
 */
export async function longestRetentionMs(kafka: Kafka, topics: readonly string[]): Promise<number> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const existing = new Set(await admin.listTopics());
    const named = [...new Set(topics)].filter((topic) => existing.has(topic));
    if (named.length === 0) return 0;
    const { resources } = await admin.describeConfigs({
      includeSynonyms: false,
      resources: named.map((name) => ({ type: ConfigResourceTypes.TOPIC, name, configNames: ['retention.ms'] })),
    });
    let longest = 0;
    for (const resource of resources) {
      const value = Number(resource.configEntries.find((entry) => entry.configName === 'retention.ms')?.configValue);
      // A topic whose retention cannot be read is treated as keeping everything: the safe answer.
      longest = Math.max(longest, !Number.isFinite(value) || value < 0 ? Infinity : value);
    }
    return longest;
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
