// Decisions (Beschlüsse) and their follow-up. The protocol records them; Beschlusskontrolle in the next meeting's
// agenda and /treffen/beschluesse show the open ones until they are closed. Only decisions of published protocols
// count for everyone but organisers: a draft may still change.
import { z } from 'zod';
import { Prisma } from '../../db/database.js';
import { limitRows, select, selectOne } from '../../db/sql.js';
import { sharedResults } from '../../lib/cache.js';
import { berlinDay } from '../../lib/dates.js';
import { NotFoundError, ValidationError } from '../../lib/errors.js';
import { choice, choiceParam, INT4_MAX, optionalId, pageParam, requiredLongText, optionalText, searchParam } from '../../lib/fields.js';
import { escapeLike } from '../../lib/search.js';
import { hasRole, type CurrentUser } from '../../middleware/auth.js';
import type { Services } from '../../services.js';
import type { DecisionStatus } from '../../generated/prisma/enums.js';
import { DECISION_STATUSES, OPEN_DECISION_STATUSES } from './labels.js';
import { optionalDayField } from './schema.js';

export const DECISION_NOT_FOUND = 'Diesen Beschluss gibt es nicht (mehr).';
export const DECISION_STATUS_CODES = Object.keys(DECISION_STATUSES) as [DecisionStatus, ...DecisionStatus[]];

export interface OpenDecision {
  id: number;
  text: string;
  responsible: string;
  /** Alliance chosen as responsible, if any. */
  allianceName: string | null;
  dueOn: Date | null;
  /** The due date as a Berlin calendar day 'YYYY-MM-DD' (for formatDay), or null. */
  dueDay: string | null;
  status: DecisionStatus;
  meetingId: number;
  meetingTitle: string;
  meetingStartsAt: Date;
}

/**
 * Open and in-progress decisions of published protocols of meetings that began before `before` (oldest meeting
 * first): the Beschlusskontrolle of the next meeting. `publicOnly` leaves out internal meetings' decisions (for
 * pages that visitors see).
 */
export async function openDecisionsBefore(
  pool: Services['pool'],
  before: Date,
  options: { publicOnly?: boolean } = {},
): Promise<OpenDecision[]> {
  const visible = options.publicOnly ? Prisma.sql`m.is_public` : Prisma.sql`TRUE`;
  return select<OpenDecision>(
    pool,
    Prisma.sql`SELECT d.id, d.text, d.responsible, a.name AS "allianceName", d.due_on AS "dueOn", to_char(d.due_on, 'YYYY-MM-DD') AS "dueDay",
        d.status, m.id AS "meetingId", m.title AS "meetingTitle", m.starts_at AS "meetingStartsAt"
      FROM decisions d JOIN meetings m ON m.id = d.meeting_id
        JOIN protocols p ON p.meeting_id = m.id AND p.published_at IS NOT NULL
        LEFT JOIN alliances a ON a.id = d.responsible_alliance_id
      WHERE d.status IN ('OPEN', 'IN_PROGRESS') AND m.starts_at < ${before} AND ${visible}
      ORDER BY m.starts_at, d.id LIMIT 200`,
  );
}

// ---------------------------------------------------------------------------------------------------------------
// Decisions of one meeting (the protocol)

export interface MeetingDecision {
  id: number;
  text: string;
  responsible: string;
  responsibleAllianceId: number | null;
  allianceName: string | null;
  agendaItemId: number | null;
  dueDay: string | null;
  status: DecisionStatus;
}

export async function meetingDecisions(pool: Services['pool'], meetingId: number): Promise<MeetingDecision[]> {
  return select<MeetingDecision>(
    pool,
    Prisma.sql`SELECT d.id, d.text, d.responsible, d.responsible_alliance_id AS "responsibleAllianceId", a.name AS "allianceName",
        d.agenda_item_id AS "agendaItemId", to_char(d.due_on, 'YYYY-MM-DD') AS "dueDay", d.status
      FROM decisions d LEFT JOIN alliances a ON a.id = d.responsible_alliance_id
      WHERE d.meeting_id = ${meetingId} ORDER BY d.id`,
  );
}

