// Markdown from users: marked renders, sanitize-html removes anything outside a small allowlist.
import { marked } from 'marked';
import sanitizeHtml from 'sanitize-html';
import { memoized } from './cache.js';

const allowed: sanitizeHtml.IOptions = {
  allowedTags: [
    'p',
    'br',
    'strong',
    'em',
    'del',
    'blockquote',
    'ul',
    'ol',
    'li',
    'a',
    'h3',
    'h4',
    'code',
    'pre',
    'hr',
    'table',
    'thead',
    'tbody',
    'tr',
    'th',
    'td',
  ],
  allowedAttributes: { a: ['href', 'title', 'rel'] },
  allowedSchemes: ['http', 'https', 'mailto'],
  transformTags: {
    // External links open safely and carry no ranking endorsement.
    a: sanitizeHtml.simpleTransform('a', { rel: 'nofollow ugc noopener' }),
    // Headings inside user text stay below the page's own headings.
    h1: 'h3',
    h2: 'h3',
  },
};

/**
 * Rendering and sanitising cost about a millisecond per page of text; the same text always gives the same HTML.
 * Bounded by characters (text and HTML), about 4 MB: several hundred reports of five parts each. A bound by entries
 * (500) was smaller than the parts of the reports people read in a few minutes, so it hardly ever hit.
 */
export const renderMarkdown = memoized(
  4_000_000,
  (source: string, html: string) => source.length + html.length,
  (source: string) => markAddressLinks(sanitizeHtml(marked.parse(source, { async: false, gfm: true, breaks: true }), allowed)),
);

/** Comments: paragraphs, emphasis, lists, quotes and links only (no headings, tables or code blocks). */
const allowedInComments: sanitizeHtml.IOptions = {
  ...allowed,
  allowedTags: ['p', 'br', 'strong', 'em', 'del', 'blockquote', 'ul', 'ol', 'li', 'a', 'code'],
  transformTags: { a: sanitizeHtml.simpleTransform('a', { rel: 'nofollow ugc noopener' }) },
};

export function renderCommentMarkdown(source: string): string {
  return markAddressLinks(sanitizeHtml(marked.parse(source, { async: false, gfm: true, breaks: true }), allowedInComments));
}

/**
 * A link whose text is its own address (a pasted URL) gets the class that keeps print.css from printing the
 * address a second time. Runs on sanitised output, whose links always read <a href="…" rel="…">.
 */
function markAddressLinks(html: string): string {
  return html.replace(/<a href="([^"]*)"([^>]*)>\1<\/a>/g, '<a href="$1"$2 class="no-print-url">$1</a>');
}
