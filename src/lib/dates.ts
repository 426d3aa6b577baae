// Dates are stored as timestamptz and always shown in Europe/Berlin with German formats.
import { TZDate, tzOffset } from '@date-fns/tz';
const TIME_ZONE = 'Europe/Berlin';

// Pages show many dates (a list of decisions: hundreds), and Intl.DateTimeFormat with a time zone costs several
// microseconds per call. Berlin's offset from UTC only changes on a whole UTC hour, so it is looked up once per hour
// (tzOffset uses Intl) and the wall clock is read off the shifted time.
const offsetByHour = new Map<number, number>();

/** Berlin wall-clock time of an instant, as a Date whose UTC fields hold it. */
function berlinWallClock(instant: Date): Date {
  const time = instant.getTime();
  const hour = Math.floor(time / 3_600_000);
  let offset = offsetByHour.get(hour);
  if (offset === undefined) {
    if (offsetByHour.size >= 50_000) offsetByHour.clear();
    offset = tzOffset(TIME_ZONE, instant) * 60_000;
    offsetByHour.set(hour, offset);
  }
  return new Date(time + offset);
}

const two = (n: number) => (n < 10 ? `0${n}` : String(n));
const germanDay = (wall: Date) => `${two(wall.getUTCDate())}.${two(wall.getUTCMonth() + 1)}.${wall.getUTCFullYear()}`;
const clock = (wall: Date) => `${two(wall.getUTCHours())}:${two(wall.getUTCMinutes())}`;

/** 09.05.2026 */
export function formatDate(date: Date | null | undefined): string {
  return date ? germanDay(berlinWallClock(date)) : '';
}

/** 09.05.2026, 14:00 Uhr */
export function formatDateTime(date: Date | null | undefined): string {
  if (!date) return '';
  const wall = berlinWallClock(date);
  return `${germanDay(wall)}, ${clock(wall)} Uhr`;
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
const WEEKDAYS = ['Sonntag', 'Montag', 'Dienstag', 'Mittwoch', 'Donnerstag', 'Freitag', 'Samstag'];
const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The Berlin calendar day of an instant: '2026-05-09'. */
export function berlinDay(instant: Date): string {
  const wall = berlinWallClock(instant);
  return `${wall.getUTCFullYear()}-${two(wall.getUTCMonth() + 1)}-${two(wall.getUTCDate())}`;
}

/** The Berlin wall-clock time of an instant: '14:00'. */
export function berlinTime(instant: Date): string {
  return clock(berlinWallClock(instant));
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
