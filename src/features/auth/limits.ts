// Brute-force protection for login and password reset. Counters live in PostgreSQL (rate-limiter-flexible),
// so they hold across restarts and across several app instances.
import type pg from 'pg';
import { RateLimiterPostgres, RateLimiterRes } from 'rate-limiter-flexible';
import { TooManyRequestsError } from '../../lib/errors.js';

function limiter(pool: pg.Pool, keyPrefix: string, points: number, durationSeconds: number, blockSeconds: number) {
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

function lockedOut(res: RateLimiterRes, what: string): TooManyRequestsError {
  const minutes = Math.max(1, Math.ceil(res.msBeforeNext / 60_000));
  return new TooManyRequestsError(
    `Zu viele ${what}. Aus Sicherheitsgründen ist das vorübergehend gesperrt – bitte versuche es in ${minutes} ${minutes === 1 ? 'Minute' : 'Minuten'} noch einmal.`,
    Math.ceil(res.msBeforeNext / 1000),
  );
}

async function consume(l: RateLimiterPostgres, key: string, what: string): Promise<void> {
  try {
    await l.consume(key);
  } catch (error) {
    if (error instanceof RateLimiterRes) throw lockedOut(error, what);
    throw error;
  }
}

async function assertNotBlocked(l: RateLimiterPostgres, key: string, what: string): Promise<void> {
  const res = await l.get(key);
  if (res && res.remainingPoints <= 0 && res.msBeforeNext > 0) throw lockedOut(res, what);
}

export interface AuthLimits {
  /** Throws TooManyRequestsError while this account or this address is locked out. */
  beforeLogin(ip: string, email: string): Promise<void>;
  loginFailed(ip: string, email: string): Promise<void>;
  loginSucceeded(email: string): Promise<void>;
  resetRequested(ip: string, email: string): Promise<void>;
}

export function createAuthLimits(pool: pg.Pool): AuthLimits {
  const what = 'fehlgeschlagene Anmeldeversuche';
  // 8 wrong passwords for one account within 15 minutes lock that account for 15 minutes;
  // 30 failures from one address within an hour lock that address for an hour.
  const failuresByAccount = limiter(pool, 'login_account', 8, 15 * 60, 15 * 60);
  const failuresByIp = limiter(pool, 'login_ip', 30, 60 * 60, 60 * 60);
  const resetsByAccount = limiter(pool, 'reset_account', 3, 60 * 60, 60 * 60);
  const resetsByIp = limiter(pool, 'reset_ip', 10, 60 * 60, 60 * 60);
  return {
    async beforeLogin(ip, email) {
      await assertNotBlocked(failuresByAccount, email, what);
      await assertNotBlocked(failuresByIp, ip, what);
    },
    async loginFailed(ip, email) {
      await consume(failuresByAccount, email, what);
      await consume(failuresByIp, ip, what);
    },
    async loginSucceeded(email) {
      await failuresByAccount.delete(email);
    },
    async resetRequested(ip, email) {
      await consume(resetsByIp, ip, 'Anfragen zum Zurücksetzen des Passworts');
      await consume(resetsByAccount, email, 'Anfragen zum Zurücksetzen des Passworts');
    },
  };
}
