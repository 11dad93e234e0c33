import type { Prisma, PrismaClient } from '@briefwatch/db';

/** Either the client or an open transaction: store functions work inside a caller's transaction. */
export type Database = PrismaClient | Prisma.TransactionClient;

const TRANSACTION_OPTIONS = { maxWait: 10_000, timeout: 60_000 } as const;

/** Runs `work` in the caller's transaction, or in a new one when given the client itself. */
export function inTransaction<T>(db: Database, work: (tx: Prisma.TransactionClient) => Promise<T>): Promise<T> {
  if ('$transaction' in db) return db.$transaction(work, TRANSACTION_OPTIONS);
  return work(db);
}

const ANSWER_WITHIN_MS = 3_000;

/** Whether the database answers a trivial query within a few seconds: a failing handler's first question. */
export async function databaseAnswers(prisma: PrismaClient): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), ANSWER_WITHIN_MS)));
  const answered = prisma.$queryRaw`SELECT 1`.then(() => true, () => false);
  return Promise.race([answered, late]).finally(() => clearTimeout(timer));
}
