// One pg.Pool per process, shared by Prisma (through @prisma/adapter-pg), the session store and the rate limiter.
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { Prisma, PrismaClient } from '../generated/prisma/client.js';

export { Prisma };
export type { PrismaClient };

/** A transaction client (inside prisma.$transaction(async (tx) => …)). */
export type Transaction = Parameters<Parameters<PrismaClient['$transaction']>[0]>[0];

export interface Database {
  pool: pg.Pool;
  prisma: PrismaClient;
  close(): Promise<void>;
}

export interface PoolOptions {
  max?: number;
  /** How long a request waits for a free connection or a new one before it fails (→ 503). */
  connectionTimeoutMillis?: number;
  /** Longest time a single statement may run on the server. */
  statementTimeoutMillis?: number;
  onIdleError?: (error: Error) => void;
}

export function connectDatabase(url: string, options: PoolOptions = {}): Database {
  const pool = new pg.Pool({
    connectionString: url,
    max: options.max ?? 10,
    connectionTimeoutMillis: options.connectionTimeoutMillis ?? 3000,
    statement_timeout: options.statementTimeoutMillis ?? 10_000,
    // The client gives up on a query whose answer never comes (a frozen server), a little after the server would.
    query_timeout: (options.statementTimeoutMillis ?? 10_000) + 2000,
    keepAlive: true,
  });
  // An idle client losing its connection (e.g. the server restarts) must not crash the process.
  pool.on('error', (error) => options.onIdleError?.(error));
  const prisma = new PrismaClient({ adapter: new PrismaPg(pool) });
  let closed = false;
  return {
    pool,
    prisma,
    async close() {
      if (closed) return;
      closed = true;
      await prisma.$disconnect();
      await pool.end();
    },
  };
}

/** The unique constraint (index name) that said no, if the error is a unique violation. */
export function violatedUniqueConstraint(error: unknown): string | undefined {
  if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') {
    const cause = (error.meta?.driverAdapterError as { cause?: { constraint?: { index?: string; fields?: string[] } } } | undefined)?.cause;
    return cause?.constraint?.index ?? cause?.constraint?.fields?.join(',') ?? '';
  }
  const e = error as { code?: unknown; constraint?: unknown } | null;
  if (e?.code === '23505') return typeof e.constraint === 'string' ? e.constraint : '';
  return undefined;
}

/** A unique constraint said no (e.g. an e-mail address or a name that is taken); optionally a specific one. */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  const violated = violatedUniqueConstraint(error);
  return violated !== undefined && (constraint === undefined || violated === constraint);
}