/** The decision in a meeting, or 404: an id of another meeting's decision is "not found" here. */
export async function findMeetingDecision(pool: Services['pool'], meetingId: number, decisionId: number): Promise<MeetingDecision> {
  const decision = (await meetingDecisions(pool, meetingId)).find((d) => d.id === decisionId);
  if (!decision) throw new NotFoundError(DECISION_NOT_FOUND);
  return decision;
}

/**
 * Alliances that can be named as responsible: those of the people who registered for or attended the meeting
 * (not the whole directory), plus any a decision of this meeting names already.
 */
export async function decisionAllianceChoices(pool: Services['pool'], meetingId: number): Promise<{ id: number; name: string }[]> {
  return select<{ id: number; name: string }>(
    pool,
    Prisma.sql`SELECT a.id, a.name FROM alliances a WHERE a.id IN (
        SELECT r.alliance_id FROM rsvps r WHERE r.meeting_id = ${meetingId}
        UNION SELECT u.alliance_id FROM rsvps r JOIN users u ON u.id = r.user_id WHERE r.meeting_id = ${meetingId}
        UNION SELECT u.alliance_id FROM meeting_attendees ma JOIN users u ON u.id = ma.user_id WHERE ma.meeting_id = ${meetingId}
        UNION SELECT d.responsible_alliance_id FROM decisions d WHERE d.meeting_id = ${meetingId})
      ORDER BY a.name, a.id`,
  );
}

export const decisionFormSchema = z
  .object({
    text: requiredLongText('den Beschluss', 2000, 3),
    responsible: optionalText(200),
    responsibleAllianceId: optionalId('Bitte ein Bündnis aus der Liste wählen.'),
    agendaItemId: optionalId('Bitte einen Tagesordnungspunkt aus der Liste wählen.'),
    dueOn: optionalDayField(),
    status: choice(DECISION_STATUS_CODES, 'Bitte einen Stand wählen.'),
  })
  .superRefine((form, ctx) => {
    // A person or an alliance: the alliance alone is enough, its name then stands as "responsible".
    if (!form.responsible && !form.responsibleAllianceId)
      ctx.addIssue({
        code: 'custom',
        path: ['responsible'],
        message: 'Bitte angeben, wer verantwortlich ist (eine Person oder ein Bündnis).',
      });
    else if (form.responsible && form.responsible.length < 2)
      ctx.addIssue({ code: 'custom', path: ['responsible'], message: 'Bitte mindestens 2 Zeichen eingeben.' });
  });
export type DecisionInput = z.output<typeof decisionFormSchema>;

/** Checks the choices against this meeting and turns the form into a row. */
async function decisionData(deps: Pick<Services, 'pool' | 'prisma'>, meetingId: number, input: DecisionInput) {
  let allianceName: string | undefined;
  if (input.responsibleAllianceId) {
    const choices = await decisionAllianceChoices(deps.pool, meetingId);
    allianceName = choices.find((a) => a.id === input.responsibleAllianceId)?.name;
    if (!allianceName) throw new ValidationError({ responsibleAllianceId: 'Bitte ein Bündnis aus der Liste wählen.' });
  }
  if (input.agendaItemId) {
    const item = await deps.prisma.agendaItem.findFirst({ where: { id: input.agendaItemId, meetingId }, select: { id: true } });
    if (!item) throw new ValidationError({ agendaItemId: 'Bitte einen Tagesordnungspunkt aus der Liste wählen.' });
  }
  return {
    text: input.text,
    responsible: input.responsible ?? allianceName!,
    responsibleAllianceId: input.responsibleAllianceId ?? null,
    agendaItemId: input.agendaItemId ?? null,
    dueOn: input.dueOn ? new Date(`${input.dueOn}T00:00:00Z`) : null,
    status: input.status,
  };
}

/** A change to a decision is a change to the protocol ("zuletzt geändert am …"). */
async function touchProtocol(prisma: Services['prisma'], meetingId: number): Promise<void> {
  await prisma.protocol.updateMany({ where: { meetingId }, data: { updatedAt: new Date() } });
}

