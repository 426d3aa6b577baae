// Synchronizer-token CSRF protection (csrf-sync) for every POST/PUT/PATCH/DELETE. Forms carry the token
// in a hidden "_csrf" field; the token lives in the session, so it is only created when a form is shown.
//
// When the token does not match (the session expired, or the person logged in again in another tab), nothing
// is changed. What was typed is kept in the session and the browser goes back to the page the form was on,
// where the form shows the typed values again with a fresh token (see restoreExpiredForm).
import { csrfSync } from 'csrf-sync';
import type { NextFunction, Request, Response } from 'express';
import { formValues } from '../lib/forms.js';

const { generateToken, isRequestValid, invalidCsrfTokenError } = csrfSync({
  getTokenFromRequest: (req) => {
    const fromBody = (req.body as Record<string, unknown> | undefined)?._csrf;
    return typeof fromBody === 'string' ? fromBody : req.get('x-csrf-token');
  },
  errorConfig: { statusCode: 403, code: 'EBADCSRFTOKEN', message: 'invalid csrf token' },
  // 32 random bytes are unguessable; the default 128 made every form on a page half a kilobyte longer.
  size: 32,
});

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
/** Larger forms are not kept (the limit protects the session table, not the person). */
const MAX_KEPT_FORM_BYTES = 64 * 1024;

export const EXPIRED_FORM_MESSAGE =
  'Deine Sitzung war abgelaufen, deshalb ist das Formular noch nicht gespeichert. Deine Eingaben sind wieder eingetragen – bitte prüfe sie und sende das Formular noch einmal ab.';

/** Views call csrfToken() inside forms; only then is a token created. */
export function csrfLocals(req: Request, res: Response, next: NextFunction): void {
  res.locals.csrfToken = () => {
    if (!req.session) throw new Error(`csrfToken() on ${req.path} without a session: give the route withSession (middleware/session.ts)`);
    return generateToken(req);
  };
  next();
}

/** The path (with query) of a page on this site that sent the request, from the Referer header. */
function sameSitePage(req: Request): string | undefined {
  const referer = req.get('referer');
  if (!referer) return undefined;
  try {
    const url = new URL(referer);
    return url.host === req.get('host') && (url.protocol === 'http:' || url.protocol === 'https:') ? url.pathname + url.search : undefined;
  } catch {
    return undefined;
  }
}

export function csrfProtection(req: Request, res: Response, next: NextFunction): void {
  if (SAFE_METHODS.has(req.method) || (req.session && isRequestValid(req))) return next();
  const page = sameSitePage(req);
  if (!page || !req.session || !req.is('application/x-www-form-urlencoded')) return next(invalidCsrfTokenError);
  const values = formValues(req.body);
  req.session.expiredForm = { page, action: req.path, values: JSON.stringify(values).length <= MAX_KEPT_FORM_BYTES ? values : {} };
  req.session.save((error) => (error ? next(error) : res.redirect(303, page)));
}

/**
 * Renders the kept form values into the page they came from, once. Runs at render time, so a page that first
 * sends the person to the login keeps them until the person is back.
 */
export function restoreExpiredForm(req: Request, res: Response, next: NextFunction): void {
  if (req.method !== 'GET' || !req.session?.expiredForm) return next();
  const render = res.render.bind(res) as (view: string, options?: object, callback?: unknown) => void;
  res.render = ((view: string, options?: Record<string, unknown>, callback?: unknown) => {
    const kept = req.session?.expiredForm;
    if (kept && kept.page === req.originalUrl) {
      delete req.session.expiredForm;
      const values = { ...((options?.values as object | undefined) ?? {}), ...kept.values };
      res.locals.flash = [...(res.locals.flash ?? []), { type: 'error', message: EXPIRED_FORM_MESSAGE }];
      return render(view, { ...options, values, form: kept.action }, callback);
    }
    return render(view, options, callback);
  }) as Response['render'];
  next();
}
