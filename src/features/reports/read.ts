// Reading reports: lists, search, the report page. Everything here shows only what the viewer may see:
// published and not hidden, and members-only reports only to logged-in people. Drafts are for their author
// (and admins) only.
import type pg from 'pg';
import { Prisma } from '../../db/database.js';
import { limitRows, select, selectOne } from '../../db/sql.js';
import { sharedResults } from '../../lib/cache.js';
import { escapeHtml } from '../../lib/html.js';
import { hasRole, type CurrentUser } from '../../middleware/auth.js';
import type { Services } from '../../services.js';
import { REPORTS_PER_PAGE, type ReportFilter, type ReportPart } from './schema.js';

/** Published, not hidden, and members-only reports only for logged-in viewers. */
export function readable(viewer: CurrentUser | undefined, alias = 'r'): Prisma.Sql {
  const r = Prisma.raw(alias);
  return viewer
    ? Prisma.sql`${r}.status = 'PUBLISHED' AND ${r}.hidden_at IS NULL`
    : Prisma.sql`${r}.status = 'PUBLISHED' AND ${r}.hidden_at IS NULL AND ${r}.visibility = 'PUBLIC'`;
}

export interface ReportListItem {
  slug: string;
  title: string;
  summary: string;
  place: string | null;
  state: string | null;
  publishedAt: Date;
  visibility: 'PUBLIC' | 'MEMBERS';
  allianceSlug: string | null;
  allianceName: string | null;
  /** The person's name only when the author chose to appear by name. */
  authorName: string | null;
  topicIds: number[];
  /** Search results: a passage with the hits between \u0001 and \u0002 (see snippetHtml). */
  snippet?: string;
}

const LIST_COLUMNS = Prisma.sql`
  r.slug, r.title, r.summary, r.place, r.state, r.published_at AS "publishedAt", r.visibility::text AS visibility,
  a.slug AS "allianceSlug", a.name AS "allianceName",
  CASE WHEN r.author_display = 'PERSON' THEN u.name END AS "authorName",
  ARRAY(SELECT topic_id FROM report_topics rt WHERE rt.report_id = r.id) AS "topicIds"`;

export const LIST_JOINS = Prisma.sql`LEFT JOIN alliances a ON a.id = r.alliance_id JOIN users u ON u.id = r.author_id`;

function filterConditions(filter: Omit<ReportFilter, 'q' | 'seite'>, viewer: CurrentUser | undefined): Prisma.Sql[] {
  const conditions = [readable(viewer), Prisma.sql`r.type = 'REPORT'`];
  if (filter.thema) conditions.push(topicCondition(filter.thema));
  if (filter.land) conditions.push(Prisma.sql`r.state = ${filter.land}`);
  if (filter.buendnis) conditions.push(allianceCondition(filter.buendnis));
  if (filter.jahr) conditions.push(Prisma.sql`r.year = ${filter.jahr}`);
  return conditions;
}

/** Tagged with the topic (by slug). */
export const topicCondition = (slug: string) =>
  Prisma.sql`EXISTS (SELECT 1 FROM report_topics rt JOIN topics t ON t.id = rt.topic_id WHERE rt.report_id = r.id AND t.slug = ${slug})`;

/** From the alliance (by slug). */
export const allianceCondition = (slug: string) => Prisma.sql`r.alliance_id = (SELECT id FROM alliances WHERE slug = ${slug})`;

/** Words of a search as a German full-text query: every word must occur; the last may still be being typed. */
export function searchQuery(text: string): string | undefined {
  const words = (text.normalize('NFC').match(/[\p{L}\p{N}]+/gu) ?? []).slice(0, 8).map((w) => w.slice(0, 50));
  if (words.length === 0) return undefined;
  return words.map((w, i) => (i === words.length - 1 ? `'${w}':*` : `'${w}'`)).join(' & ');
}

/**
 * Search ranks the newest matches this many deep (ten pages): enough for any real question, and bounded for very
 * common words ("Haushalt" is in almost every second report), so a search costs about the same whatever it finds.
 * 200 instead of 300 took a third off the slowest searches at 100 000 reports (p95 34 → 20 ms).
 */
export const SEARCH_DEPTH = 200;
/** A body hit's passage is looked for in the text's first characters: parsing German text costs about 1 ms per 2 KB,
 * and a search page shows twenty passages. */
const SNIPPET_SOURCE_CHARS = 800;

const counts = sharedResults<number>(500);

export interface ListSpec {
  /** Which rows (readable(), the type and the filters). */
  conditions: Prisma.Sql[];
  /** The columns of a list entry (r: the row, a: its alliance, u: its author). */
  columns: Prisma.Sql;
  /** Without a search: the order of the list (columns of r). */
  order: Prisma.Sql;
  /** Identifies the filter for the cached count. */
  countKey: string;
  /** The content version the request read first (contentVersionOf), if any: see sharedResults. */
  contentVersion: number | undefined;
  q: string | undefined;
  page: number;
}

