export { articlesProjection } from './projection/articles.projection.js';
export { linksProjection } from './projection/links.projection.js';
export { DevelopmentsQuery, type Development } from './queries/developments.query.js';
export { ArticlesHttpModule } from './articles.module.js';
export { titleSimilarity, SAME_STORY_SIMILARITY } from './queries/near-duplicates.js';
