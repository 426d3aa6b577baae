// The three deadlines of KOG principle 10, computed from a meeting: agenda out 21 days before, materials 7 days
// before, results protocol at most 7 days after. Everything is counted in Europe/Berlin calendar days: a deadline
// is met when the thing went out on or before its day, and "bald fällig" means three calendar days or fewer.
import { Prisma } from '../../db/database.js';
import { addDays, berlinDay, daysBetween } from '../../lib/dates.js';

export type DeadlineKey = 'AGENDA' | 'MATERIALS' | 'PROTOCOL';
export type DeadlineState = 'DONE' | 'DONE_LATE' | 'OPEN' | 'DUE_SOON' | 'OVERDUE';

export const DEADLINE_LABELS: Record<DeadlineKey, string> = {
  AGENDA: 'Tagesordnung verschicken',
  MATERIALS: 'Vorlagen verschicken',
  PROTOCOL: 'Ergebnisprotokoll veröffentlichen',
};

export const DEADLINE_STATES: Record<DeadlineState, string> = {
  DONE: 'erledigt',
  DONE_LATE: 'verspätet erledigt',
  OPEN: 'offen',
  DUE_SOON: 'bald fällig',
  OVERDUE: 'überfällig',
};

/** Days before (negative) or after (positive) the meeting's first or last day. */
export const DEADLINE_OFFSETS: Record<DeadlineKey, number> = { AGENDA: -21, MATERIALS: -7, PROTOCOL: 7 };
/** "bald fällig" from this many days before the deadline. */
export const DUE_SOON_DAYS = 3;

export interface DeadlineInput {
  startsAt: Date;
  endsAt: Date;
  agendaPublishedAt: Date | null;
  materialsPublishedAt: Date | null;
  protocolPublishedAt: Date | null;
}

export interface Deadline {
  key: DeadlineKey;
  label: string;
  /** The last day, 'YYYY-MM-DD' (Berlin). */
  dueOn: string;
  doneAt: Date | null;
  state: DeadlineState;
  stateLabel: string;
  /** Calendar days from today to the deadline (negative when it has passed). */
  daysLeft: number;
}

/** SQL: a meeting's DeadlineInput columns, for queries over `meetings m LEFT JOIN protocols p`. */
export const DEADLINE_COLUMNS = Prisma.sql`m.starts_at AS "startsAt", m.ends_at AS "endsAt", m.agenda_published_at AS "agendaPublishedAt",
  m.materials_published_at AS "materialsPublishedAt", p.published_at AS "protocolPublishedAt"`;

/** The day a deadline falls on. */
export function dueDay(meeting: Pick<DeadlineInput, 'startsAt' | 'endsAt'>, key: DeadlineKey): string {
  return key === 'PROTOCOL'
    ? addDays(berlinDay(meeting.endsAt), DEADLINE_OFFSETS.PROTOCOL)
    : addDays(berlinDay(meeting.startsAt), DEADLINE_OFFSETS[key]);
}

export function deadlineState(dueOn: string, doneAt: Date | null, now: Date): DeadlineState {
  if (doneAt) return berlinDay(doneAt) <= dueOn ? 'DONE' : 'DONE_LATE';
  const daysLeft = daysBetween(berlinDay(now), dueOn);
  if (daysLeft < 0) return 'OVERDUE';
  return daysLeft <= DUE_SOON_DAYS ? 'DUE_SOON' : 'OPEN';
}

export function meetingDeadlines(meeting: DeadlineInput, now = new Date()): Deadline[] {
  const done: Record<DeadlineKey, Date | null> = {
    AGENDA: meeting.agendaPublishedAt,
    MATERIALS: meeting.materialsPublishedAt,
    PROTOCOL: meeting.protocolPublishedAt,
  };
  return (['AGENDA', 'MATERIALS', 'PROTOCOL'] as const).map((key) => {
    const dueOn = dueDay(meeting, key);
    const state = deadlineState(dueOn, done[key], now);
    return {
      key,
      label: DEADLINE_LABELS[key],
      dueOn,
      doneAt: done[key],
      state,
      stateLabel: DEADLINE_STATES[state],
      daysLeft: daysBetween(berlinDay(now), dueOn),
    };
  });
}

/** Whether something added at `at` came after the materials deadline ("nach Frist"). */
export function afterMaterialsDeadline(meeting: Pick<DeadlineInput, 'startsAt' | 'endsAt'>, at: Date): boolean {
  return berlinDay(at) > dueDay(meeting, 'MATERIALS');
}
