import type { CoverageLinked } from '@briefwatch/contracts';

/** What a saved-query subscription keeps of its query (the brief is on the subscription). */
export interface StoredQuery {
  topicIds: string[];
  claimIds: string[];
  terms: string[];
  excludeTerms: string[];
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A term as a whole word or phrase, any case, in any script: "AI" is not found in "said". */
function termPattern(term: string): RegExp {
  const words = term.trim().split(/\s+/).map(escape).join('\\s+');
  return new RegExp(`(?<![\\p{L}\\p{N}])${words}(?![\\p{L}\\p{N}])`, 'iu');
}

/** Whether the article's text mentions every term and none of the excluded ones. */
export function mentionsTerms(text: string, terms: readonly string[], excludeTerms: readonly string[]): boolean {
  return terms.every((term) => termPattern(term).test(text)) && !excludeTerms.some((term) => termPattern(term).test(text));
}

/**
 * Whether a link answers a saved query: a link to one of its claims (when it lists claims),
 * or a topic-level link to one of its topics (none listed: any), from an article whose text
 * passes the terms.
 */
export function answersQuery(link: CoverageLinked, query: StoredQuery, articleText: string): boolean {
  const target = query.claimIds.length > 0 ? link.claimId !== null && query.claimIds.includes(link.claimId) : link.claimId === null && (query.topicIds.length === 0 || query.topicIds.includes(link.topicId));
  return target && mentionsTerms(articleText, query.terms, query.excludeTerms);
}
