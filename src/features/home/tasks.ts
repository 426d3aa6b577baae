// "Für dich zu tun": what waits for the logged-in person, on the start page and on /konto. Each feature
// that creates work for someone adds a provider here.
import { Prisma } from '../../db/database.js';
import { select } from '../../db/sql.js';
import { sharedResults } from '../../lib/cache.js';
import { hasRole, type CurrentUser } from '../../middleware/auth.js';
import { queueSize } from '../moderation/queue.js';
import { QUEUE_SOURCES } from '../moderation/sources.js';
import { capital, contributionHref, kindOf } from '../reports/kinds.js';
import type { Services } from '../../services.js';
import { formatDay } from '../../lib/dates.js';
import { DEADLINE_COLUMNS, meetingDeadlines, type DeadlineInput } from '../meetings/deadlines.js';

export interface Task {
  text: string;
  href: string;
}

/** What the caller knows already (saves a query): the person's own open join request, the request's content version. */
export interface Known {
  requestedAlliance?: { name: string } | null;
  /** shownContentVersionOf(req): lists that only change with the content may then come from memory. */
  contentVersion?: number | undefined;
}

/**
 * An author's reports and motions that wait for them, kept while the content stays the same (sharedResults): asked on
 * every visit of the start page and /konto, and PostgreSQL plans this statement anew each time (its general plan
 * looks dearer than one for a given author, so it never settles on one).
 */
const ownOpenContributions = sharedResults<{ slug: string; type: string; title: string; status: string }[]>(2000);

type Provider = (deps: Pick<Services, 'prisma' | 'pool'>, user: CurrentUser, known: Known) => Promise<Task[]>;

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

const providers: Provider[] = [
  // Admins: contributions and flags waiting for a decision.
  async ({ pool }, user) => {
    if (!hasRole(user, 'ADMIN')) return [];
    const waiting = await queueSize(pool, QUEUE_SOURCES);
    return waiting
      ? [
          {
            text: `${plural(waiting, 'Eintrag wartet', 'Einträge warten')} auf eine Entscheidung der Moderation`,
            href: '/admin/moderation',
          },
        ]
      : [];
  },
  // Authors: reports and motions sent back for revision, and drafts not submitted yet.
  async ({ pool }, user, known) => {
    const own = await ownOpenContributions(pool, [user.id], { contentVersion: known.contentVersion, ttlMs: 0 }, () =>
      select<{ slug: string; type: string; title: string; status: string }>(
        pool,
        Prisma.sql`SELECT r.slug, r.type::text AS type, w.title, w.status::text AS status FROM reports r JOIN report_versions w ON w.id = r.working_version_id
          WHERE r.author_id = ${user.id} AND w.status IN ('RETURNED', 'DRAFT') ORDER BY w.updated_at DESC LIMIT 5`,
      ),
    );
    return own.map((r) =>
      r.status === 'RETURNED'
        ? { text: `${capital(kindOf(r.type).your)} „${r.title}“ braucht eine Überarbeitung`, href: contributionHref(r.type, r.slug) }
        : { text: `Dein Entwurf „${r.title}“ ist noch nicht eingereicht`, href: contributionHref(r.type, r.slug) },
    );
  },
  // Admins: accounts to approve.
  async ({ prisma }, user) => {
    if (!hasRole(user, 'ADMIN')) return [];
    const pending = await prisma.user.count({ where: { status: 'PENDING' } });
    return pending
      ? [{ text: `${plural(pending, 'Konto wartet', 'Konten warten')} auf Freischaltung`, href: '/admin/benutzer?status=PENDING' }]
      : [];
  },
  // Organisers decide every join request; delegates those of their own alliance.
  async ({ prisma }, user) => {
    const own = user.isDelegate && user.allianceId !== null && !hasRole(user, 'ORGANIZER');
    if (!hasRole(user, 'ORGANIZER') && !own) return [];
    const open = await prisma.user.groupBy({
      by: ['requestedAllianceId'],
      where: { requestedAllianceId: own ? user.allianceId : { not: null }, status: 'ACTIVE' },
      _count: { _all: true },
      orderBy: { requestedAllianceId: 'asc' },
      take: 10,
    });
    if (open.length === 0) return [];
    const alliances = await prisma.alliance.findMany({
      where: { id: { in: open.map((o) => o.requestedAllianceId!) } },
      select: { id: true, slug: true, name: true },
    });
    return alliances.map((a) => {
      const count = open.find((o) => o.requestedAllianceId === a.id)?._count._all ?? 0;
      return {
        text: `${plural(count, 'Beitrittsanfrage', 'Beitrittsanfragen')} bei ${a.name}`,
        href: `/buendnisse/${a.slug}#beitrittsanfragen`,
      };
    });
  },
  // Lead organisers: deadlines of their meetings that are due within three days or missed (KOG principle 10).
  async ({ pool }, user) => {
    if (!hasRole(user, 'ORGANIZER')) return [];
    const meetings = await select<DeadlineInput & { id: number; title: string }>(
      pool,
      Prisma.sql`SELECT m.id, m.title, ${DEADLINE_COLUMNS}
        FROM meetings m LEFT JOIN protocols p ON p.meeting_id = m.id
        WHERE m.lead_organizer_id = ${user.id} AND m.status <> 'CANCELLED' AND m.ends_at > now() - interval '30 days'
        ORDER BY m.starts_at LIMIT 10`,
    );
    return meetings.flatMap((m) =>
      meetingDeadlines(m)
        .filter((d) => d.state === 'DUE_SOON' || d.state === 'OVERDUE')
        .map((d) => ({ text: `${m.title}: ${d.label} – ${d.stateLabel} (bis ${formatDay(d.dueOn)})`, href: `/treffen/${m.id}` })),
    );
  },
  // Everyone: their own open request.
  async ({ prisma }, user, known) => {
    const requested =
      known.requestedAlliance !== undefined
        ? known.requestedAlliance
        : (await prisma.user.findUnique({ where: { id: user.id }, select: { requestedAlliance: { select: { name: true } } } }))
            ?.requestedAlliance;
    return requested ? [{ text: `Deine Beitrittsanfrage an ${requested.name} wartet auf Bestätigung`, href: '/konto#buendnis' }] : [];
  },
];

export async function tasksFor(deps: Pick<Services, 'prisma' | 'pool'>, user: CurrentUser, known: Known = {}): Promise<Task[]> {
  return (await Promise.all(providers.map((provide) => provide(deps, user, known)))).flat();
}
