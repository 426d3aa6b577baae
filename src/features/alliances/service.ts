// Bündnisse: directory, editing (with stable links across renames), join requests and delegates.
import type pg from 'pg';
import type { PrismaClient } from '../../db/database.js';
import type { Prisma } from '../../generated/prisma/client.js';
import { AppError, ForbiddenError, NotFoundError } from '../../lib/errors.js';
import type { Mailer } from '../../lib/mail.js';
import { paginate } from '../../lib/pagination.js';
import { slugFrom, uniqueSlug } from '../../lib/slugs.js';
import { hasRole, type CurrentUser } from '../../middleware/auth.js';
import { ALLIANCES_PER_PAGE, type AllianceInput } from './schema.js';

export interface AllianceDeps {
  prisma: PrismaClient;
  pool: pg.Pool;
  mailer: Mailer;
  baseUrl: string;
}

export async function listAlliances(prisma: PrismaClient, filter: { q?: string | undefined; land?: string | undefined; seite: number }) {
  const where: Prisma.AllianceWhereInput = {
    ...(filter.land ? { state: filter.land } : {}),
    ...(filter.q
      ? {
          OR: [
            { name: { contains: filter.q, mode: 'insensitive' } },
            { municipality: { contains: filter.q, mode: 'insensitive' } },
            { district: { contains: filter.q, mode: 'insensitive' } },
          ],
        }
      : {}),
  };
  const { items: alliances, ...counts } = await paginate(
    filter.seite,
    ALLIANCES_PER_PAGE,
    (skip, take) =>
      prisma.alliance.findMany({
        where,
        orderBy: [{ name: 'asc' }, { id: 'asc' }],
        skip,
        take,
        select: { slug: true, name: true, municipality: true, state: true, website: true },
      }),
    () => prisma.alliance.count({ where }),
  );
  return { alliances, ...counts };
}

/** The alliance under this slug, or the slug it has now if it was renamed. */
export async function findAlliance(prisma: PrismaClient, slug: string) {
  const alliance = await prisma.alliance.findUnique({ where: { slug } });
  if (alliance) return { alliance };
  const redirect = await prisma.allianceSlugRedirect.findUnique({ where: { slug }, include: { alliance: { select: { slug: true } } } });
  if (redirect) return { movedTo: redirect.alliance.slug };
  throw new NotFoundError('Dieses Bündnis gibt es nicht (mehr).');
}

/** Everything the alliance page shows besides the alliance itself, depending on who looks. */
export async function alliancePage(prisma: PrismaClient, allianceId: number, viewer: CurrentUser | undefined) {
  const canDecide = canDecideJoinRequests(viewer, allianceId);
  const [delegates, publicMembers, joinRequests, members, viewerAccount] = await Promise.all([
    prisma.user.findMany({
      where: { allianceId, isDelegate: true, status: 'ACTIVE' },
      orderBy: { name: 'asc' },
      select: { id: true, name: true },
    }),
    prisma.user.findMany({
      where: { allianceId, publicOnAlliancePage: true, status: 'ACTIVE' },
      orderBy: { name: 'asc' },
      select: { id: true, name: true, isDelegate: true },
    }),
    canDecide
      ? prisma.user.findMany({
          where: { requestedAllianceId: allianceId, status: { not: 'DISABLED' } },
          orderBy: { joinRequestedAt: 'asc' },
          select: { id: true, name: true, email: true, joinRequestedAt: true, status: true },
        })
      : Promise.resolve([]),
    hasRole(viewer, 'ORGANIZER')
      ? prisma.user.findMany({
          where: { allianceId },
          orderBy: { name: 'asc' },
          select: { id: true, name: true, isDelegate: true, status: true },
        })
      : Promise.resolve([]),
    viewer ? prisma.user.findUnique({ where: { id: viewer.id }, select: { requestedAllianceId: true } }) : Promise.resolve(null),
  ]);
  return { delegates, publicMembers, joinRequests, members, canDecide, viewerRequest: viewerAccount?.requestedAllianceId ?? null };
}

function allianceData(input: AllianceInput) {
  return {
    name: input.name,
    municipality: input.municipality,
    district: input.district ?? null,
    state: input.state,
    description: input.description,
    foundedYear: input.foundedYear ?? null,
    councilSeats: input.councilSeats ?? null,
    website: input.website ?? null,
    contactEmail: input.contactEmail ?? null,
  };
}

async function slugIsTaken(prisma: PrismaClient, slug: string, exceptAllianceId?: number): Promise<boolean> {
  const [alliance, redirect] = await Promise.all([
    prisma.alliance.findUnique({ where: { slug }, select: { id: true } }),
    prisma.allianceSlugRedirect.findUnique({ where: { slug }, select: { allianceId: true } }),
  ]);
  return (!!alliance && alliance.id !== exceptAllianceId) || (!!redirect && redirect.allianceId !== exceptAllianceId);
}

export async function createAlliance(prisma: PrismaClient, input: AllianceInput) {
  const slug = await uniqueSlug(slugFrom(input.name), (s) => slugIsTaken(prisma, s));
  return prisma.alliance.create({ data: { ...allianceData(input), slug } });
}

