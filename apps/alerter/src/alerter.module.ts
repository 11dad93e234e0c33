import { Module, type DynamicModule } from '@nestjs/common';
import { ServiceModule, type ServiceContext } from '@briefwatch/service-kit';

/** The alerter (tells subscribers about new related coverage). It joins the system and checks its dependencies; its work is not built yet. */
@Module({})
export class AlerterModule {
  static forRoot(context: ServiceContext): DynamicModule {
    return {
      module: AlerterModule,
      imports: [ServiceModule.forRoot({ service: 'alerter', ...context })],
    };
  }
}
