// Themen: a managed list (admins) used to tag networks, members' competences and, later, reports and motions.
import type pg from 'pg';
import { isUniqueViolation, Prisma, type PrismaClient } from '../../db/database.js';
import { limitRows, select, selectOne } from '../../db/sql.js';
import { NotFoundError, ValidationError } from '../../lib/errors.js';
import { shortLived } from '../../lib/cache.js';
import { insertWithFreeSlug, slugFrom } from '../../lib/slugs.js';

/** How many members a topic page lists; the rest are a click away in the members' directory. */
export const TOPIC_MEMBERS_SHOWN = 30;

/** The chosen topic ids without repeats; a form field error when one of them does not exist. */
export async function knownTopicIds(prisma: PrismaClient, ids: number[], field: string): Promise<number[]> {
  const unique = [...new Set(ids)];
  if ((await prisma.topic.count({ where: { id: { in: unique } } })) !== unique.length) {
    throw new ValidationError({ [field]: 'Bitte nur Themen aus der Liste wählen.' });
  }
  return unique;
}

export interface ActiveTopic {
  id: number;
  slug: string;
  name: string;
}

/**
 * The active topics appear in forms and filters on many pages; they change rarely. Kept for a few seconds per
 * instance, and forgotten at once where an admin changes them.
 */
export function topicDirectory(pool: pg.Pool, ttlMs: number) {
  const all = shortLived(ttlMs, () =>
    select<{ id: number; slug: string; name: string; retiredAt: Date | null }>(
      pool,
      Prisma.sql`SELECT id, slug, name, retired_at AS "retiredAt" FROM topics ORDER BY name, id`,
    ),
  );
  return {
    /** Topics that can be chosen now. */
    active: async (): Promise<ActiveTopic[]> => (await all.get()).filter((t) => !t.retiredAt).map(({ id, slug, name }) => ({ id, slug, name })),
    /** Every topic, retired ones too (for names of earlier choices), in German name order. */
    all: () => all.get(),
    changed: () => all.clear(),
  };
}

export type TopicDirectory = ReturnType<typeof topicDirectory>;

export interface TopicPage {
  topic: { id: number; slug: string; name: string; description: string; retiredAt: Date | null };
  networks: { slug: string; name: string; category: string }[];
  members: { id: number; name: string; alliance: { name: string } | null }[];
  /** More members than shown: the page links to the full list in the members' directory. */
  moreMembers: boolean;
}

/**
 * The topic page: networks for everyone; members with this competence for logged-in viewers only, the first few
 * in name order (the directory index serves that order; no count over everyone needed).
 */
export async function topicPage(pool: pg.Pool, slug: string, viewerLoggedIn: boolean): Promise<TopicPage> {
  const [row, members] = await Promise.all([
    selectOne<TopicPage['topic'] & Pick<TopicPage, 'networks'>>(
      pool,
      Prisma.sql`
        SELECT t.id, t.slug, t.name, t.description, t.retired_at AS "retiredAt",
          coalesce((SELECT json_agg(json_build_object('slug', n.slug, 'name', n.name, 'category', n.category) ORDER BY n.name)
                    FROM networks n JOIN network_topics nt ON nt.network_id = n.id WHERE nt.topic_id = t.id AND n.retired_at IS NULL), '[]') AS networks
        FROM topics t WHERE t.slug = ${slug}`,
    ),
    viewerLoggedIn
      ? select<{ id: number; name: string; allianceName: string | null }>(
          pool,
          Prisma.sql`
            SELECT u.id, u.name, a.name AS "allianceName"
            FROM users u LEFT JOIN alliances a ON a.id = u.alliance_id
            WHERE u.status = 'ACTIVE' AND u.listed_in_directory
              AND EXISTS (SELECT 1 FROM user_competences uc WHERE uc.user_id = u.id AND uc.topic_id = (SELECT id FROM topics WHERE slug = ${slug}))
            ORDER BY u.name, u.id ${limitRows(TOPIC_MEMBERS_SHOWN + 1)}`,
        )
      : Promise.resolve([]),
  ]);
  if (!row) throw new NotFoundError('Dieses Thema gibt es nicht.');
  const { networks, ...topic } = row;
  return {
    topic,
    networks,
    members: members.slice(0, TOPIC_MEMBERS_SHOWN).map((m) => ({ id: m.id, name: m.name, alliance: m.allianceName ? { name: m.allianceName } : null })),
    moreMembers: members.length > TOPIC_MEMBERS_SHOWN,
  };
}

export function listTopicsForAdmin(prisma: PrismaClient) {
  return prisma.topic.findMany({
    orderBy: [{ retiredAt: { sort: 'asc', nulls: 'first' } }, { name: 'asc' }],
    include: { _count: { select: { networks: true, competences: true } } },
  });
}

export function findTopic(prisma: PrismaClient, id: number) {
  return prisma.topic.findUnique({ where: { id } });
}

/** Names are unique regardless of case and Unicode form (topics_name_folded_key). */
function duplicateName(error: unknown): never {
  if (isUniqueViolation(error, 'topics_name_folded_key')) throw new ValidationError({ name: 'Ein Thema mit diesem Namen gibt es schon.' });
  throw error;
}

export function createTopic(prisma: PrismaClient, input: { name: string; description: string }) {
  return insertWithFreeSlug(slugFrom(input.name), 'topics_slug_key', (slug) => prisma.topic.create({ data: { ...input, slug } })).catch(
    duplicateName,
  );
}

/** Renaming keeps the slug: links to the topic page stay valid. */
export function updateTopic(prisma: PrismaClient, id: number, input: { name: string; description: string }) {
  return prisma.topic.update({ where: { id }, data: input }).catch(duplicateName);
}

export function setTopicRetired(prisma: PrismaClient, id: number, retired: boolean) {
  return prisma.topic.update({ where: { id }, data: { retiredAt: retired ? new Date() : null } });
}
