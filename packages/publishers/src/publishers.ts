import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

const publisherSchema = z.strictObject({
  /** Stable key, used by sources and citations. */
  key: z.string().regex(/^[a-z0-9-]+$/),
  name: z.string().min(1),
  /** What kind of outlet: wire service, newspaper, business or technology press, broadcaster, magazine, research, company, government. */
  kind: z.enum(['wire', 'newspaper', 'business', 'technology', 'broadcaster', 'magazine', 'research', 'company', 'government']),
  /** Other spellings met in briefs, in English and Korean, including export damage (`Newyork Times`, `OpenAl`). */
  aliases: z.array(z.string().min(1)),
  homepage: z.string().url(),
  /** The publisher's own feeds that briefwatch follows for it (none where it publishes none). */
  feeds: z.array(z.strictObject({ url: z.string().url(), title: z.string().min(1) })),
});

/** A publisher briefwatch can follow: the outlets briefs cite, by the names briefs give them. */
export type Publisher = z.infer<typeof publisherSchema>;

const CATALOGUE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'data', 'catalogue.json');

/** The publisher catalogue (`data/catalogue.json`): wire services, newspapers, business and technology press, broadcasters, research organisations. */
export const PUBLISHERS: readonly Publisher[] = z.array(publisherSchema).parse(JSON.parse(readFileSync(CATALOGUE, 'utf8')));

/** Case, spaces, punctuation and a leading "The" do not tell publishers apart; `Al` is OCR for `AI`. */
function publisherKeyOf(name: string): string {
  return name
    .normalize('NFKC')
    .replace(/Al\b/g, 'AI')
    .toLowerCase()
    .replace(/^the\s+/, '')
    .replace(/[\s.\-_'’"]+/g, '');
}

const BY_SPELLING = new Map<string, Publisher>();
for (const publisher of PUBLISHERS) {
  for (const spelling of [publisher.name, publisher.key, ...publisher.aliases]) BY_SPELLING.set(publisherKeyOf(spelling), publisher);
}

/** The publisher a brief means by `name`, whatever the spelling; undefined when it is not one we know. */
export function resolvePublisher(name: string): Publisher | undefined {
  return BY_SPELLING.get(publisherKeyOf(name));
}

export function publisherByKey(key: string): Publisher | undefined {
  return PUBLISHERS.find((publisher) => publisher.key === key);
}
