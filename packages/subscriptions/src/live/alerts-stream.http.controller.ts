import { Controller, Query, Sse, type MessageEvent } from '@nestjs/common';
import type { Observable } from 'rxjs';
import { z } from 'zod';
import type { AlertQueued } from '@briefwatch/contracts';
import { LiveEvents, ZodValidationPipe } from '@briefwatch/service-kit';

const streamInputSchema = z.strictObject({ subscriptionId: z.uuid().optional() });

@Controller('alerts')
export class AlertsStreamHttpController {
  constructor(private readonly live: LiveEvents) {}

  /** Server-Sent Events: `ready` once listening, then an `alert` for each alert queued (for one subscription, or all). */
  @Sse('stream')
  stream(@Query(new ZodValidationPipe(streamInputSchema)) input: z.infer<typeof streamInputSchema>): Observable<MessageEvent> {
    return this.live.stream((event) => {
      if (event.type !== 'AlertQueued') return null;
      const alert = event.data as AlertQueued;
      return !input.subscriptionId || alert.subscriptionId === input.subscriptionId ? { type: 'alert', id: alert.alertId, data: alert } : null;
    });
  }
}
