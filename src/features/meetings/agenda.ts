// The agenda (Tagesordnung) of a meeting: items (TOP 1, 2, …) with one level of sub-items, their planned clock
// times, the standing items, and changes after the agenda went out (marked "geändert am …", participants told in
// one digest mail per quarter hour, not one per click).
import { z } from 'zod';
import { Prisma, type Transaction } from '../../db/database.js';
import { select } from '../../db/sql.js';
import { sharedResults } from '../../lib/cache.js';
import { berlinTime, formatClock, formatDate, formatDateTime, formatDay } from '../../lib/dates.js';
import { NotFoundError, ValidationError } from '../../lib/errors.js';
import { checkbox, longText, optionalText, requiredText } from '../../lib/fields.js';
import { nameForMail } from '../../lib/mail.js';
import { enqueueDigest, type JobHandler } from '../../jobs/queue.js';
import type { Services } from '../../services.js';
import { findMeeting, type MeetingRow } from './access.js';
import { openDecisionsBefore, type OpenDecision } from './decisions.js';
import { DECISION_STATUSES } from './labels.js';
import { meetingUrl, notifyParticipants } from './notify.js';
import { optionalMinutesField } from './schema.js';

export const AGENDA_ITEM_NOT_FOUND = 'Diesen Tagesordnungspunkt gibt es nicht (mehr).';

/**
 * The Beschlusskontrolle item is recognised by its title. The schema has no column for "standing item", and the
 * title is what organisers see and type anyway: the standing item carries it, an item typed by hand with the same
 * title (as top-level item or as sub-item of "Sonstiges", as in the seed invitation) works the same, and renaming
 * the item is the visible way to turn the list of open decisions off. Case and surrounding spaces do not matter.
 */
export const DECISION_REVIEW_TITLE = 'Beschlusskontrolle';

export function isDecisionReview(title: string): boolean {
  return title.trim().toLocaleLowerCase('de') === DECISION_REVIEW_TITLE.toLocaleLowerCase('de');
}

/** Suggested when an agenda starts empty (KOG custom, see the seed invitation). */
export const STANDING_ITEMS = [
  { title: 'Begrüßung', durationMinutes: 10, description: '' },
  { title: DECISION_REVIEW_TITLE, durationMinutes: 10, description: 'Was ist aus den Beschlüssen der letzten Treffen geworden?' },
  { title: 'Sonstiges / Termin des nächsten Treffens', durationMinutes: 15, description: '' },
] as const;

/** The digest job that tells registered participants about agenda changes. */
export const AGENDA_CHANGED_JOB = 'meetings.agenda-changed';
/** Changes within this window go out in one mail. */
export const AGENDA_CHANGE_WINDOW_MS = 15 * 60_000;

export interface AgendaItemRow {
  id: number;
  parentId: number | null;
  position: number;
  title: string;
  description: string;
  durationMinutes: number | null;
  presenter: string | null;
  hasInputTalks: boolean;
  changedAt: Date | null;
  /** Alliances with an input talk on this item, in sign-up order. */
  speakers: string[];
}

export interface PlannedSubItem extends AgendaItemRow {
  isDecisionReview: boolean;
  isFirst: boolean;
  isLast: boolean;
}

export interface PlannedItem extends AgendaItemRow {
  /** TOP number, 1-based. */
  number: number;
  /** Effective duration (see effectiveMinutes). */
  minutes: number;
  startsAt: Date;
  endsAt: Date;
  children: PlannedSubItem[];
  isDecisionReview: boolean;
  isFirst: boolean;
  isLast: boolean;
}

export interface AgendaPlan {
  items: PlannedItem[];
  /** When the agenda ends if every item takes its planned time. */
  endsAt: Date;
  totalMinutes: number;
  /** Minutes past the meeting's planned end (0 when it fits). */
  overrunMinutes: number;
  /** Some item (or sub-item) is the Beschlusskontrolle. */
  hasDecisionReview: boolean;
  /** Some item collects input talks. */
  hasInputTalks: boolean;
}

