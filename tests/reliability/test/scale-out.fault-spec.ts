import { startScenario, type Scenario } from './scenario.js';
import { expectExactTotals } from './totals.js';

describe('two instances of every service', () => {
  let scenario: Scenario;

  beforeAll(async () => {
    scenario = await startScenario({ instances: { relay: 2, projector: 2, ingestor: 2, linker: 2, alerter: 2 } });
  });

  afterAll(async () => {
    await scenario?.stop();
  });

  it('shares the work between the instances of each consumer group, and the totals still hold', async () => {
    const { system } = scenario;
    await expectExactTotals(system.db.prisma, scenario.stream);
    const workedOn = (service: 'linker' | 'alerter' | 'ingestor', msg: string) =>
      system.processes.filter((p) => p.service === service).map((p) => p.lines().filter((line) => line.msg === msg).length);
    // Each instance of a consumer did part of the work (the topics have three partitions).
    for (const count of workedOn('linker', 'linked')) expect(count).toBeGreaterThan(0);
    for (const count of workedOn('alerter', 'alerts changed')) expect(count).toBeGreaterThan(0);
    // The ingestors share the sources through leases: each polled some.
    for (const count of workedOn('ingestor', 'polled')) expect(count).toBeGreaterThan(0);
  });
});
