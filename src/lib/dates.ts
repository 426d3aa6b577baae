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
