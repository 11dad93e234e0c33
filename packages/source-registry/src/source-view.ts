import type { Source } from '@briefwatch/db';

/** A source as the API and CLI show it. */
export interface SourceView {
  id: string;
  feedUrl: string;
  title: string;
  publisher: string | null;
  kind: string;
  registeredAt: string;
  version: number;
}

export function toSourceView(row: Source): SourceView {
  return {
    id: row.id,
    feedUrl: row.feedUrl,
    title: row.title,
    publisher: row.publisher,
    kind: row.kind,
    registeredAt: row.registeredAt.toISOString(),
    version: Number(row.streamPosition),
  };
}
