// Bündnisse: directory, editing (with stable links across renames), archive, join requests and delegates.
import type pg from 'pg';
import { Prisma, type PrismaClient } from '../../db/database.js';
import { limitRows, select, selectOne } from '../../db/sql.js';
import type { Alliance } from '../../generated/prisma/client.js';
import { enqueueDigest } from '../../jobs/queue.js';
import { AppError, ForbiddenError, NotFoundError } from '../../lib/errors.js';
import { nameForMail } from '../../lib/mail.js';
import { foldedMatch, foldedRank } from '../../lib/search.js';
import { insertWithFreeSlug, slugFrom } from '../../lib/slugs.js';
import { hasRole, type CurrentUser } from '../../middleware/auth.js';
import type { Services } from '../../services.js';
import { ALLIANCES_PER_PAGE, type AllianceInput } from './schema.js';

/** The folded name, municipality and district (a generated column with a trigram index). */
const SEARCH_TEXT = Prisma.sql`search_text`;

export interface AllianceListItem {
  slug: string;
  name: string;
  municipality: string;
  state: string;
  website: string | null;
}

/** One page of the directory and how many there are, in one query (the directory indexes serve the order). */
export async function listAlliances(
  pool: pg.Pool,
  filter: { q?: string | undefined; land?: string | undefined; archiv?: string | undefined; seite: number },
) {
  const conditions = [filter.archiv ? Prisma.sql`archived_at IS NOT NULL` : Prisma.sql`archived_at IS NULL`];
  if (filter.land) conditions.push(Prisma.sql`state = ${filter.land}`);
  if (filter.q) conditions.push(foldedMatch(SEARCH_TEXT, filter.q));
  const order = filter.q ? Prisma.sql`${foldedRank(SEARCH_TEXT, filter.q)}, name, id` : Prisma.sql`name, id`;
  const rows = await select<AllianceListItem & { total: number }>(
    pool,
    Prisma.sql`
      SELECT slug, name, municipality, state, website, count(*) OVER ()::int AS total FROM alliances
      WHERE ${Prisma.join(conditions, ' AND ')}
      ORDER BY ${order} ${limitRows(ALLIANCES_PER_PAGE, (filter.seite - 1) * ALLIANCES_PER_PAGE)}`,
    { prepare: !filter.q },
  );
  // Past the last page the window count is not there: count separately only then.
  const total = rows[0]?.total ?? (filter.seite > 1 ? await countAlliances(pool, conditions) : 0);
  return { alliances: rows.map(({ total: _total, ...alliance }) => alliance), total, pages: Math.max(1, Math.ceil(total / ALLIANCES_PER_PAGE)) };
}

async function countAlliances(pool: pg.Pool, conditions: Prisma.Sql[]): Promise<number> {
  const row = await selectOne<{ total: number }>(pool, Prisma.sql`SELECT count(*)::int AS total FROM alliances WHERE ${Prisma.join(conditions, ' AND ')}`, {
    prepare: false,
  });
  return row?.total ?? 0;
}

/** The alliance under this slug, or the slug it has now if it was renamed. */
export async function findAlliance(prisma: PrismaClient, slug: string) {
  const alliance = await prisma.alliance.findUnique({ where: { slug } });
  if (alliance) return { alliance };
  const redirect = await prisma.allianceSlugRedirect.findUnique({ where: { slug }, include: { alliance: { select: { slug: true } } } });
  if (redirect) return { movedTo: redirect.alliance.slug };
  throw new NotFoundError('Dieses Bündnis gibt es nicht (mehr).');
}

/** Organisers and admins decide every join request; a delegate decides those for the own alliance. */
export function canDecideJoinRequests(user: CurrentUser | undefined, allianceId: number): boolean {
  return hasRole(user, 'ORGANIZER') || (!!user && user.isDelegate && user.allianceId === allianceId);
}

