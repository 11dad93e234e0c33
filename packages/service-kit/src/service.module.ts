import { Global, Inject, Injectable, Module, type DynamicModule, type OnApplicationShutdown } from '@nestjs/common';
import type { Kafka } from 'kafkajs';
import { loadConfig, type BriefwatchConfig } from '@briefwatch/config';
import { createPrismaClient, type PrismaClient } from '@briefwatch/db';
import { createKafka } from '@briefwatch/kafka';
import { createLogger, type Logger } from '@briefwatch/logging';
import { CONFIG, KAFKA, LOGGER, PRISMA } from './tokens.js';
import { HealthService } from './health.service.js';
import { ProblemDetailsFilter } from './problem-details.filter.js';

export interface ServiceModuleOptions {
  /** The service's name, in logs, Kafka client ids and pg_stat_activity. */
  service: string;
  /** Defaults to loadConfig(service) from the environment. */
  config?: BriefwatchConfig;
  /** Defaults to a logger configured from the config. */
  logger?: Logger;
}

@Injectable()
class PrismaLifecycle implements OnApplicationShutdown {
  constructor(@Inject(PRISMA) private readonly prisma: PrismaClient) {}
  async onApplicationShutdown(): Promise<void> {
    await this.prisma.$disconnect();
  }
}

/**
 * What every briefwatch service gets: validated config, the structured logger, one Prisma
 * client (closed on shutdown), a Kafka client, and health checks of both.
 */
@Global()
@Module({})
export class ServiceModule {
  static forRoot(options: ServiceModuleOptions): DynamicModule {
    const config = options.config ?? loadConfig(options.service);
    const logger = options.logger ?? createLogger({ service: options.service, format: config.log.format, level: config.log.level });
    return {
      module: ServiceModule,
      providers: [
        { provide: CONFIG, useValue: config },
        { provide: LOGGER, useValue: logger },
        {
          provide: PRISMA,
          useFactory: () => createPrismaClient(config.databaseUrl, { applicationName: `briefwatch-${options.service}` }),
        },
        { provide: KAFKA, useFactory: (): Kafka => createKafka(config.kafka, logger) },
        PrismaLifecycle,
        HealthService,
        ProblemDetailsFilter,
      ],
      exports: [CONFIG, LOGGER, PRISMA, KAFKA, HealthService, ProblemDetailsFilter],
    };
  }
}
