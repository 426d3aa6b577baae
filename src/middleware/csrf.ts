// Synchronizer-token CSRF protection (csrf-sync) for every POST/PUT/PATCH/DELETE. Forms carry the token
// in a hidden "_csrf" field; the token lives in the session, so it is only created when a form is shown.
import { csrfSync } from 'csrf-sync';
import type { NextFunction, Request, Response } from 'express';

const { csrfSynchronisedProtection, generateToken } = csrfSync({
  getTokenFromRequest: (req) => {
    const fromBody = (req.body as Record<string, unknown> | undefined)?._csrf;
    return typeof fromBody === 'string' ? fromBody : req.get('x-csrf-token');
  },
  errorConfig: { statusCode: 403, code: 'EBADCSRFTOKEN', message: 'invalid csrf token' },
});

export const csrfProtection = csrfSynchronisedProtection;

/** Views call csrfToken() inside forms; only then is a token (and a session) created. */
export function csrfLocals(req: Request, res: Response, next: NextFunction): void {
  res.locals.csrfToken = () => generateToken(req);
  next();
}
