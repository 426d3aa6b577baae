// Dates are stored as timestamptz and always shown in Europe/Berlin with German formats.
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
