import { startScenario, type Scenario } from './scenario.js';
import { expectExactTotals } from './totals.js';

describe('kill -9 in the middle of a stream', () => {
  let scenario: Scenario;

  beforeAll(async () => {
    scenario = await startScenario();
  });

  afterAll(async () => {
    await scenario?.stop();
  });

  it('loses nothing and duplicates nothing when each service is killed and restarted mid-stream', async () => {
    const { system } = scenario;
    // Each service dies at its own point of the stream, with work in flight.
    await scenario.reachArticles(15);
    await system.crashAndRestart('ingestor');
    await scenario.reachArticles(35);
    await system.crashAndRestart('linker');
    await scenario.reachArticles(55);
    await system.crashAndRestart('alerter');
    await scenario.reachArticles(75);
    await system.crashAndRestart('relay');
    await scenario.reachArticles(95);
    await system.crashAndRestart('projector');

    const totals = await expectExactTotals(system.db.prisma, scenario.stream);
    // The webhook may see an alert again after the alerter died between sending it and
    // recording it; it is the same alert, with the same key.
    expect(totals.postsReceived).toBeGreaterThanOrEqual(totals.keysReceived);
  });
});
