// The text of a model motion as a page shows it: the template with its placeholders marked, or filled in with
// a member's values (values escaped, so they stay literal; missing ones marked).
import { randomBytes } from 'node:crypto';
import { memoized } from '../../lib/cache.js';
import { escapeHtml } from '../../lib/html.js';
import { renderMarkdown } from '../../lib/markdown.js';
import { fillPieces, missingMark, tokenize, TOKEN } from './placeholders.js';

/** Tokens are made of letters and digits that Markdown leaves alone; the nonce keeps them from meeting real text. */
export const NONCE = randomBytes(4).toString('hex');

/**
 * Markdown with placeholders, as sanitised HTML. Without values (the template page), each placeholder shows as
 * {{Name}} marked; with values (a filled template), as the value, and a missing one as "[Name: noch ausfüllen]".
 */
export function renderTemplateMarkdown(source: string, values?: Record<string, string>): string {
  return values ? renderTemplate(source, values) : templatePage(source);
}

/**
 * The template as its page shows it, by its text: every member who opens a template page gets the same HTML, and
 * reading the Markdown and marking the placeholders took a sixth of that page's time. Up to 2 million characters.
 */
const templatePage = memoized(
  2_000_000,
  (source: string, html: string) => source.length + html.length,
  (source: string) => renderTemplate(source),
);

function renderTemplate(source: string, values?: Record<string, string>): string {
  const { text, tokens } = tokenize(source, values ?? {}, NONCE);
  // Inside a tag (a link's address) a placeholder becomes escaped text; between tags it may be marked.
  return renderMarkdown(text)
    .split(/(<[^>]*>)/)
    .map((part) =>
      part.replace(TOKEN(NONCE), (token) => {
        const piece = tokens.get(token);
        if (!piece) return token;
        const plain = !values ? `{{${piece.placeholder}}}` : (piece.value ?? missingMark(piece.placeholder));
        if (part.startsWith('<') || (values && piece.value !== null)) return escapeHtml(plain);
        return `<mark class="placeholder${values ? ' placeholder--missing' : ''}">${escapeHtml(plain)}</mark>`;
      }),
    )
    .join('');
}

/** A template's title as HTML: escaped, its placeholders marked as in the text. */
export function templateTitleHtml(title: string): string {
  return fillPieces(title, {})
    .map((p) => ('text' in p ? escapeHtml(p.text) : `<mark class="placeholder">{{${escapeHtml(p.placeholder)}}}</mark>`))
    .join('');
}

export interface MotionSection {
  label: string;
  html: string;
}

/** The motion text and its Begründung, rendered (empty ones left out). */
export function motionSections(content: { body: string; reasoning: string }, values?: Record<string, string>): MotionSection[] {
  return [
    ['Text', content.body],
    ['Begründung', content.reasoning],
  ]
    .filter(([, text]) => text)
    .map(([label, text]) => ({ label: label!, html: renderTemplateMarkdown(text!, values) }));
}