type MeetingTimes = Pick<MeetingRow, 'startsAt' | 'endsAt' | 'talkMinutes'>;

/**
 * How long an item takes. With input talks: one slot per alliance that signed up, plus the discussion time
 * (durationMinutes). Otherwise its own minutes, or when it has none the sum of its sub-items' minutes.
 */
export function effectiveMinutes(
  item: Pick<AgendaItemRow, 'durationMinutes' | 'hasInputTalks'>,
  talkCount: number,
  talkMinutes: number,
  children: Pick<AgendaItemRow, 'durationMinutes'>[] = [],
): number {
  if (item.hasInputTalks) return talkCount * talkMinutes + (item.durationMinutes ?? 0);
  if (item.durationMinutes !== null) return item.durationMinutes;
  return children.reduce((sum, child) => sum + (child.durationMinutes ?? 0), 0);
}

/** Numbers the items, computes their clock times from the meeting's start and says whether the agenda fits. */
export function planAgenda(meeting: MeetingTimes, rows: AgendaItemRow[]): AgendaPlan {
  const byPosition = (a: AgendaItemRow, b: AgendaItemRow) => a.position - b.position || a.id - b.id;
  const top = rows.filter((r) => r.parentId === null).sort(byPosition);
  const childrenOf = new Map<number, AgendaItemRow[]>();
  for (const row of rows) if (row.parentId !== null) childrenOf.set(row.parentId, [...(childrenOf.get(row.parentId) ?? []), row]);

  let clock = meeting.startsAt.getTime();
  let totalMinutes = 0;
  let hasDecisionReview = false;
  const items = top.map((row, index): PlannedItem => {
    const children = (childrenOf.get(row.id) ?? []).sort(byPosition).map((child, i, all) => ({
      ...child,
      isDecisionReview: isDecisionReview(child.title),
      isFirst: i === 0,
      isLast: i === all.length - 1,
    }));
    const minutes = effectiveMinutes(row, row.speakers.length, meeting.talkMinutes, children);
    const startsAt = new Date(clock);
    clock += minutes * 60_000;
    totalMinutes += minutes;
    const review = isDecisionReview(row.title);
    hasDecisionReview ||= review || children.some((c) => c.isDecisionReview);
    return {
      ...row,
      number: index + 1,
      minutes,
      startsAt,
      endsAt: new Date(clock),
      children,
      isDecisionReview: review,
      isFirst: index === 0,
      isLast: index === top.length - 1,
    };
  });
  const endsAt = new Date(clock);
  return {
    items,
    endsAt,
    totalMinutes,
    overrunMinutes: Math.max(0, Math.ceil((endsAt.getTime() - meeting.endsAt.getTime()) / 60_000)),
    hasDecisionReview,
    hasInputTalks: items.some((i) => i.hasInputTalks),
  };
}

/** "14:00–14:10" (Berlin time). */
export function clockRange(from: Date, to: Date): string {
  return `${berlinTime(from)}–${berlinTime(to)}`;
}

/** "10 Minuten", "1 Minute". */
export function minutesLabel(minutes: number): string {
  return `${minutes} ${minutes === 1 ? 'Minute' : 'Minuten'}`;
}

/** The warning when the agenda runs past the meeting's planned end, else undefined. */
export function overrunWarning(plan: AgendaPlan, meeting: Pick<MeetingRow, 'endsAt'>): string | undefined {
  if (plan.overrunMinutes <= 0) return undefined;
  return `Die Tagesordnung geht ${minutesLabel(plan.overrunMinutes)} über das geplante Ende (${formatClock(meeting.endsAt)}) hinaus.`;
}

/** "Ende laut Tagesordnung: 17:40 Uhr". */
export function agendaEndLabel(plan: AgendaPlan): string {
  return `Ende laut Tagesordnung: ${formatClock(plan.endsAt)}`;
}

