// One short access-log line per request (method, address, status, duration) with a request id that the
// error page shows and the X-Request-Id header carries. Headers (cookies!) and secret tokens stay out of the log.
import { randomUUID } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import type { Logger } from '../lib/logger.js';

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace Express {
    interface Request {
      /** Ties the access-log line, error lines and the error page together. */
      id: string;
    }
  }
}

/** Secret tokens in links (password reset, address confirmation, CSRF in upload forms) never reach the log. */
const SECRET_PATHS = /^(\/passwort-zuruecksetzen\/|\/konto\/email-bestaetigen\/)[^/?#]+/;
export function loggableUrl(url: string): string {
  return url.replace(SECRET_PATHS, '$1[verborgen]').replace(/([?&]_csrf=)[^&#]*/, '$1[verborgen]');
}

/** Probes and static files are not worth a line each. */
const QUIET = /^\/(healthz|readyz|assets\/)/;

export function requestLog(logger: Logger) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const incoming = req.headers['x-request-id'];
    req.id = typeof incoming === 'string' && /^[\w-]{1,100}$/.test(incoming) ? incoming : randomUUID();
    res.setHeader('X-Request-Id', req.id);
    if (!QUIET.test(req.url)) {
      const started = performance.now();
      res.on('finish', () => {
        // A 503 while the database is away is expected; the outage itself is logged once (middleware/errors.ts).
        const level = res.statusCode >= 500 && res.statusCode !== 503 ? 'error' : 'info';
        logger[level](
          { req: { id: req.id, method: req.method, url: loggableUrl(req.originalUrl) }, res: { statusCode: res.statusCode }, ms: Math.round(performance.now() - started) },
          'request',
        );
      });
    }
    next();
  };
}
