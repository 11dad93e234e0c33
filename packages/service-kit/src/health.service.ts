import { Inject, Injectable } from '@nestjs/common';
import type { Kafka } from 'kafkajs';
import type { PrismaClient } from '@briefwatch/db';
import { describeKafka } from '@briefwatch/kafka';
import { KAFKA, PRISMA } from './tokens.js';

export interface DependencyHealth {
  status: 'up' | 'down';
  latencyMs: number;
  detail?: Record<string, unknown>;
  error?: string;
}

export interface HealthReport {
  status: 'up' | 'down';
  checkedAt: string;
  dependencies: { postgres: DependencyHealth; kafka: DependencyHealth };
}

const CHECK_TIMEOUT_MS = 3_000;

function withTimeout<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not answer within ${ms} ms`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

async function check(what: string, probe: () => Promise<Record<string, unknown> | undefined>): Promise<DependencyHealth> {
  const started = performance.now();
  try {
    const detail = await withTimeout(probe(), CHECK_TIMEOUT_MS, what);
    return { status: 'up', latencyMs: Math.round(performance.now() - started), ...(detail ? { detail } : {}) };
  } catch (error) {
    return { status: 'down', latencyMs: Math.round(performance.now() - started), error: (error as Error).message };
  }
}

/** Asks Postgres and Kafka, as a client would, whether they answer. */
@Injectable()
export class HealthService {
  constructor(
    @Inject(PRISMA) private readonly prisma: PrismaClient,
    @Inject(KAFKA) private readonly kafka: Kafka,
  ) {}

  async report(): Promise<HealthReport> {
    const [postgres, kafka] = await Promise.all([
      check('postgres', async () => {
        const rows = await this.prisma.$queryRaw<Array<{ version: string }>>`SELECT current_setting('server_version') AS version`;
        return { serverVersion: rows[0]?.version };
      }),
      check('kafka', async () => describeKafka(this.kafka)),
    ]);
    return {
      status: postgres.status === 'up' && kafka.status === 'up' ? 'up' : 'down',
      checkedAt: new Date().toISOString(),
      dependencies: { postgres, kafka },
    };
  }
}
