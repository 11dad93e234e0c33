/**
 * How much of one item briefwatch keeps: enough for any real story, small enough that one
 * item's events always fit the broker's 1 MiB messages. The whole response stays in the raw
 * store (by its hash), so what is cut here is still there for an audit.
 */
export const ITEM_LIMITS = {
  /** UTF-8 bytes of the item's HTML. */
  contentBytes: 256 * 1024,
  /** Characters of a guid or a link. */
  identifierChars: 2_000,
  /** Authors, categories and media objects kept, each. */
  listEntries: 50,
  /** Characters of one author or category. */
  entryChars: 300,
} as const;

/** The longest start of `text` that fits in `maxBytes` of UTF-8, never splitting a character. */
export function cutToBytes(text: string, maxBytes: number): string {
  if (Buffer.byteLength(text, 'utf8') <= maxBytes) return text;
  // Decoding a cut mid-character leaves a replacement character at the end: drop it.
  return Buffer.from(text, 'utf8').subarray(0, maxBytes).toString('utf8').replace(/\uFFFD+$/, '');
}

function size(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${(bytes / (1024 * 1024)).toFixed(1)} MB` : `${Math.round(bytes / 1024)} KB`;
}

interface LimitedFields {
  guid: string;
  link: string | null;
  content: string | null;
  authors: string[];
  categories: string[];
  media: Array<{ url: string }>;
}

/**
 * The item within ITEM_LIMITS, and a warning for each field that had to be cut, naming the
 * item and how much was cut. An item within them comes back as it was.
 */
export function withinItemLimits<T extends LimitedFields>(item: T): { item: T; warnings: string[] } {
  const warnings: string[] = [];
  const who = `"${item.guid.slice(0, 120)}"`;
  let limited = item;
  const contentBytes = item.content ? Buffer.byteLength(item.content, 'utf8') : 0;
  if (item.content && contentBytes > ITEM_LIMITS.contentBytes) {
    limited = { ...limited, content: cutToBytes(item.content, ITEM_LIMITS.contentBytes) };
    warnings.push(`FEED.ITEM_CUT: item ${who}: its content of ${size(contentBytes)} is cut to ${size(ITEM_LIMITS.contentBytes)}; the whole response is kept`);
  }
  const long = (text: string | null) => text !== null && text.length > ITEM_LIMITS.identifierChars;
  if (long(item.guid) || long(item.link)) {
    limited = { ...limited, guid: item.guid.slice(0, ITEM_LIMITS.identifierChars), link: item.link?.slice(0, ITEM_LIMITS.identifierChars) ?? null };
    warnings.push(`FEED.ITEM_CUT: item ${who}: its guid or link is longer than ${ITEM_LIMITS.identifierChars} characters and is cut`);
  }
  const lists = (['authors', 'categories', 'media'] as const).filter((field) => item[field].length > ITEM_LIMITS.listEntries || (field !== 'media' && (item[field] as string[]).some((entry) => entry.length > ITEM_LIMITS.entryChars)));
  for (const field of lists) {
    const entries = item[field].slice(0, ITEM_LIMITS.listEntries);
    limited = { ...limited, [field]: field === 'media' ? entries : (entries as string[]).map((entry) => entry.slice(0, ITEM_LIMITS.entryChars)) };
    warnings.push(`FEED.ITEM_CUT: item ${who}: its ${field} are cut to ${ITEM_LIMITS.listEntries} of ${ITEM_LIMITS.entryChars} characters at most (it had ${item[field].length})`);
  }
  return { item: limited, warnings };
}
