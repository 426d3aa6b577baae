// The results protocol (Ergebnisprotokoll) of a meeting: who was there, a general summary, the result of every
// agenda item and the decisions. The lead organiser writes it; publishing records the date (the protocol deadline
// counts it), marks the meeting as held and tells the participants.
import { z } from 'zod';
import { formatLongDate } from '../../lib/dates.js';
import { ValidationError } from '../../lib/errors.js';
import { cleanLine, INT4_MAX, longText } from '../../lib/fields.js';
import { parseForm } from '../../lib/forms.js';
import { nameForMail } from '../../lib/mail.js';
import { renderMarkdown } from '../../lib/markdown.js';
import type { Services } from '../../services.js';
import type { Attendance } from '../../generated/prisma/enums.js';
import type { MeetingRow } from './access.js';
import { numberedAgenda, type NumberedAgendaItem } from './agenda.js';
import { dueDay } from './deadlines.js';
import { meetingDecisions, type MeetingDecision } from './decisions.js';
import { meetingUrl, notifyParticipants } from './notify.js';

export interface ProtocolRecord {
  summary: string;
  publishedAt: Date | null;
  updatedAt: Date;
}

export async function findProtocol(prisma: Services['prisma'], meetingId: number): Promise<ProtocolRecord | null> {
  return prisma.protocol.findUnique({ where: { meetingId }, select: { summary: true, publishedAt: true, updatedAt: true } });
}

// ---------------------------------------------------------------------------------------------------------------
// Attendance

export interface AttendanceOption {
  userId: number;
  name: string;
  allianceName: string | null;
  /** Their answer to the Rückmeldung, if they gave one. */
  attendance: Attendance | null;
}

/** Everyone with an account who registered (any answer) or is recorded as present. */
async function attendanceOptions(prisma: Services['prisma'], meetingId: number): Promise<AttendanceOption[]> {
  const [rsvps, attendees] = await Promise.all([
    prisma.rsvp.findMany({
      where: { meetingId },
      select: {
        attendance: true,
        alliance: { select: { name: true } },
        user: { select: { id: true, name: true, alliance: { select: { name: true } } } },
      },
    }),
    prisma.meetingAttendee.findMany({
      where: { meetingId, userId: { not: null } },
      select: { userId: true, name: true, allianceName: true },
    }),
  ]);
  const options = new Map<number, AttendanceOption>();
  for (const r of rsvps)
    options.set(r.user.id, {
      userId: r.user.id,
      name: r.user.name,
      allianceName: r.alliance?.name ?? r.user.alliance?.name ?? null,
      attendance: r.attendance,
    });
  for (const a of attendees)
    if (!options.has(a.userId!))
      options.set(a.userId!, { userId: a.userId!, name: a.name, allianceName: a.allianceName, attendance: null });
  return [...options.values()].sort((a, b) => a.name.localeCompare(b.name, 'de') || a.userId - b.userId);
}

export interface ProtocolForm {
  options: AttendanceOption[];
  /** User ids ticked as present. */
  present: number[];
  guests: string;
  summary: string;
}

/**
 * The attendance part of the form: until attendance was first saved (the protocol exists), everyone who said
 * "vor Ort" or "online" is ticked; afterwards the saved attendance decides.
 */
export async function protocolFormData(prisma: Services['prisma'], meetingId: number): Promise<ProtocolForm> {
  const [options, protocol, attendees] = await Promise.all([
    attendanceOptions(prisma, meetingId),
    findProtocol(prisma, meetingId),
    prisma.meetingAttendee.findMany({
      where: { meetingId },
      select: { userId: true, name: true, allianceName: true },
      orderBy: { id: 'asc' },
    }),
  ]);
  const present = protocol
    ? attendees.flatMap((a) => (a.userId ? [a.userId] : []))
    : options.filter((o) => o.attendance === 'ON_SITE' || o.attendance === 'ONLINE').map((o) => o.userId);
  const guests = attendees
    .filter((a) => a.userId === null)
    .map((a) => (a.allianceName ? `${a.name} (${a.allianceName})` : a.name))
    .join('\n');
  return { options, present, guests, summary: protocol?.summary ?? '' };
}

const MAX_GUESTS = 300;
const MAX_GUEST_LINE = 200;

