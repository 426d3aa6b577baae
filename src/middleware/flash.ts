// One-shot messages after a redirect (Post/Redirect/Get). Reading never creates a session.
//
// A redirect that carries a message waits until the session holding it is stored: express-session writes
// the response head before its own save finishes, and browsers follow a 303 at once, so the next page
// would often be rendered before the message had arrived in the database.
import type { NextFunction, Request, Response } from 'express';

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace Express {
    interface Request {
      flash(type: 'success' | 'error' | 'info', message: string): void;
    }
  }
}

export function flash(req: Request, res: Response, next: NextFunction): void {
  let unsaved = false;
  req.flash = (type, message) => {
    req.session.flash = [...(req.session.flash ?? []), { type, message }];
    unsaved = true;
  };
  const redirect = res.redirect.bind(res) as (...args: unknown[]) => void;
  res.redirect = ((...args: unknown[]) => {
    if (!unsaved || !req.session) return redirect(...args);
    req.session.save((error) => (error ? next(error) : redirect(...args)));
  }) as Response['redirect'];

  const pending = req.session?.flash;
  if (pending?.length) {
    res.locals.flash = pending;
    delete req.session.flash;
  } else {
    res.locals.flash = [];
  }
  next();
}
