// First line of the shared input parsing: a path or query string with control characters (a NUL byte, …)
// is never a real link. Such requests get a 400 page before any route or query sees them; form fields are
// cleaned by the field helpers in lib/fields.ts.
import type { NextFunction, Request, Response } from 'express';
import { AppError } from '../lib/errors.js';

const CONTROL_CHARACTERS = /[\u0000-\u001F\u007F]/;

function hasControlCharacters(value: unknown): boolean {
  if (typeof value === 'string') return CONTROL_CHARACTERS.test(value);
  if (Array.isArray(value)) return value.some(hasControlCharacters);
  if (value && typeof value === 'object') return Object.entries(value).some(([k, v]) => CONTROL_CHARACTERS.test(k) || hasControlCharacters(v));
  return false;
}

export function rejectMalformedUrls(req: Request, _res: Response, next: NextFunction): void {
  let path: string;
  try {
    path = decodeURIComponent(req.path);
  } catch {
    return next(new AppError('Diese Adresse ist ungültig kodiert.', 400));
  }
  if (CONTROL_CHARACTERS.test(path) || hasControlCharacters(req.query)) {
    return next(new AppError('Diese Adresse enthält unzulässige Zeichen.', 400));
  }
  next();
}
