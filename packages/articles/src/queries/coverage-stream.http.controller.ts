import { Controller, Query, Sse, type MessageEvent } from '@nestjs/common';
import type { Observable } from 'rxjs';
import { z } from 'zod';
import type { CoverageLinked } from '@briefwatch/contracts';
import { LiveEvents, ZodValidationPipe } from '@briefwatch/service-kit';

const streamInputSchema = z.strictObject({ briefId: z.string().regex(/^[a-z0-9][a-z0-9-]{0,99}$/).optional() });

@Controller('coverage')
export class CoverageStreamHttpController {
  constructor(private readonly live: LiveEvents) {}

  /** Server-Sent Events: `ready` once listening, then `linked` for each new link (of one brief, or all), for the dashboard and scripts. */
  @Sse('stream')
  stream(@Query(new ZodValidationPipe(streamInputSchema)) input: z.infer<typeof streamInputSchema>): Observable<MessageEvent> {
    return this.live.stream((event) => {
      if (event.type !== 'CoverageLinked') return null;
      const link = event.data as CoverageLinked;
      if (input.briefId && link.briefId !== input.briefId) return null;
      return { type: 'linked', id: event.eventId, data: { articleId: link.articleId, briefId: link.briefId, topicId: link.topicId, claimId: link.claimId, score: link.score, linkedAt: link.linkedAt } };
    });
  }
}