export interface AlliancePage {
  alliance: Alliance;
  delegates: { id: number; name: string }[];
  publicMembers: { id: number; name: string; isDelegate: boolean }[];
  joinRequests: { id: number; name: string; email?: string; allianceNote: string | null; joinRequestedAt: Date; status: string }[];
  members: { id: number; name: string; isDelegate: boolean; status: string }[];
  canDecide: boolean;
  viewerRequest: number | null;
}

const json = (list: Prisma.Sql) => Prisma.sql`coalesce((${list}), '[]'::json)`;

/**
 * The alliance page in one query: the alliance and the lists it shows, depending on who looks. Visitors see only
 * people who agreed to appear publicly; logged-in members also see all delegates (whom to ask); addresses of
 * people asking to join are for organisers and admins only. Undefined when no alliance has this slug.
 */
export async function alliancePage(pool: pg.Pool, slug: string, viewer: CurrentUser | undefined): Promise<AlliancePage | undefined> {
  const isOrganizer = hasRole(viewer, 'ORGANIZER');
  const delegateFilter = viewer ? Prisma.empty : Prisma.sql`AND u.public_on_alliance_page`;
  const row = await selectOne<Record<string, unknown>>(
    pool,
    Prisma.sql`
      SELECT a.id, a.slug, a.name, a.municipality, a.district, a.state, a.description, a.founded_year AS "foundedYear",
        a.council_seats AS "councilSeats", a.website, a.contact_email AS "contactEmail", a.archived_at AS "archivedAt",
        a.created_at AS "createdAt", a.updated_at AS "updatedAt",
        ${json(Prisma.sql`SELECT json_agg(json_build_object('id', u.id, 'name', u.name) ORDER BY u.name) FROM users u
          WHERE u.alliance_id = a.id AND u.is_delegate AND u.status = 'ACTIVE' ${delegateFilter}`)} AS delegates,
        ${json(Prisma.sql`SELECT json_agg(json_build_object('id', u.id, 'name', u.name, 'isDelegate', u.is_delegate) ORDER BY u.name) FROM users u
          WHERE u.alliance_id = a.id AND u.public_on_alliance_page AND u.status = 'ACTIVE'`)} AS "publicMembers",
        ${json(Prisma.sql`SELECT json_agg(json_build_object('id', u.id, 'name', u.name, 'email', CASE WHEN ${isOrganizer} THEN u.email END,
            'allianceNote', u.alliance_note, 'joinRequestedAt', u.join_requested_at, 'status', u.status) ORDER BY u.join_requested_at)
          FROM users u WHERE u.requested_alliance_id = a.id AND u.status <> 'DISABLED'
            AND (${isOrganizer} OR (${viewer?.isDelegate ?? false} AND a.id = ${viewer?.allianceId ?? 0}))`)} AS "joinRequests",
        ${json(Prisma.sql`SELECT json_agg(json_build_object('id', u.id, 'name', u.name, 'isDelegate', u.is_delegate, 'status', u.status) ORDER BY u.name)
          FROM users u WHERE u.alliance_id = a.id AND ${isOrganizer}`)} AS members,
        (SELECT requested_alliance_id FROM users WHERE id = ${viewer?.id ?? 0}) AS "viewerRequest"
      FROM alliances a WHERE a.slug = ${slug}`,
  );
  if (!row) return undefined;
  const { delegates, publicMembers, joinRequests, members, viewerRequest, ...alliance } = row;
  const requests = (joinRequests as AlliancePage['joinRequests']).map((r) => ({ ...r, joinRequestedAt: new Date(r.joinRequestedAt) }));
  return {
    alliance: alliance as unknown as Alliance,
    delegates: delegates as AlliancePage['delegates'],
    publicMembers: publicMembers as AlliancePage['publicMembers'],
    joinRequests: requests,
    members: members as AlliancePage['members'],
    canDecide: canDecideJoinRequests(viewer, alliance.id as number),
    viewerRequest: (viewerRequest as number | null) ?? null,
  };
}

