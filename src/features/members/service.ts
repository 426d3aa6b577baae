// Mitglieder und Kompetenzen (the LAG's "Liste von Kompetenzen"): an opt-in list for logged-in members,
// and a contact form that delivers through the site without showing anyone's address on a page.
import type pg from 'pg';
import { Prisma, type PrismaClient } from '../../db/database.js';
import { limitRows, select, selectOne } from '../../db/sql.js';
import type { Mandate } from '../../generated/prisma/client.js';
import { AppError, NotFoundError } from '../../lib/errors.js';
import { nameForMail } from '../../lib/mail.js';
import { foldedMatch } from '../../lib/search.js';
import { sharedResults } from '../../lib/cache.js';
import type { CurrentUser } from '../../middleware/auth.js';
import type { Services } from '../../services.js';
import { knownTopicIds } from '../topics/service.js';
import { MEMBERS_PER_PAGE } from './schema.js';

const listed = { status: 'ACTIVE', listedInDirectory: true } as const;

export interface MemberFilter {
  q?: string | undefined;
  kompetenz?: string | undefined;
  land?: string | undefined;
  buendnis?: string | undefined;
  seite: number;
}

export interface ListedMember {
  id: number;
  name: string;
  mandate: Mandate;
  directoryNote: string | null;
  alliance: { slug: string; name: string; state: string } | null;
  competences: { slug: string; name: string }[];
}

/**
 * One page of the directory in German name order. One query for the page (competences aggregated in it) and one
 * for the count, both served by the partial index users_directory_idx.
 */
export async function listMembers(
  deps: Pick<Services, 'pool' | 'topics' | 'cacheMs'>,
  filter: MemberFilter,
  contentVersion: number | undefined,
) {
  const { pool } = deps;
  const conditions = [Prisma.sql`u.status = 'ACTIVE' AND u.listed_in_directory`];
  if (filter.kompetenz) {
    conditions.push(
      Prisma.sql`EXISTS (SELECT 1 FROM user_competences uc JOIN topics t ON t.id = uc.topic_id WHERE uc.user_id = u.id AND t.slug = ${filter.kompetenz})`,
    );
  }
  // Alliance conditions as subqueries, not a join: then the directory index serves the name order directly.
  if (filter.land) conditions.push(Prisma.sql`u.alliance_id IN (SELECT id FROM alliances WHERE state = ${filter.land})`);
  if (filter.buendnis) conditions.push(Prisma.sql`u.alliance_id IN (SELECT id FROM alliances WHERE slug = ${filter.buendnis})`);
  // A person's or an alliance's name (never the address: listed people's e-mail addresses stay hidden).
  if (filter.q) {
    conditions.push(
      Prisma.sql`(${foldedMatch(Prisma.sql`u.search_text`, filter.q)} OR u.alliance_id IN (SELECT id FROM alliances a WHERE ${foldedMatch(Prisma.sql`a.search_text`, filter.q)}))`,
    );
  }
  const where = Prisma.join(conditions, ' AND ');
  // The directory index serves the name order; competences come as topic ids and get their names from the
  // topic list the page has anyway (cheaper for the database than building JSON per row).
  const [rows, total, topics] = await Promise.all([
    select<{
      id: number;
      name: string;
      mandate: Mandate;
      directoryNote: string | null;
      allianceSlug: string | null;
      allianceName: string | null;
      allianceState: string | null;
      topicIds: number[];
    }>(
      pool,
      Prisma.sql`
        SELECT u.id, u.name, u.mandate::text AS mandate, u.directory_note AS "directoryNote",
          a.slug AS "allianceSlug", a.name AS "allianceName", a.state AS "allianceState",
          ARRAY(SELECT topic_id FROM user_competences uc WHERE uc.user_id = u.id) AS "topicIds"
        FROM users u LEFT JOIN alliances a ON a.id = u.alliance_id
        WHERE ${where}
        ORDER BY u.name, u.id
        ${limitRows(MEMBERS_PER_PAGE, (filter.seite - 1) * MEMBERS_PER_PAGE)}`,
      { prepare: !filter.q },
    ),
    memberCount(pool, where, filter, { contentVersion, ttlMs: deps.cacheMs }),
    deps.topics.all(),
  ]);
  const members: ListedMember[] = rows.map((r) => ({
    id: r.id,
    name: r.name,
    mandate: r.mandate,
    directoryNote: r.directoryNote,
    alliance: r.allianceSlug ? { slug: r.allianceSlug, name: r.allianceName!, state: r.allianceState! } : null,
    competences: topics.filter((t) => r.topicIds.includes(t.id)).map(({ slug, name }) => ({ slug, name })),
  }));
  return { members, total, pages: Math.max(1, Math.ceil(total / MEMBERS_PER_PAGE)) };
}

