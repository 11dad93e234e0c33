import { Module } from '@nestjs/common';
import { CqrsModule } from '@nestjs/cqrs';
import { DevelopmentsHandler } from './queries/developments.handler.js';
import { DevelopmentsHttpController } from './queries/developments.http.controller.js';

@Module({ imports: [CqrsModule], providers: [DevelopmentsHandler], controllers: [DevelopmentsHttpController] })
export class ArticlesHttpModule {}
