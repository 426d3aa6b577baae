// Mitglieder und Kompetenzen (the LAG's "Liste von Kompetenzen"): an opt-in list for logged-in members,
// and a contact form that delivers through the site without showing anyone's address on a page.
import type pg from 'pg';
import type { PrismaClient } from '../../db/database.js';
import type { Mandate, Prisma } from '../../generated/prisma/client.js';
import { AppError, NotFoundError } from '../../lib/errors.js';
import type { Mailer } from '../../lib/mail.js';
import { paginate } from '../../lib/pagination.js';
import { knownTopicIds } from '../topics/service.js';
import { consume, createLimiter } from '../../lib/rate-limit.js';
import type { CurrentUser } from '../../middleware/auth.js';
import { MEMBERS_PER_PAGE } from './schema.js';

export interface MemberDeps {
  prisma: PrismaClient;
  pool: pg.Pool;
  mailer: Mailer;
  baseUrl: string;
}

const listed = { status: 'ACTIVE', listedInDirectory: true } as const;

export async function listMembers(
  prisma: PrismaClient,
  filter: { kompetenz?: string | undefined; land?: string | undefined; buendnis?: string | undefined; seite: number },
) {
  const where: Prisma.UserWhereInput = {
    ...listed,
    ...(filter.kompetenz ? { competences: { some: { topic: { slug: filter.kompetenz } } } } : {}),
    ...(filter.land || filter.buendnis
      ? { alliance: { ...(filter.land ? { state: filter.land } : {}), ...(filter.buendnis ? { slug: filter.buendnis } : {}) } }
      : {}),
  };
  const { items: members, ...counts } = await paginate(
    filter.seite,
    MEMBERS_PER_PAGE,
    (skip, take) =>
      prisma.user.findMany({
        where,
        orderBy: [{ name: 'asc' }, { id: 'asc' }],
        skip,
        take,
        // Never the e-mail address: contact goes through the site.
        select: {
          id: true,
          name: true,
          mandate: true,
          directoryNote: true,
          alliance: { select: { slug: true, name: true, state: true } },
          competences: { select: { topic: { select: { slug: true, name: true } } }, orderBy: { topic: { name: 'asc' } } },
        },
      }),
    () => prisma.user.count({ where }),
  );
  return { members, ...counts };
}

/** Alliances that have listed members, for the filter. */
export function alliancesWithListedMembers(prisma: PrismaClient) {
  return prisma.alliance.findMany({ where: { members: { some: listed } }, orderBy: { name: 'asc' }, select: { slug: true, name: true } });
}

export async function findListedMember(prisma: PrismaClient, id: number) {
  const member = await prisma.user.findFirst({
    where: { id, ...listed },
    select: { id: true, name: true, alliance: { select: { name: true } } },
  });
  if (!member) throw new NotFoundError('Diese Person ist nicht (mehr) in der Mitgliederliste.');
  return member;
}

export interface DirectorySettings {
  listedInDirectory: boolean;
  publicOnAlliancePage: boolean;
  mandate: Mandate;
  competenceIds: number[];
  directoryNote?: string | undefined;
}

export async function saveDirectorySettings(prisma: PrismaClient, userId: number, settings: DirectorySettings): Promise<void> {
  const ids = await knownTopicIds(prisma, settings.competenceIds, 'competenceIds');
  await prisma.$transaction([
    prisma.userCompetence.deleteMany({ where: { userId } }),
    prisma.user.update({
      where: { id: userId },
      data: {
        listedInDirectory: settings.listedInDirectory,
        publicOnAlliancePage: settings.publicOnAlliancePage,
        mandate: settings.mandate,
        directoryNote: settings.directoryNote ?? null,
        competences: { create: ids.map((topicId) => ({ topicId })) },
      },
    }),
  ]);
}

export function createContactLimits(pool: pg.Pool) {
  // Enough for real conversations, too few for spam: 5 messages an hour, 20 a day per sender.
  const perHour = createLimiter(pool, 'contact_hour', 5, 60 * 60);
  const perDay = createLimiter(pool, 'contact_day', 20, 24 * 60 * 60);
  return async (senderId: number) => {
    const what = 'Nachrichten in kurzer Zeit';
    await consume(perHour, String(senderId), what);
    await consume(perDay, String(senderId), what);
  };
}

/**
 * Delivers a message to a listed member. The page shows neither address; the mail comes from the site with the
 * sender as reply address, so the recipient can answer by e-mail (and only then reveals their own address).
 */
export async function contactMember(
  deps: MemberDeps & { countMessage: (senderId: number) => Promise<void> },
  sender: CurrentUser,
  recipientId: number,
  message: { subject: string; message: string },
): Promise<string> {
  if (sender.id === recipientId) throw new AppError('Du kannst dir nicht selbst schreiben.', 409);
  const recipient = await deps.prisma.user.findFirst({ where: { id: recipientId, ...listed } });
  if (!recipient) throw new NotFoundError('Diese Person ist nicht (mehr) in der Mitgliederliste.');
  await deps.countMessage(sender.id);
  const from = await deps.prisma.user.findUniqueOrThrow({ where: { id: sender.id }, include: { alliance: { select: { name: true } } } });
  await deps.mailer.send({
    to: recipient.email,
    replyTo: from.email,
    subject: `Nachricht von ${from.name}: ${message.subject}`,
    text:
      `Hallo ${recipient.name},\n\n${from.name}${from.alliance ? ` (${from.alliance.name})` : ''} hat dir über die Mitgliederliste der Kommunalen Erfahrungsbörse geschrieben:\n\n` +
      `----------------------------------------\n${message.message}\n----------------------------------------\n\n` +
      `Wenn du antworten möchtest, antworte einfach auf diese E-Mail: Die Antwort geht direkt an ${from.name}. ` +
      `Deine E-Mail-Adresse erfährt ${from.name} erst durch deine Antwort.\n\n` +
      `Du bekommst diese Nachricht, weil du dich in die Mitgliederliste eingetragen hast. Austragen kannst du dich hier: ${deps.baseUrl}/konto#verzeichnis`,
  });
  return recipient.name;
}
