// Reading model motions: the list with its filters, sorted by date or by success, the search (shared with the
// reports), the feed, and the newest motions of a topic or an alliance.
import type pg from 'pg';
import { Prisma } from '../../db/database.js';
import { limitRows, select } from '../../db/sql.js';
import type { CurrentUser } from '../../middleware/auth.js';
import type { Services } from '../../services.js';
import { allianceCondition, feedEntries, LIST_JOINS, listContributions, readable, topicCondition } from '../reports/read.js';
import { stateName } from '../../lib/states.js';
import { COUNCIL_LEVELS, MOTION_KINDS, type MotionFilter } from './schema.js';

export interface MotionListItem {
  slug: string;
  title: string;
  summary: string;
  motionKind: string;
  councilLevel: string | null;
  states: string[];
  publishedAt: Date;
  visibility: 'PUBLIC' | 'MEMBERS';
  allianceSlug: string | null;
  allianceName: string | null;
  authorName: string | null;
  sourceName: string | null;
  useCount: number;
  successCount: number;
  successPlaces: number;
  snippet?: string;
}

const MOTION_COLUMNS = Prisma.sql`
  r.slug, r.title, r.summary, r.motion_kind::text AS "motionKind", r.council_level::text AS "councilLevel", r.states,
  r.published_at AS "publishedAt", r.visibility::text AS visibility, a.slug AS "allianceSlug", a.name AS "allianceName",
  CASE WHEN r.author_display = 'PERSON' THEN u.name END AS "authorName", r.source_name AS "sourceName",
  r.use_count AS "useCount", r.success_count AS "successCount", r.success_places AS "successPlaces"`;

function motionConditions(filter: Omit<MotionFilter, 'q' | 'seite' | 'sortierung'>, viewer: CurrentUser | undefined): Prisma.Sql[] {
  const conditions = [readable(viewer), Prisma.sql`r.type = 'MOTION'`];
  if (filter.art) conditions.push(Prisma.sql`r.motion_kind = ${filter.art}::motion_kind`);
  if (filter.thema) conditions.push(topicCondition(filter.thema));
  if (filter.ebene) conditions.push(Prisma.sql`r.council_level = ${filter.ebene}::council_level`);
  // A motion for no particular Bundesland fits every one.
  if (filter.land) conditions.push(Prisma.sql`(r.states = '{}' OR ${filter.land} = ANY (r.states))`);
  if (filter.buendnis) conditions.push(allianceCondition(filter.buendnis));
  if (filter.bewaehrt) conditions.push(Prisma.sql`r.success_count > 0`);
  return conditions;
}

const ORDERS = {
  neu: Prisma.sql`r.published_at DESC, r.id DESC`,
  erfolg: Prisma.sql`r.success_count DESC, r.published_at DESC, r.id DESC`,
};

export async function listMotions(
  deps: Pick<Services, 'pool' | 'cacheMs'>,
  filter: MotionFilter,
  viewer: CurrentUser | undefined,
  contentVersion: number | undefined,
) {
  const { items, ...rest } = await listContributions<MotionListItem>(deps, {
    conditions: motionConditions(filter, viewer),
    columns: MOTION_COLUMNS,
    order: ORDERS[filter.sortierung ?? 'neu'],
    countKey: JSON.stringify(['MOTION', filter.art, filter.thema, filter.ebene, filter.land, filter.buendnis, filter.bewaehrt, !!viewer]),
    contentVersion,
    q: filter.q,
    page: filter.seite,
  });
  return { motions: items, ...rest };
}

/** Entries of the Atom feed: the newest public motions the filters find, with their text. */
export function feedMotions(deps: Pick<Services, 'pool'>, filter: MotionFilter, limit: number) {
  const columns = Prisma.sql`${MOTION_COLUMNS}, r.body, r.reasoning`;
  return feedEntries<MotionListItem & { body: string; reasoning: string }>(
    deps,
    motionConditions(filter, undefined),
    columns,
    filter.q,
    limit,
  );
}

/** The most adopted, then newest readable motions of a topic or an alliance (topic and alliance pages). */
export function topMotions(
  pool: pg.Pool,
  viewer: CurrentUser | undefined,
  options: { limit: number; allianceSlug?: string; topicSlug?: string },
) {
  const conditions = [readable(viewer), Prisma.sql`r.type = 'MOTION'`];
  if (options.allianceSlug) conditions.push(allianceCondition(options.allianceSlug));
  if (options.topicSlug) conditions.push(topicCondition(options.topicSlug));
  return select<MotionListItem>(
    pool,
    Prisma.sql`SELECT ${MOTION_COLUMNS} FROM reports r ${LIST_JOINS} WHERE ${Prisma.join(conditions, ' AND ')}
      ORDER BY ${ORDERS.erfolg} ${limitRows(options.limit)}`,
  );
}

/** "3-mal angenommen in 2 Kommunen" (or how often it was used, or nothing yet). */
export function successLine(m: { useCount: number; successCount: number; successPlaces: number }): string | null {
  if (m.successCount > 0) {
    const places = m.successPlaces === 1 ? '1 Kommune' : `${m.successPlaces} Kommunen`;
    return `${m.successCount}-mal angenommen in ${places}`;
  }
  if (m.useCount > 0) return m.useCount === 1 ? '1-mal verwendet' : `${m.useCount}-mal verwendet`;
  return null;
}

/** The filter as a query string (without the page), for links, pagination and the feed. */
export function motionQuery(filter: Partial<MotionFilter>): Record<string, string> {
  const query: Record<string, string> = {};
  for (const key of ['q', 'art', 'thema', 'ebene', 'land', 'buendnis', 'sortierung'] as const)
    if (filter[key] !== undefined) query[key] = String(filter[key]);
  if (filter.bewaehrt) query.bewaehrt = 'ja';
  return query;
}

/** "Antrag · Gemeinderat/Stadtrat · für Bayern, Hessen" */
export function motionFacts(m: { motionKind: string | null; councilLevel: string | null; states: string[] }): string {
  return [
    m.motionKind ? MOTION_KINDS[m.motionKind as keyof typeof MOTION_KINDS] : null,
    m.councilLevel ? COUNCIL_LEVELS[m.councilLevel as keyof typeof COUNCIL_LEVELS] : null,
    m.states.length ? `für ${m.states.map(stateName).join(', ')}` : 'für alle Bundesländer',
  ]
    .filter(Boolean)
    .join(' · ');
}
