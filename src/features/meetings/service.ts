// Meetings themselves: lists, the year view, creating, editing and cancelling. The preparation steps live in
// their own files (agenda, proposals, participation, materials, protocol); deadlines in deadlines.ts.
import { Prisma } from '../../db/database.js';
import { limitRows, select, selectOne } from '../../db/sql.js';
import { sharedResults } from '../../lib/cache.js';
import { formatTimeSpan } from '../../lib/dates.js';
import { foldedMatch } from '../../lib/search.js';
import { NotFoundError, ValidationError } from '../../lib/errors.js';
import { nameForMail } from '../../lib/mail.js';
import type { CurrentUser } from '../../middleware/auth.js';
import type { Services } from '../../services.js';
import type { MeetingKind, MeetingStatus } from '../../generated/prisma/enums.js';
import { MEETING_NOT_FOUND, type MeetingRow } from './access.js';
import { DEADLINE_COLUMNS, meetingDeadlines, type Deadline } from './deadlines.js';
import { MEETING_KINDS } from './labels.js';
import { meetingUrl, notifyParticipants } from './notify.js';
import type { MeetingInput } from './schema.js';

export const MEETINGS_PER_PAGE = 20;

export type MeetingListEntry = Pick<
  MeetingRow,
  | 'id'
  | 'kind'
  | 'title'
  | 'startsAt'
  | 'endsAt'
  | 'venueName'
  | 'address'
  | 'isPublic'
  | 'status'
  | 'agendaPublishedAt'
  | 'materialsPublishedAt'
  | 'protocolPublishedAt'
>;

const LIST_COLUMNS = Prisma.sql`m.id, m.kind, m.title, m.venue_name AS "venueName", m.address, m.is_public AS "isPublic", m.status, ${DEADLINE_COLUMNS}`;

/** Visitors see public meetings only. */
function visibleTo(viewer: CurrentUser | undefined) {
  return viewer ? Prisma.sql`TRUE` : Prisma.sql`m.is_public`;
}

/**
 * Upcoming meetings (soonest first) or past ones (newest first), one page. A search (q) looks at all meetings,
 * newest first, in their folded title, place, purpose and (once it went out) agenda: `search_text`, kept current by
 * triggers (migration 20261125000000_meeting_search).
 */
export async function listMeetings(
  pool: Services['pool'],
  viewer: CurrentUser | undefined,
  options: { past: boolean; page: number; q?: string | undefined; now?: Date },
): Promise<{ meetings: MeetingListEntry[]; total: number; pages: number }> {
  const now = options.now ?? new Date();
  const when = options.q
    ? foldedMatch(Prisma.sql`m.search_text`, options.q, Prisma.sql`m.search_title`)
    : options.past
      ? Prisma.sql`m.ends_at < ${now}`
      : Prisma.sql`m.ends_at >= ${now}`;
  const order = options.past || options.q ? Prisma.sql`m.starts_at DESC, m.id DESC` : Prisma.sql`m.starts_at, m.id`;
  const offset = (options.page - 1) * MEETINGS_PER_PAGE;
  const [meetings, count] = await Promise.all([
    select<MeetingListEntry>(
      pool,
      Prisma.sql`SELECT ${LIST_COLUMNS} FROM meetings m LEFT JOIN protocols p ON p.meeting_id = m.id
        WHERE ${when} AND ${visibleTo(viewer)} ORDER BY ${order} ${limitRows(MEETINGS_PER_PAGE, offset)}`,
    ),
    selectOne<{ total: number }>(pool, Prisma.sql`SELECT count(*)::int AS total FROM meetings m WHERE ${when} AND ${visibleTo(viewer)}`),
  ]);
  const total = count?.total ?? 0;
  return { meetings, total, pages: Math.max(1, Math.ceil(total / MEETINGS_PER_PAGE)) };
}

