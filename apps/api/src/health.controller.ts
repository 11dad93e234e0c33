import { Controller, Get, Res } from '@nestjs/common';
import { HealthService, type HealthReport } from '@briefwatch/service-kit';

@Controller('health')
export class HealthController {
  constructor(private readonly health: HealthService) {}

  /** 200 when Postgres and Kafka both answer, 503 otherwise; the body says which is down and why. */
  @Get()
  async check(@Res({ passthrough: true }) response: { status(code: number): void }): Promise<HealthReport> {
    const report = await this.health.report();
    response.status(report.status === 'up' ? 200 : 503);
    return report;
  }
}
