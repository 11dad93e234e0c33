import { readdirSync } from 'node:fs';
import path from 'node:path';

/** Where one evaluation set keeps its brief and its labelled stories (see eval/README.md). */
export interface EvaluationSetFiles {
  name: string;
  brief: string;
  stories: string;
}

/** An evaluation set is a folder holding `brief.txt` and `stories.jsonl`, one labelled story a line. */
export function evaluationSetFiles(folder: string, name: string): EvaluationSetFiles {
  return { name, brief: path.join(folder, name, 'brief.txt'), stories: path.join(folder, name, 'stories.jsonl') };
}

/** Every evaluation set in a folder (each of its sub-folders), by name. Throws when the folder cannot be read. */
export function evaluationSets(folder: string): EvaluationSetFiles[] {
  return readdirSync(folder, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort()
    .map((name) => evaluationSetFiles(folder, name));
}
