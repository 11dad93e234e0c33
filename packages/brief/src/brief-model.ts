/** A brief as briefwatch understands it: what the parser gives and the event store keeps. */

/** What a footnote says: the cited work, its publisher (resolved where briefwatch knows it) and date. */
export interface CitedWork {
  number: number;
  /** The publisher's name as briefwatch knows it (`The New York Times`), or as written when unknown. */
  publisher: string;
  /** The publisher in the registry, or null when the brief cites one we do not know. */
  publisherKey: string | null;
  /** Where the cited work appeared when that is not its publisher (`arXiv` for an OpenAI paper). */
  venue: string | null;
  venueKey: string | null;
  title: string;
  /** ISO date (YYYY-MM-DD), or null when the footnote's date cannot be read. */
  date: string | null;
}

export interface BriefCitation extends CitedWork {
  rawTitle: string;
  topicId: string;
  /** Claims whose line or note carries this citation's marker. */
  claimIds: string[];
  /** Whether the topic heading carries it, or nothing else does (it then backs the topic as a whole). */
  citesTopic: boolean;
  line: number;
  rawText: string;
}

export interface BriefNote {
  text: string;
  rawText: string;
  citations: number[];
  line: number;
}

export interface BriefClaim {
  id: string;
  topicId: string;
  parentId: string | null;
  sectionId: string | null;
  /** A bold lead-in such as `**알고리즘**`, when the brief gives one. */
  label: string | null;
  text: string;
  rawText: string;
  citations: number[];
  notes: BriefNote[];
  children: BriefClaim[];
  line: number;
}

export interface BriefSection {
  id: string;
  title: string;
  rawTitle: string;
  line: number;
}

export interface BriefTopic {
  id: string;
  order: number;
  title: string;
  rawTitle: string;
  line: number;
  citations: BriefCitation[];
  sections: BriefSection[];
  claims: BriefClaim[];
}

/** Something the parser noticed and worked around, with the line it is on. */
export interface ParseWarning {
  code: string;
  line: number;
  message: string;
}

/** An export slip the parser mended: the raw text is kept, the corrected text is shown. */
export interface Correction {
  line: number;
  from: string;
  to: string;
}

export interface ParsedBrief {
  title: string;
  rawTitle: string;
  topics: BriefTopic[];
  corrections: Correction[];
  warnings: ParseWarning[];
  /** SHA-256 of the decoded text: the same content, the same hash, whatever the file is called. */
  contentHash: string;
}

/** Every claim of a topic, parents before their children, in the brief's order. */
export function flattenClaims(claims: readonly BriefClaim[]): BriefClaim[] {
  return claims.flatMap((claim) => [claim, ...flattenClaims(claim.children)]);
}
