// 404 and error pages in German. Unexpected errors are logged with the request id and never show a stack.
// Bad input that only the database noticed is a 400, not a 500; a database that is away gives a 503 page
// with Retry-After, and the log says so once per outage, not once per request.
import type { NextFunction, Request, Response } from 'express';
import { isDatabaseUnavailable, isInvalidInput } from '../db/errors.js';
import { AppError, TooManyRequestsError } from '../lib/errors.js';
import type { Logger } from '../lib/logger.js';

export function notFound(_req: Request, res: Response): void {
  res.status(404).render('errors/error', {
    title: 'Seite nicht gefunden',
    message: 'Diese Seite gibt es nicht (mehr). Vielleicht hat sich die Adresse geändert; über die Navigation oben findest du alle Bereiche.',
  });
}

interface HttpLikeError {
  status?: number;
  statusCode?: number;
  code?: string;
}

interface ErrorPage {
  status: number;
  title: string;
  message: string;
}

const UNAVAILABLE: ErrorPage = {
  status: 503,
  title: 'Kurz nicht erreichbar',
  message: 'Die Erfahrungsbörse ist gerade kurz nicht erreichbar, weil ihre Datenbank nicht antwortet. Bitte versuche es in einer Minute noch einmal.',
};

function describe(error: unknown): ErrorPage {
  if (error instanceof AppError) {
    const title =
      error.status === 404 ? 'Nicht gefunden' : error.status === 403 ? 'Keine Berechtigung' : error.status === 400 ? 'Ungültige Anfrage' : 'Das ging nicht';
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
  if (isInvalidInput(error)) {
    return { status: 400, title: 'Ungültige Anfrage', message: 'Die Anfrage enthält ungültige Werte und wurde nicht verarbeitet. Bitte prüfe deine Eingaben.' };
  }
  if (isDatabaseUnavailable(error)) return UNAVAILABLE;
  const status = e.status ?? e.statusCode ?? 500;
  if (status === 413) return { status, title: 'Zu groß', message: 'Die gesendeten Daten sind zu groß.' };
  if (status === 404) return { status, title: 'Nicht gefunden', message: 'Diese Datei gibt es nicht.' };
  if (status >= 400 && status < 500) {
    return { status, title: 'Ungültige Anfrage', message: 'Die Anfrage konnte nicht verarbeitet werden. Bitte prüfe deine Eingaben.' };
  }
  return {
    status: 500,
    title: 'Interner Fehler',
    message: 'Hier ist etwas schiefgegangen. Der Fehler wurde protokolliert; bitte versuche es später noch einmal.',
  };
}

/** Remembers whether the database was last seen away, so an outage is logged once when it starts and once when it ends. */
export function databaseOutageLog(logger: Logger) {
  let awaySince: number | undefined;
  return {
    away() {
      if (awaySince !== undefined) return;
      awaySince = Date.now();
      logger.error('Datenbank nicht erreichbar: Seiten antworten mit 503, bis sie wieder da ist.');
    },
    back() {
      if (awaySince === undefined) return;
      logger.info(`Datenbank wieder erreichbar (nach ${Math.round((Date.now() - awaySince) / 1000)} s).`);
      awaySince = undefined;
    },
    get isAway() {
      return awaySince !== undefined;
    },
  };
}

export type OutageLog = ReturnType<typeof databaseOutageLog>;

/** After a response that needed the database and got it, an outage is over. */
export function noticeDatabaseBack(outage: OutageLog) {
  return (_req: Request, res: Response, next: NextFunction) => {
    if (outage.isAway) res.on('finish', () => res.statusCode < 500 && outage.back());
    next();
  };
}

export function errorHandler(logger: Logger, outage: OutageLog) {
  return (error: unknown, req: Request, res: Response, next: NextFunction): void => {
    const page = describe(error);
    if (page === UNAVAILABLE) outage.away();
    else if (page.status >= 500) logger.error({ reqId: req.id, err: error }, 'unexpected error');
    if (res.headersSent) return next(error);
    if (error instanceof TooManyRequestsError) res.set('Retry-After', String(error.retryAfterSeconds));
    if (page === UNAVAILABLE) res.set('Retry-After', '30');
    res.status(page.status).render('errors/error', {
      title: page.title,
      message: page.message,
      requestId: page.status === 500 ? req.id : undefined,
    });
  };
}