/** "Name (Bündnis)" per line; the part in brackets at the end is the alliance. */
export function parseGuests(text: string): { name: string; allianceName: string | null }[] {
  const lines = text.split('\n');
  const guests: { name: string; allianceName: string | null }[] = [];
  for (const [index, raw] of lines.entries()) {
    const line = cleanLine(raw);
    if (!line) continue;
    const where = `Zeile ${index + 1}: `;
    if (line.length > MAX_GUEST_LINE) throw new ValidationError({ guests: `${where}höchstens ${MAX_GUEST_LINE} Zeichen.` });
    const match = /^(.*?)\s*\(([^()]*)\)$/.exec(line);
    const name = (match ? match[1]! : line).trim();
    const allianceName = match ? match[2]!.trim() || null : null;
    if (name.length < 2)
      throw new ValidationError({ guests: `${where}Bitte einen Namen angeben, zum Beispiel „Erika Muster (Bürgerliste Musterstadt)“.` });
    guests.push({ name, allianceName });
  }
  if (guests.length > MAX_GUESTS) throw new ValidationError({ guests: `Bitte höchstens ${MAX_GUESTS} weitere Personen eintragen.` });
  return guests;
}

const NOT_A_CHOICE = 'Ungültige Auswahl.';

/** Ticked ids (one arrives as a string, several as an array); anything that is not an id is refused. */
const presentIds = z.preprocess(
  (v) => (v === undefined || v === '' ? [] : Array.isArray(v) ? v : [v]),
  z
    .array(
      z.preprocess(
        (v) => (typeof v === 'string' && /^\d{1,10}$/.test(v) ? Number(v) : v),
        z.number({ error: NOT_A_CHOICE }).int(NOT_A_CHOICE).min(1, NOT_A_CHOICE).max(INT4_MAX, NOT_A_CHOICE),
      ),
      { error: NOT_A_CHOICE },
    )
    .max(2000, NOT_A_CHOICE),
);

const RESULT_MAX = 20_000;

/**
 * Saves attendance, summary and the results of the agenda items in one go. Only results that the form sent are
 * written (an item added meanwhile keeps its result); ids that are not among this meeting's people are refused.
 */
export async function saveProtocol(
  { prisma, pool }: Pick<Services, 'prisma' | 'pool'>,
  meetingId: number,
  body: Record<string, unknown>,
): Promise<void> {
  const outline = await numberedAgenda(pool, meetingId);
  const sent = outline.filter((item) => `result_${item.id}` in body);
  const schema = z.object({
    attendees: presentIds,
    guests: longText(MAX_GUESTS * (MAX_GUEST_LINE + 1)),
    summary: longText(RESULT_MAX),
    ...Object.fromEntries(sent.map((item) => [`result_${item.id}`, longText(RESULT_MAX)])),
  });
  const form = parseForm(schema, body) as { attendees: number[]; guests: string; summary: string } & Record<string, string>;
  const guests = parseGuests(form.guests);
  const options = new Map((await attendanceOptions(prisma, meetingId)).map((o) => [o.userId, o]));
  const present = [...new Set(form.attendees)];
  if (present.some((id) => !options.has(id)))
    throw new ValidationError({ attendees: 'Bitte nur Personen aus der Liste ankreuzen (die Liste hat sich vielleicht geändert).' });

  await prisma.$transaction(async (tx) => {
    await tx.protocol.upsert({
      where: { meetingId },
      create: { meetingId, summary: form.summary },
      update: { summary: form.summary, updatedAt: new Date() },
    });
    await tx.meetingAttendee.deleteMany({ where: { meetingId } });
    await tx.meetingAttendee.createMany({
      data: [
        ...present.map((userId) => ({
          meetingId,
          userId,
          name: options.get(userId)!.name,
          allianceName: options.get(userId)!.allianceName,
        })),
        ...guests.map((g) => ({ meetingId, userId: null, name: g.name, allianceName: g.allianceName })),
      ],
    });
    for (const item of sent) {
      const result = form[`result_${item.id}`] ?? '';
      if (result !== item.result) await tx.agendaItem.updateMany({ where: { id: item.id, meetingId }, data: { result } });
    }
  });
}

// ---------------------------------------------------------------------------------------------------------------
// The protocol as people read it

export interface ProtocolView {
  protocol: ProtocolRecord | null;
  /** Changed after it was published. */
  changedAfterPublishing: boolean;
  summaryHtml: string;
  attendees: { name: string; allianceName: string | null; hasAccount: boolean }[];
  items: (NumberedAgendaItem & { resultHtml: string })[];
  decisions: (MeetingDecision & { itemLabel: string | null })[];
  /** The protocol's last day, 'YYYY-MM-DD'. */
  dueOn: string;
}

