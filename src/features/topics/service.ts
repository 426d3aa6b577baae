// Themen: a managed list (admins) used to tag networks, members' competences and, later, reports and motions.
import { isUniqueViolation, type PrismaClient } from '../../db/database.js';
import { NotFoundError, ValidationError } from '../../lib/errors.js';
import { slugFrom, uniqueSlug } from '../../lib/slugs.js';

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
  const [networks, members] = await Promise.all([
    prisma.network.findMany({
      where: { retiredAt: null, topics: { some: { topicId: topic.id } } },
      orderBy: { name: 'asc' },
      select: { slug: true, name: true, category: true },
    }),
    // The competence list is for logged-in members only.
    viewerLoggedIn
      ? prisma.user.findMany({
          where: { status: 'ACTIVE', listedInDirectory: true, competences: { some: { topicId: topic.id } } },
          orderBy: { name: 'asc' },
          select: { id: true, name: true, alliance: { select: { name: true } } },
        })
      : Promise.resolve([]),
  ]);
  return { topic, networks, members };
}

export function listTopicsForAdmin(prisma: PrismaClient) {
  return prisma.topic.findMany({
    orderBy: [{ retiredAt: { sort: 'asc', nulls: 'first' } }, { name: 'asc' }],
    include: { _count: { select: { networks: true, competences: true } } },
  });
}

function duplicateName(error: unknown): never {
  if (isUniqueViolation(error)) throw new ValidationError({ name: 'Ein Thema mit diesem Namen gibt es schon.' });
  throw error;
}

export async function createTopic(prisma: PrismaClient, input: { name: string; description: string }) {
  const slug = await uniqueSlug(slugFrom(input.name), async (s) => !!(await prisma.topic.findUnique({ where: { slug: s } })));
  return prisma.topic.create({ data: { ...input, slug } }).catch(duplicateName);
}

/** Renaming keeps the slug: links to the topic page stay valid. */
export async function updateTopic(prisma: PrismaClient, id: number, input: { name: string; description: string }) {
  return prisma.topic.update({ where: { id }, data: input }).catch(duplicateName);
}

export async function setTopicRetired(prisma: PrismaClient, id: number, retired: boolean) {
  return prisma.topic.update({ where: { id }, data: { retiredAt: retired ? new Date() : null } });
}
