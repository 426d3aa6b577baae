// Small helpers shared by route handlers: parse → service → render or redirect.
import { pipeline } from 'node:stream/promises';
import type { Request, Response } from 'express';
import type { KeptFile } from './file-cache.js';
import { NotFoundError, TooManyRequestsError, ValidationError } from './errors.js';
import { formValues } from './forms.js';

/**
 * Runs a form submission. Invalid input re-renders the form (422) with an error summary, messages next to the
 * fields and everything the person typed; a lock-out (429) shows its message in the summary.
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

/** Numeric route parameter within PostgreSQL's integer range, or undefined. */
export function idParam(req: Request, name = 'id'): number | undefined {
  const value = req.params[name];
  if (typeof value !== 'string' || !/^\d{1,10}$/.test(value)) return undefined;
  const id = Number(value);
  return id >= 1 && id <= 2_147_483_647 ? id : undefined;
}

/** The numeric route parameter, or a 404 with the given message. */
export function requireIdParam(req: Request, message: string, name = 'id'): number {
  const id = idParam(req, name);
  if (id === undefined) throw new NotFoundError(message);
  return id;
}

/** The record, or a 404 with the given message: one way to say "gibt es nicht" everywhere. */
export async function orNotFound<T>(record: Promise<T | null | undefined> | T | null | undefined, message: string): Promise<T> {
  const value = await record;
  if (value === null || value === undefined) throw new NotFoundError(message);
  return value;
}

export interface Confirmation {
  title: string;
  /** What will happen, in one or two sentences. */
  question: string;
  /** The button that does it, naming whom or what it acts on ("Erika Beispiel sperren"). */
  button: string;
  /** Where "Abbrechen" leads. */
  cancelHref: string;
  danger?: boolean;
}

/**
 * Destructive actions ask first. With JavaScript, public/js/confirm.js asks in a dialog and sends bestaetigt=ja;
 * without it, the first POST shows this confirmation page and its button sends the same form again, confirmed.
 * Returns true when the action may go ahead.
 */
export function confirmed(req: Request, res: Response, confirmation: Confirmation): boolean {
  const body = (req.body ?? {}) as Record<string, unknown>;
  if (body.bestaetigt === 'ja') return true;
  const hidden = Object.entries(formValues(body, ['bestaetigt'])).filter(([, v]) => typeof v === 'string') as [string, string][];
  res.render('shared/confirm', { ...confirmation, action: req.originalUrl, hidden });
  return false;
}

/** A path with a query string (none when the query is empty): links, pagination and feeds of filtered lists. */
export function withQuery(path: string, query: Record<string, string>): string {
  const text = new URLSearchParams(query).toString();
  return text ? `${path}?${text}` : path;
}

/**
 * A file made for this request (a filled-in template), sent as a download. Through res.send, which the visitors'
 * page cache watches (middleware/page-cache.ts): the next visitor with the same address gets the same bytes.
 */
export function sendMadeFile(res: Response, fileName: string, contentType: string, content: string | Uint8Array): void {
  const body =
    typeof content === 'string'
      ? Buffer.from(content, 'utf8')
      : Buffer.isBuffer(content)
        ? content
        : Buffer.from(content.buffer, content.byteOffset, content.byteLength);
  res.attachment(fileName).type(contentType).send(body); // no body for HEAD
}

/** Sends a file kept on disk (lib/file-cache.ts) with its length. A download the browser breaks off is no error. */
export async function sendKeptFile(res: Response, file: KeptFile): Promise<void> {
  res.set('Content-Length', String(file.size));
  if (file.bytes) {
    // 'close' comes after the last byte went to the system, or after the connection broke off.
    res.once('close', file.release);
    return void res.end(file.bytes);
  }
  try {
    await pipeline(file.stream, res);
  } catch (error) {
    if (!res.destroyed) throw error;
  }
}
