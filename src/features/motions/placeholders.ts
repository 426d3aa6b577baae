// Placeholders in model motions: any {{Name}} in the text, title or Begründung is filled in when a template is
// used. Values are always inserted as text: a value that looks like Markdown, HTML or another placeholder stays
// literal, because it is put in after the Markdown has been read (or as a plain text run in documents).

/** {{Gemeinde}}, {{ Datum der Sitzung }}: letters, digits, spaces, . _ - ; up to 40 characters. */
const PLACEHOLDER = /\{\{\s*([\p{L}\p{N}][\p{L}\p{N} ._-]{0,39}?)\s*\}\}/gu;
/** What is left of braces once the proper placeholders are gone: "{{Gemeinde}", "{Gremium}}", "{{}}". */
const STRAY_BRACES = /\S*(?:\{\{|\}\})\S*/gu;

export const MAX_PLACEHOLDERS = 50;
export const MAX_VALUE_LENGTH = 500;

export interface PlaceholderScan {
  /** Names in order of first appearance. */
  names: string[];
  /** Spots that look like a placeholder but are not one, as written. */
  malformed: string[];
}

const normalName = (name: string) => name.replace(/\s+/g, ' ').trim();

/** The placeholders' names in order of first appearance (at most MAX_PLACEHOLDERS). */
export function placeholderNames(...texts: string[]): string[] {
  const names: string[] = [];
  for (const text of texts) {
    for (const match of text.matchAll(PLACEHOLDER)) {
      const name = normalName(match[1]!);
      if (!names.includes(name)) names.push(name);
    }
  }
  return names.slice(0, MAX_PLACEHOLDERS);
}

export function scanPlaceholders(...texts: string[]): PlaceholderScan {
  const malformed: string[] = [];
  for (const text of texts) {
    for (const stray of text.replace(PLACEHOLDER, ' ').matchAll(STRAY_BRACES)) {
      if (!malformed.includes(stray[0])) malformed.push(stray[0].slice(0, 60));
    }
  }
  return { names: placeholderNames(...texts), malformed };
}

/** A piece of text after filling: literal text, or a placeholder with its value (missing: null). */
export type Piece = { text: string } | { placeholder: string; value: string | null };

/** Splits text into literal pieces and placeholders with their values. */
export function fillPieces(text: string, values: Record<string, string>): Piece[] {
  const pieces: Piece[] = [];
  let last = 0;
  for (const match of text.matchAll(PLACEHOLDER)) {
    if (match.index > last) pieces.push({ text: text.slice(last, match.index) });
    const name = normalName(match[1]!);
    const value = values[name]?.trim();
    pieces.push({ placeholder: name, value: value ? value : null });
    last = match.index + match[0].length;
  }
  if (last < text.length) pieces.push({ text: text.slice(last) });
  return pieces;
}

/** The placeholders (of these names) that have no value yet. */
export function missingNames(names: string[], values: Record<string, string>): string[] {
  return names.filter((name) => !values[name]?.trim());
}

/** How a placeholder without a value appears in every format: visibly, never dropped. */
export const missingMark = (name: string) => `[${name}: noch ausfüllen]`;

/** Plain text with the values in; a missing value stays visibly marked. */
export function fillText(text: string, values: Record<string, string>): string {
  return fillPieces(text, values)
    .map((p) => ('text' in p ? p.text : (p.value ?? missingMark(p.placeholder))))
    .join('');
}

/**
 * Replaces each placeholder by a token that Markdown leaves alone (letters and digits only), so the text can be
 * read as Markdown first and the values put in afterwards. Returns the text and the pieces behind each token.
 */
export function tokenize(
  text: string,
  values: Record<string, string>,
  nonce: string,
): { text: string; tokens: Map<string, Extract<Piece, { placeholder: string }>> } {
  const tokens = new Map<string, Extract<Piece, { placeholder: string }>>();
  const out = fillPieces(text, values)
    .map((p) => {
      if ('text' in p) return p.text;
      const token = `KEB${nonce}P${tokens.size}X`;
      tokens.set(token, p);
      return token;
    })
    .join('');
  return { text: out, tokens };
}

export const TOKEN = (nonce: string) => new RegExp(`KEB${nonce}P\\d+X`, 'g');
