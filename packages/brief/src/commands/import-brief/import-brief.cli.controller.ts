import { CommandBus } from '@nestjs/cqrs';
import { ProblemError, type CliCommand } from '@briefwatch/service-kit';
import { briefIdFromFileName, readBriefFile } from '../../brief-file.js';
import type { ImportSummary } from '../../decide-import.js';
import { ImportBriefCommand } from './import-brief.command.js';

export function describeImport(summary: ImportSummary): string[] {
  const { counts } = summary;
  const size = `${counts.topics} topics, ${counts.claims} claims, ${counts.citations} citations`;
  if (summary.unchanged) return [`brief ${summary.briefId} is unchanged (version ${summary.version}: ${size})`];
  const lines = [`imported brief ${summary.briefId} as version ${summary.version} (${size})`];
  if (summary.version > 1 || summary.revised.length + summary.withdrawn.length > 0) {
    if (summary.added.length) lines.push(`  added:     ${summary.added.join(', ')}`);
    for (const revision of summary.revised) lines.push(`  revised:   ${revision.id} (${revision.changed.join(', ')})`);
    if (summary.withdrawn.length) lines.push(`  withdrawn: ${summary.withdrawn.join(', ')}`);
    if (summary.added.length + summary.revised.length + summary.withdrawn.length === 0) lines.push('  no topic, claim or citation changed (only the layout of the text)');
  }
  return lines;
}

export const importBriefCli: CliCommand = {
  path: ['brief', 'import'],
  summary: 'store a brief (or a new version of it) through the event store and say what changed',
  usage: 'briefwatch brief import <file> [--id <brief-id>] [--profiles <overrides.json>] [--json]',
  options: {
    id: { type: 'string', description: 'the brief id (default: from the file name, e.g. spri-ai-brief-2020-06)' },
    profiles: { type: 'string', description: 'profile overrides (default: <file>.profiles.json beside the brief, if any)' },
    json: { type: 'boolean', description: 'print the summary as JSON' },
  },
  async run({ positionals, options, app, correlationId, print }) {
    const file = positionals[0];
    if (!file) throw new ProblemError('BRIEF.NO_FILE', 'name the brief file to import');
    const brief = await readBriefFile(file, options.profiles as string | undefined);
    const briefId = (options.id as string | undefined) ?? briefIdFromFileName(file);
    const summary = await app.get(CommandBus).execute(
      new ImportBriefCommand({ briefId, fileName: file, bytes: brief.bytes, overrides: brief.overrides }, correlationId),
    );
    if (options.json) print(JSON.stringify(summary, null, 2));
    else for (const line of describeImport(summary)) print(line);
  },
};
