import { Module, type DynamicModule } from '@nestjs/common';
import { ServiceModule, type ServiceContext } from '@briefwatch/service-kit';

/** The ingestor (polls the brief's cited publishers and follow-up feeds). It joins the system and checks its dependencies; its work is not built yet. */
@Module({})
export class IngestorModule {
  static forRoot(context: ServiceContext): DynamicModule {
    return {
      module: IngestorModule,
      imports: [ServiceModule.forRoot({ service: 'ingestor', ...context })],
    };
  }
}
