// Atom feed of public model motions, with the same filters as the list: /antraege.atom?art=ANFRAGE.
import { Feed } from 'feed';
import type { Services } from '../../services.js';
import { authorLine } from '../reports/read.js';
import { motionSections } from './content.js';
import { feedMotions, motionFacts, motionQuery } from './read.js';
import type { MotionFilter } from './schema.js';

const FEED_ENTRIES = 30;
const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export async function motionFeed(deps: Pick<Services, 'pool' | 'baseUrl'>, filter: MotionFilter): Promise<string> {
  const motions = await feedMotions(deps, filter, FEED_ENTRIES);
  const query = new URLSearchParams(motionQuery({ ...filter, sortierung: undefined }));
  const suffix = query.size ? `?${query}` : '';
  const feed = new Feed({
    title: `Musteranträge – Kommunale Erfahrungsbörse${filter.q ? ` (Suche „${filter.q}“)` : ''}`,
    description: 'Anträge, Anfragen und Hintergrundpapiere, die Bündnisse miteinander teilen: neue veröffentlichte Vorlagen.',
    id: `${deps.baseUrl}/antraege${suffix}`,
    link: `${deps.baseUrl}/antraege${suffix}`,
    feed: `${deps.baseUrl}/antraege.atom${suffix}`,
    language: 'de',
    updated: motions[0]?.publishedAt ?? new Date(),
    author: { name: 'Kommunale Erfahrungsbörse', link: deps.baseUrl },
    generator: false,
  });
  for (const m of motions) {
    const link = `${deps.baseUrl}/antraege/${m.slug}`;
    const sections = motionSections(m)
      .map((s) => `<h3>${escapeHtml(s.label)}</h3>${s.html}`)
      .join('');
    feed.addItem({
      title: escapeHtml(m.title),
      id: link,
      link,
      date: m.publishedAt,
      published: m.firstPublishedAt,
      description: escapeHtml(m.summary),
      content: `<p>${escapeHtml(motionFacts(m))}</p><p>${escapeHtml(m.summary)}</p>${sections}`.replaceAll(']]>', ']]&gt;'),
      author: [{ name: m.sourceName ? `${authorLine(m)} · Quelle: ${m.sourceName}` : authorLine(m) }],
      category: m.topics.map((t) => ({ term: t.name })),
    });
  }
  return feed.atom1();
}
