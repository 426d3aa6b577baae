// Atom feed (RFC 4287) of public reports, with the same filters as the list: /berichte.atom?thema=verkehr.
// Members-only and hidden reports never appear, whoever asks; the author is named only if they chose so.
import { Feed } from 'feed';
import { renderMarkdown } from '../../lib/markdown.js';
import { stateName } from '../../lib/states.js';
import type { Services } from '../../services.js';
import { authorLine, feedReports } from './read.js';
import { REPORT_PARTS, type ReportFilter } from './schema.js';

export const FEED_ENTRIES = 30;

/** Text for an element of type "html": escaped, so the reader shows it as written. */
const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export async function reportFeed(deps: Pick<Services, 'pool' | 'baseUrl' | 'topics'>, filter: ReportFilter): Promise<string> {
  const reports = await feedReports(deps, filter, FEED_ENTRIES);
  const query = new URLSearchParams();
  for (const key of ['q', 'thema', 'land', 'buendnis', 'jahr'] as const) if (filter[key] !== undefined) query.set(key, String(filter[key]));
  const suffix = query.size ? `?${query}` : '';
  const topic = filter.thema ? (await deps.topics.all()).find((t) => t.slug === filter.thema) : undefined;
  const about = [
    filter.q ? `Suche „${filter.q}“` : '',
    topic ? `Thema ${topic.name}` : '',
    filter.land ? stateName(filter.land) : '',
    filter.jahr ? String(filter.jahr) : '',
    filter.buendnis ? `Bündnis ${filter.buendnis}` : '',
  ].filter(Boolean);

  const feed = new Feed({
    title: `Erfahrungsberichte – Kommunale Erfahrungsbörse${about.length ? ` (${about.join(', ')})` : ''}`,
    description: 'Was überparteiliche kommunale Wahlbündnisse vor Ort ausprobiert haben: neue veröffentlichte Berichte.',
    id: `${deps.baseUrl}/berichte${suffix}`,
    link: `${deps.baseUrl}/berichte${suffix}`,
    feed: `${deps.baseUrl}/berichte.atom${suffix}`,
    language: 'de',
    updated: reports[0]?.publishedAt ?? new Date(),
    author: { name: 'Kommunale Erfahrungsbörse', link: deps.baseUrl },
    generator: false,
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
      // Sanitised HTML; "]]>" could only end the CDATA section early, so it is written as an entity.
      content: `<p>${escapeHtml(report.summary)}</p>${parts}`.replaceAll(']]>', ']]&gt;'),
      author: [{ name: authorLine(report) }],
      category: report.topics.map((t) => ({ term: t.name })),
    });
  }
  return feed.atom1();
}
