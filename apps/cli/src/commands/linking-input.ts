import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { readBriefDocument, readBriefFile, type BriefDocument } from '@briefwatch/brief';
import { Linker } from '@briefwatch/linking';
import { ProblemError } from '@briefwatch/service-kit';

/** One article a line: what `link` reads. `content` is optional. */
export const articleLineSchema = z.object({
  id: z.string().min(1).max(300),
  title: z.string().max(2_000),
  summary: z.string().max(20_000).nullable().optional(),
  content: z.string().max(2_000_000).nullable().optional(),
  source: z.string().optional(),
  published: z.string().optional(),
  url: z.string().optional(),
});

/** One labelled story a line, as in the evaluation sets. */
export const labelledLineSchema = articleLineSchema.extend({ topics: z.array(z.string()), claims: z.array(z.string()) });

export async function briefFrom(file: string | undefined): Promise<BriefDocument> {
  if (!file) throw new ProblemError('LINK.NO_BRIEF', 'name the brief with --brief <file>');
  const brief = await readBriefFile(file);
  return readBriefDocument(brief.bytes, brief.overrides);
}

/** Reads a JSON-lines file; each bad line is reported by number and skipped, the rest goes on. */
export async function readJsonLines<T>(file: string | undefined, schema: z.ZodType<T>, what: string): Promise<{ rows: T[]; problems: string[] }> {
  if (!file) throw new ProblemError('LINK.NO_INPUT', `name the ${what} file`);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    throw new ProblemError('LINK.INPUT_NOT_FOUND', `no file at ${file}`);
  }
  const rows: T[] = [];
  const problems: string[] = [];
  text.split('\n').forEach((line, index) => {
    if (!line.trim()) return;
    let json: unknown;
    try {
      json = JSON.parse(line);
    } catch {
      problems.push(`line ${index + 1}: not JSON`);
      return;
    }
    const parsed = schema.safeParse(json);
    if (parsed.success) rows.push(parsed.data);
    else problems.push(`line ${index + 1}: ${parsed.error.issues.map((issue) => `${issue.path.join('.') || '(line)'} ${issue.message}`).join('; ')}`);
  });
  return { rows, problems };
}

/** A linker for the brief, at the threshold given on the command line (or the method's default). */
export function linkerFor(document: BriefDocument, threshold: string | boolean | string[] | undefined): Linker {
  const value = typeof threshold === 'string' ? Number(threshold) : Number.NaN;
  if (typeof threshold === 'string' && (Number.isNaN(value) || value < 0 || value > 1)) {
    throw new ProblemError('LINK.INVALID_THRESHOLD', `--threshold takes a score from 0 to 1, not "${threshold}"`);
  }
  return new Linker(document, Number.isNaN(value) ? {} : { threshold: value });
}