/** The meeting's agenda items with their speakers (one query). */
export async function agendaRows(pool: Services['pool'], meetingId: number): Promise<AgendaItemRow[]> {
  return select<AgendaItemRow>(
    pool,
    Prisma.sql`SELECT a.id, a.parent_id AS "parentId", a.position, a.title, a.description, a.duration_minutes AS "durationMinutes",
        a.presenter, a.has_input_talks AS "hasInputTalks", a.changed_at AS "changedAt",
        COALESCE((SELECT array_agg(al.name ORDER BY t.created_at, t.id) FROM input_talks t JOIN alliances al ON al.id = t.alliance_id
          WHERE t.agenda_item_id = a.id), '{}') AS speakers
      FROM agenda_items a WHERE a.meeting_id = ${meetingId}
      ORDER BY a.position, a.id`,
  );
}

/** Planned agendas: the same for everyone, kept while the content stays the same (sharedResults). */
const agendaPlans = sharedResults<AgendaPlan>(500);

/** The meeting's agenda as planned (planAgenda); with a content version (shownContentVersionOf) it may come from memory. */
export async function plannedAgenda(pool: Services['pool'], meeting: MeetingRow, contentVersion?: number): Promise<AgendaPlan> {
  return agendaPlans(pool, [meeting.id], { contentVersion, ttlMs: 0 }, async () => planAgenda(meeting, await agendaRows(pool, meeting.id)));
}

/** An agenda item as people refer to it: number "2" or "2.1", label "TOP 2" / "TOP 2.1". */
export interface NumberedAgendaItem {
  id: number;
  parentId: number | null;
  number: string;
  label: string;
  title: string;
  hasInputTalks: boolean;
  /** Protocol: what came out of it (Markdown). */
  result: string;
}

/**
 * The meeting's items in agenda order, sub-items after their item, numbered as on the agenda. Materials, talk
 * slots, the protocol and decisions all name items this way.
 */
export async function numberedAgenda(pool: Services['pool'], meetingId: number): Promise<NumberedAgendaItem[]> {
  const rows = await select<Omit<NumberedAgendaItem, 'number' | 'label'>>(
    pool,
    Prisma.sql`SELECT id, parent_id AS "parentId", title, has_input_talks AS "hasInputTalks", result
      FROM agenda_items WHERE meeting_id = ${meetingId} ORDER BY position, id`,
  );
  const numbered: NumberedAgendaItem[] = [];
  rows
    .filter((r) => r.parentId === null)
    .forEach((item, i) => {
      numbered.push({ ...item, number: String(i + 1), label: `TOP ${i + 1}` });
      rows
        .filter((r) => r.parentId === item.id)
        .forEach((sub, j) => numbered.push({ ...sub, number: `${i + 1}.${j + 1}`, label: `TOP ${i + 1}.${j + 1}` }));
    });
  return numbered;
}

export interface Agenda {
  plan: AgendaPlan;
  /** Open decisions of earlier meetings, for the Beschlusskontrolle item (empty without such an item). */
  decisions: OpenDecision[];
}

/**
 * The planned agenda and, when it has a Beschlusskontrolle item, the open decisions to go through. Visitors
 * (`forVisitor`) do not see decisions of internal meetings, whose protocols are for members only.
 */
export async function loadAgenda(
  deps: Pick<Services, 'pool'>,
  meeting: MeetingRow,
  options: { forVisitor?: boolean; contentVersion?: number } = {},
): Promise<Agenda> {
  const plan = await plannedAgenda(deps.pool, meeting, options.contentVersion);
  const decisions = plan.hasDecisionReview
    ? await openDecisionsBefore(deps.pool, meeting.startsAt, { publicOnly: !!options.forVisitor })
    : [];
  return { plan, decisions };
}

// ---------------------------------------------------------------------------------------------------------------
// Changing the agenda (lead organiser and admins; the routes check that)

export const agendaItemSchema = z.object({
  title: requiredText('einen Titel', 300),
  description: longText(10_000),
  durationMinutes: optionalMinutesField('die Dauer', 600),
  presenter: optionalText(200),
  hasInputTalks: checkbox,
});
export type AgendaItemInput = z.output<typeof agendaItemSchema>;