/** Saves changes; a new name gets a new slug and the old one keeps working as a redirect. */
export async function updateAlliance(prisma: PrismaClient, id: number, input: AllianceInput) {
  const current = await prisma.alliance.findUniqueOrThrow({ where: { id } });
  let slug = current.slug;
  if (input.name !== current.name && slugFrom(input.name) !== current.slug) {
    slug = await uniqueSlug(slugFrom(input.name), (s) => slugIsTaken(prisma, s, id));
  }
  return prisma.$transaction(async (tx) => {
    if (slug !== current.slug) {
      // The slug may come back to this alliance (renamed back): then it is no redirect any more.
      await tx.allianceSlugRedirect.deleteMany({ where: { slug } });
      await tx.allianceSlugRedirect.create({ data: { slug: current.slug, allianceId: id } });
    }
    return tx.alliance.update({ where: { id }, data: { ...allianceData(input), slug } });
  });
}

/** Organisers and admins decide every join request; a delegate decides those for the own alliance. */
export function canDecideJoinRequests(user: CurrentUser | undefined, allianceId: number): boolean {
  return hasRole(user, 'ORGANIZER') || (!!user && user.isDelegate && user.allianceId === allianceId);
}

export async function requestToJoin(deps: AllianceDeps, user: CurrentUser, allianceId: number): Promise<string> {
  const alliance = await deps.prisma.alliance.findUniqueOrThrow({ where: { id: allianceId } });
  if (user.allianceId === allianceId) throw new AppError(`Du bist schon Mitglied bei ${alliance.name}.`, 409);
  await deps.prisma.user.update({ where: { id: user.id }, data: { requestedAllianceId: allianceId, joinRequestedAt: new Date() } });

  // Tell those who can confirm: the alliance's delegates, or the KOG organisers when it has none.
  const delegates = await deps.prisma.user.findMany({ where: { allianceId, isDelegate: true, status: 'ACTIVE' }, select: { email: true } });
  const recipients = delegates.length
    ? delegates
    : await deps.prisma.user.findMany({ where: { role: { in: ['ORGANIZER', 'ADMIN'] }, status: 'ACTIVE' }, select: { email: true } });
  for (const { email } of recipients) {
    await deps.mailer.send({
      to: email,
      subject: `Beitrittsanfrage für ${alliance.name}`,
      text: `${user.name} möchte in der Erfahrungsbörse als Mitglied von ${alliance.name} geführt werden.\nBitte bestätigen oder ablehnen:\n${deps.baseUrl}/buendnisse/${alliance.slug}#beitrittsanfragen`,
    });
  }
  return alliance.name;
}

export async function decideJoinRequest(
  deps: AllianceDeps,
  actor: CurrentUser,
  allianceId: number,
  userId: number,
  accept: boolean,
): Promise<string> {
  if (!canDecideJoinRequests(actor, allianceId)) throw new ForbiddenError();
  const alliance = await deps.prisma.alliance.findUniqueOrThrow({ where: { id: allianceId } });
  // Conditional update: only a request that is still open for this alliance is decided.
  const changed = await deps.prisma.user.updateMany({
    where: { id: userId, requestedAllianceId: allianceId },
    data: accept
      ? { allianceId, requestedAllianceId: null, joinRequestedAt: null, isDelegate: false, allianceNote: null }
      : { requestedAllianceId: null, joinRequestedAt: null },
  });
  if (changed.count !== 1) throw new NotFoundError('Diese Beitrittsanfrage gibt es nicht (mehr).');
  const person = await deps.prisma.user.findUniqueOrThrow({ where: { id: userId } });
  await deps.mailer.send({
    to: person.email,
    subject: accept ? `Willkommen bei ${alliance.name}` : `Deine Anfrage an ${alliance.name}`,
    text: accept
      ? `Hallo ${person.name},\n\ndeine Mitgliedschaft bei ${alliance.name} ist bestätigt:\n${deps.baseUrl}/buendnisse/${alliance.slug}`
      : `Hallo ${person.name},\n\ndeine Anfrage, als Mitglied von ${alliance.name} geführt zu werden, wurde nicht bestätigt. Bei Fragen wende dich bitte an das Bündnis oder die Koordinierungsgruppe.`,
  });
  return person.name;
}

export async function setDelegate(
  prisma: PrismaClient,
  actor: CurrentUser,
  allianceId: number,
  userId: number,
  isDelegate: boolean,
): Promise<string> {
  if (!hasRole(actor, 'ORGANIZER')) throw new ForbiddenError();
  const changed = await prisma.user.updateMany({ where: { id: userId, allianceId }, data: { isDelegate } });
  if (changed.count !== 1) throw new NotFoundError('Diese Person ist nicht Mitglied dieses Bündnisses.');
  return (await prisma.user.findUniqueOrThrow({ where: { id: userId } })).name;
}

export async function leaveAlliance(prisma: PrismaClient, userId: number): Promise<void> {
  await prisma.user.update({ where: { id: userId }, data: { allianceId: null, isDelegate: false, publicOnAlliancePage: false } });
}

export async function withdrawJoinRequest(prisma: PrismaClient, userId: number): Promise<void> {
  await prisma.user.update({ where: { id: userId }, data: { requestedAllianceId: null, joinRequestedAt: null } });
}