export async function protocolView(deps: Pick<Services, 'prisma' | 'pool'>, meeting: MeetingRow): Promise<ProtocolView> {
  const [protocol, outline, attendees, decisions] = await Promise.all([
    findProtocol(deps.prisma, meeting.id),
    numberedAgenda(deps.pool, meeting.id),
    deps.prisma.meetingAttendee.findMany({
      where: { meetingId: meeting.id },
      select: { name: true, allianceName: true, userId: true },
      orderBy: [{ name: 'asc' }, { id: 'asc' }],
    }),
    meetingDecisions(deps.pool, meeting.id),
  ]);
  const numbers = new Map(outline.map((i) => [i.id, `TOP ${i.number} ${i.title}`]));
  return {
    protocol,
    changedAfterPublishing: !!protocol?.publishedAt && protocol.updatedAt.getTime() > protocol.publishedAt.getTime(),
    summaryHtml: renderMarkdown(protocol?.summary ?? ''),
    attendees: attendees.map((a) => ({ name: a.name, allianceName: a.allianceName, hasAccount: a.userId !== null })),
    items: outline.map((i) => ({ ...i, resultHtml: renderMarkdown(i.result) })),
    decisions: decisions.map((d) => ({ ...d, itemLabel: d.agendaItemId ? (numbers.get(d.agendaItemId) ?? null) : null })),
    dueOn: dueDay(meeting, 'PROTOCOL'),
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Publishing

/** Why the protocol cannot be published now, or undefined. */
export function publishRefusal(meeting: MeetingRow, protocol: ProtocolRecord | null, now = new Date()): string | undefined {
  if (meeting.status === 'CANCELLED') return 'Das Treffen ist abgesagt – dafür gibt es kein Protokoll.';
  if (meeting.endsAt > now) return 'Das Protokoll kann erst nach dem Ende des Treffens veröffentlicht werden.';
  if (!protocol) return 'Bitte zuerst Anwesenheit und Ergebnisse speichern, dann veröffentlichen.';
  return undefined;
}

/**
 * Publishes the protocol: records the date the first time (a second click or a second instance changes nothing
 * and sends nothing), marks the meeting as held and mails the participants: everyone who registered, and those
 * present with an account who had not registered, one mail each.
 */
export async function publishProtocol(
  deps: Pick<Services, 'prisma' | 'mailer' | 'baseUrl'>,
  meeting: MeetingRow,
  now = new Date(),
): Promise<{ published: boolean; notified: number }> {
  const published = await deps.prisma.$transaction(async (tx) => {
    const { count } = await tx.protocol.updateMany({
      where: { meetingId: meeting.id, publishedAt: null },
      data: { publishedAt: now, updatedAt: now },
    });
    if (count === 0) return false;
    await tx.meeting.update({ where: { id: meeting.id }, data: { status: 'HELD' } });
    return true;
  });
  if (!published) return { published: false, notified: 0 };

  const url = meetingUrl(deps.baseUrl, meeting.id, 'protokoll');
  const mail = {
    subject: `Ergebnisprotokoll: ${meeting.title}`,
    text: (name: string) =>
      `Hallo ${nameForMail(name)},\n\ndas Ergebnisprotokoll des Treffens „${meeting.title}“ vom ${formatLongDate(meeting.startsAt)} ist veröffentlicht:\n\n` +
      `${url}\n\nDie Beschlüsse und wer sie übernommen hat, stehen im Protokoll und unter ${deps.baseUrl}/treffen/beschluesse.\n\nKommunale Erfahrungsbörse`,
  };
  let notified = await notifyParticipants(deps, meeting.id, mail);
  // Present without having registered (or after saying "nicht dabei"): notifyParticipants does not reach them.
  const others = await deps.prisma.user.findMany({
    where: {
      status: 'ACTIVE',
      meetingAttendance: { some: { meetingId: meeting.id } },
      rsvps: { none: { meetingId: meeting.id, attendance: { not: 'NO' } } },
    },
    select: { name: true, email: true },
    orderBy: { id: 'asc' },
  });
  for (const person of others) await deps.mailer.send({ to: person.email, subject: mail.subject, text: mail.text(person.name) });
  notified += others.length;
  return { published: true, notified };
}
