import { digestCutoff, groupDigest, outlineOrder, type DigestItem } from './digest.js';

describe('digest periods', () => {
  it('sends hourly digests on the hour and daily ones at midnight UTC', () => {
    const now = new Date('2026-11-28T10:42:17.500Z');
    expect(digestCutoff(now, 'hourly').toISOString()).toBe('2026-11-28T10:00:00.000Z');
    expect(digestCutoff(now, 'daily').toISOString()).toBe('2026-11-28T00:00:00.000Z');
    expect(digestCutoff(new Date('2026-11-28T11:00:00.000Z'), 'hourly').toISOString()).toBe('2026-11-28T11:00:00.000Z');
  });
});

describe('grouping a digest by topic and claim', () => {
  const item = (alertId: string, topicId: string, claimId: string | null, linkedClaimIds: string[] = []): DigestItem => ({ alertId, queuedAt: '2026-11-28T09:00:00Z', topicId, claimId, linkedClaimIds, article: { title: alertId }, score: 0.5 });

  it('puts each article under every claim it was linked to, or under its topic, in the brief order', () => {
    const topics = groupDigest(
      [item('a', 't3', null, ['t3.c10', 't3.c2']), item('b', 't2', null), item('c', 't3', null, ['t3.c2']), item('d', 't2', 't2.c1')],
      new Map([['t2', 'Facial recognition'], ['t3', 'GPT-3']]),
      new Map([['t3.c2', 'API opened'], ['t2.c1', 'IBM stops']]),
      outlineOrder,
    );
    expect(topics.map((t) => t.topicId)).toEqual(['t2', 't3']);
    expect(topics[0]).toMatchObject({ title: 'Facial recognition', articles: [{ title: 'b' }], claims: [{ claimId: 't2.c1', text: 'IBM stops', articles: [{ title: 'd' }] }] });
    expect(topics[1]!.articles).toEqual([]);
    expect(topics[1]!.claims.map((c) => [c.claimId, c.articles.map((a) => (a as { title: string }).title)])).toEqual([
      ['t3.c2', ['a', 'c']],
      ['t3.c10', ['a']],
    ]);
  });
});
