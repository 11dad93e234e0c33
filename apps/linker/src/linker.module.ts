import { Module, type DynamicModule } from '@nestjs/common';
import { ServiceModule, type ServiceContext } from '@briefwatch/service-kit';
import { LinkerWorker } from './linker.worker.js';

/** The linker: every new or revised article, linked to the topics and claims it develops. */
@Module({})
export class LinkerModule {
  static forRoot(context: ServiceContext): DynamicModule {
    return {
      module: LinkerModule,
      imports: [ServiceModule.forRoot({ service: 'linker', ...context })],
      providers: [LinkerWorker],
    };
  }
}
