import type { BriefwatchConfig } from '@briefwatch/config';
import type { PrismaClient } from '@briefwatch/db';
import { CONFIG, PRISMA, type CliCommand } from '@briefwatch/service-kit';
import { PROJECTIONS, projectionNamed } from './projections.js';
import { rebuildProjection, type RebuildProgress } from './rebuild-projection.js';

const BAR_WIDTH = 24;

/** `links  [##########--------------]  42%  2100/5000 events  1830 events/s` */
export function progressLine({ projection, done, total, eventsPerSecond }: RebuildProgress): string {
  const share = total === 0 ? 1 : Math.min(1, done / total);
  const filled = Math.round(share * BAR_WIDTH);
  return `${projection.padEnd(14)} [${'#'.repeat(filled)}${'-'.repeat(BAR_WIDTH - filled)}] ${String(Math.round(share * 100)).padStart(3)}%  ${done}/${total} events  ${Math.round(eventsPerSecond)} events/s`;
}

export const rebuildProjectionsCli: CliCommand = {
  path: ['projections', 'rebuild'],
  summary: 'rebuild read models from the event store into shadow tables while the system runs, swapped in by one short commit',
  usage: `briefwatch projections rebuild [name ...]   (names: ${PROJECTIONS.map((p) => p.name).join(', ')}; default: all)`,
  options: {
    json: { type: 'boolean', description: 'print each result as JSON' },
  },
  async run({ positionals, options, app, print, note }) {
    const projections = positionals.length === 0 ? PROJECTIONS : positionals.map(projectionNamed);
    const target = { prisma: app.get<PrismaClient>(PRISMA), databaseUrl: app.get<BriefwatchConfig>(CONFIG).databaseUrl };
    for (const projection of projections) {
      let lastShown = 0;
      const result = await rebuildProjection(target, projection, {
        onProgress: (progress) => {
          const now = Date.now();
          if (now - lastShown < 1_000 && progress.done < progress.total) return;
          lastShown = now;
          note(progressLine(progress));
        },
      });
      if (options.json) print(JSON.stringify(result));
      else {
        const rows = Object.entries(result.rows).map(([table, n]) => `${table} ${n}`).join(', ');
        print(`${result.projection}: rebuilt from ${result.events} events in ${(result.ms / 1000).toFixed(1)} s, swapped in by a ${result.swapMs} ms commit (${rows})${result.invalid ? `; ${result.invalid} invalid events skipped` : ''}`);
      }
    }
  },
};
