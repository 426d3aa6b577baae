// Dates are stored as timestamptz and always shown in Europe/Berlin with German formats.
import { TZDate } from '@date-fns/tz';
const TIME_ZONE = 'Europe/Berlin';

const dateFormat = new Intl.DateTimeFormat('de-DE', { timeZone: TIME_ZONE, day: '2-digit', month: '2-digit', year: 'numeric' });
const dateTimeFormat = new Intl.DateTimeFormat('de-DE', {
  timeZone: TIME_ZONE,
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
});

/** 09.05.2026 */
export function formatDate(date: Date | null | undefined): string {
  return date ? dateFormat.format(date) : '';
}

/** 09.05.2026, 14:00 Uhr */
export function formatDateTime(date: Date | null | undefined): string {
  return date ? `${dateTimeFormat.format(date)} Uhr` : '';
}

const MONTHS = ['Januar', 'Februar', 'März', 'April', 'Mai', 'Juni', 'Juli', 'August', 'September', 'Oktober', 'November', 'Dezember'];

/** "2025-03" → "März 2025". */
export function formatMonth(month: string | null | undefined): string {
  const match = month ? /^(\d{4})-(\d{2})$/.exec(month) : null;
  return match ? `${MONTHS[Number(match[2]) - 1]} ${match[1]}` : '';
}

/** A period of months: "März 2025 – Juni 2025", "seit März 2025", "bis Juni 2025", or ''. */
export function formatPeriod(from: string | null | undefined, to: string | null | undefined): string {
  if (from && to) return from === to ? formatMonth(from) : `${formatMonth(from)} – ${formatMonth(to)}`;
  if (from) return `seit ${formatMonth(from)}`;
  return to ? `bis ${formatMonth(to)}` : '';
}

// Calendar days in Europe/Berlin, as 'YYYY-MM-DD'. Deadlines are counted in these days, so a change to or from
// summer time between a deadline and its meeting never shifts a deadline by a day.
const dayParts = new Intl.DateTimeFormat('en-CA', { timeZone: TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' });
const timeParts = new Intl.DateTimeFormat('de-DE', { timeZone: TIME_ZONE, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
const WEEKDAYS = ['Sonntag', 'Montag', 'Dienstag', 'Mittwoch', 'Donnerstag', 'Freitag', 'Samstag'];
const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The Berlin calendar day of an instant: '2026-05-09'. */
export function berlinDay(instant: Date): string {
  return dayParts.format(instant);
}

/** The Berlin wall-clock time of an instant: '14:00'. */
export function berlinTime(instant: Date): string {
  return timeParts.format(instant);
}

function dayNumber(day: string): number {
  const match = DAY.exec(day);
  if (!match) throw new Error(`not a day: ${day}`);
  return Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) / 86_400_000;
}

/** A calendar day plus (or minus) whole days. */
export function addDays(day: string, days: number): string {
  return new Date((dayNumber(day) + days) * 86_400_000).toISOString().slice(0, 10);
}

/** Whole calendar days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return dayNumber(to) - dayNumber(from);
}

/** The instant of a Berlin wall-clock time on a Berlin calendar day ('2026-05-09', '14:00'). */
export function berlinInstant(day: string, time: string): Date {
  const d = DAY.exec(day);
  const t = /^(\d{2}):(\d{2})$/.exec(time);
  if (!d || !t) throw new Error(`not a day and time: ${day} ${time}`);
  return new Date(new TZDate(Number(d[1]), Number(d[2]) - 1, Number(d[3]), Number(t[1]), Number(t[2]), TIME_ZONE).getTime());
}

/** 'Samstag, 9. Mai 2026' (from an instant, or from a calendar day). */
export function formatLongDate(value: Date | string | null | undefined): string {
  if (!value) return '';
  const day = typeof value === 'string' ? value : berlinDay(value);
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  const weekday = WEEKDAYS[new Date(Date.UTC(year, month - 1, date)).getUTCDay()];
  return `${weekday}, ${date}. ${MONTHS[month - 1]} ${year}`;
}

/** '14 Uhr', '14:30 Uhr' */
export function formatClock(instant: Date): string {
  const [hours, minutes] = berlinTime(instant).split(':');
  return minutes === '00' ? `${Number(hours)} Uhr` : `${Number(hours)}:${minutes} Uhr`;
}

/** 'Samstag, 9. Mai 2026, 14 bis 18 Uhr', or both days when it runs over more than one. */
export function formatTimeSpan(start: Date, end: Date): string {
  if (berlinDay(start) !== berlinDay(end)) return `${formatLongDate(start)}, ${formatClock(start)} bis ${formatLongDate(end)}, ${formatClock(end)}`;
  return `${formatLongDate(start)}, ${formatClock(start).replace(' Uhr', '')} bis ${formatClock(end)}`;
}

/** '09.05.2026' from a calendar day '2026-05-09'. */
export function formatDay(day: string | null | undefined): string {
  const match = day ? DAY.exec(day) : null;
  return match ? `${match[3]}.${match[2]}.${match[1]}` : '';
}
