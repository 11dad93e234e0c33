import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { PrismaClient } from '@briefwatch/db';

const KEY_PREFIX = 'bw_';
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

export interface CreatedApiKey {
  id: string;
  name: string;
  /** Shown once; briefwatch keeps only its hash. */
  key: string;
  prefix: string;
}

export interface ApiKeyInfo {
  id: string;
  name: string;
  prefix: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

/** 32 characters from a 62-letter alphabet: about 190 bits, so a plain SHA-256 is a safe store. */
export function generateApiKey(): string {
  const bytes = randomBytes(32);
  let body = '';
  for (const byte of bytes) body += ALPHABET[byte % ALPHABET.length];
  return `${KEY_PREFIX}${body}`;
}

export function hashApiKey(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex');
}

export async function createApiKey(prisma: PrismaClient, name: string): Promise<CreatedApiKey> {
  const key = generateApiKey();
  const id = randomUUID();
  const prefix = key.slice(0, KEY_PREFIX.length + 6);
  await prisma.apiKey.create({ data: { id, name, prefix, hash: hashApiKey(key) } });
  return { id, name, key, prefix };
}

/** The active key matching the presented one, if any; marks it as used. */
export async function verifyApiKey(prisma: PrismaClient, presented: string): Promise<{ id: string; name: string } | null> {
  if (!presented.startsWith(KEY_PREFIX) || presented.length > 200) return null;
  const found = await prisma.apiKey.findUnique({ where: { hash: hashApiKey(presented) }, select: { id: true, name: true, revokedAt: true } });
  if (!found || found.revokedAt) return null;
  await prisma.apiKey.update({ where: { id: found.id }, data: { lastUsedAt: new Date() } });
  return { id: found.id, name: found.name };
}

export async function listApiKeys(prisma: PrismaClient): Promise<ApiKeyInfo[]> {
  const rows = await prisma.apiKey.findMany({ orderBy: { createdAt: 'asc' } });
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    createdAt: row.createdAt.toISOString(),
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
    revokedAt: row.revokedAt?.toISOString() ?? null,
  }));
}

/** Revokes by id or by the shown prefix; returns how many keys it revoked. */
export async function revokeApiKey(prisma: PrismaClient, idOrPrefix: string): Promise<number> {
  const byId = /^[0-9a-f-]{36}$/i.test(idOrPrefix);
  const result = await prisma.apiKey.updateMany({
    where: { revokedAt: null, ...(byId ? { id: idOrPrefix } : { prefix: idOrPrefix }) },
    data: { revokedAt: new Date() },
  });
  return result.count;
}

export async function hasActiveApiKey(prisma: PrismaClient): Promise<boolean> {
  return (await prisma.apiKey.count({ where: { revokedAt: null } })) > 0;
}
