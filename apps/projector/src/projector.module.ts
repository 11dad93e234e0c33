import { Module, type DynamicModule } from '@nestjs/common';
import { ServiceModule, type ServiceContext } from '@briefwatch/service-kit';
import { ProjectorWorker } from './projector.worker.js';
import { RetentionWorker } from './retention/retention.worker.js';

@Module({})
export class ProjectorModule {
  static forRoot(context: ServiceContext): DynamicModule {
    return {
      module: ProjectorModule,
      imports: [ServiceModule.forRoot({ service: 'projector', ...context })],
      providers: [ProjectorWorker, RetentionWorker],
    };
  }
}
