import type { Kafka } from 'kafkajs';
import type { BriefwatchConfig } from '@briefwatch/config';
import type { PrismaClient } from '@briefwatch/db';
import { CONFIG, KAFKA, PRISMA, type CliCommand } from '@briefwatch/service-kit';
import { countExpired, pruneExpired, type ExpiredCounts, type RetentionPolicy } from './expired-data.js';
import { policyBeyondBroker } from './inbox-horizon.js';

function describe(counts: ExpiredCounts, policy: RetentionPolicy): string[] {
  const kept = (days: number) => (days > 0 ? `older than ${days} days` : 'kept for ever');
  return [
    `inbox records      ${String(counts.inbox).padStart(9)}  (${kept(policy.inboxDays)})`,
    `raw feed bodies    ${String(counts.rawResponses).padStart(9)}  (${kept(policy.rawResponseDays)}, read by no article version)`,
    `quiet poll records ${String(counts.quietPolls).padStart(9)}  (${kept(policy.quietPollDays)}, nothing new and no error)`,
  ];
}

export const pruneExpiredCli: CliCommand = {
  path: ['retention', 'prune'],
  summary: 'delete what is past its retention now (the projector also does it every RETENTION_EVERY_MIN)',
  usage: 'briefwatch retention prune [--dry-run] [--json]',
  options: {
    'dry-run': { type: 'boolean', description: 'count what would go, delete nothing' },
    json: { type: 'boolean', description: 'print JSON' },
  },
  async run({ options, app, print }) {
    const prisma = app.get<PrismaClient>(PRISMA);
    const config = app.get<BriefwatchConfig>(CONFIG);
    // Inbox records outlive the broker's own retention, whatever RETENTION_INBOX_DAYS says.
    const policy = await policyBeyondBroker(app.get<Kafka>(KAFKA), config.kafka.topicPrefix, config.retention);
    const counts = options['dry-run'] ? await countExpired(prisma, policy) : await pruneExpired(prisma, policy);
    if (options.json) return print(JSON.stringify(counts));
    print(options['dry-run'] ? 'would delete:' : 'deleted:');
    for (const line of describe(counts, policy)) print(`  ${line}`);
  },
};
