// Deadline reminders to the lead organiser: three days before a deadline ("bald fällig") and when it was missed.
// A periodic job scans every 15 minutes, so whatever became due while the app was down goes out when it is back.
// Each reminder goes out exactly once, also with several app instances: the marker row in meeting_reminders and
// the mail are written in one transaction, and only the instance whose insert went through writes the mail.
import { Prisma } from '../../db/database.js';
import { select } from '../../db/sql.js';
import { addDays, berlinDay, berlinInstant, formatDay, formatLongDate } from '../../lib/dates.js';
import { nameForMail } from '../../lib/mail.js';
import type { JobHandler, PeriodicJob } from '../../jobs/queue.js';
import type { Services } from '../../services.js';
import { DEADLINE_COLUMNS, meetingDeadlines, type Deadline, type DeadlineKey } from './deadlines.js';
import { meetingUrl } from './notify.js';

export type ReminderKind = 'SOON' | 'MISSED';

/** Missed longer ago than this: no reminder any more (old meetings when reminders were introduced, long downtimes). */
export const MISSED_REMINDER_DAYS = 14;

export const REMINDER_JOB = 'meetings.deadline-reminders';
export const MEETING_PERIODIC_JOBS: PeriodicJob[] = [{ kind: REMINDER_JOB, everyMs: 15 * 60_000 }];

interface Candidate {
  id: number;
  title: string;
  startsAt: Date;
  endsAt: Date;
  agendaPublishedAt: Date | null;
  materialsPublishedAt: Date | null;
  protocolPublishedAt: Date | null;
  leadName: string;
  leadEmail: string;
}

/** Which reminder a deadline needs now, if any. */
export function reminderKind(deadline: Deadline, meeting: Pick<Candidate, 'startsAt'>, now: Date): ReminderKind | undefined {
  if (deadline.doneAt) return undefined;
  // Agenda and materials are about the meeting ahead: once it has begun, reminding of them is no use.
  if (deadline.key !== 'PROTOCOL' && meeting.startsAt <= now) return undefined;
  if (deadline.state === 'DUE_SOON') return 'SOON';
  if (deadline.state === 'OVERDUE' && deadline.daysLeft >= -MISSED_REMINDER_DAYS) return 'MISSED';
  return undefined;
}

const WHERE_TO_ACT: Record<DeadlineKey, string> = { AGENDA: 'tagesordnung', MATERIALS: 'vorlagen', PROTOCOL: 'protokoll/bearbeiten' };

function reminderMail(deps: Pick<Services, 'baseUrl'>, meeting: Candidate, deadline: Deadline, kind: ReminderKind) {
  const when =
    kind === 'SOON'
      ? deadline.daysLeft === 0
        ? 'ist heute fällig'
        : `ist in ${deadline.daysLeft} ${deadline.daysLeft === 1 ? 'Tag' : 'Tagen'} fällig (${formatDay(deadline.dueOn)})`
      : `war bis ${formatDay(deadline.dueOn)} fällig und ist noch nicht erledigt`;
  return {
    to: meeting.leadEmail,
    subject: `${kind === 'SOON' ? 'Frist bald fällig' : 'Frist verpasst'}: ${deadline.label} – ${meeting.title}`,
    text:
      `Hallo ${nameForMail(meeting.leadName)},\n\ndu bist hauptverantwortlich für das Treffen „${meeting.title}“ am ${formatLongDate(meeting.startsAt)}.\n\n` +
      `Die Frist „${deadline.label}“ ${when}.\n\n${meetingUrl(deps.baseUrl, meeting.id, WHERE_TO_ACT[deadline.key])}\n\n` +
      `Alle Fristen im Überblick: ${deps.baseUrl}/treffen/fristen\n\nKommunale Erfahrungsbörse`,
  };
}

/**
 * Sends every reminder that is due at `now` and has not gone out yet; returns how many this call sent. Safe to
 * run on several instances at once.
 */
