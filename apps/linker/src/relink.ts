import { streamIdOf, type ArticleContent, type CoverageLinked, type LinkRetracted, type NewEvent } from '@briefwatch/contracts';
import type { PrismaClient } from '@briefwatch/db';
import { decideAndAppend, inTransaction, readStream } from '@briefwatch/event-store';
import type { Linker } from '@briefwatch/linking';
import { decideLinks, linkModel, type LinkState } from './decide-links.js';

export type BriefLinker = { briefId: string; linker: Linker };

/** One link a re-link would make or take back. */
export interface LinkChange {
  change: 'add' | 'remove';
  articleId: string;
  title: string;
  briefId: string;
  topicId: string;
  claimId: string | null;
  /** The new link's score; for a removal, the score it had. */
  score: number;
  matcherVersion: string;
}

export interface RelinkReport {
  articles: number;
  changes: LinkChange[];
}

export interface RelinkOptions {
  /** Append the events (a re-link) rather than only report them (a backtest). */
  apply: boolean;
  /** Why links are taken back, said in each retraction. */
  reason: string;
  correlationId: string;
  pageSize?: number;
  onProgress?: (done: number) => void;
  /** Stops between two articles (a shutdown); what was re-linked stays, a later run does the rest. */
  signal?: AbortSignal;
}

/** The latest version of an article, from its own stream. */
async function latestVersion(prisma: PrismaClient, articleId: string): Promise<(ArticleContent & { revision?: number }) | null> {
  const events = await readStream(prisma, streamIdOf('article', articleId));
  const versions = events.filter((e) => e.type === 'ArticleDiscovered' || e.type === 'ArticleRevised');
  return (versions[versions.length - 1]?.data as (ArticleContent & { revision?: number }) | undefined) ?? null;
}

function changeOf(event: NewEvent, title: string, held: Map<string, number>): LinkChange {
  if (event.type === 'LinkRetracted') {
    const data = event.data as LinkRetracted;
    return { change: 'remove', articleId: data.articleId, title, briefId: data.briefId, topicId: data.topicId, claimId: data.claimId, score: held.get(`${data.topicId} ${data.claimId ?? ''}`) ?? 0, matcherVersion: data.matcherVersion };
  }
  const data = event.data as CoverageLinked;
  return { change: 'add', articleId: data.articleId, title, briefId: data.briefId, topicId: data.topicId, claimId: data.claimId, score: data.score, matcherVersion: data.matcherVersion };
}

/**
 * Puts every stored article through the linker again, as the given briefs and the current
 * matcher see them, against the links it holds now. As a backtest it only reports the links
 * that would be added or taken back; applied, it appends them, each article in its own
 * transaction, so it can run beside the live linker and be run again (a second run changes nothing).
 */
export async function relinkArticles(prisma: PrismaClient, linkers: BriefLinker[], options: RelinkOptions): Promise<RelinkReport> {
  const pageSize = options.pageSize ?? 200;
  const changes: LinkChange[] = [];
  const briefIds = new Set(linkers.map((l) => l.briefId));
  let articles = 0;
  let after = '';
  for (;;) {
    const page = await prisma.$queryRaw<Array<{ stream_id: string }>>`
      SELECT stream_id FROM event_streams WHERE category = 'article' AND stream_id > ${after} ORDER BY stream_id LIMIT ${pageSize}`;
    if (page.length === 0) break;
    for (const { stream_id: streamId } of page) {
      if (options.signal?.aborted) return { articles, changes };
      const articleId = streamId.slice('article-'.length);
      const article = await latestVersion(prisma, articleId);
      if (!article) continue;
      articles += 1;
      const decided = await inTransaction<{ events: NewEvent[]; held: Map<string, number> }>(prisma, async (tx) => {
        let held = new Map<string, number>();
        const decide = (state: LinkState) => {
          // Only the given briefs' links are in question; links to other briefs stay as they are.
          const scoped: LinkState = { ...state, links: new Map([...state.links].filter(([, link]) => briefIds.has(link.data.briefId))) };
          held = new Map([...scoped.links.values()].map(({ data }) => [`${data.topicId} ${data.claimId ?? ''}`, data.score]));
          return decideLinks(article, linkers, scoped, new Date(), { retractReason: options.reason });
        };
        if (!options.apply) {
          const state = (await readStream(tx, streamIdOf('link', articleId))).reduce(linkModel.evolve, linkModel.initial());
          return { events: decide(state), held };
        }
        const events = await decideAndAppend(tx, streamIdOf('link', articleId), linkModel, (state) => {
          const result = decide(state);
          return { events: result, result };
        }, { correlationId: options.correlationId, causationId: null });
        return { events, held };
      });
      for (const event of decided.events) changes.push(changeOf(event, article.title, decided.held));
    }
    after = page[page.length - 1]!.stream_id;
    options.onProgress?.(articles);
  }
  return { articles, changes };
}
