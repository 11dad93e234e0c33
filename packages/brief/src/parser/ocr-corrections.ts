import type { Correction } from '../brief-model.js';

/**
 * Slips that PDF-to-text exports make in briefs about AI, mended in the text that is shown.
 * Each rule is a pattern of the damage, not a list of this brief's sentences: `Al` (lower-case
 * L) standing as a word where `AI` was meant, `GTP` for `GPT`, a lower-case L in `NeurIPS`.
 */
const RULES: ReadonlyArray<{ pattern: RegExp; replacement: string }> = [
  // "Al" as a token of its own, or glued to Korean or a suffix: OpenAl, Al's, Al학회, Al社.
  { pattern: /(?<![A-Za-z])(Open)?Al(?![a-z])/g, replacement: '$1AI' },
  { pattern: /(?<![A-Za-z])GTP(?=$|[^A-Za-z])/g, replacement: 'GPT' },
  { pattern: /NeurlPS/g, replacement: 'NeurIPS' },
  { pattern: /(?<![A-Za-z])Newyork(?![a-z])/g, replacement: 'New York' },
];

export interface CorrectedText {
  text: string;
  corrections: Correction[];
}

export function correctOcr(raw: string, line: number): CorrectedText {
  const corrections: Correction[] = [];
  let text = raw;
  for (const { pattern, replacement } of RULES) {
    text = text.replace(pattern, (match: string, ...groups: unknown[]) => {
      const fixed = replacement.replace(/\$(\d)/g, (_, index: string) => String(groups[Number(index) - 1] ?? ''));
      if (fixed !== match) corrections.push({ line, from: match, to: fixed });
      return fixed;
    });
  }
  return { text, corrections };
}
