import { isFootnote } from './footnotes.js';

/** What one line of a brief is, before the lines are put together. */
export type BriefLine =
  | { kind: 'blank'; line: number }
  | { kind: 'contents'; line: number; text: string }
  | { kind: 'section'; line: number; text: string }
  | { kind: 'claim'; line: number; indent: number; text: string }
  | { kind: 'note'; line: number; text: string }
  | { kind: 'footnote'; line: number; text: string }
  | { kind: 'text'; line: number; text: string };

const CONTENTS = /^-\s*[·•]\s*(.+)$/;
const SECTION = /^[○◦◎●□■▪❍]\s*(.+)$/;
const NOTE = /^\s*(?:-\s+)?\*\s+(.+)$/;
const CLAIM = /^(\s*)[-–•]\s+(.+)$/;

/** Tabs count as two spaces of indentation; what matters is deeper or not. */
function indentOf(whitespace: string): number {
  return whitespace.replace(/\t/g, '  ').length;
}

export function classifyLine(raw: string, line: number): BriefLine {
  const text = raw.replace(/\s+$/, '');
  if (text.trim() === '') return { kind: 'blank', line };
  let match = CONTENTS.exec(text);
  if (match) return { kind: 'contents', line, text: match[1]! };
  match = SECTION.exec(text.trim());
  if (match) return { kind: 'section', line, text: match[1]! };
  match = NOTE.exec(text);
  if (match && !text.trim().startsWith('**')) return { kind: 'note', line, text: match[1]! };
  match = CLAIM.exec(text);
  if (match) return { kind: 'claim', line, indent: indentOf(match[1]!), text: match[2]! };
  if (isFootnote(text)) return { kind: 'footnote', line, text: text.trim() };
  return { kind: 'text', line, text: text.trim() };
}
