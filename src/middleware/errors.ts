// 404 and error pages in German. Unexpected errors are logged with the request id and never show a stack.
import type { NextFunction, Request, Response } from 'express';
import { AppError, TooManyRequestsError } from '../lib/errors.js';
import type { Logger } from '../lib/logger.js';

export function notFound(_req: Request, res: Response): void {
  res.status(404).render('errors/error', {
    title: 'Seite nicht gefunden',
    message: 'Diese Seite gibt es nicht (mehr). Vielleicht hilft die Suche oder die Startseite weiter.',
  });
}

interface HttpLikeError {
  status?: number;
  statusCode?: number;
  type?: string;
  code?: string;
  expose?: boolean;
}

function describe(error: unknown): { status: number; title: string; message: string } {
  if (error instanceof AppError) {
    const title = error.status === 404 ? 'Nicht gefunden' : error.status === 403 ? 'Keine Berechtigung' : 'Das ging nicht';
    return { status: error.status, title, message: error.message };
  }
  const e = (error ?? {}) as HttpLikeError;
  if (e.code === 'EBADCSRFTOKEN') {
    return {
      status: 403,
      title: 'Sicherheitsprüfung fehlgeschlagen',
      message: 'Das Formular war abgelaufen oder kam nicht von dieser Seite. Bitte lade die Seite neu und versuche es noch einmal.',
    };
  }
  const status = e.status ?? e.statusCode ?? 500;
  if (status === 413) return { status, title: 'Zu groß', message: 'Die gesendeten Daten sind zu groß.' };
  if (status >= 400 && status < 500) {
    return { status, title: 'Ungültige Anfrage', message: 'Die Anfrage konnte nicht verarbeitet werden. Bitte prüfe deine Eingaben.' };
  }
  return {
    status: 500,
    title: 'Interner Fehler',
    message: 'Hier ist etwas schiefgegangen. Der Fehler wurde protokolliert; bitte versuche es später noch einmal.',
  };
}

export function errorHandler(logger: Logger) {
  return (error: unknown, req: Request, res: Response, next: NextFunction): void => {
    const { status, title, message } = describe(error);
    if (status >= 500) (req.log ?? logger).error({ err: error }, 'unexpected error');
    if (res.headersSent) return next(error);
    if (error instanceof TooManyRequestsError) res.set('Retry-After', String(error.retryAfterSeconds));
    res.status(status).render('errors/error', { title, message, requestId: status >= 500 ? String(req.id ?? '') : undefined });
  };
}
