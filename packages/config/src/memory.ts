/** Every long-running service, in the order `npm start` brings them up. */
export const SERVICES = ['relay', 'projector', 'ingestor', 'linker', 'alerter', 'api'] as const;
export type ServiceName = (typeof SERVICES)[number];

/**
 * The most resident memory (RSS) each service may use, in MB. Each is started with its
 * JavaScript heap capped well below this, so a burst of work slows it down instead of
 * growing it; the reliability suite checks that the peak stays under while things break.
 */
export const MEMORY_CEILING_MB: Record<ServiceName, number> = {
  relay: 320,
  projector: 320,
  ingestor: 320,
  linker: 320,
  alerter: 320,
  api: 384,
};

/** Node's flags for a service: its heap capped at half its ceiling (the rest is code, buffers and Prisma's engine). */
export function nodeFlagsFor(service: ServiceName): string[] {
  return [`--max-old-space-size=${Math.floor(MEMORY_CEILING_MB[service] / 2)}`];
}
