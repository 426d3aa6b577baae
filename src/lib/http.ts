// Small helpers shared by route handlers.
import type { Request, Response } from 'express';
import { TooManyRequestsError, ValidationError } from './errors.js';

/**
 * Runs a form submission. Invalid input re-renders the form (422) with messages next to the fields and
 * everything the person typed; a lock-out (429) shows its message above the form.
 */
export async function submitForm(
  res: Response,
  view: string,
  viewLocals: () => Promise<Record<string, unknown>> | Record<string, unknown>,
  action: () => Promise<void>,
): Promise<void> {
  try {
    await action();
  } catch (error) {
    if (error instanceof ValidationError) {
      res.status(422).render(view, { ...(await viewLocals()), errors: error.fieldErrors });
    } else if (error instanceof TooManyRequestsError) {
      res.set('Retry-After', String(error.retryAfterSeconds));
      res.status(429).render(view, { ...(await viewLocals()), errors: { _form: error.message } });
    } else {
      throw error;
    }
  }
}

/** Numeric route parameter, or undefined (which handlers answer with 404). */
export function idParam(req: Request, name = 'id'): number | undefined {
  const value = req.params[name];
  return typeof value === 'string' && /^\d{1,9}$/.test(value) ? Number(value) : undefined;
}

export function regenerateSession(req: Request): Promise<void> {
  return new Promise((resolve, reject) => req.session.regenerate((err) => (err ? reject(err) : resolve())));
}

export function saveSession(req: Request): Promise<void> {
  return new Promise((resolve, reject) => req.session.save((err) => (err ? reject(err) : resolve())));
}

export function destroySession(req: Request): Promise<void> {
  return new Promise((resolve, reject) => req.session.destroy((err) => (err ? reject(err) : resolve())));
}

/** Logs a person in on a fresh session id (no session fixation). */
export async function startUserSession(req: Request, userId: number): Promise<void> {
  await regenerateSession(req);
  req.session.userId = userId;
  await saveSession(req);
}
