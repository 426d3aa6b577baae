// Visitors who only read (no session cookie) get pages from memory while the site's content stays the same: the
// first visitor's request renders the page, the others get the same HTML until something changes. Whether it did is
// the content version (migration content_version), read about once a second, so a visitor sees a change within a
// second or so, made on any instance. A page is also renewed after maxAgeMs, for what changes with the clock alone
// (upcoming meetings, deadlines). Logged-in people – and so everyone who changes something – always get a freshly
// rendered page and see their change at once.
import { createHash } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import { noteContentVersion } from '../db/content-version.js';

export interface PageCacheOptions {
  /** The longest a page is served from memory, also when the content stayed the same. */
  maxAgeMs: number;
  /** The content version now (shared reads, see db/content-version.ts); undefined: unknown, nothing is kept. */
  contentVersion: () => Promise<number | undefined>;
  /** Upper bound for the memory the cached pages take (oldest pages leave first). */
  maxBytes: number;
  /** Whether the request belongs to a session (then it is never served from or stored in the cache). */
  hasSession: (req: Request) => boolean;
}

interface CachedPage {
  /** The content version read before the page was rendered (the page may be newer, never older). */
  version: number;
  expires: number;
  contentType: string;
  /** Content-Disposition of a download (calendar files, documents), sent again with the copy. */
  disposition?: string;
  /** The page as sent, encoded once, and its ETag (computed once, not on every copy sent). */
  body: Buffer;
  etag: string;
  /** When a request started to render a fresh copy; meanwhile the others still get this one. */
  refreshing?: number;
}

/**
 * A weak ETag as Express makes them (length and SHA-1 of the bytes). Only kept pages have one: the app does not hash
 * every page it sends (createApp turns Express's ETags off), as a browser never keeps a logged-in page anyway.
 */
function etagOf(body: Buffer): string {
  return `W/"${body.length.toString(16)}-${createHash('sha1').update(body).digest('base64').slice(0, 27)}"`;
}

/**
 * What is kept: pages, feeds, calendars, and the documents a template makes (text, Word, OpenDocument). A document
 * for the same address is the same for every visitor; building a Word file costs three times a page.
 */
const KEPT_TYPES =
  /^(text\/html|application\/atom\+xml|text\/calendar|text\/plain|application\/vnd\.openxmlformats-officedocument\.wordprocessingml\.document|application\/vnd\.oasis\.opendocument\.text)\b/;

/** A refresh that takes longer than this is given up on, and the next request tries again. */
const REFRESH_TIMEOUT_MS = 10_000;

export function anonymousPageCache(options: PageCacheOptions) {
  const pages = new Map<string, CachedPage>();
  let bytes = 0;

  const forget = (key: string) => {
    const page = pages.get(key);
    if (page) bytes -= page.body.length;
    pages.delete(key);
  };

  const remember = (key: string, page: CachedPage) => {
    forget(key);
    pages.set(key, page);
    bytes += page.body.length;
    // Map keeps insertion order: the first entries are the oldest.
    for (const oldest of pages.keys()) {
      if (bytes <= options.maxBytes) break;
      forget(oldest);
    }
  };

  return async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || options.hasSession(req)) return next();
    const key = req.originalUrl;
    const version = await options.contentVersion();
    // What the page shows may be kept with this version too (sharedResults): it was read before all of it.
    noteContentVersion(req, version);
    const now = Date.now();
    const cached = pages.get(key);
    const current = cached !== undefined && version !== undefined && cached.version === version && cached.expires > now;
    // Current, or outdated while one request already renders the new copy: no crowd of requests renders it again
    // at the same moment.
    if (cached && (current || (cached.refreshing !== undefined && now - cached.refreshing < REFRESH_TIMEOUT_MS))) {
      if (cached.disposition) res.set('Content-Disposition', cached.disposition);
      res.set('ETag', cached.etag);
      res.set('Content-Type', cached.contentType).send(cached.body);
      return;
    }
    if (cached) cached.refreshing = now;

    const send = res.send.bind(res);
    res.send = ((body?: unknown) => {
      if (typeof body === 'string' && !res.getHeader('content-type')) res.type('html'); // as Express's send would
      // Only complete pages and documents for everyone: no error pages, no redirects …
      const contentType = String(res.getHeader('content-type') ?? '');
      const keepable = version !== undefined && res.statusCode === 200 && KEPT_TYPES.test(contentType);
      const bytes = !keepable ? undefined : typeof body === 'string' ? Buffer.from(body) : Buffer.isBuffer(body) ? body : undefined;
      const etag = bytes && etagOf(bytes);
      // The same ETag as the copies to come; Express answers 304 to a browser that has this page already.
      if (etag) res.set('ETag', etag);
      const sent = send(body);
      // … and no page that started a session (a form with a token): its cookie is set as the head is written.
      if (bytes && etag && version !== undefined && !res.getHeader('set-cookie')) {
        const disposition = res.getHeader('content-disposition');
        remember(key, {
          version,
          expires: now + options.maxAgeMs,
          contentType,
          body: bytes,
          etag,
          ...(typeof disposition === 'string' ? { disposition } : {}),
        });
      } else if (cached) {
        forget(key); // the fresh copy failed: show what really happens from now on
      }
      return sent;
    }) as Response['send'];
    next();
  };
}
