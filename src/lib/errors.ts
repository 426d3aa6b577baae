// Typed errors that services throw; the error middleware turns them into German pages with the right status.
export class AppError extends Error {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
  }
}

export class NotFoundError extends AppError {
  constructor(message = 'Diese Seite gibt es nicht (mehr).') {
    super(message, 404);
  }
}

export class ForbiddenError extends AppError {
  constructor(message = 'Dafür fehlt dir die Berechtigung.') {
    super(message, 403);
  }
}

export class TooManyRequestsError extends AppError {
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super(message, 429);
  }
}

/** A form's input is invalid: field name → German message. Handlers re-render the form with status 422. */
export class ValidationError extends AppError {
  constructor(readonly fieldErrors: Record<string, string>) {
    super('Bitte prüfe die markierten Felder.', 422);
  }
}