/** The next few meetings (start page, calendar feed). */
export async function upcomingMeetings(
  pool: Services['pool'],
  viewer: CurrentUser | undefined,
  limit: number,
): Promise<MeetingListEntry[]> {
  return select<MeetingListEntry>(
    pool,
    Prisma.sql`SELECT ${LIST_COLUMNS} FROM meetings m LEFT JOIN protocols p ON p.meeting_id = m.id
      WHERE m.ends_at >= now() AND m.status <> 'CANCELLED' AND ${visibleTo(viewer)} ORDER BY m.starts_at, m.id ${limitRows(limit)}`,
  );
}

export interface YearEntry extends MeetingListEntry {
  deadlines: Deadline[];
}

/** How many KOG meetings a year usually has (KOG principle 10). */
export const KOG_MEETINGS_PER_YEAR = 4;

/**
 * The meetings of one calendar year (Berlin time) with their deadlines, and per quarter whether a KOG meeting is
 * planned: the four usual KOG meetings at a glance.
 */
export async function yearOverview(pool: Services['pool'], viewer: CurrentUser | undefined, year: number, now = new Date()) {
  const meetings = await select<MeetingListEntry>(
    pool,
    Prisma.sql`SELECT ${LIST_COLUMNS} FROM meetings m LEFT JOIN protocols p ON p.meeting_id = m.id
      WHERE m.starts_at >= (make_timestamptz(${year}::int, 1, 1, 0, 0, 0, 'Europe/Berlin'))
        AND m.starts_at < (make_timestamptz(${year + 1}::int, 1, 1, 0, 0, 0, 'Europe/Berlin')) AND ${visibleTo(viewer)}
      ORDER BY m.starts_at, m.id`,
  );
  const entries: YearEntry[] = meetings.map((m) => ({ ...m, deadlines: m.status === 'CANCELLED' ? [] : meetingDeadlines(m, now) }));
  const kog = entries.filter((m) => m.kind === 'KOG_TREFFEN' && m.status !== 'CANCELLED');
  const quarters = [1, 2, 3, 4].map((quarter) => ({
    quarter,
    meetings: kog.filter((m) => Math.floor(Number(berlinMonth(m.startsAt)) / 3) === quarter - 1),
  }));
  return { year, meetings: entries, kogCount: kog.length, quarters };
}

function berlinMonth(instant: Date): number {
  return Number(new Intl.DateTimeFormat('en', { timeZone: 'Europe/Berlin', month: 'numeric' }).format(instant)) - 1;
}

/** Organisers and admins who can lead a meeting, for the form's select. */
export async function organizerChoices(prisma: Services['prisma']): Promise<{ id: number; name: string }[]> {
  return prisma.user.findMany({
    where: { status: 'ACTIVE', role: { in: ['ORGANIZER', 'ADMIN'] } },
    select: { id: true, name: true },
    orderBy: [{ name: 'asc' }, { id: 'asc' }],
  });
}

async function checkLeadOrganizer(prisma: Services['prisma'], userId: number): Promise<void> {
  const lead = await prisma.user.findFirst({
    where: { id: userId, status: 'ACTIVE', role: { in: ['ORGANIZER', 'ADMIN'] } },
    select: { id: true },
  });
  if (!lead)
    throw new ValidationError({ leadOrganizerId: 'Hauptverantwortlich kann nur jemand aus der KOG sein (Organisator/in oder Admin).' });
}

export async function createMeeting(deps: Pick<Services, 'prisma'>, creator: CurrentUser, input: MeetingInput): Promise<{ id: number }> {
  await checkLeadOrganizer(deps.prisma, input.leadOrganizerId);
  return deps.prisma.meeting.create({ data: { ...input, createdById: creator.id }, select: { id: true } });
}

/**
 * Saves the meeting's details. When the invitation is out already and the time or place changed, the agenda is
 * marked as changed and everyone who registered is told.
 */