/**
 * How many entries a filter finds. Counting the whole directory costs more than the page itself, and the number
 * only serves the page count, so it is kept per filter (see sharedResults; the entries themselves never are).
 */
const memberCounts = sharedResults<number>(200);

function memberCount(pool: pg.Pool, where: Prisma.Sql, filter: MemberFilter, seen: Parameters<typeof memberCounts>[2]): Promise<number> {
  return memberCounts(pool, [filter.q, filter.kompetenz, filter.land, filter.buendnis], seen, async () => {
    const row = await selectOne<{ total: number }>(pool, Prisma.sql`SELECT count(*)::int AS total FROM users u WHERE ${where}`, {
      prepare: !filter.q,
    });
    return row?.total ?? 0;
  });
}

export function findAllianceBySlug(prisma: PrismaClient, slug: string) {
  return prisma.alliance.findUnique({ where: { slug }, select: { slug: true, name: true } });
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
  directoryNote: string;
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
        directoryNote: settings.directoryNote || null,
        competences: { create: ids.map((topicId) => ({ topicId })) },
      },
    }),
  ]);
}

/**
 * Delivers a message to a listed member. The page shows neither address; the mail comes from the site with the
 * sender as reply address, so the recipient can answer by e-mail (and only then reveals their own address).
 */
export async function contactMember(
  deps: Pick<Services, 'prisma' | 'mailer' | 'baseUrl' | 'limits'>,
  sender: CurrentUser,
  recipientId: number,
  message: { subject: string; message: string },
  ip: string,
): Promise<string> {
  if (sender.id === recipientId) throw new AppError('Du kannst dir nicht selbst schreiben.', 409);
  const recipient = await deps.prisma.user.findFirst({ where: { id: recipientId, ...listed } });
  if (!recipient) throw new NotFoundError('Diese Person ist nicht (mehr) in der Mitgliederliste.');
  await deps.limits.action('contact', { ip, account: sender.id });
  const from = await deps.prisma.user.findUniqueOrThrow({ where: { id: sender.id }, include: { alliance: { select: { name: true } } } });
  const fromName = nameForMail(from.name);
  await deps.mailer.send({
    to: recipient.email,
    replyTo: from.email,
    subject: `Nachricht von ${fromName}: ${message.subject}`,
    text:
      `Hallo ${nameForMail(recipient.name)},\n\n${fromName}${from.alliance ? ` (${from.alliance.name})` : ''} hat dir über die Mitgliederliste der Kommunalen Erfahrungsbörse geschrieben:\n\n` +
      `----------------------------------------\n${message.message}\n----------------------------------------\n\n` +
      `Wenn du antworten möchtest, antworte einfach auf diese E-Mail: Die Antwort geht direkt an ${fromName}. ` +
      `Deine E-Mail-Adresse erfährt ${fromName} erst durch deine Antwort.\n\n` +
      `Du bekommst diese Nachricht, weil du dich in die Mitgliederliste eingetragen hast. Austragen kannst du dich hier: ${deps.baseUrl}/konto#verzeichnis`,
  });
  return recipient.name;
}
