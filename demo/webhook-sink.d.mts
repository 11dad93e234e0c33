export function startWebhookSink(options?: { port?: number; host?: string; print?: (line: string) => void }): Promise<{
  url: string;
  hostPort: string;
  received: Array<Record<string, unknown>>;
  stop(): Promise<void>;
}>;
