export { articlesProjection } from './projection/articles.projection.js';
