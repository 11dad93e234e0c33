import { ProblemError } from '@briefwatch/service-kit';

/** A position on a newest-first timeline: its time, and an id to break ties. */
export interface TimelinePosition {
  time: string;
  id: string;
}

export function encodeCursor(position: TimelinePosition): string {
  return Buffer.from(`${position.time}|${position.id}`).toString('base64url');
}

export function decodeCursor(cursor: string): TimelinePosition {
  const [time, id, ...rest] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  if (!time || !id || rest.length > 0 || Number.isNaN(Date.parse(time))) throw new ProblemError('REQUEST.INVALID_CURSOR', 'the cursor is not one this API gave out; start again without it');
  return { time, id };
}

/** Whether `position` comes after `cursor` on a timeline ordered by time, then id, both descending. */
export function isAfterCursor(position: TimelinePosition, cursor: TimelinePosition): boolean {
  return position.time < cursor.time || (position.time === cursor.time && position.id < cursor.id);
}
