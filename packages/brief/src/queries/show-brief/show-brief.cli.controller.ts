import { ProblemError, type CliCommand } from '@briefwatch/service-kit';
import type { BriefDocument, ProfiledClaim } from '../../brief-document.js';
import { readBriefFile } from '../../brief-file.js';
import { readBriefDocument } from '../../read-brief.js';

function outline(document: BriefDocument): string[] {
  const lines = [document.title, ''];
  const claimLines = (claim: ProfiledClaim, depth: number): string[] => {
    const cites = claim.citations.length ? ` [${claim.citations.join(', ')}]` : '';
    const label = claim.label ? `${claim.label}: ` : '';
    return [
      `${'  '.repeat(depth)}${claim.id}  ${label}${claim.text}${cites}`,
      ...claim.notes.map((note) => `${'  '.repeat(depth + 1)}* ${note.text}${note.citations.length ? ` [${note.citations.join(', ')}]` : ''}`),
      ...claim.children.flatMap((child) => claimLines(child, depth + 1)),
    ];
  };
  for (const topic of document.topics) {
    lines.push(`${topic.id}  ${topic.title}`);
    for (const claim of topic.claims) lines.push(...claimLines(claim, 1));
    for (const c of topic.citations) {
      const cited = [...(c.citesTopic ? [topic.id] : []), ...c.claimIds].join(', ');
      lines.push(`  [${c.number}] ${c.publisher}${c.venue ? ` (${c.venue})` : ''}, "${c.title}", ${c.date ?? 'date unreadable'}  → ${cited}`);
    }
    lines.push('');
  }
  for (const warning of document.warnings) lines.push(`note: line ${warning.line}: ${warning.message} (${warning.code})`);
  return lines;
}

export const showBriefCli: CliCommand = {
  path: ['brief', 'show'],
  summary: 'print a brief as briefwatch reads it, without touching the database',
  usage: 'briefwatch brief show <file> [--json] [--profiles <overrides.json>]',
  options: {
    json: { type: 'boolean', description: 'print the parsed brief, with profiles, as JSON' },
    profiles: { type: 'string', description: 'profile overrides (default: <file>.profiles.json beside the brief, if any)' },
  },
  async run({ positionals, options, print }) {
    const file = positionals[0];
    if (!file) throw new ProblemError('BRIEF.NO_FILE', 'name the brief file to show');
    const brief = await readBriefFile(file, options.profiles as string | undefined);
    const document = readBriefDocument(brief.bytes, brief.overrides);
    if (options.json) print(JSON.stringify(document, null, 2));
    else for (const line of outline(document)) print(line);
  },
};
