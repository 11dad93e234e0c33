/** A publisher briefwatch can follow: the outlets briefs cite, by the names briefs give them. */
export interface Publisher {
  /** Stable key, used by sources and citations. */
  key: string;
  name: string;
  /** Other spellings met in briefs, including export damage (`Newyork Times`, `OpenAl`). */
  aliases: string[];
  homepage: string;
  /** The publisher's own feeds that briefwatch follows for it. */
  feeds: ReadonlyArray<{ url: string; title: string }>;
}

export const PUBLISHERS: readonly Publisher[] = [
  { key: 'economist', name: 'The Economist', aliases: ['Economist', '이코노미스트'], homepage: 'https://www.economist.com',
    feeds: [{ url: 'https://www.economist.com/science-and-technology/rss.xml', title: 'The Economist: Science & technology' }, { url: 'https://www.economist.com/business/rss.xml', title: 'The Economist: Business' }],
  },
  { key: 'forbes', name: 'Forbes', aliases: ['포브스'], homepage: 'https://www.forbes.com',
    feeds: [{ url: 'https://www.forbes.com/innovation/feed/', title: 'Forbes: Innovation' }, { url: 'https://www.forbes.com/ai/feed/', title: 'Forbes: AI' }],
  },
  { key: 'cnn', name: 'CNN', aliases: ['CNN Business'], homepage: 'https://www.cnn.com',
    feeds: [{ url: 'http://rss.cnn.com/rss/cnn_tech.rss', title: 'CNN: Technology' }],
  },
  { key: 'fortune', name: 'Fortune', aliases: ['포춘'], homepage: 'https://fortune.com',
    feeds: [{ url: 'https://fortune.com/feed/', title: 'Fortune' }],
  },
  { key: 'wired', name: 'Wired', aliases: ['WIRED', '와이어드'], homepage: 'https://www.wired.com',
    feeds: [{ url: 'https://www.wired.com/feed/rss', title: 'Wired' }, { url: 'https://www.wired.com/feed/tag/ai/latest/rss', title: 'Wired: AI' }, { url: 'https://www.wired.com/feed/category/business/latest/rss', title: 'Wired: Business' }],
  },
  { key: 'openai', name: 'OpenAI', aliases: ['Open AI'], homepage: 'https://openai.com',
    feeds: [{ url: 'https://openai.com/news/rss.xml', title: 'OpenAI: News' }],
  },
  { key: 'arxiv', name: 'arXiv', aliases: ['arxiv.org'], homepage: 'https://arxiv.org',
    feeds: [{ url: 'https://rss.arxiv.org/rss/cs.AI', title: 'arXiv: cs.AI' }, { url: 'https://rss.arxiv.org/rss/cs.CL', title: 'arXiv: cs.CL' }],
  },
  {
    key: 'nytimes',
    name: 'The New York Times',
    aliases: ['New York Times', 'NY Times', 'NYT', 'NYTimes', '뉴욕타임즈', '뉴욕타임스'],
    homepage: 'https://www.nytimes.com',
    feeds: [{ url: 'https://rss.nytimes.com/services/xml/rss/nyt/Technology.xml', title: 'The New York Times: Technology' }],
  },
  { key: 'macropolo', name: 'MacroPolo', aliases: ['Macro Polo', 'Paulson Institute MacroPolo'], homepage: 'https://macropolo.org',
    feeds: [{ url: 'https://macropolo.org/feed/', title: 'MacroPolo' }],
  },
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
