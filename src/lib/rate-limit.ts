// Rate limits with their counters in PostgreSQL (rate-limiter-flexible), shared by all app instances.
// Every action that sends mail is limited per address (IP) and per account; password checks follow OWASP's
// advice (see LoginGuard): tight per account and address together, broad per address, loose per account.
import { createHmac } from 'node:crypto';
import type pg from 'pg';
import { RateLimiterPostgres, RateLimiterRes } from 'rate-limiter-flexible';
import { TooManyRequestsError } from './errors.js';

export function createLimiter(pool: pg.Pool, keyPrefix: string, points: number, durationSeconds: number, blockSeconds = durationSeconds) {
  return new RateLimiterPostgres({
    storeClient: pool,
    storeType: 'pool',
    tableName: 'rate_limits',
    tableCreated: true,
    clearExpiredByTimeout: false, // a periodic job removes expired rows
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

/** Throws TooManyRequestsError while the key is used up, without counting. */
async function assertNotBlocked(limiter: RateLimiterPostgres, key: string, what: string): Promise<void> {
  const res = await limiter.get(key);
  if (res && res.remainingPoints <= 0 && res.msBeforeNext > 0) throw lockedOut(res, what);
}

type Window = readonly [points: number, seconds: number];

/** Actions that send mail (or reach other people) and how often they may happen. */
const ACTIONS = {
  registration: { what: 'Registrierungen von dieser Adresse', perIp: [10, 60 * 60], perAccount: [] },
  passwordReset: { what: 'Anfragen zum Zurücksetzen des Passworts', perIp: [10, 60 * 60], perAccount: [[3, 60 * 60]] },
  joinRequest: { what: 'Beitrittsanfragen', perIp: [30, 60 * 60], perAccount: [[5, 60 * 60], [10, 24 * 60 * 60]] },
  contact: { what: 'Nachrichten in kurzer Zeit', perIp: [20, 60 * 60], perAccount: [[5, 60 * 60], [20, 24 * 60 * 60]] },
  emailChange: { what: 'Änderungen der E-Mail-Adresse', perIp: [10, 60 * 60], perAccount: [[5, 24 * 60 * 60]] },
  /** Saving report drafts and submissions: plenty for writing, not for flooding the moderation queue. */
  reportSave: { what: 'gespeicherte Berichte in kurzer Zeit', perIp: [300, 60 * 60], perAccount: [[60, 60 * 60], [300, 24 * 60 * 60]] },
  comment: { what: 'Kommentare in kurzer Zeit', perIp: [60, 60 * 60], perAccount: [[10, 10 * 60], [60, 24 * 60 * 60]] },
  flag: { what: 'Meldungen in kurzer Zeit', perIp: [60, 60 * 60], perAccount: [[20, 60 * 60]] },
  /** Uploads fill the database: a member may add a few hundred files a day, not thousands. */
  upload: { what: 'hochgeladene Dateien in kurzer Zeit', perIp: [200, 60 * 60], perAccount: [[100, 60 * 60], [300, 24 * 60 * 60]] },
  /** Members' answers to meetings (Rückmeldungen, agenda proposals): plenty for changing one's mind, not for flooding. */
  meeting: { what: 'Rückmeldungen und Vorschläge in kurzer Zeit', perIp: [300, 60 * 60], perAccount: [[60, 60 * 60], [200, 24 * 60 * 60]] },
  /** Decisions that notify someone (join requests, approvals …): generous, but not unlimited. */
  notify: { what: 'Aktionen in kurzer Zeit', perIp: [300, 60 * 60], perAccount: [[200, 60 * 60]] },
} as const satisfies Record<string, { what: string; perIp: Window; perAccount: readonly Window[] }>;

export type LimitedAction = keyof typeof ACTIONS;

export interface LoginGuard {
  /** Before the password is checked: throws 429 when this attempt may not be made now. */
  check(ip: string, email: string): Promise<void>;
  failed(ip: string, email: string): Promise<void>;
  succeeded(ip: string, email: string, userId: number): Promise<void>;
}

export interface RateLimits {
  login: LoginGuard;
  /** Counts one use of an action by this address and account; throws 429 when one of its limits is used up. */
  action(name: LimitedAction, who: { ip: string; account?: string | number }): Promise<void>;
}

export function createRateLimits(pool: pg.Pool, secret: string): RateLimits {
  const actionLimiters = Object.fromEntries(
    Object.entries(ACTIONS).map(([name, spec]) => [
      name,
      {
        what: spec.what,
        perIp: createLimiter(pool, `${name}_ip`, spec.perIp[0], spec.perIp[1]),
        perAccount: spec.perAccount.map(([points, seconds], i) => createLimiter(pool, `${name}_account${i}`, points, seconds)),
      },
    ]),
  ) as Record<LimitedAction, { what: string; perIp: RateLimiterPostgres; perAccount: RateLimiterPostgres[] }>;

  return {
    login: createLoginGuard(pool, secret),
    async action(name, who) {
      const limits = actionLimiters[name];
      await consume(limits.perIp, who.ip, limits.what);
      if (who.account !== undefined) for (const limiter of limits.perAccount) await consume(limiter, String(who.account), limits.what);
    },
  };
}

/**
 * Password guessing (OWASP Authentication Cheat Sheet): a tight limit per account and address together
 * (5 failures in 15 minutes), a broad one per address (50 failures an hour, across all accounts) and a loose one
 * per account (20 failures an hour). The per-account limit does not apply to addresses the person has logged in
 * from before (known_logins), so nobody can lock the owner out by failing on purpose from elsewhere.
 */
function createLoginGuard(pool: pg.Pool, secret: string): LoginGuard {
  const what = 'fehlgeschlagene Anmeldeversuche';
  const byAccountAndIp = createLimiter(pool, 'login_pair', 5, 15 * 60);
  const byIp = createLimiter(pool, 'login_ip', 50, 60 * 60);
  const byAccount = createLimiter(pool, 'login_account', 20, 60 * 60);
  const ipHash = (ip: string) => createHmac('sha256', secret).update(ip).digest('base64url');
  const pair = (ip: string, email: string) => `${email}|${ip}`;

  async function isKnownAddress(ip: string, email: string): Promise<boolean> {
    const { rowCount } = await pool.query(
      `SELECT 1 FROM known_logins k JOIN users u ON u.id = k.user_id
       WHERE u.email = $1 AND k.ip_hash = $2 AND k.last_login_at > now() - interval '90 days'`,
      [email, ipHash(ip)],
    );
    return (rowCount ?? 0) > 0;
  }

  return {
    async check(ip, email) {
      await assertNotBlocked(byAccountAndIp, pair(ip, email), what);
      await assertNotBlocked(byIp, ip, what);
      const accountLocked = await byAccount.get(email);
      if (accountLocked && accountLocked.remainingPoints <= 0 && !(await isKnownAddress(ip, email))) throw lockedOut(accountLocked, what);
    },
    async failed(ip, email) {
      // All three count; the one that is used up first answers.
      const results = await Promise.allSettled([byAccountAndIp.consume(pair(ip, email)), byIp.consume(ip), byAccount.consume(email)]);
      const rejected = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
      if (rejected && !(rejected.reason instanceof RateLimiterRes)) throw rejected.reason;
    },
    async succeeded(ip, email, userId) {
      await byAccountAndIp.delete(pair(ip, email));
      await pool.query(
        `INSERT INTO known_logins (user_id, ip_hash, last_login_at) VALUES ($1, $2, now())
         ON CONFLICT (user_id, ip_hash) DO UPDATE SET last_login_at = now()`,
        [userId, ipHash(ip)],
      );
    },
  };
}
