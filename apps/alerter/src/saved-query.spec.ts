import type { CoverageLinked } from '@briefwatch/contracts';
import { answersQuery, mentionsTerms } from './saved-query.js';

const link = (topicId: string, claimId: string | null): CoverageLinked => ({
  articleId: '6f1c2b3a-4d5e-4f60-8a7b-9c0d1e2f3a4b', articleRevision: 1, briefId: 'spri', topicId, claimId, score: 0.6, evidence: [], matcherVersion: 'lexical-1', linkedAt: '2026-11-28T09:00:00Z',
});
const query = (overrides: Partial<{ topicIds: string[]; claimIds: string[]; terms: string[]; excludeTerms: string[] }>) => ({ topicIds: [], claimIds: [], terms: [], excludeTerms: [], ...overrides });

describe('saved queries', () => {
  it('finds terms as whole words or phrases, in any case and script', () => {
    const text = 'Amazon extends its moratorium on police use of Rekognition; 안면인식 규제 논의';
    expect(mentionsTerms(text, ['amazon', 'POLICE USE'], [])).toBe(true);
    expect(mentionsTerms(text, ['AI'], [])).toBe(false);
    expect(mentionsTerms('OpenAI said the API is open', ['AI'], [])).toBe(false);
    expect(mentionsTerms(text, ['안면인식'], [])).toBe(true);
    expect(mentionsTerms(text, ['Amazon'], ['moratorium'])).toBe(false);
    expect(mentionsTerms('GPT-3 (175B) costs $4.6m to train', ['GPT-3', '$4.6m'], [])).toBe(true);
  });

  it('answers with topic-level links to its topics, or links to its claims', () => {
    expect(answersQuery(link('t2', null), query({ topicIds: ['t2', 't3'] }), '')).toBe(true);
    expect(answersQuery(link('t4', null), query({ topicIds: ['t2', 't3'] }), '')).toBe(false);
    expect(answersQuery(link('t2', 't2.c1'), query({ topicIds: ['t2'] }), '')).toBe(false);
    expect(answersQuery(link('t2', 't2.c1'), query({ claimIds: ['t2.c1'] }), '')).toBe(true);
    expect(answersQuery(link('t2', null), query({ claimIds: ['t2.c1'] }), '')).toBe(false);
    expect(answersQuery(link('t2', null), query({ terms: ['Clearview'] }), 'Clearview AI settles')).toBe(true);
    expect(answersQuery(link('t2', null), query({ terms: ['Clearview'] }), 'Amazon settles')).toBe(false);
  });
});
