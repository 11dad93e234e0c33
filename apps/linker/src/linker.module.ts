import { Module, type DynamicModule } from '@nestjs/common';
import { ServiceModule, type ServiceContext } from '@briefwatch/service-kit';

/** The linker (links new coverage to the brief's topics and claims). It joins the system and checks its dependencies; its work is not built yet. */
@Module({})
export class LinkerModule {
  static forRoot(context: ServiceContext): DynamicModule {
    return {
      module: LinkerModule,
      imports: [ServiceModule.forRoot({ service: 'linker', ...context })],
    };
  }
}
