// The one parsing step for everything people type or send: zod field helpers that every form and query
// schema is built from. Text is freed of control characters, NFC-normalised and trimmed, so "Jürgen" pasted
// from a Mac (u + combining diaeresis) is stored, found and compared like "Jürgen" typed on Windows; ids are
// checked against PostgreSQL's integer range before they reach a query.
import { z } from 'zod';

/** PostgreSQL `integer`: ids and counts beyond this would make the database refuse the query. */
export const INT4_MAX = 2_147_483_647;

// C0 and C1 control characters except tab, line feed and carriage return (which multi-line text keeps).
// They are invisible, and NUL makes PostgreSQL refuse the whole statement.
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g;
const LINE_BREAKS_AND_TABS = /[\t\r\n]+/g;
// Zero-width characters and bidirectional overrides: invisible, and used to make one name look like another.
const INVISIBLE_FORMATTING = /[\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/;

/** Single-line text as stored: no control characters, line breaks become spaces, NFC, trimmed. */
export function cleanLine(value: string): string {
  return value.replace(CONTROL_CHARACTERS, '').replace(LINE_BREAKS_AND_TABS, ' ').normalize('NFC').trim();
}

/** Multi-line text as stored: no control characters, Windows line endings unified, NFC, trimmed. */
export function cleanText(value: string): string {
  return value.replace(CONTROL_CHARACTERS, '').replace(/\r\n?/g, '\n').normalize('NFC').trim();
}

/** Anything else than a string (a repeated field arrives as an array) counts as not given. */
const line = (value: unknown) => (typeof value === 'string' ? cleanLine(value) : undefined);
const multiline = (value: unknown) => (typeof value === 'string' ? cleanText(value) : undefined);
const lineOrNothing = (value: unknown) => line(value) || undefined;

const tooLong = (max: number) => `Höchstens ${max.toLocaleString('de-DE')} Zeichen.`;

/** Required single-line text: "Bitte {label} angeben." when empty. */
export function requiredText(label: string, max: number, min = 2) {
  return required(line, label, max, min);
}

/** Optional single-line text; empty becomes undefined. */
export function optionalText(max: number) {
  return z.preprocess(lineOrNothing, z.string().max(max, tooLong(max)).optional());
}

/** Multi-line text such as Markdown; empty is allowed and stored as ''. */
export function longText(max: number) {
  return z.preprocess((v) => multiline(v) ?? '', z.string().max(max, tooLong(max)));
}

/** Required multi-line text. */
export function requiredLongText(label: string, max: number, min = 1) {
  return required(multiline, label, max, min);
}

/** Text cleaned by `clean` that must be there, with at least `min` and at most `max` characters. */
function required(clean: (value: unknown) => unknown, label: string, max: number, min: number) {
  const missing = `Bitte ${label} angeben.`;
  return z.preprocess(
    clean,
    z.string({ error: missing }).min(1, missing).min(min, `Bitte mindestens ${min} Zeichen eingeben.`).max(max, tooLong(max)),
  );
}

/** A name that others see and that must not impersonate anyone: no invisible formatting characters. */
export function nameText(label: string, max: number) {
  return requiredText(label, max).refine(
    (v) => !INVISIBLE_FORMATTING.test(v),
    'Der Name enthält unsichtbare Steuerzeichen (z. B. Textrichtungszeichen). Bitte tippe ihn neu ein.',
  );
}

// Web addresses and bare domains ("www.x.de", "x.com/y"): a person's name travels in mails to addresses
// nobody has confirmed yet, so it must not be usable to carry a link.
// (A dot after a single letter stays allowed: "M.Sc.", "J. R. Meier".)
const LINK_LIKE = /(:\/\/|www\.|[\p{L}\d-]{2,}\.[a-z]{2,24}(?![\p{L}]))/iu;

/** A person's name: as nameText, and it cannot carry a link or an e-mail address. */
export const personName = nameText('einen Namen', 100).refine(
  (v) => !LINK_LIKE.test(v) && !v.includes('@'),
  'Ein Name darf keine Web- oder E-Mail-Adresse enthalten.',
);

/** Does this text contain something a mail program would turn into a link? (For names already stored.) */
export function looksLikeLink(text: string): boolean {
  return LINK_LIKE.test(text) || text.includes('@');
}

export const email = z.preprocess(
  (v) => line(v)?.toLowerCase(),
  z
    .string({ error: 'Bitte eine E-Mail-Adresse eingeben.' })
    .min(1, 'Bitte eine E-Mail-Adresse eingeben.')
    .max(254, 'Diese E-Mail-Adresse ist zu lang.')
    .pipe(z.email('Bitte eine gültige E-Mail-Adresse eingeben.')),
);

export const optionalEmail = z.preprocess(
  (v) => lineOrNothing(v)?.toLowerCase(),
  z.email('Bitte eine gültige E-Mail-Adresse eingeben.').max(254, 'Diese E-Mail-Adresse ist zu lang.').optional(),
);

/** A password as typed: only NFC (spaces at either end count), never trimmed; length limited against abuse. */
export function passwordInput(missing: string) {
  return z
    .string({ error: missing })
    .min(1, missing)
    .max(1024, 'Das Passwort ist zu lang.')
    .transform((p) => p.normalize('NFC'));
}

/** A database id from a form or link: a whole number from 1 to PostgreSQL's integer maximum. */
export function id(message = 'Ungültige Auswahl.') {
  return z.preprocess(
    (v) => (typeof v === 'string' && /^\d{1,10}$/.test(v.trim()) ? Number(v.trim()) : v),
    z.number({ error: message }).int(message).min(1, message).max(INT4_MAX, message),
  );
}

/** An optional id from a select ('' = nothing chosen). */
export function optionalId(message = 'Ungültige Auswahl.') {
  return z.preprocess((v) => (v === '' || v === undefined ? undefined : v), id(message).optional());
}

/** Ticked checkboxes sharing one name, as ids (one value arrives as a string, several as an array). */
export const idList = z.preprocess(
  (v) => (v === undefined || v === '' ? [] : Array.isArray(v) ? v : [v]),
  z.array(id(), { error: 'Ungültige Auswahl.' }).max(50, 'Bitte höchstens 50 auswählen.'),
);

/** Optional whole number within a range, from a text field. */
export function optionalInt(min: number, max: number, message: string) {
  return z.preprocess(
    (v) => {
      const value = lineOrNothing(v);
      return value === undefined ? undefined : /^-?\d{1,10}$/.test(value) ? Number(value) : NaN;
    },
    z.number({ error: message }).int(message).min(min, message).max(max, message).optional(),
  );
}

/** A checkbox: browsers send its value when ticked and nothing otherwise. */
export const checkbox = z
  .unknown()
  .optional()
  .transform((v) => v === 'ja' || v === 'on' || v === 'true');

/** Optional web address; "www.example.org" gets https:// in front. */
export const optionalWebsite = z.preprocess(
  (v) => {
    const value = lineOrNothing(v);
    return value && !/^[a-z][a-z0-9+.-]*:/i.test(value) ? `https://${value}` : value;
  },
  z
    .url({ protocol: /^https?$/, error: 'Bitte eine Webadresse wie https://www.beispiel.de eingeben.' })
    .max(500, tooLong(500))
    .optional(),
);

/** One of the given values, for selects and radio buttons. */
export function choice<const T extends readonly [string, ...string[]]>(values: T, message: string) {
  return z.preprocess(line, z.enum(values, { error: message }));
}

// Query strings come from links, bookmarks and filters: a value that does not fit is ignored (no filter)
// rather than answered with an error page.

/** ?seite= (absent or odd → page 1). */
export const pageParam = z
  .unknown()
  .optional()
  .transform((v) => {
    const n = typeof v === 'string' && /^\d{1,5}$/.test(v) ? Number(v) : 1;
    return n >= 1 && n <= 10_000 ? n : 1;
  });

/** A filter's slug (?thema=verkehr); anything else counts as no filter. */
export const slugParam = z
  .preprocess(
    lineOrNothing,
    z
      .string()
      .max(100)
      .regex(/^[a-z0-9-]+$/)
      .optional(),
  )
  .catch(undefined);

/** A filter's free text (?q=…): cleaned like any text, cut to a sensible length. */
export function searchParam(max = 100) {
  return z.preprocess((v) => lineOrNothing(v)?.slice(0, max), z.string().optional()).catch(undefined);
}

/** A filter value from a fixed list. */
export function choiceParam<const T extends readonly [string, ...string[]]>(values: T) {
  return z.preprocess(lineOrNothing, z.enum(values).optional()).catch(undefined);
}
