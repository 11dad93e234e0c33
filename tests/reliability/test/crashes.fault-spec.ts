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
    // recording it: then it is the same alert, with the same key, about the same article and
    // claims (another outlet's copy of the story may have joined its list of outlets meanwhile).
    const bodiesByKey = new Map<string, Set<string>>();
    for (const post of scenario.stream.received.filter((p) => p.answered < 300)) {
      const { outlets: _outlets, ...alert } = post.json;
      bodiesByKey.set(post.idempotencyKey, (bodiesByKey.get(post.idempotencyKey) ?? new Set()).add(JSON.stringify(alert)));
    }
    expect([...bodiesByKey].filter(([, bodies]) => bodies.size > 1).map(([key]) => key)).toEqual([]);
    expect(bodiesByKey.size).toBe(totals.alerts);
  });
});
