// Synchronizer-token CSRF protection (csrf-sync) for every POST/PUT/PATCH/DELETE. Forms carry the token
// in a hidden "_csrf" field; the token lives in the session, so it is only created when a form is shown.
//
// When the token does not match (the session expired, or the person logged in again in another tab), nothing
// is changed. What was typed is kept in the session and the browser goes back to the page the form was on,
// where the form shows the typed values again with a fresh token (see restoreExpiredForm).
import { csrfSync } from 'csrf-sync';
import type { NextFunction, Request, Response } from 'express';
import { multipartTextFields } from '../lib/attachments.js';
import { formValues } from '../lib/forms.js';

const { generateToken, isRequestValid, invalidCsrfTokenError } = csrfSync({
  getTokenFromRequest: (req) => {
    // Upload forms (multipart) carry the token in their action's query string: it is checked before a single
    // byte of the upload is read (see csrfQuery). The request log never shows it (loggableUrl).
    const fromBody = req.is('multipart/form-data') ? req.query._csrf : (req.body as Record<string, unknown> | undefined)?._csrf;
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
  /** Upload forms put the token into their action: `action="/berichte/neu?<%= csrfQuery() %>"`. */
  res.locals.csrfQuery = () => `_csrf=${encodeURIComponent(res.locals.csrfToken())}`;
  next();
}

/** The path (with query) of a page on this site that sent the request, from the Referer header. */
function sameSitePage(req: Request): string | undefined {
  const referer = req.get('referer');
  if (!referer) return undefined;
  try {
    const url = new URL(referer);
    if (url.searchParams.has('_csrf')) url.searchParams.delete('_csrf');
    return url.host === req.get('host') && (url.protocol === 'http:' || url.protocol === 'https:') ? url.pathname + url.search : undefined;
  } catch {
    return undefined;
  }
}

export function csrfProtection(req: Request, res: Response, next: NextFunction): void {
  if (SAFE_METHODS.has(req.method) || (req.session && isRequestValid(req))) return next();
  const page = sameSitePage(req);
  if (!page || !req.session) return next(invalidCsrfTokenError);
  const keep = (upload = false) => {
    const values = formValues(req.body);
    req.session.expiredForm = { page, action: req.path, values: JSON.stringify(values).length <= MAX_KEPT_FORM_BYTES ? values : {}, upload };
    req.session.save((error) => (error ? next(error) : res.redirect(303, page)));
  };
  if (req.is('application/x-www-form-urlencoded')) return keep();
  // An upload form keeps its text; its files are read past and not stored (they must be chosen again).
  if (req.is('multipart/form-data')) {
    return void multipartTextFields(req, res, (error?: unknown) => {
      if (error) next(error);
      else keep(true);
    });
  }
  next(invalidCsrfTokenError);
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
      const message = kept.upload ? `${EXPIRED_FORM_MESSAGE} Ausgewählte Dateien bitte noch einmal auswählen.` : EXPIRED_FORM_MESSAGE;
      res.locals.flash = [...(res.locals.flash ?? []), { type: 'error', message }];
      return render(view, { ...options, values, form: kept.action }, callback);
    }
    return render(view, options, callback);
  }) as Response['render'];
  next();
}
