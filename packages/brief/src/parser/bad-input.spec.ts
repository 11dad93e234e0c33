import { BriefFormatError } from '../brief-errors.js';
import { decodeBrief } from './decode-brief.js';
import { parseBrief } from './parse-brief.js';

function failure(run: () => unknown): BriefFormatError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(BriefFormatError);
    return error as BriefFormatError;
  }
  throw new Error('expected a BriefFormatError');
}

describe('briefs that cannot be read', () => {
  it('refuses an empty file, and one of only white space', () => {
    expect(failure(() => decodeBrief(new Uint8Array()))).toMatchObject({ code: 'BRIEF.EMPTY' });
    expect(failure(() => decodeBrief(Buffer.from(' \n\t\n')))).toMatchObject({ code: 'BRIEF.EMPTY' });
  });

  it('refuses a binary file and says where the first NUL byte is', () => {
    const error = failure(() => decodeBrief(Buffer.from('line one\nline two\x00\x01\x02')));
    expect(error).toMatchObject({ code: 'BRIEF.BINARY', line: 2 });
    expect(error.message).toMatch(/^line 2: /);
  });

  it('refuses a file of many megabytes without decoding it', () => {
    const big = Buffer.alloc(5 * 1024 * 1024, 0x61);
    expect(failure(() => decodeBrief(big))).toMatchObject({ code: 'BRIEF.TOO_LARGE' });
  });

  it('refuses invalid UTF-8 and names the line of the first bad byte', () => {
    const latin1 = Buffer.concat([Buffer.from('제목\n주제\n- 주장 '), Buffer.from([0xe9, 0x74, 0xe9]), Buffer.from('\n')]);
    expect(failure(() => decodeBrief(latin1))).toMatchObject({ code: 'BRIEF.INVALID_UTF8', line: 3 });
  });

  it('refuses text with no recognisable topics', () => {
    expect(failure(() => parseBrief('Just a paragraph of prose.\nAnd another line.\n'))).toMatchObject({ code: 'BRIEF.NO_TOPICS' });
  });

  it('reads a brief with Windows line ends and a byte-order mark like any other', () => {
    const text = decodeBrief(Buffer.from('\uFEFFTitle\r\n\r\nTopic\r\n\r\n- claim\r\n'));
    expect(parseBrief(text).topics[0]!.claims[0]!.text).toBe('claim');
  });
});
