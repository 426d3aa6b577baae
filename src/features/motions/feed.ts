// Atom feed of public model motions, with the same filters as the list: /antraege.atom?art=ANFRAGE.
import { escapeHtml } from '../../lib/html.js';
import type { Services } from '../../services.js';
import { FEED_ENTRIES, feedHtml, listFeed } from '../reports/feed.js';
import { authorLine } from '../reports/read.js';
import { motionSections } from './content.js';
import { feedMotions, motionFacts, motionQuery } from './read.js';
import type { MotionFilter } from './schema.js';

export async function motionFeed(deps: Pick<Services, 'pool' | 'baseUrl'>, filter: MotionFilter): Promise<string> {
  const motions = await feedMotions(deps, filter, FEED_ENTRIES);
  const feed = listFeed(deps.baseUrl, '/antraege', motionQuery({ ...filter, sortierung: undefined }), {
    title: `Musteranträge – Kommunale Erfahrungsbörse${filter.q ? ` (Suche „${filter.q}“)` : ''}`,
    description: 'Anträge, Anfragen und Hintergrundpapiere, die Bündnisse miteinander teilen: neue veröffentlichte Vorlagen.',
    updated: motions[0]?.publishedAt,
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
      content: feedHtml(`<p>${escapeHtml(motionFacts(m))}</p><p>${escapeHtml(m.summary)}</p>${sections}`),
      author: [{ name: m.sourceName ? `${authorLine(m)} · Quelle: ${m.sourceName}` : authorLine(m) }],
      category: m.topics.map((t) => ({ term: t.name })),
    });
  }
  return feed.atom1();
}
