// Sessions live in PostgreSQL (connect-pg-simple): they survive restarts and are shared by all app instances.
// No session is created for visitors who only read (saveUninitialized: false).
import connectPgSimple from 'connect-pg-simple';
import session from 'express-session';
import type pg from 'pg';

declare module 'express-session' {
  interface SessionData {
    userId: number;
    flash: { type: 'success' | 'error' | 'info'; message: string }[];
  }
}

export const SESSION_COOKIE = 'keb.sid';
const SESSION_DAYS = 14;

export function createSessionStore(pool: pg.Pool, options: { pruneExpired: boolean }): session.Store {
  const PgStore = connectPgSimple(session);
  return new PgStore({
    pool,
    tableName: 'session',
    createTableIfMissing: false, // created by our migrations
    pruneSessionInterval: options.pruneExpired ? 15 * 60 : false,
  });
}

export function sessionMiddleware(options: { store: session.Store; secret: string; secureCookies: boolean }) {
  return session({
    name: SESSION_COOKIE,
    store: options.store,
    secret: options.secret,
    resave: false,
    saveUninitialized: false,
    cookie: { httpOnly: true, sameSite: 'lax', secure: options.secureCookies, maxAge: SESSION_DAYS * 24 * 60 * 60 * 1000 },
  });
}

/** Ends every session of a user (logout everywhere, password change, account disabled). */
export async function endSessionsOfUser(pool: pg.Pool, userId: number): Promise<number> {
  const result = await pool.query(`DELETE FROM "session" WHERE sess->>'userId' = $1`, [String(userId)]);
  return result.rowCount ?? 0;
}
