import { Controller, Query, Sse, type MessageEvent } from '@nestjs/common';
import { concat, defer, filter, interval, map, merge, Observable } from 'rxjs';
import { z } from 'zod';
import { ZodValidationPipe } from '@briefwatch/service-kit';
import { LiveAlerts } from './live-alerts.service.js';

const streamInputSchema = z.strictObject({ subscriptionId: z.uuid().optional() });

@Controller('alerts')
export class AlertsStreamHttpController {
  constructor(private readonly live: LiveAlerts) {}

  /**
   * Server-Sent Events: `ready` once listening, then an `alert` for each alert queued (for one
   * subscription, or all), and a `ping` every 15 s to keep proxies from closing the stream.
   */
  @Sse('stream')
  stream(@Query(new ZodValidationPipe(streamInputSchema)) input: z.infer<typeof streamInputSchema>): Observable<MessageEvent> {
    const alerts = this.live.alerts.pipe(
      filter((alert) => !input.subscriptionId || alert.subscriptionId === input.subscriptionId),
      map((alert): MessageEvent => ({ type: 'alert', id: alert.alertId, data: alert })),
    );
    const pings = interval(15_000).pipe(map((): MessageEvent => ({ type: 'ping', data: {} })));
    return concat(
      defer(async (): Promise<MessageEvent> => {
        await this.live.ready;
        return { type: 'ready', data: {} };
      }),
      merge(alerts, pings),
    );
  }
}
