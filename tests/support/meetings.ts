// Meetings for tests: a row straight in the database (fast setup), and the fields of the meeting form.
import type { Database } from '../../src/db/database.js';
import { berlinInstant } from '../../src/lib/dates.js';
import type { MeetingKind } from '../../src/generated/prisma/enums.js';

/** A meeting on a Berlin day and time, led by `leadOrganizerId`. */
export async function createMeeting(
  db: Database,
  leadOrganizerId: number,
  overrides: Partial<{
    kind: MeetingKind;
    title: string;
    day: string;
    from: string;
    to: string;
    isPublic: boolean;
    onlineLink: string | null;
    agendaPublishedAt: Date | null;
    materialsPublishedAt: Date | null;
    venueName: string;
    address: string;
    directions: string;
    notes: string;
    relatedEvents: string;
    signature: string;
    purpose: string;
  }> = {},
) {
  const { day = '2026-05-09', from = '14:00', to = '18:00', ...rest } = overrides;
  return db.prisma.meeting.create({
    data: {
      kind: 'KOG_TREFFEN',
      title: `KOG-Treffen ${day}`,
      startsAt: berlinInstant(day, from),
      endsAt: berlinInstant(day, to),
      leadOrganizerId,
      createdById: leadOrganizerId,
      ...rest,
    },
  });
}

/** The meeting form as a browser sends it (the seed invitation's meeting). */
export function meetingFields(overrides: Record<string, string> = {}): Record<string, string> {
  return {
    kind: 'PLATTFORM_TREFFEN',
    title: 'Treffen der kommunalpolitischen Plattform',
    date: '2026-05-09',
    startTime: '14:00',
    endTime: '18:00',
    endDate: '',
    venueName: 'Bistro Horster Mitte',
    address: 'Schmalhorststr. 1, 45899 Gelsenkirchen',
    directions: 'Parkplatz ggü. am Schloss Horst',
    onlineLink: '',
    visibility: 'PUBLIC',
    purpose: 'Für einen nächsten Erfahrungsaustausch und zur gemeinsamen Beratung',
    notes: 'Für Getränke wird gesorgt, wir freuen uns über Kuchenspenden (bitte sagt uns vorher Bescheid).',
    relatedEvents: 'Wir laden ebenfalls ein zur bundesweiten Demonstration am 8. Mai.',
    signature: 'Hanni und Werner Engelhardt\nMartina Reichmann',
    talkMinutes: '7',
    ...overrides,
  };
}
