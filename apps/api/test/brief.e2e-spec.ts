import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CommandBus } from '@nestjs/cqrs';
import { ImportBriefCommand, type BriefView } from '@briefwatch/brief';
import { waitFor } from '@briefwatch/testing';
import { startSystem, type RunningSystem } from './running-system.js';

const spri = readFileSync(path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'briefs', 'spri-ai-brief-2020-06.txt'));

describe('an imported brief, projected and served by the API', () => {
  let system: RunningSystem;

  beforeAll(async () => {
    system = await startSystem();
  });
  afterAll(async () => {
    await system?.stop();
  });

  async function importBrief(bytes: Uint8Array) {
    return system.api.get(CommandBus).execute(
      new ImportBriefCommand({ briefId: 'spri-ai-brief-2020-06', fileName: 'spri.txt', bytes, overrides: null }, 'e2e-brief'),
    );
  }

  async function fetchBrief(): Promise<{ status: number; body: BriefView }> {
    const response = await fetch(`${system.baseUrl}/briefs/spri-ai-brief-2020-06`);
    return { status: response.status, body: (await response.json()) as BriefView };
  }

  it('serves topics, nested claims and citations from the read model', async () => {
    await importBrief(spri);
    const { body } = await waitFor(fetchBrief, (r) => r.status === 200 && r.body.version === 1, { description: 'the projected brief' });
    expect(body.topics.map((t) => t.id)).toEqual(['t1', 't2', 't3', 't4']);
    expect(body.topics.flatMap((t) => t.citations).map((c) => c.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    const urmson = body.topics[0]!.claims[0]!.children[1]!;
    expect(urmson).toMatchObject({ id: 't1.c1.2', citations: [2] });
    expect(body.topics[1]!.citations.find((c) => c.number === 4)).toMatchObject({ publisher: 'CNN', date: '2019-08-15', claimIds: ['t2.c4'] });
  });

  it('shows a revised claim in place, under the same id, after a new version is imported', async () => {
    const edited = Buffer.from(spri.toString('utf8').replace('30년 이상 미뤄질', '40년 이상 미뤄질'));
    const summary = await importBrief(edited);
    expect(summary.revised).toEqual([{ id: 't1.c1.2', changed: ['text', 'rawText', 'profile'] }]);
    const { body } = await waitFor(fetchBrief, (r) => r.body.version === 2, { description: 'version 2 projected' });
    expect(body.topics[0]!.claims[0]!.children[1]).toMatchObject({ id: 't1.c1.2' });
    expect(body.topics[0]!.claims[0]!.children[1]!.text).toContain('40년 이상');
  });

  it('answers 404 with a stable code for a brief it does not have', async () => {
    const response = await fetch(`${system.baseUrl}/briefs/no-such-brief`);
    expect(response.status).toBe(404);
    expect(((await response.json()) as { code: string }).code).toBe('BRIEF.NOT_FOUND');
  });
});
