import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { ArticleHandler } from './queries/article/article.handler.js';
import { ArticleHttpController } from './queries/article/article.http.controller.js';
import { CoverageStreamHttpController } from './queries/coverage-stream.http.controller.js';
import { DevelopmentsHandler } from './queries/developments.handler.js';
import { DevelopmentsHttpController } from './queries/developments.http.controller.js';

/** The article and timeline queries, for the API and the CLI alike. */
@Module({ imports: [CqrsModule], providers: [DevelopmentsHandler, ArticleHandler] })
export class ArticlesModule {}

@Module({ imports: [ArticlesModule], controllers: [DevelopmentsHttpController, ArticleHttpController, CoverageStreamHttpController] })
export class ArticlesHttpModule {}
