// Rate limits with their counters in PostgreSQL (rate-limiter-flexible), shared by all app instances.
import type pg from 'pg';
import { RateLimiterPostgres, RateLimiterRes } from 'rate-limiter-flexible';
import { TooManyRequestsError } from './errors.js';

export function createLimiter(pool: pg.Pool, keyPrefix: string, points: number, durationSeconds: number, blockSeconds = durationSeconds) {
  return new RateLimiterPostgres({
    storeClient: pool,
    storeType: 'pool',
    tableName: 'rate_limits',
    tableCreated: true,
    clearExpiredByTimeout: false, // server.ts removes expired rows periodically
    keyPrefix,
    points,
    duration: durationSeconds,
    blockDuration: blockSeconds,
  });
}

/** "Zu viele {what}. … in 12 Minuten noch einmal." */
export function lockedOut(res: RateLimiterRes, what: string): TooManyRequestsError {
  const minutes = Math.max(1, Math.ceil(res.msBeforeNext / 60_000));
  return new TooManyRequestsError(
    `Zu viele ${what}. Aus Sicherheitsgründen ist das vorübergehend gesperrt – bitte versuche es in ${minutes} ${minutes === 1 ? 'Minute' : 'Minuten'} noch einmal.`,
    Math.ceil(res.msBeforeNext / 1000),
  );
}

/** Counts one attempt; throws TooManyRequestsError when the limit is used up. */
export async function consume(limiter: RateLimiterPostgres, key: string, what: string): Promise<void> {
  try {
    await limiter.consume(key);
  } catch (error) {
    if (error instanceof RateLimiterRes) throw lockedOut(error, what);
    throw error;
  }
}

/** Throws TooManyRequestsError while the key is blocked, without counting. */
export async function assertNotBlocked(limiter: RateLimiterPostgres, key: string, what: string): Promise<void> {
  const res = await limiter.get(key);
  if (res && res.remainingPoints <= 0 && res.msBeforeNext > 0) throw lockedOut(res, what);
}
