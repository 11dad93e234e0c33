/** Injection tokens for what every service shares. */
export const CONFIG = Symbol('briefwatch.config');
export const LOGGER = Symbol('briefwatch.logger');
export const PRISMA = Symbol('briefwatch.prisma');
export const KAFKA = Symbol('briefwatch.kafka');
