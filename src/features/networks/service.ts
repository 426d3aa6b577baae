// Netzwerke: outside networks worth contacting (KOG principle 8). Admins maintain the list; retired entries
// are hidden from the public list but kept, so they can be brought back.
import { isUniqueViolation, Prisma, type PrismaClient } from '../../db/database.js';
import type { NetworkCategory } from '../../generated/prisma/client.js';
import { ValidationError } from '../../lib/errors.js';
import { paginate } from '../../lib/pagination.js';
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

export async function listNetworks(prisma: PrismaClient, filter: NetworkFilter) {
  // The directory has a few dozen entries: the folded search runs over all of them.
  const matchingIds = filter.q
    ? (
        await prisma.$queryRaw<{ id: number }[]>`
          SELECT id FROM networks WHERE ${foldedMatch(Prisma.sql`name || ' ' || description || ' ' || coalesce(reach, '')`, filter.q)}`
      ).map((r) => r.id)
    : undefined;
  const where: Prisma.NetworkWhereInput = {
    retiredAt: filter.retired ? { not: null } : null,
    ...(filter.kategorie ? { category: CATEGORY_PARAMS[filter.kategorie] } : {}),
    ...(filter.thema ? { topics: { some: { topic: { slug: filter.thema } } } } : {}),
    ...(matchingIds ? { id: { in: matchingIds } } : {}),
  };
  const { items: networks, ...counts } = await paginate(
    filter.page,
    NETWORKS_PER_PAGE,
    (skip, take) =>
      prisma.network.findMany({
        where,
        // Category order as in the source: national, parties, international.
        orderBy: [{ category: 'asc' }, { name: 'asc' }],
        skip,
        take,
        include: { topics: { include: { topic: { select: { slug: true, name: true } } }, orderBy: { topic: { name: 'asc' } } } },
      }),
    () => prisma.network.count({ where }),
  );
  return { networks, ...counts };
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