/** An old slug of a renamed alliance: the slug it has now. */
export async function renamedAlliance(prisma: PrismaClient, slug: string): Promise<string | undefined> {
  const redirect = await prisma.allianceSlugRedirect.findUnique({ where: { slug }, include: { alliance: { select: { slug: true } } } });
  return redirect?.alliance.slug;
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

/** A former slug of another alliance still redirects there, so it cannot be given out again. */
function formerSlugOfOther(prisma: PrismaClient, exceptAllianceId?: number) {
  return async (slug: string) => {
    const redirect = await prisma.allianceSlugRedirect.findUnique({ where: { slug }, select: { allianceId: true } });
    return !!redirect && redirect.allianceId !== exceptAllianceId;
  };
}

export function createAlliance(prisma: PrismaClient, input: AllianceInput) {
  return insertWithFreeSlug(
    slugFrom(input.name),
    'alliances_slug_key',
    (slug) => prisma.alliance.create({ data: { ...allianceData(input), slug } }),
    formerSlugOfOther(prisma),
  );
}

/** Saves changes; a new name gets a new slug and the old one keeps working as a redirect. */
export async function updateAlliance(prisma: PrismaClient, id: number, input: AllianceInput) {
  const current = await prisma.alliance.findUniqueOrThrow({ where: { id } });
  if (input.name === current.name || slugFrom(input.name) === current.slug) {
    return prisma.alliance.update({ where: { id }, data: allianceData(input) });
  }
  return insertWithFreeSlug(
    slugFrom(input.name),
    'alliances_slug_key',
    (slug) =>
      prisma.$transaction(async (tx) => {
        // The slug may come back to this alliance (renamed back): then it is no redirect any more.
        await tx.allianceSlugRedirect.deleteMany({ where: { slug } });
        await tx.allianceSlugRedirect.create({ data: { slug: current.slug, allianceId: id } });
        return tx.alliance.update({ where: { id }, data: { ...allianceData(input), slug } });
      }),
    formerSlugOfOther(prisma, id),
  );
}

/** Dissolved alliances are archived: kept with everything they shared, hidden from the default list. */
export async function setArchived(prisma: PrismaClient, id: number, archived: boolean) {
  return prisma.$transaction(async (tx) => {
    if (archived) await tx.user.updateMany({ where: { requestedAllianceId: id }, data: { requestedAllianceId: null, joinRequestedAt: null } });
    return tx.alliance.update({ where: { id }, data: { archivedAt: archived ? new Date() : null } });
  });
}

/** Join requests reach the deciders as one mail per ten minutes and alliance, however many arrive. */
const DIGEST_MS = 10 * 60_000;

export async function requestToJoin(deps: Pick<Services, 'prisma' | 'limits' | 'nudgeWorker'>, user: CurrentUser, allianceId: number, ip: string) {
  const alliance = await deps.prisma.alliance.findUniqueOrThrow({ where: { id: allianceId } });
  if (alliance.archivedAt) throw new AppError(`${alliance.name} ist archiviert und nimmt keine Mitglieder mehr auf.`, 409);
  if (user.allianceId === allianceId) throw new AppError(`Du bist schon Mitglied bei ${alliance.name}.`, 409);
  await deps.limits.action('joinRequest', { ip, account: user.id });
  await deps.prisma.$transaction(async (tx) => {
    await tx.user.update({ where: { id: user.id }, data: { requestedAllianceId: allianceId, joinRequestedAt: new Date() } });
    await enqueueDigest(tx, 'alliances.join-requests-digest', `join-requests-digest:${allianceId}`, { allianceId }, DIGEST_MS);
  });
  deps.nudgeWorker();
  return alliance.name;
}

/** Worker: tells the alliance's delegates (or, without delegates, the KOG organisers) about open requests. */
export async function sendJoinRequestDigest(deps: Pick<Services, 'prisma' | 'mailer' | 'baseUrl'>, allianceId: number): Promise<void> {
  const alliance = await deps.prisma.alliance.findUnique({ where: { id: allianceId } });
  if (!alliance || alliance.archivedAt) return;
  const open = await deps.prisma.user.findMany({
    where: { requestedAllianceId: allianceId, status: 'ACTIVE' },
    orderBy: { joinRequestedAt: 'asc' },
    select: { name: true },
  });
  if (open.length === 0) return;
  const delegates = await deps.prisma.user.findMany({ where: { allianceId, isDelegate: true, status: 'ACTIVE' }, select: { email: true } });
  const recipients = delegates.length
    ? delegates
    : await deps.prisma.user.findMany({ where: { role: { in: ['ORGANIZER', 'ADMIN'] }, status: 'ACTIVE' }, select: { email: true } });
  const names = open.map((p) => `- ${nameForMail(p.name)}`).join('\n');
  for (const { email } of recipients) {
    await deps.mailer.send({
      to: email,
      subject: `Beitrittsanfragen für ${alliance.name}`,
      text: `Diese Personen möchten in der Erfahrungsbörse als Mitglied von ${alliance.name} geführt werden:\n\n${names}\n\nBitte bestätigen oder ablehnen:\n${deps.baseUrl}/buendnisse/${alliance.slug}#beitrittsanfragen`,
    });
  }
}

export async function decideJoinRequest(
  deps: Pick<Services, 'prisma' | 'mailer' | 'baseUrl'>,
  actor: CurrentUser,
  allianceId: number,
  userId: number,
  accept: boolean,
): Promise<string> {
  if (!canDecideJoinRequests(actor, allianceId)) throw new ForbiddenError();
  const alliance = await deps.prisma.alliance.findUniqueOrThrow({ where: { id: allianceId } });
  return deps.prisma.$transaction(async (tx) => {
    // Conditional update: only a request that is still open for this alliance is decided.
    const changed = await tx.user.updateMany({
      where: { id: userId, requestedAllianceId: allianceId },
      data: accept
        ? { allianceId, requestedAllianceId: null, joinRequestedAt: null, isDelegate: false, allianceNote: null }
        : { requestedAllianceId: null, joinRequestedAt: null },
    });
    if (changed.count !== 1) throw new NotFoundError('Diese Beitrittsanfrage gibt es nicht (mehr).');
    const person = await tx.user.findUniqueOrThrow({ where: { id: userId } });
    await deps.mailer.send(
      {
        to: person.email,
        subject: accept ? `Willkommen bei ${alliance.name}` : `Deine Anfrage an ${alliance.name}`,
        text: accept
          ? `Hallo ${nameForMail(person.name)},\n\ndeine Mitgliedschaft bei ${alliance.name} ist bestätigt:\n${deps.baseUrl}/buendnisse/${alliance.slug}`
          : `Hallo ${nameForMail(person.name)},\n\ndeine Anfrage, als Mitglied von ${alliance.name} geführt zu werden, wurde nicht bestätigt. Bei Fragen wende dich bitte an das Bündnis oder die Koordinierungsgruppe.`,
      },
      tx,
    );
    return person.name;
  });
}

export async function setDelegate(prisma: PrismaClient, actor: CurrentUser, allianceId: number, userId: number, isDelegate: boolean) {
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

/** Active alliances for a select field ([id, "Name (Kommune)"]), in German name order. */
export async function allianceOptions(deps: Pick<Services, 'pool'>): Promise<[number, string][]> {
  const rows = await select<{ id: number; name: string; municipality: string }>(
    deps.pool,
    Prisma.sql`SELECT id, name, municipality FROM alliances WHERE archived_at IS NULL ORDER BY name, id`,
  );
  return rows.map((a) => [a.id, a.name.includes(a.municipality) ? a.name : `${a.name} (${a.municipality})`]);
}
