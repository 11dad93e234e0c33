import { decodeCursor, encodeCursor, isAfterCursor } from './timeline-cursor.js';

describe('timeline cursors', () => {
  it('round-trips a position and orders newest first, ties by id', () => {
    const position = { time: '2026-11-28T10:00:00.000Z', id: 'b' };
    expect(decodeCursor(encodeCursor(position))).toEqual(position);
    expect(isAfterCursor({ time: '2026-11-28T09:00:00.000Z', id: 'z' }, position)).toBe(true);
    expect(isAfterCursor({ time: '2026-11-28T10:00:00.000Z', id: 'a' }, position)).toBe(true);
    expect(isAfterCursor({ time: '2026-11-28T10:00:00.000Z', id: 'b' }, position)).toBe(false);
    expect(isAfterCursor({ time: '2026-11-28T11:00:00.000Z', id: 'a' }, position)).toBe(false);
  });

  it('refuses a cursor it did not give out', () => {
    expect(() => decodeCursor('bm90LWEtY3Vyc29y')).toThrow(expect.objectContaining({ code: 'REQUEST.INVALID_CURSOR' }));
  });
});