export async function updateMeeting(
  deps: Pick<Services, 'prisma' | 'mailer' | 'baseUrl'>,
  meeting: MeetingRow,
  input: MeetingInput,
): Promise<{ notified: number }> {
  if (meeting.status === 'CANCELLED') throw new ValidationError({ _form: 'Ein abgesagtes Treffen kann nicht mehr geändert werden.' });
  await checkLeadOrganizer(deps.prisma, input.leadOrganizerId);
  const moved =
    input.startsAt.getTime() !== meeting.startsAt.getTime() ||
    input.endsAt.getTime() !== meeting.endsAt.getTime() ||
    (input.venueName ?? '') !== (meeting.venueName ?? '') ||
    (input.address ?? '') !== (meeting.address ?? '');
  const announce = moved && meeting.agendaPublishedAt !== null;
  await deps.prisma.meeting.update({ where: { id: meeting.id }, data: { ...input, ...(announce ? { agendaChangedAt: new Date() } : {}) } });
  if (!announce) return { notified: 0 };
  const where = [input.venueName, input.address].filter(Boolean).join(', ') || 'Ort folgt';
  const notified = await notifyParticipants(deps, meeting.id, {
    subject: `Geändert: ${input.title}`,
    text: (name) =>
      `Hallo ${nameForMail(name)},\n\nbeim Treffen „${input.title}“, für das du dich angemeldet hast, haben sich Zeit oder Ort geändert:\n\n` +
      `${formatTimeSpan(input.startsAt, input.endsAt)}\n${where}\n\nEinladung und Tagesordnung:\n${meetingUrl(deps.baseUrl, meeting.id, 'einladung')}`,
  });
  return { notified };
}

/** Cancels the meeting with a reason; everyone who registered is told. */
export async function cancelMeeting(
  deps: Pick<Services, 'prisma' | 'mailer' | 'baseUrl'>,
  meeting: MeetingRow,
  reason: string,
): Promise<{ notified: number }> {
  if (meeting.status === 'CANCELLED') throw new NotFoundError(MEETING_NOT_FOUND);
  await deps.prisma.meeting.update({ where: { id: meeting.id }, data: { status: 'CANCELLED', cancelReason: reason } });
  const notified = await notifyParticipants(deps, meeting.id, {
    subject: `Abgesagt: ${meeting.title}`,
    text: (name) =>
      `Hallo ${nameForMail(name)},\n\ndas Treffen „${meeting.title}“ am ${formatTimeSpan(meeting.startsAt, meeting.endsAt)}, für das du dich angemeldet hast, ist abgesagt.\n\n` +
      `Grund: ${reason}\n\n${meetingUrl(deps.baseUrl, meeting.id)}`,
  });
  return { notified };
}

/** The meeting's status as people should read it: a meeting that is over counts as held unless it was cancelled. */
export function displayStatus(meeting: Pick<MeetingRow, 'status' | 'endsAt'>, now = new Date()): MeetingStatus {
  if (meeting.status === 'CANCELLED' || meeting.status === 'HELD') return meeting.status;
  return meeting.endsAt < now ? 'HELD' : meeting.status;
}

/** "KOG-Treffen" etc. */
export function kindLabel(kind: MeetingKind): string {
  return MEETING_KINDS[kind];
}

/** Meeting page facts per meeting and viewer, kept while the content stays the same (sharedResults). */
const pageFacts = sharedResults<{ materialCount: number; attendance: string | null } | undefined>(5000);

/** What the meeting page shows besides the meeting: how many materials it has, and the viewer's answer (one query). */
export async function meetingPageFacts(
  pool: Services['pool'],
  meetingId: number,
  viewer: CurrentUser | undefined,
  contentVersion?: number,
): Promise<{ materialCount: number; rsvp: { attendance: string } | null }> {
  const row = await pageFacts(pool, [meetingId, viewer?.id ?? 0], { contentVersion, ttlMs: 0 }, () =>
    selectOne<{ materialCount: number; attendance: string | null }>(
      pool,
      Prisma.sql`SELECT (SELECT count(*)::int FROM materials WHERE meeting_id = ${meetingId}) AS "materialCount",
          (SELECT attendance::text FROM rsvps WHERE meeting_id = ${meetingId} AND user_id = ${viewer?.id ?? 0}) AS attendance`,
    ),
  );
  return { materialCount: row?.materialCount ?? 0, rsvp: row?.attendance ? { attendance: row.attendance } : null };
}
