import { startScenario, type Scenario } from './scenario.js';
import { expectExactTotals } from './totals.js';

/** Bytes of the one item far larger than an event may be (events stay under the broker's 1 MiB). */
const BIG_ITEM_BYTES = 5 * 1024 * 1024;

describe('two instances of every service', () => {
  let scenario: Scenario;

  beforeAll(async () => {
    scenario = await startScenario({
      instances: { relay: 2, projector: 2, ingestor: 2, linker: 2, alerter: 2 },
      // Near the end, one item of 5 MB; early on, one story published by every feed at once,
      // so the two ingestors, linkers and alerters handle its copies side by side.
      stream: { bigItem: { index: 140, bytes: BIG_ITEM_BYTES }, sameStoryEverywhere: 9 },
    });
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

  it('keeps the 5 MB item, cut to what an event holds with a warning on its poll, while every other item flowed (the totals above)', async () => {
    const { prisma } = scenario.system.db;
    const [big] = await prisma.articleRevision.findMany({ where: { guid: 'item-140' } });
    expect(Buffer.byteLength(big!.content!)).toBeLessThanOrEqual(256 * 1024);
    expect(Buffer.byteLength(big!.content!)).toBeGreaterThan(250 * 1024);
    const warned = await prisma.sourcePoll.findMany({ where: { warnings: { isEmpty: false } } });
    expect(warned.flatMap((poll) => poll.warnings)).toContainEqual(expect.stringMatching(/^FEED\.ITEM_CUT: item "item-140": its content of 5\.\d MB is cut to 256 KB; the whole response is kept$/));
  });

  it('makes one story of copies that two alerters handled at once: one alert opened for them at most, and every other one follows it up', async () => {
    const { prisma } = scenario.system.db;
    const guids = scenario.stream.everywhereGuids;
    expect(guids).toHaveLength(4);
    const alerts = await prisma.$queryRaw<Array<{ alert_id: string; group_of: string | null }>>`
      SELECT DISTINCT q.alert_id::text, q.group_of::text FROM alert_queue q
      JOIN alert_items i ON i.alert_id = q.alert_id
      JOIN article_revisions r ON r.article_id = i.article_id
      WHERE r.guid = ANY(${guids}::text[])`;
    expect(alerts.length).toBeGreaterThan(0);
    // The story's root alert: the one opened for it (a later outlet of the same story, polled
    // first, may have opened it instead; then every copy here follows that one up).
    expect(alerts.filter((alert) => alert.group_of === null).length).toBeLessThanOrEqual(1);
    expect(new Set(alerts.map((alert) => alert.group_of ?? alert.alert_id)).size).toBe(1);
  });
});
