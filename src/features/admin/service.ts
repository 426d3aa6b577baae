// Admin work on accounts: approve, disable, change role, end sessions. Admins cannot lock themselves out.
import type pg from 'pg';
import type { PrismaClient } from '../../db/database.js';
import type { AccountStatus, Role } from '../../generated/prisma/enums.js';
import type { Prisma } from '../../generated/prisma/client.js';
import { AppError, NotFoundError } from '../../lib/errors.js';
import type { Mailer } from '../../lib/mail.js';
import { paginate } from '../../lib/pagination.js';
import { endSessionsOfUser } from '../../middleware/session.js';

export const PAGE_SIZE = 25;

export interface AdminDeps {
  prisma: PrismaClient;
  pool: pg.Pool;
  mailer: Mailer;
  baseUrl: string;
}

export interface UserFilter {
  q?: string | undefined;
  status?: AccountStatus | undefined;
  role?: Role | undefined;
  page: number;
}

export async function listUsers(prisma: PrismaClient, filter: UserFilter) {
  const where: Prisma.UserWhereInput = {
    ...(filter.status ? { status: filter.status } : {}),
    ...(filter.role ? { role: filter.role } : {}),
    ...(filter.q
      ? {
          OR: [
            { name: { contains: filter.q, mode: 'insensitive' } },
            { email: { contains: filter.q, mode: 'insensitive' } },
            { alliance: { name: { contains: filter.q, mode: 'insensitive' } } },
          ],
        }
      : {}),
  };
  const [{ items: users, ...counts }, pending] = await Promise.all([
    paginate(
      filter.page,
      PAGE_SIZE,
      (skip, take) =>
        prisma.user.findMany({
          where,
          // Waiting accounts first: they are what an admin comes here for.
          orderBy: [{ status: 'asc' }, { createdAt: 'desc' }],
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

async function findUser(prisma: PrismaClient, id: number) {
  const user = await prisma.user.findUnique({ where: { id } });
  if (!user) throw new NotFoundError('Dieses Konto gibt es nicht.');
  return user;
}

function notOnYourself(actorId: number, targetId: number, what: string): void {
  if (actorId === targetId) throw new AppError(`Du kannst ${what} nicht bei deinem eigenen Konto.`, 409);
}

export async function approveUser(deps: AdminDeps, id: number): Promise<string> {
  const user = await findUser(deps.prisma, id);
  if (user.status === 'ACTIVE') return user.name;
  await deps.prisma.user.update({
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
  await deps.mailer.send({
    to: user.email,
    subject: 'Dein Konto ist freigeschaltet',
    text: `Hallo ${user.name},\n\ndein Konto bei der Kommunalen Erfahrungsbörse ist freigeschaltet. Du kannst dich jetzt anmelden:\n${deps.baseUrl}/anmelden\n\nWillkommen!`,
  });
  return user.name;
}

export async function disableUser(deps: AdminDeps, actorId: number, id: number): Promise<string> {
  notOnYourself(actorId, id, 'das Sperren');
  const user = await findUser(deps.prisma, id);
  await deps.prisma.user.update({ where: { id }, data: { status: 'DISABLED' } });
  await endSessionsOfUser(deps.pool, id);
  return user.name;
}

export async function changeRole(deps: AdminDeps, actorId: number, id: number, role: Role): Promise<string> {
  notOnYourself(actorId, id, 'die Rolle ändern');
  const user = await findUser(deps.prisma, id);
  await deps.prisma.user.update({ where: { id }, data: { role } });
  return user.name;
}

export async function endSessions(deps: AdminDeps, id: number): Promise<{ name: string; ended: number }> {
  const user = await findUser(deps.prisma, id);
  return { name: user.name, ended: await endSessionsOfUser(deps.pool, id) };
}

export async function listOutbox(prisma: PrismaClient, page: number) {
  const { items: mails, ...counts } = await paginate(
    page,
    PAGE_SIZE,
    (skip, take) => prisma.outboxMail.findMany({ orderBy: { id: 'desc' }, skip, take }),
    () => prisma.outboxMail.count(),
  );
  return { mails, ...counts };
}
