import { z } from 'zod';
import type { BriefwatchConfig } from '@briefwatch/config';
import type { PrismaClient } from '@briefwatch/db';
import { CONFIG, PRISMA, RequestValidationError, type CliCommand } from '@briefwatch/service-kit';
import { PROJECTIONS, projectionNamed } from './projections.js';
import { rebuildProjection, type RebuildProgress } from './rebuild-projection.js';

const BAR_WIDTH = 24;

/** `links  [##########--------------]  42%  2100/5000 events  1830 events/s` */
export function progressLine({ projection, done, total, eventsPerSecond }: RebuildProgress): string {
  const share = total === 0 ? 1 : Math.min(1, done / total);
  const filled = Math.round(share * BAR_WIDTH);
  return `${projection.padEnd(14)} [${'#'.repeat(filled)}${'-'.repeat(BAR_WIDTH - filled)}] ${String(Math.round(share * 100)).padStart(3)}%  ${done}/${total} events  ${Math.round(eventsPerSecond)} events/s`;
}

const pacingSchema = z.strictObject({
  pageSize: z.coerce.number().int().min(1).max(10_000).default(500),
  pauseMs: z.coerce.number().int().min(0).max(60_000).default(0),
});

const FLAGS = { pageSize: '--page-size', pauseMs: '--pause-ms' } as const;

/** How a rebuild paces itself: `--page-size` events per transaction, `--pause-ms` between pages. */
export function rebuildPacing(options: { 'page-size'?: unknown; 'pause-ms'?: unknown }): z.infer<typeof pacingSchema> {
  const parsed = pacingSchema.safeParse({ pageSize: options['page-size'], pauseMs: options['pause-ms'] });
  if (!parsed.success) throw new RequestValidationError(parsed.error.issues.map((issue) => ({ path: FLAGS[issue.path[0] as keyof typeof FLAGS], message: issue.message })));
  return parsed.data;
}

export const rebuildProjectionsCli: CliCommand = {
  path: ['projections', 'rebuild'],
  summary: 'rebuild read models from the event store into shadow tables while the system runs, swapped in by one short commit',
  usage: `briefwatch projections rebuild [name ...] [--page-size 500] [--pause-ms 0] [--json]   (names: ${PROJECTIONS.map((p) => p.name).join(', ')}; default: all)`,
  options: {
    'page-size': { type: 'string', description: 'events applied per transaction (default 500)' },
    'pause-ms': { type: 'string', description: 'pause between pages, leaving a busy database room for live work (default 0)' },
    json: { type: 'boolean', description: 'print each result as JSON' },
  },
  async run({ positionals, options, app, print, note }) {
    const pacing = rebuildPacing(options);
    const projections = positionals.length === 0 ? PROJECTIONS : positionals.map(projectionNamed);
    const target = { prisma: app.get<PrismaClient>(PRISMA), databaseUrl: app.get<BriefwatchConfig>(CONFIG).databaseUrl };
    for (const projection of projections) {
      let lastShown = 0;
      const result = await rebuildProjection(target, projection, {
        ...pacing,
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
