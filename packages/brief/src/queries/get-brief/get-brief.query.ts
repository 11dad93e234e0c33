import { Query } from '@nestjs/cqrs';
import type { BriefView } from './brief-view.js';

export class GetBriefQuery extends Query<BriefView> {
  constructor(readonly briefId: string) {
    super();
  }
}
