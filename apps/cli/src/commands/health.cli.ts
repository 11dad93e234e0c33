import { HealthService, type CliCommand } from '@briefwatch/service-kit';

export const healthCli: CliCommand = {
  path: ['health'],
  summary: 'check that Postgres and Kafka answer',
  usage: 'briefwatch health [--json]',
  options: { json: { type: 'boolean', description: 'print the full report as JSON' } },
  async run({ app, options, print }) {
    const report = await app.get(HealthService).report();
    if (options.json) print(JSON.stringify(report, null, 2));
    else {
      for (const [name, dependency] of Object.entries(report.dependencies)) {
        print(`${name.padEnd(9)} ${dependency.status.padEnd(5)} ${dependency.latencyMs} ms${dependency.error ? `  ${dependency.error}` : ''}`);
      }
    }
    if (report.status !== 'up') process.exitCode = 1;
  },
};