export async function sendDeadlineReminders(
  deps: Pick<Services, 'prisma' | 'pool' | 'mailer' | 'baseUrl'>,
  now = new Date(),
): Promise<number> {
  // Only meetings near a reminder: agenda "bald fällig" starts 24 days before the meeting, a missed protocol
  // is reminded of until 21 days after it (with a day's margin on both sides).
  const candidates = await select<Candidate>(
    deps.pool,
    Prisma.sql`SELECT m.id, m.title, ${DEADLINE_COLUMNS}, u.name AS "leadName", u.email AS "leadEmail"
      FROM meetings m JOIN users u ON u.id = m.lead_organizer_id LEFT JOIN protocols p ON p.meeting_id = m.id
      WHERE m.status <> 'CANCELLED' AND u.status = 'ACTIVE'
        AND m.starts_at < ${new Date(now.getTime() + 26 * 86_400_000)} AND m.ends_at > ${new Date(now.getTime() - 23 * 86_400_000)}
      ORDER BY m.starts_at, m.id`,
  );
  let sent = 0;
  for (const meeting of candidates) {
    for (const deadline of meetingDeadlines(meeting, now)) {
      const kind = reminderKind(deadline, meeting, now);
      if (!kind) continue;
      const inserted = await deps.prisma.$transaction(async (tx) => {
        const rows = await tx.$executeRaw`
          INSERT INTO meeting_reminders (meeting_id, deadline, kind, due_on)
          VALUES (${meeting.id}, ${deadline.key}, ${kind}, ${deadline.dueOn}::date)
          ON CONFLICT DO NOTHING`;
        if (rows === 1) await deps.mailer.send(reminderMail(deps, meeting, deadline, kind), tx);
        return rows === 1;
      });
      if (inserted) sent += 1;
    }
  }
  return sent;
}

/** The meeting workflow's background jobs (registered in src/jobs/handlers.ts). */
export function meetingJobs(services: Pick<Services, 'prisma' | 'pool' | 'mailer' | 'baseUrl'>): Record<string, JobHandler> {
  return {
    [REMINDER_JOB]: {
      async run() {
        await sendDeadlineReminders(services);
      },
    },
  };
}

// ---------------------------------------------------------------------------------------------------------------
// All deadlines across meetings (/treffen/fristen)

export interface OverviewEntry extends Deadline {
  meetingId: number;
  meetingTitle: string;
  meetingStartsAt: Date;
  meetingEndsAt: Date;
  leadName: string;
}

export type OverviewGroup = 'OVERDUE' | 'DUE_SOON' | 'OPEN' | 'DONE';

export const OVERVIEW_GROUPS: Record<OverviewGroup, string> = {
  OVERDUE: 'Überfällig',
  DUE_SOON: 'Bald fällig',
  OPEN: 'Demnächst',
  DONE: 'Kürzlich erledigt',
};

/** Done deadlines stay in view this long, for context. */
export const RECENTLY_DONE_DAYS = 30;

/**
 * Every deadline that is not done, of meetings that are not cancelled, plus those done in the last 30 days;
 * grouped (overdue first) and sorted by due date. A missed agenda or materials deadline stays in view until
 * 30 days after its meeting; a missed protocol until it is published.
 */
export async function deadlineOverview(
  pool: Services['pool'],
  now = new Date(),
): Promise<{ key: OverviewGroup; label: string; entries: OverviewEntry[] }[]> {
  // Counted in Berlin calendar days like the deadlines: the overview is the same all day (and may be kept).
  const since = berlinInstant(addDays(berlinDay(now), -RECENTLY_DONE_DAYS), '00:00');
  const meetings = await select<Omit<Candidate, 'leadEmail'>>(
    pool,
    Prisma.sql`SELECT m.id, m.title, ${DEADLINE_COLUMNS}, u.name AS "leadName"
      FROM meetings m JOIN users u ON u.id = m.lead_organizer_id LEFT JOIN protocols p ON p.meeting_id = m.id
      WHERE m.status <> 'CANCELLED'
        AND (m.agenda_published_at IS NULL OR m.agenda_published_at >= ${since} OR m.materials_published_at IS NULL
          OR m.materials_published_at >= ${since} OR p.published_at IS NULL OR p.published_at >= ${since})
      ORDER BY m.starts_at, m.id LIMIT 1000`,
  );
  const entries: OverviewEntry[] = meetings.flatMap((m) =>
    meetingDeadlines(m, now)
      // Agenda and materials of a meeting that is long over can no longer be sent: they drop out with the 30 days.
      .filter((d) => (d.doneAt ? d.doneAt >= since : d.key === 'PROTOCOL' || m.endsAt >= since))
      .map((d) => ({
        ...d,
        meetingId: m.id,
        meetingTitle: m.title,
        meetingStartsAt: m.startsAt,
        meetingEndsAt: m.endsAt,
        leadName: m.leadName,
      })),
  );
  const groupOf = (e: OverviewEntry): OverviewGroup => (e.state === 'DONE' || e.state === 'DONE_LATE' ? 'DONE' : e.state);
  return (Object.keys(OVERVIEW_GROUPS) as OverviewGroup[]).map((key) => ({
    key,
    label: OVERVIEW_GROUPS[key],
    entries: entries
      .filter((e) => groupOf(e) === key)
      .sort(
        (a, b) => a.dueOn.localeCompare(b.dueOn) || a.meetingStartsAt.getTime() - b.meetingStartsAt.getTime() || a.meetingId - b.meetingId,
      ),
  }));
}