export async function listReports(
  deps: Pick<Services, 'pool' | 'cacheMs'>,
  filter: ReportFilter,
  viewer: CurrentUser | undefined,
  contentVersion: number | undefined,
) {
  const { items, ...rest } = await listContributions<ReportListItem>(deps, {
    conditions: filterConditions(filter, viewer),
    columns: LIST_COLUMNS,
    order: Prisma.sql`r.published_at DESC, r.id DESC`,
    countKey: JSON.stringify(['REPORT', filter.thema, filter.land, filter.buendnis, filter.jahr, !!viewer]),
    contentVersion,
    q: filter.q,
    page: filter.seite,
  });
  return { reports: items, ...rest };
}

/** One page of a list of reports or motions, or of a search among them (with a passage around the hits). */
export async function listContributions<T>(deps: Pick<Services, 'pool' | 'cacheMs'>, spec: ListSpec) {
  const where = Prisma.join(spec.conditions, ' AND ');
  const offset = (spec.page - 1) * REPORTS_PER_PAGE;
  const tsquery = spec.q ? searchQuery(spec.q) : undefined;
  if (spec.q && !tsquery) return { items: [] as (T & { snippet?: string })[], total: 0, pages: 1, capped: false };
  if (tsquery) {
    // The same search reads the same for everyone in the same audience while the content stays the same (sharedResults).
    return searches(deps.pool, [spec.countKey, tsquery, spec.page], { contentVersion: spec.contentVersion, ttlMs: 0 }, () =>
      searchContributions<T>(deps, spec, where, tsquery, offset),
    ) as Promise<SearchPage<T>>;
  }
  const [items, total] = await Promise.all([
    // The page's ids first (from the list index alone), then their details: later pages skip rows, not joins.
    select<T & { snippet?: string }>(
      deps.pool,
      Prisma.sql`WITH page AS (
          SELECT r.id FROM reports r WHERE ${where}
          ORDER BY ${spec.order} ${limitRows(REPORTS_PER_PAGE, offset)})
        SELECT ${spec.columns} FROM page JOIN reports r ON r.id = page.id ${LIST_JOINS}
        ORDER BY ${spec.order}`,
    ),
    countReports(deps, where, spec),
  ]);
  return { items, total, pages: Math.max(1, Math.ceil(total / REPORTS_PER_PAGE)), capped: false };
}

/** A search's page, shared by everyone in the same audience while the content stays the same (see listContributions). */
const searches = sharedResults<SearchPage<unknown>>(300);

interface SearchPage<T> {
  items: (T & { snippet?: string })[];
  total: number;
  pages: number;
  capped: boolean;
}

async function searchContributions<T>(
  deps: Pick<Services, 'pool'>,
  spec: ListSpec,
  where: Prisma.Sql,
  tsquery: string,
  offset: number,
): Promise<SearchPage<T>> {
  // The newest matches (at most SEARCH_DEPTH), then ranked by title and summary: title hits first, then summary
  // hits, then the rest by date. The query stays a literal (no prepared plan), so PostgreSQL sees how common the
  // words are: it collects a rare word's few matches from the index, and walks the newest reports for a common one.
  // A title or summary hit shows its summary with the words marked; a hit further down a passage of the text.
  const query = Prisma.sql`to_tsquery('german', ${tsquery})`;
  const rows = await select<T & { snippet?: string; total: number }>(
    deps.pool,
    Prisma.sql`
      WITH candidates AS (
        SELECT r.id, r.published_at FROM reports r
        WHERE r.search @@ ${query} AND ${where}
        ORDER BY r.published_at DESC ${limitRows(SEARCH_DEPTH)}),
      page AS (
        SELECT c.id, c.published_at, ts_rank(r.search_head, ${query}) AS rank, count(*) OVER ()::int AS total
        FROM candidates c JOIN reports r ON r.id = c.id
        ORDER BY rank DESC, c.published_at DESC ${limitRows(REPORTS_PER_PAGE, offset)})
      SELECT ${spec.columns}, page.total,
        ts_headline('german',
          CASE WHEN page.rank > 0 THEN r.summary
               ELSE left(r.summary || ' ' || r.did || ' ' || r.worked || ' ' || r.didnt || ' ' || r.tips || ' ' || r.body || ' ' || r.reasoning, ${SNIPPET_SOURCE_CHARS}) END,
          ${query}, E'StartSel="\\x01", StopSel="\\x02", MaxWords=35, MinWords=15, MaxFragments=2, FragmentDelimiter=" … "') AS snippet
      FROM page JOIN reports r ON r.id = page.id ${LIST_JOINS}
      ORDER BY page.rank DESC, page.published_at DESC`,
    { prepare: false },
  );
  const total = rows[0]?.total ?? 0;
  return { items: rows, total, pages: Math.max(1, Math.ceil(total / REPORTS_PER_PAGE)), capped: total >= SEARCH_DEPTH };
}

