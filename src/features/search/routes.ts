// /suche?q=: one search over everything searchable, grouped by kind. Each kind is a source with its own search
// (reports and motions: German full text; meetings, alliances and networks: folded names).
import { Router } from 'express';
import { z } from 'zod';
import { searchParam } from '../../lib/fields.js';
import { parseQuery } from '../../lib/forms.js';
import { stateName } from '../../lib/states.js';
import { sharedResults } from '../../lib/cache.js';
import type { CurrentUser } from '../../middleware/auth.js';
import { contentVersionOf } from '../../db/content-version.js';
import type { Services } from '../../services.js';
import { listAlliances } from '../alliances/service.js';
import { listNetworks } from '../networks/service.js';
import { authorLine, listReports, snippetHtml } from '../reports/read.js';
import { listMotions, motionFacts, successLine } from '../motions/read.js';
import { MEETING_KINDS } from '../meetings/labels.js';
import { listMeetings } from '../meetings/service.js';
import { formatTimeSpan } from '../../lib/dates.js';

export interface SearchHit {
  title: string;
  href: string;
  meta: string;
  /** Escaped HTML with <mark> around the hits, or plain text to escape. */
  snippetHtml?: string;
  text?: string;
}

export interface SearchSource {
  heading: string;
  search(deps: Services, q: string, viewer: CurrentUser | undefined): Promise<{ hits: SearchHit[]; total: number; moreHref: string }>;
}

/** Hits shown per kind; the link "alle … anzeigen" leads to the kind's own list with the same search. */
export const HITS_PER_KIND = 5;

const query = (q: string) => `q=${encodeURIComponent(q)}`;

export const SEARCH_SOURCES: SearchSource[] = [
  {
    heading: 'Erfahrungsberichte',
    async search(deps, q, viewer) {
      const { reports, total } = await listReports(deps, { q, seite: 1 }, viewer, undefined);
      return {
        total,
        moreHref: `/berichte?${query(q)}`,
        hits: reports.slice(0, HITS_PER_KIND).map((r) => ({
          title: r.title,
          href: `/berichte/${r.slug}`,
          meta: [authorLine(r), r.place].filter(Boolean).join(' · '),
          snippetHtml: r.snippet ? snippetHtml(r.snippet) : undefined,
          text: r.snippet ? undefined : r.summary,
        })),
      };
    },
  },
  {
    heading: 'Musteranträge',
    async search(deps, q, viewer) {
      const { motions, total } = await listMotions(deps, { q, seite: 1, bewaehrt: false }, viewer, undefined);
      return {
        total,
        moreHref: `/antraege?${query(q)}`,
        hits: motions.slice(0, HITS_PER_KIND).map((m) => ({
          title: m.title,
          href: `/antraege/${m.slug}`,
          meta: [motionFacts(m), successLine(m)].filter(Boolean).join(' · '),
          snippetHtml: m.snippet ? snippetHtml(m.snippet) : undefined,
          text: m.snippet ? undefined : m.summary,
        })),
      };
    },
  },
  {
    heading: 'Treffen',
    async search(deps, q, viewer) {
      const { meetings, total } = await listMeetings(deps.pool, viewer, { q, past: false, page: 1 });
      return {
        total,
        moreHref: `/treffen?${query(q)}`,
        hits: meetings.slice(0, HITS_PER_KIND).map((m) => ({
          title: m.title,
          href: `/treffen/${m.id}`,
          meta: [MEETING_KINDS[m.kind], formatTimeSpan(m.startsAt, m.endsAt), m.venueName].filter(Boolean).join(' · '),
        })),
      };
    },
  },
  {
    heading: 'Bündnisse',
    async search(deps, q) {
      const { alliances, total } = await listAlliances(deps.pool, { q, seite: 1 });
      return {
        total,
        moreHref: `/buendnisse?${query(q)}`,
        hits: alliances
          .slice(0, HITS_PER_KIND)
          .map((a) => ({ title: a.name, href: `/buendnisse/${a.slug}`, meta: `${a.municipality} · ${stateName(a.state)}` })),
      };
    },
  },
  {
    heading: 'Netzwerke',
    async search(deps, q) {
      const { networks, total } = await listNetworks(deps.pool, { q, retired: false, page: 1 });
      return {
        total,
        moreHref: `/netzwerke?${query(q)}`,
        hits: networks.slice(0, HITS_PER_KIND).map((n) => ({
          title: n.name,
          href: `/netzwerke?${query(q)}#${n.slug}`,
          meta: n.topics.map((t) => t.name).join(', '),
          text: n.description.length > 200 ? `${n.description.slice(0, 200)} …` : n.description,
        })),
      };
    },
  },
];

const searchQuerySchema = z.object({ q: searchParam(200) });

export function searchRoutes(deps: Services, sources = SEARCH_SOURCES): Router {
  const router = Router();
  const searchAll = (q: string, viewer: CurrentUser | undefined) =>
    Promise.all(sources.map(async (s) => ({ heading: s.heading, ...(await s.search(deps, q, viewer)) })));
  // What a search finds is the same for every logged-in person: kept while the content stays the same
  // (sharedResults). Visitors' searches come from the page cache.
  const searches = sharedResults<Awaited<ReturnType<typeof searchAll>>>(200);
  router.get('/suche', async (req, res) => {
    const { q } = parseQuery(searchQuerySchema, req.query);
    const groups = !q
      ? []
      : req.user
        ? await searches(deps.pool, [q], { contentVersion: contentVersionOf(req), ttlMs: 0 }, () => searchAll(q, req.user))
        : await searchAll(q, undefined);
    res.render('search/index', { title: q ? `Suche: ${q}` : 'Suche', q, groups, found: groups.some((g) => g.total > 0) });
  });
  return router;
}
