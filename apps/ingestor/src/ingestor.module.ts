import { Module, type DynamicModule } from '@nestjs/common';
import { ServiceModule, type ServiceContext } from '@briefwatch/service-kit';
import { IngestorWorker } from './ingestor.worker.js';

/** The ingestor: polls every active source when it is due and records what it found. */
@Module({})
export class IngestorModule {
  static forRoot(context: ServiceContext): DynamicModule {
    return {
      module: IngestorModule,
      imports: [ServiceModule.forRoot({ service: 'ingestor', ...context })],
      providers: [IngestorWorker],
    };
  }
}