/** The number of reports a filter finds only serves the page count (see sharedResults). */
function countReports(deps: Pick<Services, 'pool' | 'cacheMs'>, where: Prisma.Sql, spec: ListSpec): Promise<number> {
  return counts(deps.pool, [spec.countKey], { contentVersion: spec.contentVersion, ttlMs: deps.cacheMs }, async () => {
    const row = await selectOne<{ total: number }>(deps.pool, Prisma.sql`SELECT count(*)::int AS total FROM reports r WHERE ${where}`);
    return row?.total ?? 0;
  });
}

/** Entries of the Atom feed: the newest public reports that the list's filters (and search) find, with their text. */
export function feedReports(deps: Pick<Services, 'pool'>, filter: ReportFilter, limit: number) {
  const columns = Prisma.sql`${LIST_COLUMNS}, r.did, r.worked, r.didnt, r.tips, r.body`;
  return feedEntries<ReportListItem & Record<ReportPart, string>>(deps, filterConditions(filter, undefined), columns, filter.q, limit);
}

/** Feed entries of reports or motions: the newest the conditions (and the search) find, with topics and dates. */
export async function feedEntries<T>(
  deps: Pick<Services, 'pool'>,
  conditions: Prisma.Sql[],
  columns: Prisma.Sql,
  q: string | undefined,
  limit: number,
) {
  const tsquery = q ? searchQuery(q) : undefined;
  if (q && !tsquery) return [];
  const where = tsquery ? [...conditions, Prisma.sql`r.search @@ to_tsquery('german', ${tsquery})`] : conditions;
  return select<T & { firstPublishedAt: Date; topics: { name: string }[] }>(
    deps.pool,
    Prisma.sql`SELECT ${columns}, r.first_published_at AS "firstPublishedAt",
        coalesce((SELECT json_agg(json_build_object('name', t.name) ORDER BY t.name) FROM report_topics rt JOIN topics t ON t.id = rt.topic_id
                  WHERE rt.report_id = r.id), '[]') AS topics
      FROM reports r ${LIST_JOINS} WHERE ${Prisma.join(where, ' AND ')}
      ORDER BY r.published_at DESC, r.id DESC ${limitRows(limit)}`,
    { prepare: !tsquery },
  );
}

/** The newest readable reports, optionally of one alliance or one topic (by slug: start, alliance and topic pages). */
export function newestReports(
  pool: pg.Pool,
  viewer: CurrentUser | undefined,
  options: { limit: number; allianceSlug?: string; topicSlug?: string },
): Promise<ReportListItem[]> {
  const conditions = [readable(viewer), Prisma.sql`r.type = 'REPORT'`];
  if (options.allianceSlug) conditions.push(allianceCondition(options.allianceSlug));
  if (options.topicSlug) {
    conditions.push(
      Prisma.sql`EXISTS (SELECT 1 FROM report_topics rt WHERE rt.report_id = r.id AND rt.topic_id = (SELECT id FROM topics WHERE slug = ${options.topicSlug}))`,
    );
  }
  return select<ReportListItem>(
    pool,
    Prisma.sql`SELECT ${LIST_COLUMNS} FROM reports r ${LIST_JOINS} WHERE ${Prisma.join(conditions, ' AND ')}
      ORDER BY r.published_at DESC, r.id DESC ${limitRows(options.limit)}`,
  );
}

/** Escapes a search snippet and marks the hits; Markdown signs are dropped (the snippet is plain text). */
export function snippetHtml(snippet: string): string {
  const escaped = escapeHtml(snippet.replace(/[*_#>`~]+|\]\([^)]*\)|[[\]]/g, ' '))
    .replace(/\s+/g, ' ')
    .trim();
  // Only complete pairs become marks; a stray marker (cut off by the length limit) is dropped.
  return escaped.replace(/\u0001([^\u0001\u0002]*)\u0002/g, '<mark>$1</mark>').replace(/[\u0001\u0002]/g, '');
}

/** Who is named as the author: the person only if they chose to appear by name, else the alliance. */
export function authorLine(item: { authorName: string | null; allianceName: string | null }): string {
  if (item.authorName) return item.allianceName ? `${item.authorName} (${item.allianceName})` : item.authorName;
  return item.allianceName ? `im Namen von ${item.allianceName}` : 'ein Mitglied der Erfahrungsbörse';
}

/** Whether the viewer may see the drafts and review state of this report (its author, or an admin). */
export function isEditorOf(viewer: CurrentUser | undefined, report: { authorId: number }): boolean {
  return !!viewer && (viewer.id === report.authorId || hasRole(viewer, 'ADMIN'));
}
