import { Module, type DynamicModule } from '@nestjs/common';
import { ServiceModule, type ServiceContext } from '@briefwatch/service-kit';
import { AlerterWorker } from './alerter.worker.js';

/** The alerter: queues an alert for each subscription new coverage matches, and delivers it. */
@Module({})
export class AlerterModule {
  static forRoot(context: ServiceContext): DynamicModule {
    return {
      module: AlerterModule,
      imports: [ServiceModule.forRoot({ service: 'alerter', ...context })],
      providers: [AlerterWorker],
    };
  }
}
