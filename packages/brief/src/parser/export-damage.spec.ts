import { flattenClaims, type ParsedBrief } from '../brief-model.js';
import { repairSlip } from './ocr-corrections.js';
import { parseBrief } from './parse-brief.js';

/** Small briefs written for these tests, one kind of export damage each. */
function brief(...lines: string[]): ParsedBrief {
  return parseBrief(lines.join('\n'));
}

const claims = (parsed: ParsedBrief) => parsed.topics.flatMap((t) => flattenClaims(t.claims));

describe('export damage the parser mends', () => {
  it('reads superscript markers, including two-digit ones in the middle of a word', () => {
    const parsed = brief('Title', '', 'Topic one', '', '- First claim¹', ' - second 인용¹⁰하며 more', '', '¹ Wired, "One", 2020.6.1.', '¹⁰ CNN, "Ten", 2020.6.10.');
    expect(claims(parsed).map((c) => [c.text, c.citations])).toEqual([
      ['First claim', [1]],
      ['second 인용하며 more', [10]],
    ]);
  });

  it('reads markers that lost their superscript after a closing parenthesis: (2019.8.)4 and (2020,3,)5', () => {
    const parsed = brief('T', '', 'Topic', '', '- a claim', ' - * a note (2019.8.)4', '- another (2020,3,)5', '- a date only (6.9.)', '', '⁴ CNN, "Four", 2019.8.15.', '⁵ Fortune, "Five", 2020.3.3.');
    const [first, second, third] = claims(parsed);
    expect(first!.notes[0]).toMatchObject({ text: 'a note (2019.8.)', citations: [4] });
    expect(second).toMatchObject({ text: 'another (2020,3,)', citations: [5] });
    expect(third).toMatchObject({ text: 'a date only (6.9.)', citations: [] });
  });

  it("takes a trailing ' on a heading as its damaged marker", () => {
    const parsed = brief('T', '', 'OpenAl, 범용 API 공개\'', '', '- claim', '', '⁷ OpenAl, "OpenAl API", 2020.6.11.');
    expect(parsed.topics[0]!.title).toBe('OpenAI, 범용 API 공개');
    expect(parsed.topics[0]!.citations[0]).toMatchObject({ number: 7, citesTopic: true, publisher: 'OpenAI', title: 'OpenAI API' });
  });

  it('resolves a misnumbered heading marker (¹ over footnotes that start at ³) to its own topic', () => {
    const parsed = brief(
      'T', '', 'First topic', '', '- claim one²', '', '¹ The Economist, "A", 2020.1.7.', '² The Economist, "B", 2019.10.10.', '',
      'Second topic¹', '', '- claim two⁴', '', '³ Forbes, "C", 2020.6.13.', '⁴ CNN, "D", 2019.8.15.',
    );
    const [first, second] = parsed.topics;
    expect(first!.citations.map((c) => [c.number, c.citesTopic])).toEqual([[1, true], [2, false]]);
    expect(second!.citations.map((c) => [c.number, c.citesTopic, c.claimIds])).toEqual([
      [3, true, []],
      [4, false, ['t2.c1']],
    ]);
  });

  it('accepts a topic heading with no marker at all, and footnotes listed after the topic', () => {
    const parsed = brief('T', '', 'No marker here', '', '- claim', ' - sub-claim²', '', '¹ Wired, "W", 2020.6.12.', '² Wired, "X", 2020.6.13.');
    expect(parsed.topics[0]!.citations.map((c) => [c.number, c.citesTopic, c.claimIds])).toEqual([
      [1, true, []],
      [2, false, ['t1.c1.1']],
    ]);
  });

  it('mends Al, OpenAl, GTP (in a brief that also writes GPT), NeurlPS and Newyork Times in shown text, keeping raw text', () => {
    const parsed = brief('T', '', 'Al news', '', "- OpenAl shows GTP-2 at NeurlPS; Al's limits; Al학회", '- GPT-3 follows a year later', '', '¹ Newyork Times, "A U.S Secret Weapon in A.I", 2020.6.9.');
    const [claim] = claims(parsed);
    expect(claim!.text).toBe("OpenAI shows GPT-2 at NeurIPS; AI's limits; AI학회");
    expect(claim!.rawText).toBe("OpenAl shows GTP-2 at NeurlPS; Al's limits; Al학회");
    expect(parsed.topics[0]!.citations[0]).toMatchObject({ publisher: 'The New York Times', publisherKey: 'nytimes' });
    expect(parsed.corrections.map((c) => c.to)).toEqual(expect.arrayContaining(['AI', 'OpenAI', 'GPT', 'NeurIPS']));
  });

  it('leaves words that merely contain "Al" alone', () => {
    const parsed = brief('T', '', 'Topic', '', '- Alibaba and Alphabet talk about Allen');
    expect(claims(parsed)[0]!.text).toBe('Alibaba and Alphabet talk about Allen');
  });

  it('nests deeper indentation as sub-claims of sub-claims', () => {
    const parsed = brief('T', '', 'Topic', '', '- a', '  - b', '    - c', '  - d', '- e');
    expect(claims(parsed).map((c) => [c.id, c.parentId])).toEqual([
      ['t1.c1', null],
      ['t1.c1.1', 't1.c1'],
      ['t1.c1.1.1', 't1.c1.1'],
      ['t1.c1.2', 't1.c1'],
      ['t1.c2', null],
    ]);
  });

  it('warns about a marker with no footnote after it instead of guessing', () => {
    const parsed = brief('T', '', 'Topic', '', '- claim⁹');
    expect(claims(parsed)[0]!.citations).toEqual([]);
    expect(parsed.warnings).toEqual([expect.objectContaining({ code: 'MARKER.UNRESOLVED', line: 5 })]);
  });

  it('mends a word only when one slip away from a single name the lexicon knows, and never a word in use', () => {
    expect(repairSlip('lCML')).toBe('ICML');
    // Two capitals swapped only where the document writes the mended form itself: abbreviations the lexicon lacks are many.
    expect(repairSlip('CVRP', new Set(['CVPR', 'paper']))).toBe('CVPR');
    expect(repairSlip('CVRP')).toBeNull();
    expect(repairSlip('Newyork')).toBe('New York');
    // Known forms, everyday words and unknown names stay as they are.
    expect(repairSlip('GPT')).toBeNull();
    expect(repairSlip('Nile')).toBeNull();
    expect(repairSlip('Zaxbyte')).toBeNull();
    expect(repairSlip('NSCAI')).toBeNull();
  });
});

