/** A figure from a brief, with the English forms coverage would write it in. */
export interface BriefNumber {
  /** As the brief writes it: `1,750억 개`, `60%`. */
  text: string;
  value: number;
  unit: 'percent' | 'count' | 'people' | 'images' | 'years' | 'times' | 'year' | 'money' | null;
  english: string[];
}

const KOREAN_MAGNITUDE: Record<string, number> = { 만: 1e4, 억: 1e8, 조: 1e12 };
const COUNTER_UNIT: Record<string, BriefNumber['unit']> = {
  '%': 'percent',
  개: 'count',
  건: 'count',
  명: 'people',
  장: 'images',
  년: 'years',
  년간: 'years',
  배: 'times',
  달러: 'money',
  원: 'money',
};

// 1,750억 개 · 30억 장 · 60% · 80명 · 10배 · 5년간 · 1조 개
const KOREAN_FIGURE = /(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)\s*(만|억|조)?\s*(%|개|건|명|장|년간|년|배|달러|원)?/g;

const SCALES: Array<[number, string, string]> = [
  [1e12, 'trillion', 'tn'],
  [1e9, 'billion', 'bn'],
  [1e6, 'million', 'm'],
];

function trimNumber(n: number): string {
  return Number.isInteger(n) ? String(n) : String(Number(n.toFixed(2)));
}

/** `175000000000` → `175 billion`, `175bn`, `175,000,000,000`; small numbers as they are. */
export function englishForms(value: number, unit: BriefNumber['unit']): string[] {
  if (unit === 'percent') return [`${trimNumber(value)}%`, `${trimNumber(value)} percent`, `${trimNumber(value)} per cent`];
  if (unit === 'year') return [String(value)];
  const forms = new Set<string>();
  for (const [scale, word, short] of SCALES) {
    if (value >= scale) {
      const scaled = trimNumber(value / scale);
      forms.add(`${scaled} ${word}`);
      forms.add(`${scaled}${short}`);
      break;
    }
  }
  forms.add(value.toLocaleString('en-US'));
  if (unit === 'times') forms.add(`${trimNumber(value)}x`).add(`${trimNumber(value)} times`);
  if (unit === 'years') forms.add(`${trimNumber(value)} years`).add(`${trimNumber(value)}-year`);
  return [...forms];
}

/**
 * The figures in a line of Korean text, normalised across the languages' ways of writing
 * large numbers (억 = 10⁸, 조 = 10¹²). Bare four-digit numbers from 1900 to 2099 are years.
 */
export function extractNumbers(text: string): BriefNumber[] {
  const found: BriefNumber[] = [];
  for (const match of text.matchAll(KOREAN_FIGURE)) {
    const [written, digits, magnitude, counter] = match;
    const start = match.index ?? 0;
    // Part of a name or a version (GPT-3, H-1B, COVID-19, 6.9.) rather than a figure.
    const before = text[start - 1] ?? ' ';
    const after = text[start + written.length] ?? ' ';
    if (/[A-Za-z\-.]/.test(before) || /[A-Za-z\-]/.test(after) || (/\./.test(after) && !magnitude && !counter)) continue;
    const base = Number(digits!.replace(/,/g, ''));
    const value = base * (magnitude ? KOREAN_MAGNITUDE[magnitude]! : 1);
    const isYear = !magnitude && !counter && /^\d{4}$/.test(digits!) && value >= 1900 && value <= 2099;
    if (!magnitude && !counter && !isYear) continue;
    const unit = isYear ? 'year' : (COUNTER_UNIT[counter ?? ''] ?? null);
    found.push({ text: written.trim(), value, unit, english: englishForms(value, unit) });
  }
  return found;
}
