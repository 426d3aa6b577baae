// Themen: a managed list (admins) used to tag networks, members' competences and, later, reports and motions.
import { isUniqueViolation, type PrismaClient } from '../../db/database.js';
import { NotFoundError, ValidationError } from '../../lib/errors.js';
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

/** Topics that can be chosen now (retired ones keep their page). */
export function activeTopics(prisma: PrismaClient) {
  return prisma.topic.findMany({ where: { retiredAt: null }, orderBy: { name: 'asc' }, select: { id: true, slug: true, name: true } });
}

export async function topicPage(prisma: PrismaClient, slug: string, viewerLoggedIn: boolean) {
  const topic = await prisma.topic.findUnique({ where: { slug } });
  if (!topic) throw new NotFoundError('Dieses Thema gibt es nicht.');
  const competent = { status: 'ACTIVE', listedInDirectory: true, competences: { some: { topicId: topic.id } } } as const;
  const [networks, members, memberCount] = await Promise.all([
    prisma.network.findMany({
      where: { retiredAt: null, topics: { some: { topicId: topic.id } } },
      orderBy: { name: 'asc' },
      select: { slug: true, name: true, category: true },
    }),
    // The competence list is for logged-in members only.
    viewerLoggedIn
      ? prisma.user.findMany({
          where: competent,
          orderBy: [{ name: 'asc' }, { id: 'asc' }],
          take: TOPIC_MEMBERS_SHOWN,
          select: { id: true, name: true, alliance: { select: { name: true } } },
        })
      : Promise.resolve([]),
    viewerLoggedIn ? prisma.user.count({ where: competent }) : Promise.resolve(0),
  ]);
  return { topic, networks, members, memberCount };
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