type AgendaDeps = Pick<Services, 'prisma'>;

/** Locks the meeting row (positions are renumbered under this lock) and says whether the agenda is out. */
async function lockMeeting(tx: Transaction, meetingId: number): Promise<{ published: boolean }> {
  const rows = await tx.$queryRaw<{ published: boolean }[]>`
    SELECT agenda_published_at IS NOT NULL AS published FROM meetings WHERE id = ${meetingId} FOR UPDATE`;
  if (!rows[0]) throw new NotFoundError(AGENDA_ITEM_NOT_FOUND);
  return rows[0];
}

/**
 * After the agenda went out, a change marks the items it touched ("geändert am …"), the meeting's agenda as
 * changed, and queues the digest mail to registered participants (one per meeting and window).
 */
async function recordChange(tx: Transaction, meetingId: number, published: boolean, itemIds: number[]): Promise<void> {
  if (!published) return;
  const now = new Date();
  if (itemIds.length) await tx.agendaItem.updateMany({ where: { meetingId, id: { in: itemIds } }, data: { changedAt: now } });
  await tx.meeting.update({ where: { id: meetingId }, data: { agendaChangedAt: now } });
  await enqueueDigest(tx, AGENDA_CHANGED_JOB, `agenda-changed:${meetingId}`, { meetingId }, AGENDA_CHANGE_WINDOW_MS);
}

/** Positions 1, 2, 3 … among the siblings, in their current order. */
async function renumber(tx: Transaction, meetingId: number, parentId: number | null): Promise<void> {
  await tx.$executeRaw`
    UPDATE agenda_items a SET position = n.rank
    FROM (SELECT id, row_number() OVER (ORDER BY position, id)::int AS rank FROM agenda_items
          WHERE meeting_id = ${meetingId} AND parent_id IS NOT DISTINCT FROM ${parentId}::int) n
    WHERE a.id = n.id AND a.position <> n.rank`;
}

/** An item of this meeting, or 404 (an id of another meeting's item too). */
export async function findAgendaItem(prisma: Services['prisma'], meetingId: number, itemId: number) {
  const item = await prisma.agendaItem.findFirst({ where: { id: itemId, meetingId } });
  if (!item) throw new NotFoundError(AGENDA_ITEM_NOT_FOUND);
  return item;
}

/** Adds an item at the end (of the agenda, or of the parent's sub-items). Sub-items cannot collect input talks. */
export async function addAgendaItem(
  deps: AgendaDeps,
  meetingId: number,
  input: AgendaItemInput,
  parentId: number | null = null,
  tx?: Transaction,
): Promise<{ id: number }> {
  const run = async (t: Transaction) => {
    const { published } = await lockMeeting(t, meetingId);
    if (parentId !== null) {
      const parent = await t.agendaItem.findFirst({ where: { id: parentId, meetingId }, select: { parentId: true } });
      if (!parent) throw new NotFoundError(AGENDA_ITEM_NOT_FOUND);
      if (parent.parentId !== null) throw new ValidationError({ _form: 'Unterpunkte haben keine eigenen Unterpunkte.' });
    }
    const last = await t.agendaItem.aggregate({ where: { meetingId, parentId }, _max: { position: true } });
    const item = await t.agendaItem.create({
      data: {
        meetingId,
        parentId,
        position: (last._max.position ?? 0) + 1,
        title: input.title,
        description: input.description,
        durationMinutes: input.durationMinutes ?? null,
        presenter: input.presenter ?? null,
        hasInputTalks: parentId === null && input.hasInputTalks,
        changedAt: published ? new Date() : null,
      },
      select: { id: true },
    });
    await recordChange(t, meetingId, published, parentId === null ? [] : [parentId]);
    return item;
  };
  return tx ? run(tx) : deps.prisma.$transaction(run);
}

