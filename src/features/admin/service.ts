// Admin work on accounts: approve, disable, change role, end sessions. Admins cannot lock themselves out, and
// the last active admin cannot be removed, also when two admins act at the same moment.
import { Prisma, type PrismaClient } from '../../db/database.js';
import type { AccountStatus, Role } from '../../generated/prisma/enums.js';
import { AppError, NotFoundError } from '../../lib/errors.js';
import { nameForMail } from '../../lib/mail.js';
import { paginate } from '../../lib/pagination.js';
import { escapeLike, foldedMatch } from '../../lib/search.js';
import { endSessionsOfUser } from '../../middleware/session.js';
import type { Services } from '../../services.js';

export const PAGE_SIZE = 25;

/** Serialises changes to admin accounts: the "at least one admin" check and the change happen under it. */
const ADMIN_CHANGES_LOCK = 72707371;

export interface UserFilter {
  q?: string | undefined;
  status?: AccountStatus | undefined;
  role?: Role | undefined;
  page: number;
}

export async function listUsers(prisma: PrismaClient, filter: UserFilter) {
  // Search tolerates umlaut spellings and small typos (lib/search.ts).
  const matchingIds = filter.q
    ? (
        await prisma.$queryRaw<{ id: number }[]>`
          SELECT u.id FROM users u LEFT JOIN alliances a ON a.id = u.alliance_id
          WHERE ${foldedMatch(Prisma.sql`u.search_text`, filter.q)} OR u.email LIKE ${`%${escapeLike(filter.q.toLowerCase())}%`}
             OR ${foldedMatch(Prisma.sql`coalesce(a.search_text, '')`, filter.q)}
          LIMIT 2000`
      ).map((r) => r.id)
    : undefined;
  const where: Prisma.UserWhereInput = {
    ...(filter.status ? { status: filter.status } : {}),
    ...(filter.role ? { role: filter.role } : {}),
    ...(matchingIds ? { id: { in: matchingIds } } : {}),
  };
  const [{ items: users, ...counts }, pending] = await Promise.all([
    paginate(
      filter.page,
      PAGE_SIZE,
      (skip, take) =>
        prisma.user.findMany({
          where,
          // Waiting accounts first: they are what an admin comes here for.
          orderBy: [{ status: 'asc' }, { createdAt: 'desc' }, { id: 'desc' }],
          skip,
          take,
          include: { alliance: { select: { name: true } }, requestedAlliance: { select: { name: true } } },
        }),
      () => prisma.user.count({ where }),
    ),
    prisma.user.count({ where: { status: 'PENDING' } }),
  ]);
  return { users, ...counts, pending };
}

export async function findUser(prisma: PrismaClient, id: number) {
  const user = await prisma.user.findUnique({ where: { id } });
  if (!user) throw new NotFoundError('Dieses Konto gibt es nicht.');
  return user;
}

function notOnYourself(actorId: number, targetId: number, what: string): void {
  if (actorId === targetId) throw new AppError(`Du kannst ${what} nicht bei deinem eigenen Konto.`, 409);
}

export async function approveUser(deps: Pick<Services, 'prisma' | 'mailer' | 'baseUrl'>, id: number): Promise<string> {
  const user = await findUser(deps.prisma, id);
  if (user.status === 'ACTIVE') return user.name;
  await deps.prisma.$transaction(async (tx) => {
    await tx.user.update({
      where: { id },
      data: {
        status: 'ACTIVE',
        approvedAt: user.approvedAt ?? new Date(),
        // The admin saw the Bündnis named at registration: approving confirms that membership too.
        ...(user.requestedAllianceId && !user.approvedAt
          ? { allianceId: user.requestedAllianceId, requestedAllianceId: null, joinRequestedAt: null }
          : {}),
      },
    });
    await deps.mailer.send(
      {
        to: user.email,
        subject: 'Dein Konto ist freigeschaltet',
        text: `Hallo ${nameForMail(user.name)},\n\ndein Konto bei der Kommunalen Erfahrungsbörse ist freigeschaltet. Du kannst dich jetzt anmelden:\n${deps.baseUrl}/anmelden\n\nWillkommen!`,
      },
      tx,
    );
  });
  return user.name;
}

/**
 * Runs a change to an account under the admin lock and refuses it if afterwards no active admin would be left,
 * or if the acting person is no longer an active admin themselves.
 */
async function changeAccount(prisma: PrismaClient, actorId: number, id: number, data: Prisma.UserUpdateInput): Promise<string> {
  return prisma.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(${ADMIN_CHANGES_LOCK})`;
    const actor = await tx.user.findUnique({ where: { id: actorId }, select: { role: true, status: true } });
    if (actor?.role !== 'ADMIN' || actor.status !== 'ACTIVE') throw new AppError('Du bist nicht mehr Administrator/in.', 403);
    const user = await tx.user.findUnique({ where: { id } });
    if (!user) throw new NotFoundError('Dieses Konto gibt es nicht.');
    await tx.user.update({ where: { id }, data });
    const admins = await tx.user.count({ where: { role: 'ADMIN', status: 'ACTIVE' } });
    if (admins === 0) throw new AppError('Es muss mindestens eine aktive Administratorin oder einen aktiven Administrator geben.', 409);
    return user.name;
  });
}

export async function disableUser(deps: Pick<Services, 'prisma' | 'pool'>, actorId: number, id: number): Promise<string> {
  notOnYourself(actorId, id, 'das Sperren');
  const name = await changeAccount(deps.prisma, actorId, id, { status: 'DISABLED' });
  await endSessionsOfUser(deps.pool, id);
  return name;
}

export async function changeRole(deps: Pick<Services, 'prisma'>, actorId: number, id: number, role: Role): Promise<string> {
  notOnYourself(actorId, id, 'die Rolle ändern');
  return changeAccount(deps.prisma, actorId, id, { role });
}

export async function endSessions(deps: Pick<Services, 'prisma' | 'pool'>, id: number): Promise<{ name: string; ended: number }> {
  const user = await findUser(deps.prisma, id);
  return { name: user.name, ended: await endSessionsOfUser(deps.pool, id) };
}

/** The outbox as admins see it: a secret link is never part of it (see lib/mail.ts). */
const OUTBOX_FIELDS = {
  id: true,
  recipient: true,
  replyTo: true,
  subject: true,
  body: true,
  status: true,
  error: true,
  createdAt: true,
  sentAt: true,
} as const;

export async function listOutbox(prisma: PrismaClient, page: number) {
  const { items: mails, ...counts } = await paginate(
    page,
    PAGE_SIZE,
    (skip, take) => prisma.outboxMail.findMany({ orderBy: { id: 'desc' }, skip, take, select: OUTBOX_FIELDS }),
    () => prisma.outboxMail.count(),
  );
  return { mails, ...counts };
}

export function findOutboxMail(prisma: PrismaClient, id: number) {
  return prisma.outboxMail.findUnique({ where: { id }, select: OUTBOX_FIELDS });
}