export async function createDecision(deps: Pick<Services, 'pool' | 'prisma'>, meetingId: number, input: DecisionInput): Promise<number> {
  const data = await decisionData(deps, meetingId, input);
  const { id } = await deps.prisma.decision.create({ data: { ...data, meetingId }, select: { id: true } });
  await touchProtocol(deps.prisma, meetingId);
  return id;
}

export async function updateDecision(
  deps: Pick<Services, 'pool' | 'prisma'>,
  meetingId: number,
  decisionId: number,
  input: DecisionInput,
): Promise<void> {
  const data = await decisionData(deps, meetingId, input);
  const { count } = await deps.prisma.decision.updateMany({ where: { id: decisionId, meetingId }, data });
  if (count === 0) throw new NotFoundError(DECISION_NOT_FOUND);
  await touchProtocol(deps.prisma, meetingId);
}

export async function deleteDecision(prisma: Services['prisma'], meetingId: number, decisionId: number): Promise<void> {
  const { count } = await prisma.decision.deleteMany({ where: { id: decisionId, meetingId } });
  if (count === 0) throw new NotFoundError(DECISION_NOT_FOUND);
  await touchProtocol(prisma, meetingId);
}

/** The form's fields from a stored decision. */
export function decisionFormValues(d: MeetingDecision): Record<string, unknown> {
  return {
    text: d.text,
    // When the alliance alone named the responsible, the text field stays empty (it is filled from the alliance).
    responsible: d.responsibleAllianceId && d.responsible === d.allianceName ? '' : d.responsible,
    responsibleAllianceId: d.responsibleAllianceId ?? '',
    agendaItemId: d.agendaItemId ?? '',
    dueOn: d.dueDay ?? '',
    status: d.status,
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Follow-up across meetings (/treffen/beschluesse)

/** Status filters in the address: "offen" (default) means open or in progress. */
export const STATUS_FILTERS = {
  offen: { label: 'noch offen (offen oder in Arbeit)', statuses: OPEN_DECISION_STATUSES },
  'nur-offen': { label: 'offen', statuses: ['OPEN'] },
  'in-arbeit': { label: 'in Arbeit', statuses: ['IN_PROGRESS'] },
  erledigt: { label: 'erledigt', statuses: ['DONE'] },
  verworfen: { label: 'verworfen', statuses: ['DROPPED'] },
  alle: { label: 'alle', statuses: DECISION_STATUS_CODES },
} satisfies Record<string, { label: string; statuses: DecisionStatus[] }>;
export type StatusFilter = keyof typeof STATUS_FILTERS;

export const decisionFilterSchema = z.object({
  status: choiceParam(Object.keys(STATUS_FILTERS) as [StatusFilter, ...StatusFilter[]]).transform((v) => v ?? 'offen'),
  verantwortlich: searchParam(100),
  treffen: z
    .preprocess(
      (v) => (typeof v === 'string' && /^\d{1,10}$/.test(v) ? Number(v) : undefined),
      z.number().int().min(1).max(INT4_MAX).optional(),
    )
    .catch(undefined),
  seite: pageParam,
});
export type DecisionFilter = z.output<typeof decisionFilterSchema>;

export const DECISIONS_PER_PAGE = 20;

/** Who sees which decisions (decisionsVisibleTo): the key of results shared by everyone in that group. */
const audienceOf = (viewer: CurrentUser | undefined) => (hasRole(viewer, 'ORGANIZER') ? 'organizer' : viewer ? 'member' : 'visitor');

/** Visitors: published protocols of public meetings; members: all published protocols; organisers: everything. */
function decisionsVisibleTo(viewer: CurrentUser | undefined): Prisma.Sql {
  if (hasRole(viewer, 'ORGANIZER')) return Prisma.sql`TRUE`;
  if (viewer) return Prisma.sql`p.published_at IS NOT NULL`;
  return Prisma.sql`p.published_at IS NOT NULL AND m.is_public`;
}

export interface DecisionNoteEntry {
  id: number;
  decisionId: number;
  body: string;
  status: DecisionStatus;
  createdAt: Date;
  authorName: string;
}

export interface DecisionEntry {
  id: number;
  text: string;
  responsible: string;
  allianceName: string | null;
  dueDay: string | null;
  status: DecisionStatus;
  meetingId: number;
  meetingTitle: string;
  meetingStartsAt: Date;
  meetingIsPublic: boolean;
  agendaItemTitle: string | null;
  published: boolean;
  /** Due date passed and still open or in progress. */
  overdue: boolean;
  notes: DecisionNoteEntry[];
}

const ENTRY_COLUMNS = Prisma.sql`d.id, d.text, d.responsible, a.name AS "allianceName", to_char(d.due_on, 'YYYY-MM-DD') AS "dueDay", d.status,
  m.id AS "meetingId", m.title AS "meetingTitle", m.starts_at AS "meetingStartsAt", m.is_public AS "meetingIsPublic",
  ai.title AS "agendaItemTitle", (p.published_at IS NOT NULL) AS published`;
/** What the list filters and orders on (visibility through the protocol, the responsible alliance's name). */
const DECISION_FROM = Prisma.sql`decisions d JOIN meetings m ON m.id = d.meeting_id LEFT JOIN protocols p ON p.meeting_id = m.id
  LEFT JOIN alliances a ON a.id = d.responsible_alliance_id`;
const ENTRY_FROM = Prisma.sql`${DECISION_FROM} LEFT JOIN agenda_items ai ON ai.id = d.agenda_item_id`;

type EntryRow = Omit<DecisionEntry, 'overdue' | 'notes'>;

/** Soonest due first, then the newest meeting's. */
const DECISION_ORDER = Prisma.sql`d.due_on ASC NULLS LAST, m.starts_at DESC, d.id`;

async function withNotes(pool: Services['pool'], rows: EntryRow[], now: Date): Promise<DecisionEntry[]> {
  const ids = rows.map((r) => r.id);
  const notes = ids.length
    ? await select<DecisionNoteEntry>(
        pool,
        Prisma.sql`SELECT n.id, n.decision_id AS "decisionId", n.body, n.status, n.created_at AS "createdAt", u.name AS "authorName"
          FROM decision_notes n JOIN users u ON u.id = n.author_id WHERE n.decision_id = ANY(${ids}::int[]) ORDER BY n.created_at, n.id`,
      )
    : [];
  const today = berlinDay(now);
  return rows.map((r) => ({
    ...r,
    overdue: !!r.dueDay && r.dueDay < today && OPEN_DECISION_STATUSES.includes(r.status),
    notes: notes.filter((n) => n.decisionId === r.id),
  }));
}

/** The list's page counts and its meeting filter's choices (see sharedResults). */
const decisionCounts = sharedResults<number>(300);
const decisionMeetings = sharedResults<{ id: number; title: string; startsAt: Date }[]>(10);

/** What the follow-up list's shared results are read with: the pool, and how they may be kept (see sharedResults). */
type FigureSource = Pick<Services, 'pool' | 'cacheMs'> & { contentVersion: number | undefined };

/** One page of decisions for the follow-up list, with their notes. */
export async function listDecisions(
  source: FigureSource,
  viewer: CurrentUser | undefined,
  filter: DecisionFilter,
  now = new Date(),
): Promise<{ decisions: DecisionEntry[]; total: number; pages: number }> {
  const { pool } = source;
  // The statuses are written into the SQL (they are the code's own constants): with a parameter, PostgreSQL plans the
  // prepared statement anew on every view.
  const statuses = STATUS_FILTERS[filter.status].statuses.map((status) => `'${status}'`).join(', ');
  const conditions = [decisionsVisibleTo(viewer), Prisma.raw(`d.status IN (${statuses})`)];
  if (filter.verantwortlich)
    conditions.push(
      Prisma.sql`keb_fold(d.responsible || ' ' || coalesce(a.name, '')) LIKE '%' || keb_fold(${escapeLike(filter.verantwortlich)}) || '%'`,
    );
  if (filter.treffen) conditions.push(Prisma.sql`d.meeting_id = ${filter.treffen}`);
  const where = Prisma.join(conditions, ' AND ');
  const offset = (filter.seite - 1) * DECISIONS_PER_PAGE;
  const [rows, total] = await Promise.all([
    // The page is chosen on the narrow join first; titles and names are joined for its 20 rows only.
    select<EntryRow>(
      pool,
      Prisma.sql`WITH page AS (
          SELECT d.id FROM ${DECISION_FROM} WHERE ${where} ORDER BY ${DECISION_ORDER} ${limitRows(DECISIONS_PER_PAGE, offset)})
        SELECT ${ENTRY_COLUMNS} FROM page JOIN ${ENTRY_FROM} ON d.id = page.id ORDER BY ${DECISION_ORDER}`,
    ),
    decisionCounts(
      pool,
      [audienceOf(viewer), filter.status, filter.verantwortlich, filter.treffen],
      { contentVersion: source.contentVersion, ttlMs: source.cacheMs },
      async () =>
        (await selectOne<{ total: number }>(pool, Prisma.sql`SELECT count(*)::int AS total FROM ${DECISION_FROM} WHERE ${where}`))?.total ??
        0,
    ),
  ]);
  return { decisions: await withNotes(pool, rows, now), total, pages: Math.max(1, Math.ceil(total / DECISIONS_PER_PAGE)) };
}

/** Meetings that have decisions the viewer may see (the list's meeting filter), newest first. */
export function meetingsWithDecisions(
  source: FigureSource,
  viewer: CurrentUser | undefined,
): Promise<{ id: number; title: string; startsAt: Date }[]> {
  return decisionMeetings(source.pool, [audienceOf(viewer)], { contentVersion: source.contentVersion, ttlMs: source.cacheMs }, () =>
    select(
      source.pool,
      Prisma.sql`SELECT m.id, m.title, m.starts_at AS "startsAt" FROM meetings m LEFT JOIN protocols p ON p.meeting_id = m.id
        WHERE EXISTS (SELECT 1 FROM decisions d WHERE d.meeting_id = m.id) AND ${decisionsVisibleTo(viewer)}
        ORDER BY m.starts_at DESC, m.id DESC LIMIT 200`,
    ),
  );
}

/**
 * One decision as the viewer may see it. Unknown or not visible: 404, except that a visitor asking for a
 * decision of an internal meeting is asked to log in ('login').
 */
export async function findDecision(
  pool: Services['pool'],
  viewer: CurrentUser | undefined,
  id: number,
  now = new Date(),
): Promise<DecisionEntry | 'login'> {
  const row = await selectOne<EntryRow>(pool, Prisma.sql`SELECT ${ENTRY_COLUMNS} FROM ${ENTRY_FROM} WHERE d.id = ${id}`);
  if (!row) throw new NotFoundError(DECISION_NOT_FOUND);
  const visible = hasRole(viewer, 'ORGANIZER') || (row.published && (!!viewer || row.meetingIsPublic));
  if (!visible) {
    if (!viewer && !row.meetingIsPublic && row.published) return 'login';
    throw new NotFoundError(DECISION_NOT_FOUND);
  }
  return (await withNotes(pool, [row], now))[0]!;
}

export const noteFormSchema = z.object({
  body: requiredLongText('eine Notiz', 2000, 2),
  status: choice(DECISION_STATUS_CODES, 'Bitte den neuen Stand wählen.'),
});

/** A dated follow-up note; the decision takes the note's status. */
export async function addDecisionNote(
  prisma: Services['prisma'],
  author: CurrentUser,
  decisionId: number,
  input: z.output<typeof noteFormSchema>,
): Promise<void> {
  await prisma.$transaction(async (tx) => {
    const { count } = await tx.decision.updateMany({ where: { id: decisionId }, data: { status: input.status } });
    if (count === 0) throw new NotFoundError(DECISION_NOT_FOUND);
    await tx.decisionNote.create({ data: { decisionId, authorId: author.id, body: input.body, status: input.status } });
  });
}
