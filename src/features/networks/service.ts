// Netzwerke: outside networks worth contacting (KOG principle 8). Admins maintain the list; retired entries
// are hidden from the public list but kept, so they can be brought back.
import type { PrismaClient } from '../../db/database.js';
import type { NetworkCategory, Prisma } from '../../generated/prisma/client.js';
import { paginate } from '../../lib/pagination.js';
import { knownTopicIds } from '../topics/service.js';
import { slugFrom, uniqueSlug } from '../../lib/slugs.js';
import { CATEGORY_PARAMS, NETWORKS_PER_PAGE, type NetworkInput } from './schema.js';

export interface NetworkFilter {
  q?: string | undefined;
  kategorie?: keyof typeof CATEGORY_PARAMS | undefined;
  thema?: string | undefined;
  retired: boolean;
  page: number;
}

export async function listNetworks(prisma: PrismaClient, filter: NetworkFilter) {
  const where: Prisma.NetworkWhereInput = {
    retiredAt: filter.retired ? { not: null } : null,
    ...(filter.kategorie ? { category: CATEGORY_PARAMS[filter.kategorie] } : {}),
    ...(filter.thema ? { topics: { some: { topic: { slug: filter.thema } } } } : {}),
    ...(filter.q
      ? {
          OR: [
            { name: { contains: filter.q, mode: 'insensitive' } },
            { description: { contains: filter.q, mode: 'insensitive' } },
            { reach: { contains: filter.q, mode: 'insensitive' } },
          ],
        }
      : {}),
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

function networkData(input: NetworkInput) {
  return {
    name: input.name,
    category: input.category as NetworkCategory,
    description: input.description,
    website: input.website ?? null,
    reach: input.reach ?? null,
  };
}

export async function createNetwork(prisma: PrismaClient, input: NetworkInput) {
  const topicIds = await knownTopicIds(prisma, input.topicIds, 'topicIds');
  const slug = await uniqueSlug(slugFrom(input.name), async (s) => !!(await prisma.network.findUnique({ where: { slug: s } })));
  return prisma.network.create({
    data: { ...networkData(input), slug, topics: { create: topicIds.map((topicId) => ({ topicId })) } },
  });
}

/** Saves an admin's edit. The slug (the entry's anchor on /netzwerke) stays, so links keep working. */
export async function updateNetwork(prisma: PrismaClient, id: number, input: NetworkInput) {
  const topicIds = await knownTopicIds(prisma, input.topicIds, 'topicIds');
  return prisma.$transaction(async (tx) => {
    await tx.networkTopic.deleteMany({ where: { networkId: id } });
    return tx.network.update({
      where: { id },
      data: { ...networkData(input), topics: { create: topicIds.map((topicId) => ({ topicId })) } },
    });
  });
}

export function setNetworkRetired(prisma: PrismaClient, id: number, retired: boolean) {
  return prisma.network.update({ where: { id }, data: { retiredAt: retired ? new Date() : null } });
}