export async function updateAgendaItem(deps: AgendaDeps, meetingId: number, itemId: number, input: AgendaItemInput): Promise<void> {
  await deps.prisma.$transaction(async (tx) => {
    const { published } = await lockMeeting(tx, meetingId);
    const item = await tx.agendaItem.findFirst({ where: { id: itemId, meetingId }, select: { parentId: true, hasInputTalks: true } });
    if (!item) throw new NotFoundError(AGENDA_ITEM_NOT_FOUND);
    await tx.agendaItem.update({
      where: { id: itemId },
      data: {
        title: input.title,
        description: input.description,
        durationMinutes: input.durationMinutes ?? null,
        presenter: input.presenter ?? null,
        hasInputTalks: item.parentId === null && input.hasInputTalks,
      },
    });
    await recordChange(tx, meetingId, published, [itemId, ...(item.parentId === null ? [] : [item.parentId])]);
  });
}

/** Deletes an item (with its sub-items and input talk sign-ups) and closes the gap in the numbering. */
export async function deleteAgendaItem(deps: AgendaDeps, meetingId: number, itemId: number): Promise<void> {
  await deps.prisma.$transaction(async (tx) => {
    const { published } = await lockMeeting(tx, meetingId);
    const item = await tx.agendaItem.findFirst({ where: { id: itemId, meetingId }, select: { parentId: true } });
    if (!item) throw new NotFoundError(AGENDA_ITEM_NOT_FOUND);
    await tx.agendaItem.delete({ where: { id: itemId } });
    await renumber(tx, meetingId, item.parentId);
    await recordChange(tx, meetingId, published, item.parentId === null ? [] : [item.parentId]);
  });
}

/**
 * Moves an item one place up or down among its siblings (top-level items among top-level items, sub-items within
 * their item). Positions are renumbered densely in the same transaction. Returns false at either end.
 */
export async function moveAgendaItem(deps: AgendaDeps, meetingId: number, itemId: number, direction: 'up' | 'down'): Promise<boolean> {
  return deps.prisma.$transaction(async (tx) => {
    const { published } = await lockMeeting(tx, meetingId);
    const item = await tx.agendaItem.findFirst({ where: { id: itemId, meetingId }, select: { parentId: true } });
    if (!item) throw new NotFoundError(AGENDA_ITEM_NOT_FOUND);
    const siblings = await tx.agendaItem.findMany({
      where: { meetingId, parentId: item.parentId },
      orderBy: [{ position: 'asc' }, { id: 'asc' }],
      select: { id: true, position: true },
    });
    const index = siblings.findIndex((s) => s.id === itemId);
    const target = direction === 'up' ? index - 1 : index + 1;
    if (target < 0 || target >= siblings.length) return false;
    const order = siblings.map((s) => s.id);
    [order[index], order[target]] = [order[target]!, order[index]!];
    for (const [i, id] of order.entries()) {
      if (siblings.find((s) => s.id === id)!.position !== i + 1) await tx.agendaItem.update({ where: { id }, data: { position: i + 1 } });
    }
    await recordChange(tx, meetingId, published, [itemId, order[index]!, ...(item.parentId === null ? [] : [item.parentId])]);
    return true;
  });
}

