import { createHash } from 'node:crypto';
import { BriefFormatError } from '../brief-errors.js';
import type { BriefCitation, BriefClaim, BriefNote, BriefSection, BriefTopic, Correction, ParsedBrief, ParseWarning } from '../brief-model.js';
import { flattenClaims } from '../brief-model.js';
import { parseFootnote } from './footnotes.js';
import { classifyLine, type BriefLine } from './line-kinds.js';
import { extractMarkers, type Marker } from './markers.js';
import { correctOcr, latinWordsOf } from './ocr-corrections.js';

/** A marker waiting to be matched with its footnote once every line has been read. */
interface PendingMarker {
  marker: Marker;
  line: number;
  attach(number: number): void;
}

interface TopicDraft {
  topic: BriefTopic;
  headingMarkers: Marker[];
  /** Line range of the topic's block: heading up to the next heading. */
  firstLine: number;
}

interface Footnote {
  line: number;
  rawText: string;
  parsed: NonNullable<ReturnType<typeof parseFootnote>>;
}

const LABEL = /^\*\*(.+?)\*\*\s*/;

/**
 * Parses the text of a research brief: a title, topics (a heading line followed by claims),
 * `○` sections, `-` claims with deeper-indented sub-claims, `*` notes that belong to the
 * claim above, `**term**` labels, and footnote citations, mending what PDF exports do to
 * them (see markers.ts and ocr-corrections.ts). Raw text is kept beside corrected text.
 */
export function parseBrief(text: string): ParsedBrief {
  const lines = text.split('\n').map((raw, index) => classifyLine(raw, index + 1));
  const headings = findHeadings(lines);
  if (headings.size === 0) {
    throw new BriefFormatError(
      'BRIEF.NO_TOPICS',
      'no topics found: a topic is a heading line followed by "-" claims or "○" sections',
    );
  }

  const corrections: Correction[] = [];
  const warnings: ParseWarning[] = [];
  const documentWords = latinWordsOf(text);
  const corrected = (raw: string, line: number) => {
    const result = correctOcr(raw, line, documentWords);
    corrections.push(...result.corrections);
    return result.text;
  };

  const firstContentLine = lines.find((l) => l.kind !== 'blank')!;
  const hasTitle = !headings.has(firstContentLine.line) && firstContentLine.kind === 'text';
  const rawTitle = hasTitle ? firstContentLine.text : '';
  if (!hasTitle) warnings.push({ code: 'BRIEF.NO_TITLE', line: firstContentLine.line, message: 'the brief has no title line before its first topic' });

  const drafts: TopicDraft[] = [];
  const footnotes: Footnote[] = [];
  const pending: PendingMarker[] = [];
  let section: BriefSection | null = null;
  let stack: Array<{ claim: BriefClaim; indent: number }> = [];
  let lastClaim: BriefClaim | null = null;
  let previous: BriefLine | null = null;

  const current = () => drafts[drafts.length - 1];

  for (const entry of lines) {
    if (entry.kind === 'blank') continue;
    const draft = current();
    if (headings.has(entry.line) && entry.kind === 'text') {
      const { text: withoutMarkers, markers } = extractMarkers(entry.text, { heading: true });
      const order = drafts.length + 1;
      drafts.push({
        topic: { id: `t${order}`, order, title: corrected(withoutMarkers, entry.line), rawTitle: entry.text, line: entry.line, citations: [], sections: [], claims: [] },
        headingMarkers: markers,
        firstLine: entry.line,
      });
      section = null;
      stack = [];
      lastClaim = null;
    } else if (entry.kind === 'footnote') {
      const parsed = parseFootnote(entry.text);
      if (parsed) footnotes.push({ line: entry.line, rawText: entry.text, parsed });
      if (parsed && !parsed.wellFormed) {
        warnings.push({ code: 'CITATION.UNREADABLE', line: entry.line, message: 'footnote does not read as: Publisher, "Title", date' });
      }
      lastClaim = null;
    } else if (!draft) {
      if (entry.kind === 'claim' || entry.kind === 'note' || entry.kind === 'section') {
        warnings.push({ code: 'LINE.OUTSIDE_TOPIC', line: entry.line, message: `a ${entry.kind} before the first topic heading was ignored` });
      }
    } else if (entry.kind === 'section') {
      const { text: withoutMarkers } = extractMarkers(entry.text);
      section = { id: `${draft.topic.id}.s${draft.topic.sections.length + 1}`, title: corrected(withoutMarkers, entry.line), rawTitle: entry.text, line: entry.line };
      draft.topic.sections.push(section);
      stack = [];
      lastClaim = null;
    } else if (entry.kind === 'claim') {
      while (stack.length > 0 && stack[stack.length - 1]!.indent >= entry.indent) stack.pop();
      const parent = stack[stack.length - 1]?.claim ?? null;
      const siblings = parent ? parent.children : draft.topic.claims;
      const claim = buildClaim(entry, `${parent ? parent.id : `${draft.topic.id}.c`}${parent ? '.' : ''}${siblings.length + 1}`, draft.topic.id, parent, section, corrected, pending);
      siblings.push(claim);
      stack.push({ claim, indent: entry.indent });
      lastClaim = claim;
    } else if (entry.kind === 'note') {
      const attachable = lastClaim && (previous?.kind === 'claim' || previous?.kind === 'note');
      if (!attachable) {
        warnings.push({ code: 'NOTE.UNATTACHED', line: entry.line, message: 'a "*" note with no claim right above it was ignored' });
      } else {
        lastClaim!.notes.push(buildNote(entry.text, entry.line, corrected, pending));
      }
    } else if (entry.kind === 'text' && entry.line !== firstContentLine.line) {
      warnings.push({ code: 'LINE.UNRECOGNISED', line: entry.line, message: `not a heading, claim, note or footnote: "${entry.text.slice(0, 60)}"` });
      lastClaim = null;
    }
    previous = entry;
  }

  resolveMarkers(pending, footnotes, warnings);
  const topics = drafts.map((draft, index) =>
    assignCitations(draft, drafts[index + 1]?.firstLine ?? Number.MAX_SAFE_INTEGER, footnotes, drafts, warnings, corrected),
  );

  return {
    title: hasTitle ? corrected(rawTitle, firstContentLine.line) : '',
    rawTitle,
    topics,
    corrections,
    warnings,
    contentHash: createHash('sha256').update(text).digest('hex'),
  };
}

