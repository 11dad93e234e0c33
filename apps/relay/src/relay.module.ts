import { Module, type DynamicModule } from '@nestjs/common';
import { ServiceModule, type ServiceContext } from '@briefwatch/service-kit';
import { RelayWorker } from './relay.worker.js';

@Module({})
export class RelayModule {
  static forRoot(context: ServiceContext): DynamicModule {
    return {
      module: RelayModule,
      imports: [ServiceModule.forRoot({ service: 'relay', ...context })],
      providers: [RelayWorker],
    };
  }
}
