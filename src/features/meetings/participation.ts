// Rückmeldungen: members answer whether and how they come (for their alliance), may offer an input talk
// (Impulsbeitrag: one slot per alliance on an agenda item that collects talks) and a cake, until the meeting
// starts. Organisers see the counts and the list.
import type pg from 'pg';
import { z } from 'zod';
import { isUniqueViolation, Prisma } from '../../db/database.js';
import { select, selectOne } from '../../db/sql.js';
import { sharedResults } from '../../lib/cache.js';
import { checkbox, choice, longText, optionalId, optionalText } from '../../lib/fields.js';
import type { CurrentUser } from '../../middleware/auth.js';
import type { Services } from '../../services.js';
import type { Attendance } from '../../generated/prisma/enums.js';
import type { MeetingRow } from './access.js';
import { ATTENDANCES } from './labels.js';
import { numberedAgenda, type NumberedAgendaItem } from './agenda.js';

export const ATTENDANCE_CODES = Object.keys(ATTENDANCES) as [Attendance, ...Attendance[]];

export const rsvpFormSchema = z.object({
  attendance: choice(ATTENDANCE_CODES, 'Bitte wähle, ob und wie du dabei bist.'),
  offersTalk: checkbox,
  talkItemId: optionalId('Bitte einen Tagesordnungspunkt für deinen Beitrag wählen.'),
  topic: optionalText(200),
  bringsCake: checkbox,
  comment: longText(1000),
});
export type RsvpInput = z.output<typeof rsvpFormSchema>;

/** Why the form is closed, or undefined while answers can still change. */
export function rsvpClosedReason(meeting: Pick<MeetingRow, 'status' | 'startsAt'>, now = new Date()): string | undefined {
  if (meeting.status === 'CANCELLED') return 'Das Treffen ist abgesagt. Rückmeldungen sind nicht mehr möglich.';
  if (meeting.startsAt <= now) return 'Das Treffen hat schon begonnen. Rückmeldungen lassen sich jetzt nicht mehr ändern.';
  return undefined;
}

export interface TalkSlot {
  agendaItemId: number;
  allianceId: number;
  allianceName: string;
  userId: number;
  userName: string;
  topic: string | null;
}

export interface TalkItem extends NumberedAgendaItem {
  slots: TalkSlot[];
}

async function talkSlots(pool: pg.Pool, meetingId: number): Promise<TalkSlot[]> {
  return select<TalkSlot>(
    pool,
    Prisma.sql`SELECT t.agenda_item_id AS "agendaItemId", t.alliance_id AS "allianceId", a.name AS "allianceName",
        t.user_id AS "userId", u.name AS "userName", t.topic
      FROM input_talks t JOIN agenda_items i ON i.id = t.agenda_item_id JOIN alliances a ON a.id = t.alliance_id JOIN users u ON u.id = t.user_id
      WHERE i.meeting_id = ${meetingId} ORDER BY lower(a.name), t.id`,
  );
}

/** The same for everyone: kept while the content stays the same (sharedResults). */
const talkItemLists = sharedResults<TalkItem[]>(500);

/**
 * The agenda items that collect input talks, each with the slots taken so far. With a content version
 * (shownContentVersionOf) they may come from memory.
 */
export async function talkItems(pool: pg.Pool, meetingId: number, contentVersion?: number): Promise<TalkItem[]> {
  return talkItemLists(pool, [meetingId], { contentVersion, ttlMs: 0 }, async () => {
    const [agenda, slots] = await Promise.all([numberedAgenda(pool, meetingId), talkSlots(pool, meetingId)]);
    return agenda.filter((i) => i.hasInputTalks).map((item) => ({ ...item, slots: slots.filter((s) => s.agendaItemId === item.id) }));
  });
}

export interface OwnRsvp {
  attendance: Attendance;
  offersTalk: boolean;
  bringsCake: boolean;
  comment: string | null;
  updatedAt: Date;
}

type RsvpFactsRow = Partial<OwnRsvp> & { answered: boolean; allianceName: string | null; counts: RsvpCounts | null };
/** Answer page facts per meeting and viewer, kept while the content stays the same (sharedResults). */
const rsvpFacts = sharedResults<RsvpFactsRow | undefined>(5000);

/**
 * What the answer page shows of the viewer – their answer and their alliance's name – and, for organisers, the
 * counts: in one round trip.
 */