/** A heading is a plain line whose next non-blank line opens a claim or a section. */
function findHeadings(lines: readonly BriefLine[]): Set<number> {
  const headings = new Set<number>();
  for (let i = 0; i < lines.length; i += 1) {
    if (lines[i]!.kind !== 'text') continue;
    const next = lines.slice(i + 1).find((l) => l.kind !== 'blank');
    if (next && (next.kind === 'claim' || next.kind === 'section')) headings.add(lines[i]!.line);
  }
  return headings;
}

function buildClaim(
  entry: Extract<BriefLine, { kind: 'claim' }>,
  id: string,
  topicId: string,
  parent: BriefClaim | null,
  section: BriefSection | null,
  corrected: (raw: string, line: number) => string,
  pending: PendingMarker[],
): BriefClaim {
  const labelMatch = LABEL.exec(entry.text);
  const body = labelMatch ? entry.text.slice(labelMatch[0].length) : entry.text;
  const { text, markers } = extractMarkers(body);
  const claim: BriefClaim = {
    id,
    topicId,
    parentId: parent?.id ?? null,
    sectionId: section?.id ?? null,
    label: labelMatch ? corrected(labelMatch[1]!, entry.line) : null,
    text: corrected(text, entry.line),
    rawText: entry.text,
    citations: [],
    notes: [],
    children: [],
    line: entry.line,
  };
  for (const marker of markers) pending.push({ marker, line: entry.line, attach: (n) => claim.citations.push(n) });
  return claim;
}

