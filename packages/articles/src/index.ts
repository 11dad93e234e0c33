export { articlesProjection } from './projection/articles.projection.js';
export { linksProjection } from './projection/links.projection.js';
export { DevelopmentsQuery, developmentsInputSchema, type Development, type DevelopmentsInput, type DevelopmentsPage } from './queries/developments.query.js';
export { ArticlesHttpModule, ArticlesModule } from './articles.module.js';
export { ArticleQuery, type ArticleView } from './queries/article/article.query.js';
export { titleSimilarity, SAME_STORY_SIMILARITY } from './queries/near-duplicates.js';
export { claimTimelineCli } from './queries/claim-timeline.cli.js';
export { matrixInputSchema } from './queries/developments.http.controller.js';
