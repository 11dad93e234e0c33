import { Module, type DynamicModule } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { ServiceModule, type ServiceContext } from '@briefwatch/service-kit';
import { ArticlesModule } from '@briefwatch/articles';
import { BriefModule } from '@briefwatch/brief';
import { SourceRegistryModule } from '@briefwatch/source-registry';
import { SubscriptionsModule } from '@briefwatch/subscriptions';

/** The CLI reaches the same use cases as the API, through the same command and query buses. */
@Module({})
export class CliModule {
  static forRoot(context: ServiceContext): DynamicModule {
    return {
      module: CliModule,
      imports: [ServiceModule.forRoot({ service: 'cli', ...context }), CqrsModule.forRoot(), SourceRegistryModule, BriefModule, SubscriptionsModule, ArticlesModule],
    };
  }
}
