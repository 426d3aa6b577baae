// Brute-force protection for login and password reset (counters in PostgreSQL, see lib/rate-limit.ts).
import type pg from 'pg';
import { assertNotBlocked, consume, createLimiter } from '../../lib/rate-limit.js';

export interface AuthLimits {
  /** Throws TooManyRequestsError while this account or this address is locked out. */
  beforeLogin(ip: string, email: string): Promise<void>;
  loginFailed(ip: string, email: string): Promise<void>;
  loginSucceeded(email: string): Promise<void>;
  resetRequested(ip: string, email: string): Promise<void>;
}

export function createAuthLimits(pool: pg.Pool): AuthLimits {
  const failures = 'fehlgeschlagene Anmeldeversuche';
  const resets = 'Anfragen zum Zurücksetzen des Passworts';
  // 8 wrong passwords for one account within 15 minutes lock that account for 15 minutes;
  // 30 failures from one address within an hour lock that address for an hour.
  const failuresByAccount = createLimiter(pool, 'login_account', 8, 15 * 60);
  const failuresByIp = createLimiter(pool, 'login_ip', 30, 60 * 60);
  const resetsByAccount = createLimiter(pool, 'reset_account', 3, 60 * 60);
  const resetsByIp = createLimiter(pool, 'reset_ip', 10, 60 * 60);
  return {
    async beforeLogin(ip, email) {
      await assertNotBlocked(failuresByAccount, email, failures);
      await assertNotBlocked(failuresByIp, ip, failures);
    },
    async loginFailed(ip, email) {
      await consume(failuresByAccount, email, failures);
      await consume(failuresByIp, ip, failures);
    },
    async loginSucceeded(email) {
      await failuresByAccount.delete(email);
    },
    async resetRequested(ip, email) {
      await consume(resetsByIp, ip, resets);
      await consume(resetsByAccount, email, resets);
    },
  };
}