export async function rsvpPageFacts(
  pool: pg.Pool,
  meetingId: number,
  viewer: CurrentUser | undefined,
  withCounts: boolean,
  contentVersion?: number,
): Promise<{ rsvp: OwnRsvp | null; allianceName: string | undefined; counts: RsvpCounts | undefined }> {
  const key = [meetingId, viewer?.id ?? 0, viewer?.allianceId ?? null, withCounts];
  const row = await rsvpFacts(pool, key, { contentVersion, ttlMs: 0 }, () =>
    selectOne<RsvpFactsRow>(
      pool,
      Prisma.sql`SELECT o.id IS NOT NULL AS answered, o.attendance::text AS attendance, o.offers_talk AS "offersTalk", o.brings_cake AS "bringsCake",
          o.comment, o.updated_at AS "updatedAt",
          (SELECT name FROM alliances WHERE id = ${viewer?.allianceId ?? null}::int) AS "allianceName",
          ${withCounts ? Prisma.sql`(SELECT row_to_json(c) FROM (SELECT ${RSVP_COUNT_COLUMNS} FROM rsvps WHERE meeting_id = ${meetingId}) c)` : Prisma.sql`NULL`} AS counts
        FROM (SELECT 1) AS one LEFT JOIN rsvps o ON o.meeting_id = ${meetingId} AND o.user_id = ${viewer?.id ?? 0}`,
    ),
  );
  const { answered, allianceName, counts, ...rsvp } = row!;
  return {
    rsvp: viewer && answered ? (rsvp as OwnRsvp) : null,
    allianceName: viewer ? (allianceName ?? undefined) : undefined,
    counts: counts ?? undefined,
  };
}

export const NO_ALLIANCE_FOR_TALK =
  'Ein Impulsbeitrag ist ein Platz für ein Bündnis – du bist in der Erfahrungsbörse aber noch keinem Bündnis zugeordnet. ' +
  'Deine übrige Rückmeldung ist gespeichert. Unter „Konto“ kannst du beantragen, einem Bündnis zugeordnet zu werden.';

function slotTaken(holder: string, alliance: string, item: NumberedAgendaItem): string {
  return (
    `Den Platz für einen Impulsbeitrag von ${alliance} bei ${item.label} „${item.title}“ hat schon ${holder} übernommen – ` +
    'jedes Bündnis hat dort einen Platz. Deine übrige Rückmeldung ist gespeichert; sprecht euch im Bündnis ab, wer vorträgt.'
  );
}

/**
 * Saves the answer (one per person and meeting) and the person's input-talk slot. A slot that cannot be taken
 * (the alliance has it already, or the person has no alliance) does not stop the rest of the answer: the
 * returned notice says why. The talk offer is stored when the person holds a slot, or when no agenda item
 * collects talks yet (the slots open later).
 */
export async function saveRsvp(
  deps: Pick<Services, 'prisma' | 'pool'>,
  meetingId: number,
  user: CurrentUser,
  input: RsvpInput,
  items: TalkItem[],
): Promise<{ notice?: string }> {
  const attending = input.attendance !== 'NO';
  let offersTalk = attending && input.offersTalk;
  let notice: string | undefined;
  const ownSlots = { userId: user.id, agendaItem: { meetingId } };

  if (!offersTalk) {
    await deps.prisma.inputTalk.deleteMany({ where: ownSlots });
  } else if (items.length > 0) {
    const item = items.find((i) => i.id === input.talkItemId) ?? (items.length === 1 ? items[0] : undefined);
    if (!item) throw new Error('talk item not checked by the route');
    if (user.allianceId === null) {
      notice = NO_ALLIANCE_FOR_TALK;
      await deps.prisma.inputTalk.deleteMany({ where: ownSlots });
    } else {
      notice = await takeSlot(deps, meetingId, user, user.allianceId, item, input.topic ?? null);
    }
    offersTalk = (await deps.prisma.inputTalk.count({ where: ownSlots })) > 0;
  }

  const data = {
    allianceId: user.allianceId,
    attendance: input.attendance,
    offersTalk,
    bringsCake: attending && input.bringsCake,
    comment: input.comment || null,
  };
  await deps.prisma.rsvp.upsert({
    where: { meetingId_userId: { meetingId, userId: user.id } },
    create: { meetingId, userId: user.id, ...data },
    update: data,
  });
  return { notice };
}

