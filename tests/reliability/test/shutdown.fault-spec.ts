import { SERVICES } from '@briefwatch/config';
import { memoryPeaks } from '@briefwatch/service-processes';
import { startScenario, type Scenario } from './scenario.js';
import { expectExactTotals } from './totals.js';

describe('graceful shutdown in the middle of a stream', () => {
  let scenario: Scenario;

  beforeAll(async () => {
    scenario = await startScenario();
  });

  afterAll(async () => {
    await scenario?.stop();
  });

  it('drains in-flight work on SIGTERM, so a normal restart handles nothing twice and loses nothing', async () => {
    const { system } = scenario;
    let reached = 15;
    for (const service of SERVICES) {
      await scenario.reachArticles(reached);
      reached += 20;
      const [instance] = system.running(service);
      const exit = await instance!.terminate();
      // Nest closes the service and then lets the signal end the process.
      expect(exit.signal ?? exit.code).toMatch(/^(SIGTERM|0)$/);
      await system.launch(service).ready();
    }

    const totals = await expectExactTotals(system.db.prisma, scenario.stream);
    // Nothing delivered twice, and no consumer was handed an event it had already applied.
    expect(totals.postsReceived).toBe(totals.keysReceived);
    const redelivered = system.processes.flatMap((p) => p.lines()).filter((line) => line.msg === 'redelivered event already applied; skipped');
    expect(redelivered).toEqual([]);
    const drained = system.processes.filter((p) => !p.running).flatMap((p) => p.lines().filter((line) => line.msg === 'stopped consuming; offsets committed').map(() => p.service));
    expect(new Set(drained)).toEqual(new Set(['projector', 'linker', 'alerter', 'api']));
  });

  it('keeps every service under its stated memory ceiling', () => {
    const peaks = memoryPeaks('shutdown-memory-peaks', scenario.system.processes);
    for (const peak of peaks) expect(peak.peakMb).toBeLessThan(peak.ceilingMb);
    expect(peaks.every((peak) => peak.peakMb > 0)).toBe(true);
  });
});
