// Runs a zod schema over submitted form data and turns failures into field → German message.
// The fields themselves are built from lib/fields.ts.
import type { z } from 'zod';
import { ValidationError } from './errors.js';

export function parseForm<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = schema.safeParse(input ?? {});
  if (result.success) return result.data;
  const fieldErrors: Record<string, string> = {};
  for (const issue of result.error.issues) {
    const field = String(issue.path[0] ?? '_form');
    fieldErrors[field] ??= issue.message;
  }
  throw new ValidationError(fieldErrors);
}

/** Parses a query string with a schema whose fields ignore what does not fit (see lib/fields.ts). */
export function parseQuery<S extends z.ZodType>(schema: S, query: unknown): z.output<S> {
  return schema.parse(query ?? {});
}

const SECRET_FIELDS = new Set(['_csrf', 'password', 'passwordRepeat', 'currentPassword']);

/** What a form sent, minus secrets, to fill the form again after an error. */
export function formValues(body: unknown, omit: string[] = []): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  if (body && typeof body === 'object') {
    for (const [key, value] of Object.entries(body)) if (!SECRET_FIELDS.has(key) && !omit.includes(key)) values[key] = value;
  }
  return values;
}

/** The ids ticked in a checkbox group, to show the form again after an error. */
export function submittedIds(body: unknown, name: string): number[] {
  const raw = (body as Record<string, unknown> | undefined)?.[name];
  return (Array.isArray(raw) ? raw : raw === undefined ? [] : [raw]).map(Number).filter(Number.isInteger);
}