/** Takes (or keeps, with the new topic) the alliance's slot on the item; the person's slots elsewhere in this meeting go. */
async function takeSlot(
  deps: Pick<Services, 'prisma' | 'pool'>,
  meetingId: number,
  user: CurrentUser,
  allianceId: number,
  item: NumberedAgendaItem,
  topic: string | null,
): Promise<string | undefined> {
  const key = { agendaItemId_allianceId: { agendaItemId: item.id, allianceId } };
  const refused = async () => {
    const holder = await deps.prisma.inputTalk.findUnique({
      where: key,
      select: { user: { select: { name: true } }, alliance: { select: { name: true } } },
    });
    return slotTaken(holder?.user.name ?? 'jemand anderes', holder?.alliance.name ?? 'deinem Bündnis', item);
  };
  const held = await deps.prisma.inputTalk.findUnique({ where: key, select: { id: true, userId: true } });
  let slotId: number;
  if (held && held.userId !== user.id) return refused();
  if (held) {
    await deps.prisma.inputTalk.update({ where: { id: held.id }, data: { topic } });
    slotId = held.id;
  } else {
    try {
      slotId = (
        await deps.prisma.inputTalk.create({ data: { agendaItemId: item.id, allianceId, userId: user.id, topic }, select: { id: true } })
      ).id;
    } catch (error) {
      // Someone of the same alliance took it in the same moment.
      if (isUniqueViolation(error)) return refused();
      throw error;
    }
  }
  await deps.prisma.inputTalk.deleteMany({ where: { userId: user.id, agendaItem: { meetingId }, id: { not: slotId } } });
  return undefined;
}

// ---------------------------------------------------------------------------------------------------------------
// The organisers' view

export interface RsvpListRow {
  userId: number;
  name: string;
  allianceName: string | null;
  attendance: Attendance;
  offersTalk: boolean;
  bringsCake: boolean;
  comment: string | null;
  updatedAt: Date;
  /** The slot the person holds: "TOP 2" and the topic. */
  talkLabel: string | null;
  talkTopic: string | null;
}

export interface RsvpCounts {
  ON_SITE: number;
  ONLINE: number;
  MAYBE: number;
  NO: number;
  cakes: number;
  talks: number;
}

const RSVP_COUNT_COLUMNS = Prisma.sql`count(*) FILTER (WHERE attendance = 'ON_SITE')::int AS "ON_SITE", count(*) FILTER (WHERE attendance = 'ONLINE')::int AS "ONLINE",
  count(*) FILTER (WHERE attendance = 'MAYBE')::int AS "MAYBE", count(*) FILTER (WHERE attendance = 'NO')::int AS "NO",
  count(*) FILTER (WHERE attendance <> 'NO' AND brings_cake)::int AS cakes, count(*) FILTER (WHERE attendance <> 'NO' AND offers_talk)::int AS talks`;

/** The counts alone (the registration page shows them to organisers; the list is a page of its own). */
export async function rsvpCounts(pool: pg.Pool, meetingId: number): Promise<RsvpCounts> {
  const row = await selectOne<RsvpCounts>(pool, Prisma.sql`SELECT ${RSVP_COUNT_COLUMNS} FROM rsvps WHERE meeting_id = ${meetingId}`);
  return row ?? { ON_SITE: 0, ONLINE: 0, MAYBE: 0, NO: 0, cakes: 0, talks: 0 };
}

export async function rsvpOverview(pool: pg.Pool, meetingId: number): Promise<{ rows: RsvpListRow[]; counts: RsvpCounts }> {
  const [answers, items, counts] = await Promise.all([
    select<Omit<RsvpListRow, 'talkLabel' | 'talkTopic'>>(
      pool,
      Prisma.sql`SELECT r.user_id AS "userId", u.name, a.name AS "allianceName", r.attendance::text AS attendance, r.offers_talk AS "offersTalk",
          r.brings_cake AS "bringsCake", r.comment, r.updated_at AS "updatedAt"
        FROM rsvps r JOIN users u ON u.id = r.user_id LEFT JOIN alliances a ON a.id = r.alliance_id
        WHERE r.meeting_id = ${meetingId}
        ORDER BY array_position(ARRAY['ON_SITE', 'ONLINE', 'MAYBE', 'NO'], r.attendance::text), lower(u.name), r.id`,
    ),
    talkItems(pool, meetingId),
    rsvpCounts(pool, meetingId),
  ]);
  const slotOf = new Map<number, { label: string; topic: string | null }>();
  for (const item of items) for (const slot of item.slots) slotOf.set(slot.userId, { label: item.label, topic: slot.topic });
  const rows = answers.map((r) => ({
    ...r,
    talkLabel: slotOf.get(r.userId)?.label ?? null,
    talkTopic: slotOf.get(r.userId)?.topic ?? null,
  }));
  return { rows, counts };
}