/** Adds Begrüßung, Beschlusskontrolle and Sonstiges, only to an empty agenda. Returns false when it was not empty. */
export async function addStandingItems(deps: AgendaDeps, meetingId: number): Promise<boolean> {
  return deps.prisma.$transaction(async (tx) => {
    const { published } = await lockMeeting(tx, meetingId);
    if ((await tx.agendaItem.count({ where: { meetingId } })) > 0) return false;
    await tx.agendaItem.createMany({
      data: STANDING_ITEMS.map((item, i) => ({ meetingId, position: i + 1, ...item, changedAt: published ? new Date() : null })),
    });
    await recordChange(tx, meetingId, published, []);
    return true;
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Text of the agenda for mails

/** The agenda as plain text lines (invitation mail, change digest). */
export function agendaTextLines(agenda: Agenda, meeting: Pick<MeetingRow, 'talkMinutes'>, options: { changedSince?: Date } = {}): string[] {
  const lines: string[] = [];
  for (const item of agenda.plan.items) {
    const changed = options.changedSince && item.changedAt && item.changedAt >= options.changedSince ? ' – geändert' : '';
    lines.push(`TOP ${item.number} ${item.title} (${minutesLabel(item.minutes)}, ${clockRange(item.startsAt, item.endsAt)} Uhr)${changed}`);
    if (item.presenter) lines.push(`   Einführung: ${item.presenter}`);
    if (item.hasInputTalks) {
      lines.push(`   Impulsbeiträge von je ${minutesLabel(meeting.talkMinutes)} aus den Bündnissen`);
      if (item.speakers.length) lines.push(`   Es sprechen: ${item.speakers.join(', ')}`);
    }
    for (const child of item.children)
      lines.push(`   - ${child.title}${child.durationMinutes ? ` (${minutesLabel(child.durationMinutes)})` : ''}`);
    if (item.isDecisionReview || item.children.some((c) => c.isDecisionReview)) lines.push(...decisionLines(agenda.decisions));
  }
  return lines;
}

function decisionLines(decisions: OpenDecision[]): string[] {
  if (!decisions.length) return ['   (keine offenen Beschlüsse aus früheren Treffen)'];
  return decisions.map(
    (d) =>
      `   * ${d.text} – zuständig: ${d.responsible}${d.dueDay ? `, bis ${formatDay(d.dueDay)}` : ''}, ${DECISION_STATUSES[d.status]} ` +
      `(${d.meetingTitle}, ${formatDate(d.meetingStartsAt)})`,
  );
}

// ---------------------------------------------------------------------------------------------------------------
// The digest job

/** Mails everyone registered a summary of the changed agenda. Nothing for cancelled or finished meetings. */
export async function sendAgendaChangedDigest(
  deps: Pick<Services, 'prisma' | 'pool' | 'mailer' | 'baseUrl'>,
  meetingId: number,
  since: Date | undefined,
): Promise<number> {
  const meeting = await findMeeting(deps.pool, meetingId);
  if (!meeting || meeting.status === 'CANCELLED' || meeting.endsAt < new Date() || !meeting.agendaPublishedAt) return 0;
  const agenda = await loadAgenda(deps, meeting);
  const changed = since ? agenda.plan.items.filter((i) => i.changedAt && i.changedAt >= since) : [];
  return notifyParticipants(deps, meeting.id, {
    subject: `Tagesordnung geändert: ${meeting.title}`,
    text: (name) =>
      [
        `Hallo ${nameForMail(name)},`,
        '',
        `die Tagesordnung für „${meeting.title}“, für das du dich angemeldet hast, hat sich geändert` +
          (meeting.agendaChangedAt ? ` (zuletzt am ${formatDateTime(meeting.agendaChangedAt)}).` : '.'),
        ...(changed.length ? ['', 'Geändert:', ...changed.map((i) => `- TOP ${i.number} ${i.title}`)] : []),
        '',
        'So sieht sie jetzt aus:',
        '',
        ...agendaTextLines(agenda, meeting, since ? { changedSince: since } : {}),
        '',
        `Tagesordnung: ${meetingUrl(deps.baseUrl, meeting.id, 'tagesordnung')}`,
      ].join('\n'),
  });
}

/** Job handlers of the agenda (registered in src/jobs/handlers.ts). */
export function agendaJobs(services: Pick<Services, 'prisma' | 'pool' | 'mailer' | 'baseUrl'>): Record<string, JobHandler> {
  return {
    [AGENDA_CHANGED_JOB]: {
      run: async (payload) => {
        const since = typeof payload.from === 'string' ? new Date(payload.from) : undefined;
        await sendAgendaChangedDigest(services, Number(payload.meetingId), since && !Number.isNaN(since.getTime()) ? since : undefined);
      },
    },
  };
}
