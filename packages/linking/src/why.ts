import type { Evidence } from './linker.js';

/** Evidence as a sentence a reader can check against the article. */
export function describeEvidence(evidence: Evidence): string {
  return `"${evidence.feature}" (${evidence.kind}) in the ${evidence.where}: ${evidence.passage}`;
}
