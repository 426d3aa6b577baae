// Sessions live in PostgreSQL (connect-pg-simple): they survive restarts and are shared by all app instances.
//
// - Revocation holds against requests in flight: ending a session leaves a tombstone row (revoked_at set),
//   and saving never brings a revoked row back. Without that, a request that loaded the session before a
//   "log out everywhere" saves it again at its end and the stolen cookie works again.
// - Visitors who only read get no session at all: a GET without a session cookie skips the session
//   middleware. Routes that show a form to visitors (login, registration …) ask for one with `withSession`.
// - A session is written only when it changed; the 14-day expiry slides forward at most every few hours.
import type { NextFunction, Request, Response } from 'express';
import connectPgSimple from 'connect-pg-simple';
import session from 'express-session';
import type pg from 'pg';
import { noteContentVersion } from '../db/content-version.js';

declare module 'express-session' {
  interface SessionData {
    userId: number;
    /** When the expiry was last moved forward (ms since the epoch). */
    refreshedAt: number;
    flash: { type: 'success' | 'error' | 'info'; message: string }[];
    /** What was typed into a form whose security token had expired (see middleware/csrf.ts). */
    expiredForm: { page: string; action: string; values: Record<string, unknown>; upload?: boolean };
  }
}

const SESSION_DAYS = 14;
const SESSION_MS = SESSION_DAYS * 24 * 60 * 60 * 1000;
/** How often a logged-in person's session expiry is pushed forward (one write at most this often). */
const REFRESH_EVERY_MS = 6 * 60 * 60 * 1000;

/** `__Host-` in production: the browser then only accepts the cookie over HTTPS, for this host and path /. */
export function sessionCookieName(secure: boolean): string {
  return secure ? '__Host-keb.sid' : 'keb.sid';
}

type Callback = (error?: unknown) => void;

/** The person a session belongs to, as loaded together with the session (see RevocableStore.get). */
export interface SessionUser {
  id: number;
  name: string;
  email: string;
  role: 'MEMBER' | 'ORGANIZER' | 'ADMIN';
  status: 'PENDING' | 'ACTIVE' | 'DISABLED';
  allianceId: number | null;
  isDelegate: boolean;
  /**
   * The version of the person's row (PostgreSQL's xmin): every UPDATE of the row, of any column and by any code,
   * writes a new version of it. What shows the person's own settings may be kept under it (see userRowVersionOf).
   */
  rowVersion: string;
}

/**
 * Who the session belongs to, read in the same query as the session itself: one round trip for both on every
 * logged-in request. null: the session has no (existing) person; no entry: ask the database (another store).
 */
export const sessionUsers = new WeakMap<Request, SessionUser | null>();
/** The request whose session express-session is loading right now (it calls store.get synchronously). */
let loadingFor: Request | undefined;

const SESSION_WITH_USER = `
  SELECT s.sess, u.id, u.name, u.email, u.role::text AS role, u.status::text AS status, u.alliance_id AS "allianceId", u.is_delegate AS "isDelegate",
    u.xmin::text AS "rowVersion", (SELECT version FROM content_version) AS "contentVersion"
  FROM "session" s
  LEFT JOIN users u ON u.id = CASE WHEN s.sess->>'userId' ~ '^[0-9]{1,9}$' THEN (s.sess->>'userId')::int END
  WHERE s.sid = $1 AND s.expire >= now() AND s.revoked_at IS NULL`;

/** The version of the logged-in person's row as read with the session; undefined when it was not read that way. */
export function userRowVersionOf(req: Request): string | undefined {
  const user = sessionUsers.get(req);
  return user && user.id === req.user?.id ? user.rowVersion : undefined;
}

/** connect-pg-simple, except that a revoked session stays revoked (see above). */
function revocableStore(pool: pg.Pool, options: { pruneExpired: boolean }): session.Store {
  const PgStore = connectPgSimple(session);
  class RevocableStore extends PgStore {
    override get(sid: string, callback: (error: unknown, session?: session.SessionData | null) => void): void {
      const req = loadingFor;
      pool
        .query<{ sess: session.SessionData; contentVersion: number } & Partial<SessionUser>>({
          name: 'session_with_user',
          text: SESSION_WITH_USER,
          values: [sid],
        })
        .then((result) => {
          const row = result.rows[0];
          if (req && row) noteContentVersion(req, row.contentVersion);
          if (req)
            sessionUsers.set(
              req,
              row?.id
                ? {
                    id: row.id,
                    name: row.name!,
                    email: row.email!,
                    role: row.role!,
                    status: row.status!,
                    allianceId: row.allianceId ?? null,
                    isDelegate: row.isDelegate!,
                    rowVersion: row.rowVersion!,
                  }
                : null,
            );
          callback(null, row?.sess ?? null);
        }, callback);
    }

    override set(sid: string, sess: session.SessionData, callback?: Callback): void {
      const expire = sess.cookie?.expires ? new Date(sess.cookie.expires) : new Date(Date.now() + SESSION_MS);
      pool
        .query(
          `INSERT INTO "session" (sid, sess, expire) VALUES ($1, $2, $3)
           ON CONFLICT (sid) DO UPDATE SET sess = EXCLUDED.sess, expire = EXCLUDED.expire WHERE "session".revoked_at IS NULL`,
          [sid, JSON.stringify(sess), expire],
        )
        .then(() => callback?.(), callback);
    }

    override destroy(sid: string, callback?: Callback): void {
      revokeWhere(pool, 'sid = $1', [sid]).then(() => callback?.(), callback);
    }

    override touch(_sid: string, _sess: session.SessionData, callback?: Callback): void {
      callback?.(); // the expiry moves forward through refreshSession(), not on every request
    }
  }
  return new RevocableStore({
    pool,
    tableName: 'session',
    createTableIfMissing: false, // created by our migrations
    pruneSessionInterval: options.pruneExpired ? 15 * 60 : false,
  });
}

