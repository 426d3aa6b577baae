// Markdown from users: marked renders, sanitize-html removes anything outside a small allowlist.
import { marked } from 'marked';
import sanitizeHtml from 'sanitize-html';

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

export function renderMarkdown(source: string): string {
  const html = marked.parse(source, { async: false, gfm: true, breaks: true });
  return sanitizeHtml(html, allowed);
}
