import { randomUUID } from 'node:crypto';

const VALID_CORRELATION_ID = /^[A-Za-z0-9._:-]{1,128}$/;

export function newCorrelationId(): string {
  return randomUUID();
}

/** The caller's X-Correlation-Id when it is a sane token; a new id otherwise. */
export function correlationIdFrom(header: string | string[] | undefined): string {
  const value = Array.isArray(header) ? header[0] : header;
  return value && VALID_CORRELATION_ID.test(value) ? value : newCorrelationId();
}
