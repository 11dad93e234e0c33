import { progressLine, rebuildPacing } from './projections.cli.js';
import { PROJECTIONS, projectionNamed } from './projections.js';

describe('projections rebuild, its pure parts', () => {
  it('draws progress as a bar, a share, a count and a rate', () => {
    expect(progressLine({ projection: 'links', done: 50, total: 200, eventsPerSecond: 1234.4 })).toBe(`links          [######------------------]  25%  50/200 events  1234 events/s`);
    expect(progressLine({ projection: 'briefs', done: 0, total: 0, eventsPerSecond: 0 })).toMatch(/\[#{24}\] 100%/);
  });

  it('names every read model and the tables only it writes', () => {
    const tables = PROJECTIONS.flatMap((p) => p.tables);
    expect(new Set(tables).size).toBe(tables.length);
    expect(projectionNamed('links').tables).toEqual(['coverage_links']);
    expect(() => projectionNamed('nope')).toThrow(/no read model named "nope"; there are: sources, source-polls/);
  });

  it('paces a rebuild by its options, and refuses pacing that makes no sense', () => {
    expect(rebuildPacing({})).toEqual({ pageSize: 500, pauseMs: 0 });
    expect(rebuildPacing({ 'page-size': '25', 'pause-ms': '100' })).toEqual({ pageSize: 25, pauseMs: 100 });
    expect(() => rebuildPacing({ 'page-size': '0' })).toThrow(/--page-size/);
    expect(() => rebuildPacing({ 'pause-ms': 'soon' })).toThrow(/--pause-ms/);
  });
});
