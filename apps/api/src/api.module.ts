import { Module, type DynamicModule } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { ServiceModule, type ServiceContext } from '@briefwatch/service-kit';
import { SourceRegistryHttpModule } from '@briefwatch/source-registry';
import { HealthController } from './health.controller.js';

@Module({})
export class ApiModule {
  static forRoot(context: ServiceContext): DynamicModule {
    return {
      module: ApiModule,
      imports: [ServiceModule.forRoot({ service: 'api', ...context }), CqrsModule.forRoot(), SourceRegistryHttpModule],
      controllers: [HealthController],
    };
  }
}
