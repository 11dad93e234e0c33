import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { validateEventData, type EventEnvelope, type NewEvent } from '@briefwatch/contracts';
import { profileBrief } from './brief-document.js';
import { evolveBrief, initialBriefState, type BriefState } from './brief-state.js';
import { decideImportBrief } from './decide-import.js';
import { parseBrief } from './parser/parse-brief.js';
import { alignWithStoredBrief } from './stable-ids.js';

const spri = readFileSync(path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'briefs', 'spri-ai-brief-2020-06.txt'), 'utf8');
const now = new Date('2026-11-28T09:00:00.000Z');

function importText(text: string, state: BriefState) {
  const document = profileBrief(alignWithStoredBrief(parseBrief(text), state));
  return decideImportBrief({ briefId: 'spri', document, fileName: 'spri.txt', now }, state);
}

function fold(state: BriefState, events: NewEvent[]): BriefState {
  return events.reduce((s, e) => evolveBrief(s, { type: e.type, data: e.data } as EventEnvelope), state);
}

describe('importing a brief', () => {
  const first = importText(spri, initialBriefState());
  const stored = fold(initialBriefState(), first.events);

  it('records every topic, claim and citation, then closes the version with BriefImported', () => {
    const types = first.events.map((e) => e.type);
    expect(types.filter((t) => t === 'TopicDefined')).toHaveLength(4);
    expect(types.filter((t) => t === 'CitationRecorded')).toHaveLength(10);
    expect(types.filter((t) => t === 'ClaimRecorded')).toHaveLength(first.summary.counts.claims);
    expect(types[types.length - 1]).toBe('BriefImported');
    expect(first.summary).toMatchObject({ version: 1, unchanged: false, counts: { topics: 4, citations: 10 } });
    for (const event of first.events) expect(() => validateEventData(event.type, event.schemaVersion, event.data)).not.toThrow();
  });

  it('changes nothing when the same text is imported again', () => {
    const again = importText(spri, stored);
    expect(again.events).toEqual([]);
    expect(again.summary).toMatchObject({ unchanged: true, version: 1 });
  });

  it('records one revision, under the same id, when one claim is edited', () => {
    const edited = spri.replace('30년 이상 미뤄질 것으로', '40년 이상 미뤄질 것으로');
    const second = importText(edited, stored);
    expect(second.events.map((e) => e.type)).toEqual(['ClaimRevised', 'BriefImported']);
    expect(second.summary.revised).toEqual([{ id: 't1.c1.2', changed: ['text', 'rawText', 'profile'] }]);
    expect((second.events[0]!.data as { claimId: string }).claimId).toBe('t1.c1.2');
  });

  it('gives an inserted claim an id of its own and leaves the ids of the claims after it alone', () => {
    const inserted = spri.replace(' - 감염자 관리는 방역 당국과', ' - 새로 추가된 주장: 자율주행 택시가 2025년 상용화\n - 감염자 관리는 방역 당국과');
    const second = importText(inserted, stored);
    expect(second.summary.added).toEqual(['t1.c1.5']);
    expect(second.summary.revised).toEqual([]);
    const outline = (second.events[second.events.length - 1]!.data as { outline: Array<{ claims: Array<{ claimId: string; children: Array<{ claimId: string }> }> }> }).outline;
    expect(outline[0]!.claims[0]!.children.map((c) => c.claimId)).toEqual(['t1.c1.1', 't1.c1.2', 't1.c1.3', 't1.c1.5', 't1.c1.4']);
  });

  it('withdraws a claim that is gone, and never hands its id to a new one', () => {
    const removed = spri.replace(/ - 감염자 관리는 방역 당국과[^\n]*\n/, '');
    const second = importText(removed, stored);
    expect(second.summary.withdrawn).toEqual(['t1.c1.4']);
    const afterRemoval = fold(stored, second.events);
    const readded = importText(spri.replace(/ - 감염자 관리는 방역 당국과[^\n]*\n/, ' - 완전히 다른 새 주장으로 바뀐 문장입니다\n'), afterRemoval);
    expect(readded.summary.added).toEqual(['t1.c1.5']);
  });
});
