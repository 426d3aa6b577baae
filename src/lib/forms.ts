// Runs a zod schema over submitted form data and turns failures into field → German message.
import { z } from 'zod';

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

/** Trimmed text; empty input counts as missing (HTML forms always send the field). */
export function trimmed(value: unknown): unknown {
  return typeof value === 'string' ? value.trim() : value;
}

export function emptyToUndefined(value: unknown): unknown {
  return typeof value === 'string' && value.trim() === '' ? undefined : value;
}

/** Page number from ?seite=, clamped to a sensible range. */
export function pageNumber(value: unknown): number {
  const n = Number(value);
  return Number.isInteger(n) && n >= 1 && n <= 10_000 ? n : 1;
}

/** What a form sent, minus secrets, to fill the form again after a validation error. */
export function formValues(body: unknown, omit: string[] = []): Record<string, unknown> {
  const secret = new Set(['_csrf', 'password', 'passwordRepeat', 'currentPassword', ...omit]);
  const values: Record<string, unknown> = {};
  if (body && typeof body === 'object') {
    for (const [key, value] of Object.entries(body)) if (!secret.has(key)) values[key] = value;
  }
  return values;
}

/** ?seite= as a schema field (absent → page 1). */
export const pageParam = z.unknown().optional().transform(pageNumber);

/** A checkbox: browsers send its value when ticked and nothing otherwise. */
export const checkbox = z
  .unknown()
  .optional()
  .transform((v) => v === 'ja' || v === 'on' || v === 'true');

/** Ticked checkboxes sharing one name, as ids (one value arrives as a string, several as an array). */
export const idList = z.preprocess(
  (v) => (v === undefined || v === '' ? [] : Array.isArray(v) ? v : [v]),
  z.array(z.coerce.number().int().positive(), { error: 'Ungültige Auswahl.' }).max(50, 'Bitte höchstens 50 auswählen.'),
);

/** Optional whole number within a range, from a text field. */
export function optionalInt(min: number, max: number, message: string) {
  return z.preprocess(emptyToUndefined, z.coerce.number({ error: message }).int(message).min(min, message).max(max, message).optional());
}

/** Optional web address; "www.example.org" gets https:// in front. */
export const optionalWebsite = z.preprocess(
  (v) => {
    const value = emptyToUndefined(v);
    return typeof value === 'string' && !/^[a-z]+:\/\//i.test(value.trim()) ? `https://${value.trim()}` : value;
  },
  z
    .url({ protocol: /^https?$/, error: 'Bitte eine Webadresse wie https://www.beispiel.de eingeben.' })
    .max(500)
    .optional(),
);

/** The ids ticked in a checkbox group, to show the form again after an error. */
export function submittedIds(body: unknown, name: string): number[] {
  const raw = (body as Record<string, unknown> | undefined)?.[name];
  return (Array.isArray(raw) ? raw : raw === undefined ? [] : [raw]).map(Number).filter(Number.isInteger);
}

/** A filter's slug from the query string (?thema=verkehr); anything else counts as no filter. */
export const slugParam = z
  .preprocess(
    emptyToUndefined,
    z
      .string()
      .max(100)
      .regex(/^[a-z0-9-]+$/)
      .optional(),
  )
  .catch(undefined);

/** A filter's free text from the query string. */
export const searchParam = z.preprocess(emptyToUndefined, z.string().trim().max(100).optional()).catch(undefined);
