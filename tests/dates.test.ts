// Dates on pages are Berlin wall-clock dates. lib/dates.ts reads them off a cached UTC offset (much faster than
// Intl per call); these checks hold it to Intl's answer, also in the hours around the change to and from summer time.
import { describe, expect, it } from 'vitest';
import { berlinDay, berlinTime, formatDate, formatDateTime } from '../src/lib/dates.js';

const intl = {
  date: new Intl.DateTimeFormat('de-DE', { timeZone: 'Europe/Berlin', day: '2-digit', month: '2-digit', year: 'numeric' }),
  dateTime: new Intl.DateTimeFormat('de-DE', {
    timeZone: 'Europe/Berlin',
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  }),
  day: new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin', year: 'numeric', month: '2-digit', day: '2-digit' }),
  time: new Intl.DateTimeFormat('de-DE', { timeZone: 'Europe/Berlin', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }),
};

function mismatches(instants: Date[]): string[] {
  return instants.flatMap((d) => {
    const expected = [intl.date.format(d), `${intl.dateTime.format(d)} Uhr`, intl.day.format(d), intl.time.format(d)];
    const actual = [formatDate(d), formatDateTime(d), berlinDay(d), berlinTime(d)];
    return actual.join('|') === expected.join('|') ? [] : [`${d.toISOString()}: ${actual.join(' | ')} ≠ ${expected.join(' | ')}`];
  });
}

describe('Berlin dates on pages', () => {
  it('match Intl minute by minute around the change to and from summer time', () => {
    const around = (iso: string) => Array.from({ length: 6 * 60 }, (_, i) => new Date(Date.parse(iso) + (i - 180) * 60_000));
    expect(mismatches([...around('2026-03-29T01:00:00Z'), ...around('2026-10-25T01:00:00Z')])).toEqual([]);
    expect(formatDateTime(new Date('2026-03-29T00:59:00Z'))).toBe('29.03.2026, 01:59 Uhr');
    expect(formatDateTime(new Date('2026-03-29T01:00:00Z'))).toBe('29.03.2026, 03:00 Uhr');
    expect(berlinDay(new Date('2026-10-24T22:30:00Z'))).toBe('2026-10-25');
  });

  it('match Intl across fifty years', () => {
    const start = Date.UTC(1995, 0, 1);
    const instants = Array.from({ length: 20_000 }, (_, i) => new Date(start + i * 78_901_234));
    expect(mismatches(instants)).toEqual([]);
    expect(formatDate(null)).toBe('');
  });
});
