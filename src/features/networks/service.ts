// Netzwerke: outside networks worth contacting (KOG principle 8). Admins maintain the list; retired entries
// are hidden from the public list but kept, so they can be brought back.
import type pg from 'pg';
import { isUniqueViolation, Prisma, type PrismaClient } from '../../db/database.js';
import { limitRows, select } from '../../db/sql.js';
import type { NetworkCategory } from '../../generated/prisma/client.js';
import { ValidationError } from '../../lib/errors.js';
import { foldedMatch } from '../../lib/search.js';
import { insertWithFreeSlug, slugFrom } from '../../lib/slugs.js';
import { knownTopicIds } from '../topics/service.js';
import { CATEGORY_PARAMS, NETWORKS_PER_PAGE, type NetworkInput } from './schema.js';

export interface NetworkFilter {
  q?: string | undefined;
  kategorie?: keyof typeof CATEGORY_PARAMS | undefined;
  thema?: string | undefined;
  retired: boolean;
  page: number;
}

export interface NetworkListItem {
  id: number;
  slug: string;
  name: string;
  category: NetworkCategory;
  description: string;
  website: string | null;
  reach: string | null;
  topics: { slug: string; name: string }[];
}

/** One page of the directory with each entry's topics, in one query. */
export async function listNetworks(pool: pg.Pool, filter: NetworkFilter) {
  const conditions = [filter.retired ? Prisma.sql`n.retired_at IS NOT NULL` : Prisma.sql`n.retired_at IS NULL`];
  if (filter.kategorie) conditions.push(Prisma.sql`n.category = ${CATEGORY_PARAMS[filter.kategorie]}::network_category`);
  if (filter.thema) {
    conditions.push(Prisma.sql`EXISTS (SELECT 1 FROM network_topics nt JOIN topics t ON t.id = nt.topic_id WHERE nt.network_id = n.id AND t.slug = ${filter.thema})`);
  }
  // Name, description and reach, folded and indexed (search_text); a small typo is forgiven in the name.
  if (filter.q) conditions.push(foldedMatch(Prisma.sql`n.search_text`, filter.q, Prisma.sql`n.search_name`));
  const rows = await select<NetworkListItem & { total: number }>(
    pool,
    Prisma.sql`
      SELECT n.id, n.slug, n.name, n.category::text AS category, n.description, n.website, n.reach,
        coalesce((SELECT json_agg(json_build_object('slug', t.slug, 'name', t.name) ORDER BY t.name)
                  FROM network_topics nt JOIN topics t ON t.id = nt.topic_id WHERE nt.network_id = n.id), '[]') AS topics,
        count(*) OVER ()::int AS total
      FROM networks n WHERE ${Prisma.join(conditions, ' AND ')}
      -- Category order as in the source: national, parties, international.
      ORDER BY n.category, n.name ${limitRows(NETWORKS_PER_PAGE, (filter.page - 1) * NETWORKS_PER_PAGE)}`,
    { prepare: !filter.q },
  );
  const total = rows[0]?.total ?? 0;
  return { networks: rows.map(({ total: _total, ...network }) => network), total, pages: Math.max(1, Math.ceil(total / NETWORKS_PER_PAGE)) };
}

export function findNetwork(prisma: PrismaClient, id: number) {
  return prisma.network.findUnique({ where: { id }, include: { topics: true } });
}

function networkData(input: NetworkInput) {
  return {
    name: input.name,
    category: input.category as NetworkCategory,
    description: input.description,
    website: input.website ?? null,
    reach: input.reach ?? null,
  };
}

/** Names are unique regardless of case and Unicode form (networks_name_folded_key). */
function duplicateName(error: unknown): never {
  if (isUniqueViolation(error, 'networks_name_folded_key')) throw new ValidationError({ name: 'Ein Netzwerk mit diesem Namen gibt es schon.' });
  throw error;
}

export async function createNetwork(prisma: PrismaClient, input: NetworkInput) {
  const topicIds = await knownTopicIds(prisma, input.topicIds, 'topicIds');
  return insertWithFreeSlug(slugFrom(input.name), 'networks_slug_key', (slug) =>
    prisma.network.create({ data: { ...networkData(input), slug, topics: { create: topicIds.map((topicId) => ({ topicId })) } } }),
  ).catch(duplicateName);
}

/** Saves an admin's edit. The slug (the entry's anchor on /netzwerke) stays, so links keep working. */
export async function updateNetwork(prisma: PrismaClient, id: number, input: NetworkInput) {
  const topicIds = await knownTopicIds(prisma, input.topicIds, 'topicIds');
  return prisma
    .$transaction(async (tx) => {
      await tx.networkTopic.deleteMany({ where: { networkId: id } });
      return tx.network.update({
        where: { id },
        data: { ...networkData(input), topics: { create: topicIds.map((topicId) => ({ topicId })) } },
      });
    })
    .catch(duplicateName);
}

export function setNetworkRetired(prisma: PrismaClient, id: number, retired: boolean) {
  return prisma.network.update({ where: { id }, data: { retiredAt: retired ? new Date() : null } });
}