function buildNote(raw: string, line: number, corrected: (raw: string, line: number) => string, pending: PendingMarker[]): BriefNote {
  const { text, markers } = extractMarkers(raw);
  const note: BriefNote = { text: corrected(text, line), rawText: raw, citations: [], line };
  for (const marker of markers) pending.push({ marker, line, attach: (n) => note.citations.push(n) });
  return note;
}

/** A marker means the first footnote of its number listed after it: footnotes follow what cites them. */
function resolveMarkers(pending: readonly PendingMarker[], footnotes: readonly Footnote[], warnings: ParseWarning[]): void {
  for (const { marker, line, attach } of pending) {
    const footnote = marker.number === null ? undefined : footnotes.find((f) => f.parsed.number === marker.number && f.line > line);
    if (footnote) attach(footnote.parsed.number);
    else warnings.push({ code: 'MARKER.UNRESOLVED', line, message: `footnote marker ${marker.number ?? '(unreadable)'} has no footnote after it` });
  }
}

/**
 * A topic's citations: the footnotes its claims cite, and those listed in its block that no
 * claim cites (they back the topic as a whole). A heading marker that points nowhere, or
 * at a footnote listed before the heading (a misnumbered superscript), stands for the first
 * such uncited footnote.
 */
function assignCitations(
  draft: TopicDraft,
  blockEnd: number,
  footnotes: readonly Footnote[],
  drafts: readonly TopicDraft[],
  warnings: ParseWarning[],
  corrected: (raw: string, line: number) => string,
): BriefTopic {
  const topic = draft.topic;
  const claims = flattenClaims(topic.claims);
  const citedBy = new Map<number, string[]>();
  for (const claim of claims) {
    for (const number of [...claim.citations, ...claim.notes.flatMap((note) => note.citations)]) {
      citedBy.set(number, [...new Set([...(citedBy.get(number) ?? []), claim.id])]);
    }
  }
  const citedElsewhere = new Set(
    drafts.filter((other) => other !== draft).flatMap((other) => flattenClaims(other.topic.claims)).flatMap((c) => [...c.citations, ...c.notes.flatMap((n) => n.citations)]),
  );
  const inBlock = footnotes.filter((f) => f.line > draft.firstLine && f.line < blockEnd && !citedElsewhere.has(f.parsed.number));
  const cited = footnotes.filter((f) => citedBy.has(f.parsed.number) && !inBlock.includes(f));
  const mine = [...inBlock, ...cited].sort((a, b) => a.parsed.number - b.parsed.number);

  const uncited = mine.filter((f) => !citedBy.has(f.parsed.number));
  const headingCites = new Set<number>(uncited.map((f) => f.parsed.number));
  for (const marker of draft.headingMarkers) {
    const direct = marker.number === null ? undefined : mine.find((f) => f.parsed.number === marker.number && f.line > draft.firstLine);
    const meant = direct ?? uncited[0] ?? mine[0];
    if (meant) headingCites.add(meant.parsed.number);
    else warnings.push({ code: 'MARKER.UNRESOLVED', line: topic.line, message: 'the heading carries a footnote marker but the topic lists no footnotes' });
  }

  topic.citations = mine.map((f): BriefCitation => ({
    number: f.parsed.number,
    publisher: f.parsed.publisher,
    publisherKey: f.parsed.publisherKey,
    venue: f.parsed.venue,
    venueKey: f.parsed.venueKey,
    title: corrected(f.parsed.title, f.line),
    rawTitle: f.parsed.title,
    date: f.parsed.date,
    topicId: topic.id,
    claimIds: citedBy.get(f.parsed.number) ?? [],
    citesTopic: headingCites.has(f.parsed.number),
    line: f.line,
    rawText: f.rawText,
  }));
  if (topic.claims.length === 0) warnings.push({ code: 'TOPIC.NO_CLAIMS', line: topic.line, message: `topic "${topic.title}" has sections but no claims` });
  return topic;
}
