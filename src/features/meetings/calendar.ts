// iCalendar (RFC 5545) for meetings: one meeting or the list of coming ones, written by ical-generator with a
// VTIMEZONE for Europe/Berlin, so calendar programs show the German wall-clock time also across summer time.
import { getVtimezoneComponent } from '@touch4it/ical-timezones';
import ical, { ICalCalendarMethod, ICalEventStatus } from 'ical-generator';
import type { MeetingRow } from './access.js';
import { berlinDay, berlinTime } from '../../lib/dates.js';
import { MEETING_KINDS } from './labels.js';

/**
 * The Berlin wall-clock time as ical-generator wants it for a TZID: a date-time without offset, which it reads
 * in the process's own zone and writes out unchanged, whatever that zone is.
 */
function wallClock(instant: Date): string {
  return `${berlinDay(instant)}T${berlinTime(instant)}:00`;
}

export type CalendarMeeting = Pick<MeetingRow, 'id' | 'kind' | 'title' | 'startsAt' | 'endsAt' | 'venueName' | 'address' | 'status'>;

/** The calendar text for these meetings; `baseUrl` makes the links and the stable event ids. */
export function meetingCalendar(meetings: CalendarMeeting[], baseUrl: string, name: string): string {
  const calendar = ical({
    name,
    prodId: { company: 'Kommunale Erfahrungsbörse', product: 'KOG-Treffen', language: 'DE' },
    method: ICalCalendarMethod.PUBLISH,
    timezone: { name: 'Europe/Berlin', generator: getVtimezoneComponent },
  });
  const host = new URL(baseUrl).host;
  for (const meeting of meetings) {
    const url = `${baseUrl}/treffen/${meeting.id}`;
    calendar.createEvent({
      id: `treffen-${meeting.id}@${host}`,
      start: wallClock(meeting.startsAt),
      end: wallClock(meeting.endsAt),
      timezone: 'Europe/Berlin',
      summary: meeting.status === 'CANCELLED' ? `Abgesagt: ${meeting.title}` : meeting.title,
      description: `${MEETING_KINDS[meeting.kind]}\nEinladung, Tagesordnung und Rückmeldung: ${url}`,
      location: [meeting.venueName, meeting.address].filter(Boolean).join(', ') || null,
      url,
      status: meeting.status === 'CANCELLED' ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    });
  }
  // With a calendar time zone, ical-generator writes DTSTAMP in that zone without "Z"; RFC 5545 wants it in UTC.
  const stamp = new Date()
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z');
  return calendar.toString().replace(/^DTSTAMP:.*$/gm, `DTSTAMP:${stamp}`);
}
