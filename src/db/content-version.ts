// The site's content version (migration content_version): a number that grows with every committed change to the
// content. What is kept in memory for everyone is kept only while it stays the same.
import type { Request } from 'express';
import type pg from 'pg';

const versions = new WeakMap<Request, number>();

/**
 * The content version a request read before anything else: with its session (middleware/session.ts), or for a
 * visitor in the page cache (middleware/page-cache.ts). Results kept for it stay valid until the content changes
 * (lib/cache.ts, sharedResults). undefined: not read (no page cache, or the database did not answer).
 */
export const contentVersionOf = (req: Request): number | undefined => versions.get(req);

/**
 * The content version for reads that show something (GET, HEAD), which may then come from memory; a change (POST …)
 * reads what it changes afresh. undefined: read from the database.
 */
export const shownContentVersionOf = (req: Request): number | undefined =>
  req.method === 'GET' || req.method === 'HEAD' ? versions.get(req) : undefined;

export function noteContentVersion(req: Request, version: number | null | undefined): void {
  if (typeof version === 'number') versions.set(req, version);
}

/**
 * Reads the version at most every `everyMs`; callers in between share the last read. A failed read (database away)
 * gives undefined for the same time, so nothing is served as current then and nobody waits for it twice.
 */
export function contentVersionReader(pool: pg.Pool, everyMs: number): () => Promise<number | undefined> {
  let last: { at: number; version: Promise<number | undefined> } | undefined;
  return () => {
    if (!last || Date.now() - last.at >= everyMs) {
      last = {
        at: Date.now(),
        version: pool.query<{ version: number }>('SELECT version FROM content_version').then(
          (result) => (typeof result.rows[0]?.version === 'number' ? result.rows[0].version : undefined),
          () => undefined,
        ),
      };
    }
    return last.version;
  };
}