export function createSessionStore(pool: pg.Pool, options: { pruneExpired: boolean }): session.Store {
  return revocableStore(pool, options);
}

/** Tombstones: personal data gone, kept until well after any request in flight could still save them. */
async function revokeWhere(pool: pg.Pool, condition: string, params: unknown[]): Promise<number> {
  const result = await pool.query(
    `UPDATE "session" SET revoked_at = now(), sess = '{}', expire = greatest(expire, now() + interval '1 day')
     WHERE revoked_at IS NULL AND ${condition}`,
    params,
  );
  return result.rowCount ?? 0;
}

/** Ends every session of a user (log out everywhere, password change, account disabled), except `keepSid`. */
export function endSessionsOfUser(pool: pg.Pool, userId: number, keepSid?: string): Promise<number> {
  return keepSid
    ? revokeWhere(pool, `sess->>'userId' = $1 AND sid <> $2`, [String(userId), keepSid])
    : revokeWhere(pool, `sess->>'userId' = $1`, [String(userId)]);
}

export interface SessionOptions {
  store: session.Store;
  secret: string;
  secureCookies: boolean;
}

export function createSessionMiddleware(options: SessionOptions) {
  const cookieName = sessionCookieName(options.secureCookies);
  const handler = session({
    name: cookieName,
    store: options.store,
    secret: options.secret,
    resave: false,
    saveUninitialized: false,
    cookie: { httpOnly: true, sameSite: 'lax', secure: options.secureCookies, maxAge: SESSION_MS, path: '/' },
  });
  const loadSession = (req: Request, res: Response, next: NextFunction) => {
    loadingFor = req;
    try {
      handler(req, res, next);
    } finally {
      loadingFor = undefined;
    }
  };
  const cookiePrefix = `${cookieName}=`;
  const hasSessionCookie = (req: Request) => req.headers.cookie?.split(/;\s*/).some((c) => c.startsWith(cookiePrefix)) ?? false;

  return {
    cookieName,
    hasSessionCookie,
    /** For every request: loads the session if the browser has one; a state change may create one. */
    ifPresent(req: Request, res: Response, next: NextFunction): void {
      if ((req.method === 'GET' || req.method === 'HEAD') && !hasSessionCookie(req)) return next();
      loadSession(req, res, next);
    },
    /** For pages that show a visitor a form: the CSRF token needs a session. */
    always: loadSession,
  };
}

/** A logged-in person's session lives 14 days from the last visit; written at most every few hours. */
export function refreshSession(req: Request): void {
  if (req.session && Date.now() - (req.session.refreshedAt ?? 0) > REFRESH_EVERY_MS) req.session.refreshedAt = Date.now();
}

export function regenerateSession(req: Request): Promise<void> {
  return new Promise((resolve, reject) => req.session.regenerate((err) => (err ? reject(err) : resolve())));
}

export function saveSession(req: Request): Promise<void> {
  return new Promise((resolve, reject) => req.session.save((err) => (err ? reject(err) : resolve())));
}

export function destroySession(req: Request): Promise<void> {
  if (!req.session) return Promise.resolve();
  return new Promise((resolve, reject) => req.session.destroy((err) => (err ? reject(err) : resolve())));
}

/** Logs a person in on a fresh session id (no session fixation); a form typed before the login survives. */
export async function startUserSession(req: Request, userId: number): Promise<void> {
  const carried = { expiredForm: req.session?.expiredForm, flash: req.session?.flash };
  await regenerateSession(req);
  req.session.userId = userId;
  req.session.refreshedAt = Date.now();
  if (carried.expiredForm) req.session.expiredForm = carried.expiredForm;
  if (carried.flash) req.session.flash = carried.flash;
  await saveSession(req);
}

/**
 * Route middleware for pages that show a visitor a form (login, registration …): the form's CSRF token lives
 * in a session, so these pages start one. createApp registers the session handler under this app setting.
 */
export function withSession(req: Request, res: Response, next: NextFunction): void {
  const handler = req.app.get('session handler') as ((req: Request, res: Response, next: NextFunction) => void) | undefined;
  if (!handler) return next(new Error('session handler not registered'));
  handler(req, res, next);
}
