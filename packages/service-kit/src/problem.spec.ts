import { httpStatusOf } from './problem.js';

describe('httpStatusOf', () => {
  it.each([
    ['SOURCE.NOT_FOUND', 404],
    ['SOURCE.ALREADY_REGISTERED', 409],
    ['STREAM.CONCURRENCY_CONFLICT', 409],
    ['REQUEST.INVALID', 400],
    ['BRIEF.INVALID_FORMAT', 422],
    ['AUTH.MISSING_KEY', 401],
    ['SOMETHING.UNEXPECTED', 500],
  ])('maps %s to %i', (code, status) => {
    expect(httpStatusOf(code)).toBe(status);
  });
});
