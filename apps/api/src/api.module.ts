import { Module, type DynamicModule } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { CqrsModule } from '@nestjs/cqrs';
import { ApiKeyGuard } from '@briefwatch/access';
import { ArticlesHttpModule } from '@briefwatch/articles';
import { BriefHttpModule } from '@briefwatch/brief';
import { SubscriptionsHttpModule } from '@briefwatch/subscriptions';
import { LiveEventsModule, ServiceModule, type ServiceContext } from '@briefwatch/service-kit';
import { SourceRegistryHttpModule } from '@briefwatch/source-registry';
import { DocsController } from './docs/docs.controller.js';
import { HealthController } from './health.controller.js';

@Module({})
export class ApiModule {
  static forRoot(context: ServiceContext): DynamicModule {
    return {
      module: ApiModule,
      imports: [ServiceModule.forRoot({ service: 'api', ...context }), CqrsModule.forRoot(), LiveEventsModule, SourceRegistryHttpModule, BriefHttpModule, ArticlesHttpModule, SubscriptionsHttpModule],
      controllers: [HealthController, DocsController],
      providers: [{ provide: APP_GUARD, useClass: ApiKeyGuard }],
    };
  }
}
