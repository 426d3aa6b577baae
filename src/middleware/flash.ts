// One-shot messages after a redirect (Post/Redirect/Get). Reading never creates a session.
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
  req.flash = (type, message) => {
    req.session.flash = [...(req.session.flash ?? []), { type, message }];
  };
  const pending = req.session?.flash;
  if (pending?.length) {
    res.locals.flash = pending;
    delete req.session.flash;
  } else {
    res.locals.flash = [];
  }
  next();
}
