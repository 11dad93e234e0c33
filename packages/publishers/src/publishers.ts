/** A publisher briefwatch can follow: the outlets briefs cite, by the names briefs give them. */
export interface Publisher {
  /** Stable key, used by sources and citations. */
  key: string;
  name: string;
  /** Other spellings met in briefs, including export damage (`Newyork Times`, `OpenAl`). */
  aliases: string[];
  homepage: string;
}

export const PUBLISHERS: readonly Publisher[] = [
  { key: 'economist', name: 'The Economist', aliases: ['Economist', '이코노미스트'], homepage: 'https://www.economist.com' },
  { key: 'forbes', name: 'Forbes', aliases: ['포브스'], homepage: 'https://www.forbes.com' },
  { key: 'cnn', name: 'CNN', aliases: ['CNN Business'], homepage: 'https://www.cnn.com' },
  { key: 'fortune', name: 'Fortune', aliases: ['포춘'], homepage: 'https://fortune.com' },
  { key: 'wired', name: 'Wired', aliases: ['WIRED', '와이어드'], homepage: 'https://www.wired.com' },
  { key: 'openai', name: 'OpenAI', aliases: ['Open AI'], homepage: 'https://openai.com' },
  { key: 'arxiv', name: 'arXiv', aliases: ['arxiv.org'], homepage: 'https://arxiv.org' },
  {
    key: 'nytimes',
    name: 'The New York Times',
    aliases: ['New York Times', 'NY Times', 'NYT', 'NYTimes', '뉴욕타임즈', '뉴욕타임스'],
    homepage: 'https://www.nytimes.com',
  },
  { key: 'macropolo', name: 'MacroPolo', aliases: ['Macro Polo', 'Paulson Institute MacroPolo'], homepage: 'https://macropolo.org' },
];

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
