// Atom feed (RFC 4287) of public reports, with the same filters as the list: /berichte.atom?thema=verkehr.
// Members-only and hidden reports never appear, whoever asks; the author is named only if they chose so.
import { Feed } from 'feed';
import { escapeHtml } from '../../lib/html.js';
import { withQuery } from '../../lib/http.js';
import { renderMarkdown } from '../../lib/markdown.js';
import { stateName } from '../../lib/states.js';
import type { Services } from '../../services.js';
import { authorLine, feedReports } from './read.js';
import { filterQuery, REPORT_PARTS, type ReportFilter } from './schema.js';

export const FEED_ENTRIES = 30;

/**
 * The feed of a list (reports, motions) at `path` with the list's filters; the caller adds the entries. Titles and
 * texts of entries are HTML: escapeHtml for plain text, feedHtml for rendered content.
 */
export function listFeed(
  baseUrl: string,
  path: string,
  query: Record<string, string>,
  about: { title: string; description: string; updated: Date | undefined },
): Feed {
  return new Feed({
    title: about.title,
    description: about.description,
    id: `${baseUrl}${withQuery(path, query)}`,
    link: `${baseUrl}${withQuery(path, query)}`,
    feed: `${baseUrl}${withQuery(`${path}.atom`, query)}`,
    language: 'de',
    updated: about.updated ?? new Date(),
    author: { name: 'Kommunale Erfahrungsbörse', link: baseUrl },
    generator: false,
  });
}

/** Sanitised HTML for an entry's content; "]]>" could only end the CDATA section early, so it is written as an entity. */
export const feedHtml = (html: string) => html.replaceAll(']]>', ']]&gt;');

export async function reportFeed(deps: Pick<Services, 'pool' | 'baseUrl' | 'topics'>, filter: ReportFilter): Promise<string> {
  const reports = await feedReports(deps, filter, FEED_ENTRIES);
  const topic = filter.thema ? (await deps.topics.all()).find((t) => t.slug === filter.thema) : undefined;
  const about = [
    filter.q ? `Suche „${filter.q}“` : '',
    topic ? `Thema ${topic.name}` : '',
    filter.land ? stateName(filter.land) : '',
    filter.jahr ? String(filter.jahr) : '',
    filter.buendnis ? `Bündnis ${filter.buendnis}` : '',
  ].filter(Boolean);

  const feed = listFeed(deps.baseUrl, '/berichte', filterQuery(filter), {
    title: `Erfahrungsberichte – Kommunale Erfahrungsbörse${about.length ? ` (${about.join(', ')})` : ''}`,
    description: 'Was überparteiliche kommunale Wahlbündnisse vor Ort ausprobiert haben: neue veröffentlichte Berichte.',
    updated: reports[0]?.publishedAt,
  });
  for (const report of reports) {
    const link = `${deps.baseUrl}/berichte/${report.slug}`;
    const parts = REPORT_PARTS.filter(([part]) => report[part])
      .map(([part, label]) => `<h3>${escapeHtml(label)}</h3>${renderMarkdown(report[part])}`)
      .join('');
    feed.addItem({
      title: escapeHtml(report.title),
      id: link,
      link,
      date: report.publishedAt,
      published: report.firstPublishedAt,
      description: escapeHtml(report.summary),
      content: feedHtml(`<p>${escapeHtml(report.summary)}</p>${parts}`),
      author: [{ name: authorLine(report) }],
      category: report.topics.map((t) => ({ term: t.name })),
    });
  }
  return feed.atom1();
}
