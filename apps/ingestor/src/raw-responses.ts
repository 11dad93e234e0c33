import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import type { Prisma } from '@briefwatch/db';

/** Keeps a raw feed body, gzip-compressed, once per distinct content; returns its SHA-256. */
export async function storeRawResponse(tx: Prisma.TransactionClient, body: Buffer, contentType: string | null, fetchedAt: Date): Promise<string> {
  const hash = createHash('sha256').update(body).digest('hex');
  await tx.$executeRaw`
    INSERT INTO raw_responses (hash, body, content_type, bytes, fetched_at)
    VALUES (${hash}, ${gzipSync(body)}, ${contentType}, ${body.length}, ${fetchedAt})
    ON CONFLICT (hash) DO NOTHING`;
  return hash;
}
