/** Types for the helpers of setup.mjs that TypeScript tests use. */
export function startLocalKafka(options: { port: number; dataDir: string }): Promise<{ brokers: string; stop(): Promise<void> }>;
