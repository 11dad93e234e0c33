import { memoryPeaks } from '@briefwatch/service-processes';
import { startScenario, type Scenario } from './scenario.js';
import { expectExactTotals } from './totals.js';

/** How many items arrive at once. `npm run bench` takes in 100,000; the suite keeps to a size it can wait for. */
const BURST = Number(process.env.BRIEFWATCH_BURST_ITEMS ?? 1_000);

describe(`a burst of ${BURST} feed items at once`, () => {
  let scenario: Scenario;

  beforeAll(async () => {
    // Every item is in its feed from the first poll on: the whole burst lands in one go.
    scenario = await startScenario({ stream: { items: BURST, feeds: 10, everyMs: 0, reviseEvery: BURST } });
  });

  afterAll(async () => {
    await scenario?.stop();
  });

  it('absorbs it with every service under its memory ceiling, and loses nothing', async () => {
    await expectExactTotals(scenario.system.db.prisma, scenario.stream, 600_000);
    for (const peak of memoryPeaks('burst-memory-peaks', scenario.system.processes)) expect({ ...peak, under: peak.peakMb < peak.ceilingMb }).toMatchObject({ under: true });
  }, 660_000);
});
