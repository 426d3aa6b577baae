// KOG-Treffen, the meetings themselves: deadlines in Berlin calendar days (also across summer time), creating
// and editing with Berlin times, lists and the year view, who sees internal meetings, cancelling with notice
// to everyone registered, and calendars that a calendar library reads back with the right times.
import ICAL from 'ical.js';
import request from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import { meetingDeadlines, deadlineState } from '../src/features/meetings/deadlines.js';
import { berlinInstant, formatTimeSpan } from '../src/lib/dates.js';
import { createUser, formBody, csrfTokenFrom, sessionAgent, text as decoded, useTestContext } from './support/context.js';
import { createMeeting, meetingFields } from './support/meetings.js';

const ctx = useTestContext();
const visitor = () => request(ctx.app);
const text = (html: string) => decoded(html.replace(/<[^>]*>/g, ' ')).replace(/\s+/g, ' ');

let organizerId: number;
let organizer: request.Agent;
let otherOrganizer: request.Agent;
let member: request.Agent;
let memberId: number;

beforeAll(async () => {
  organizerId = (await createUser(ctx.db, { role: 'ORGANIZER', name: 'Olga Organisatorin' })).id;
  organizer = await sessionAgent(ctx.app, organizerId);
  otherOrganizer = await sessionAgent(ctx.app, (await createUser(ctx.db, { role: 'ORGANIZER', name: 'Otto Orga' })).id);
  memberId = (await createUser(ctx.db, { name: 'Mia Mitglied' })).id;
  member = await sessionAgent(ctx.app, memberId);
});

async function post(agent: request.Agent, page: string, action: string, fields: Record<string, string>) {
  const token = await csrfTokenFrom(agent, page);
  return agent
    .post(action)
    .type('form')
    .send(formBody({ ...fields, _csrf: token }));
}

describe('deadlines', () => {
  const meeting = (day: string, from = '14:00', to = '18:00') => ({
    startsAt: berlinInstant(day, from),
    endsAt: berlinInstant(day, to),
    agendaPublishedAt: null,
    materialsPublishedAt: null,
    protocolPublishedAt: null,
  });

  it('puts the agenda 21 days, the materials 7 days before and the protocol 7 days after the meeting', () => {
    const [agenda, materials, protocol] = meetingDeadlines(meeting('2026-05-09'), berlinInstant('2026-04-01', '12:00'));
    expect([agenda!.dueOn, materials!.dueOn, protocol!.dueOn]).toEqual(['2026-04-18', '2026-05-02', '2026-05-16']);
    expect(agenda!.state).toBe('OPEN');
  });

  it('counts Berlin calendar days when summer time starts between deadline and meeting', () => {
    // Summer time starts on 29 March 2026. A meeting just after midnight on 5 April: 21 × 24 hours earlier is
    // still 14 March in Berlin (23:30), but the deadline is the calendar day 15 March.
    const early = meeting('2026-04-05', '00:30', '03:00');
    expect(new Date(early.startsAt.getTime() - 21 * 86_400_000).toISOString()).toBe('2026-03-14T22:30:00.000Z');
    const [agenda, materials] = meetingDeadlines(early, berlinInstant('2026-03-01', '12:00'));
    expect(agenda!.dueOn).toBe('2026-03-15');
    expect(materials!.dueOn).toBe('2026-03-29');
    // …and when it ends (25 October 2026): a meeting at 23:30 on 1 November has its agenda due on 11 October.
    const autumn = meeting('2026-11-01', '23:00', '23:30');
    expect(meetingDeadlines(autumn, berlinInstant('2026-10-01', '12:00'))[0]!.dueOn).toBe('2026-10-11');
  });

  it('gives each state at its boundary', () => {
    const due = '2026-04-18';
    // Done on the last day is on time; a minute after midnight Berlin time on the next day is late.
    expect(deadlineState(due, berlinInstant('2026-04-18', '23:59'), new Date())).toBe('DONE');
    expect(deadlineState(due, berlinInstant('2026-04-19', '00:01'), new Date())).toBe('DONE_LATE');
    expect(deadlineState(due, null, berlinInstant('2026-04-14', '23:59'))).toBe('OPEN');
    expect(deadlineState(due, null, berlinInstant('2026-04-15', '00:00'))).toBe('DUE_SOON');
    expect(deadlineState(due, null, berlinInstant('2026-04-18', '23:59'))).toBe('DUE_SOON');
    expect(deadlineState(due, null, berlinInstant('2026-04-19', '00:00'))).toBe('OVERDUE');
  });
});

describe('dates in German', () => {
  it('writes a meeting’s time as in the seed invitation', () => {
    expect(formatTimeSpan(berlinInstant('2026-05-09', '14:00'), berlinInstant('2026-05-09', '18:00'))).toBe(
      'Samstag, 9. Mai 2026, 14 bis 18 Uhr',
    );
    expect(formatTimeSpan(berlinInstant('2026-05-09', '10:30'), berlinInstant('2026-05-10', '13:00'))).toBe(
      'Samstag, 9. Mai 2026, 10:30 Uhr bis Sonntag, 10. Mai 2026, 13 Uhr',
    );
  });
});

describe('creating and editing meetings', () => {
  it('lets organisers create a meeting with Berlin times and shows it to visitors', async () => {
    const res = await post(organizer, '/treffen/neu', '/treffen', meetingFields({ leadOrganizerId: String(organizerId) }));
    expect(res.status).toBe(303);
    const id = Number(/\/treffen\/(\d+)$/.exec(res.headers.location!)![1]);
    const stored = await ctx.db.prisma.meeting.findUniqueOrThrow({ where: { id } });
    expect(stored.startsAt.toISOString()).toBe('2026-05-09T12:00:00.000Z');
    expect(stored.endsAt.toISOString()).toBe('2026-05-09T16:00:00.000Z');
    const page = await visitor().get(`/treffen/${id}`);
    expect(page.status).toBe(200);
    expect(text(page.text)).toContain('Samstag, 9. Mai 2026, 14 bis 18 Uhr');
    expect(text(page.text)).toContain('Bistro Horster Mitte, Schmalhorststr. 1, 45899 Gelsenkirchen (Parkplatz ggü. am Schloss Horst)');
    // The seed invitation's date has passed: a held meeting says nothing about an online link any more.
    expect(text(page.text)).not.toContain('Link folgt');
  });

  it('refuses bad input next to the field and keeps what was typed', async () => {
    const before = await ctx.db.prisma.meeting.count();
    const res = await post(
      organizer,
      '/treffen/neu',
      '/treffen',
      meetingFields({ leadOrganizerId: String(organizerId), date: '31.02.2026', title: 'Mein Treffen' }),
    );
    expect(res.status).toBe(422);
    expect(text(res.text)).toContain('Bitte ein Datum wie 09.05.2026 angeben.');
    expect(res.text).toContain('value="Mein Treffen"');
    const backwards = await post(
      organizer,
      '/treffen/neu',
      '/treffen',
      meetingFields({ leadOrganizerId: String(organizerId), endTime: '13:00' }),
    );
    expect(text(backwards.text)).toContain('Das Ende muss nach dem Beginn liegen.');
    const notLead = await post(organizer, '/treffen/neu', '/treffen', meetingFields({ leadOrganizerId: String(memberId) }));
    expect(text(notLead.text)).toContain('Hauptverantwortlich kann nur jemand aus der KOG sein');
    expect(await ctx.db.prisma.meeting.count()).toBe(before);
  });

  it('keeps members and visitors out of the forms', async () => {
    expect((await member.get('/treffen/neu')).status).toBe(403);
    expect((await visitor().get('/treffen/neu')).status).toBe(303);
  });

  it('shows the online link only to people who registered', async () => {
    const linkless = await createMeeting(ctx.db, organizerId, { day: '2027-02-06' });
    expect(text((await visitor().get(`/treffen/${linkless.id}`)).text)).toContain('Online Link folgt');
    const meeting = await createMeeting(ctx.db, organizerId, { day: '2027-02-06', onlineLink: 'https://treffen.example.org/kog' });
    expect((await visitor().get(`/treffen/${meeting.id}`)).text).not.toContain('treffen.example.org');
    expect((await member.get(`/treffen/${meeting.id}`)).text).not.toContain('treffen.example.org');
    await ctx.db.prisma.rsvp.create({ data: { meetingId: meeting.id, userId: memberId, attendance: 'ONLINE' } });
    expect((await member.get(`/treffen/${meeting.id}`)).text).toContain('https://treffen.example.org/kog');
  });

  it('marks a changed time after the invitation went out and tells everyone registered', async () => {
    const meeting = await createMeeting(ctx.db, organizerId, { day: '2027-03-06', agendaPublishedAt: new Date() });
    await ctx.db.prisma.rsvp.create({ data: { meetingId: meeting.id, userId: memberId, attendance: 'ON_SITE' } });
    const res = await post(
      otherOrganizer,
      `/treffen/${meeting.id}/bearbeiten`,
      `/treffen/${meeting.id}`,
      meetingFields({ leadOrganizerId: String(organizerId), title: meeting.title, date: '2027-03-13' }),
    );
    expect(res.status).toBe(303);
    const stored = await ctx.db.prisma.meeting.findUniqueOrThrow({ where: { id: meeting.id } });
    expect(stored.agendaChangedAt).not.toBeNull();
    const mail = await ctx.db.prisma.outboxMail.findFirstOrThrow({ where: { subject: `Geändert: ${meeting.title}` } });
    expect(mail.body).toContain('Samstag, 13. März 2027, 14 bis 18 Uhr');
  });
});

describe('who sees which meeting', () => {
  it('hides internal meetings from visitors and sends them to the login', async () => {
    const internal = await createMeeting(ctx.db, organizerId, {
      day: '2027-01-16',
      isPublic: false,
      title: 'Internes Vorbereitungstreffen',
    });
    const list = await visitor().get('/treffen');
    expect(list.text).not.toContain('Internes Vorbereitungstreffen');
    const page = await visitor().get(`/treffen/${internal.id}`);
    expect(page.status).toBe(303);
    expect(page.headers.location).toBe(`/anmelden?weiter=${encodeURIComponent(`/treffen/${internal.id}`)}`);
    expect((await member.get('/treffen')).text).toContain('Internes Vorbereitungstreffen');
    expect((await visitor().get('/treffen.ics')).text).not.toContain('Internes Vorbereitungstreffen');
  });

  it('answers 404 for meetings that do not exist, also for odd ids', async () => {
    for (const path of ['/treffen/999999', '/treffen/abc', '/treffen/99999999999', '/treffen/0']) {
      expect((await visitor().get(path)).status).toBe(404);
    }
  });
});

describe('lists and the year view', () => {
  it('lists coming meetings soonest first and past ones separately', async () => {
    await createMeeting(ctx.db, organizerId, { day: '2020-09-12', title: 'Altes Treffen 2020' });
    const coming = await visitor().get('/treffen');
    expect(coming.text).not.toContain('Altes Treffen 2020');
    const past = await visitor().get('/treffen?vergangene=1');
    expect(past.text).toContain('Altes Treffen 2020');
  });

  it('shows per quarter whether a KOG meeting is planned, with its deadlines', async () => {
    await createMeeting(ctx.db, organizerId, { day: '2028-03-04', title: 'KOG Frühjahr 2028' });
    await createMeeting(ctx.db, organizerId, { day: '2028-09-02', title: 'KOG Herbst 2028' });
    await createMeeting(ctx.db, organizerId, { day: '2028-06-03', title: 'Ratschlag 2028', kind: 'RATSCHLAG' });
    const res = await visitor().get('/treffen/jahr/2028');
    const page = text(res.text);
    expect(page).toContain('2 von 4');
    expect(page).toMatch(/1\. Quartal KOG Frühjahr 2028/);
    expect(page).toMatch(/2\. Quartal Noch kein KOG-Treffen geplant/);
    expect(page).toContain('Tagesordnung verschicken 12.02.2028');
    expect((await visitor().get('/treffen/jahr/abcd')).status).toBe(404);
  });
});

describe('searching meetings', () => {
  const found = async (q: string) => text((await visitor().get(`/treffen?q=${encodeURIComponent(q)}`)).text);

  it('finds title, place and purpose however umlauts are spelled, and agenda items once the agenda went out', async () => {
    const meeting = await createMeeting(ctx.db, organizerId, {
      day: '2027-06-12',
      title: 'Sommertreffen Köln',
      venueName: 'Bürgerhaus Stollwerck',
      purpose: 'Austausch über Haushaltsberatungen',
    });
    expect(await found('Koeln')).toContain('Sommertreffen Köln');
    expect(await found('Burgerhaus')).toContain('Sommertreffen Köln');
    expect(await found('Haushaltsberatung')).toContain('Sommertreffen Köln');

    const item = await ctx.db.prisma.agendaItem.create({ data: { meetingId: meeting.id, position: 1, title: 'Wärmeplanung vor Ort' } });
    expect(await found('Wärmeplanung')).not.toContain('Sommertreffen Köln'); // not sent out yet
    await ctx.db.prisma.meeting.update({ where: { id: meeting.id }, data: { agendaPublishedAt: new Date() } });
    expect(await found('Wärmeplanung')).toContain('Sommertreffen Köln');

    await ctx.db.prisma.agendaItem.update({ where: { id: item.id }, data: { title: 'Schwimmbäder erhalten' } });
    expect(await found('Wärmeplanung')).not.toContain('Sommertreffen Köln');
    expect(await found('Schwimmbader')).toContain('Sommertreffen Köln');
    await ctx.db.prisma.agendaItem.delete({ where: { id: item.id } });
    expect(await found('Schwimmbäder')).not.toContain('Sommertreffen Köln');
    expect(await found('Sommertrefen')).toContain('Sommertreffen Köln'); // a small typo
  });
});

describe('cancelling', () => {
  it('asks for a reason and tells everyone who registered', async () => {
    const meeting = await createMeeting(ctx.db, organizerId, { day: '2027-04-10', title: 'Treffen im April' });
    await ctx.db.prisma.rsvp.create({ data: { meetingId: meeting.id, userId: memberId, attendance: 'MAYBE' } });
    const missing = await post(organizer, `/treffen/${meeting.id}/absagen`, `/treffen/${meeting.id}/absagen`, { reason: '' });
    expect(missing.status).toBe(422);
    expect(text(missing.text)).toContain('Bitte einen Grund für die Absage angeben.');
    const res = await post(organizer, `/treffen/${meeting.id}/absagen`, `/treffen/${meeting.id}/absagen`, {
      reason: 'Der Raum ist nicht verfügbar.',
    });
    expect(res.status).toBe(303);
    const page = text((await visitor().get(`/treffen/${meeting.id}`)).text);
    expect(page).toContain('Abgesagt. Der Raum ist nicht verfügbar.');
    const mail = await ctx.db.prisma.outboxMail.findFirstOrThrow({ where: { subject: 'Abgesagt: Treffen im April' } });
    expect(mail.body).toContain('Grund: Der Raum ist nicht verfügbar.');
    expect((await member.post(`/treffen/${meeting.id}/absagen`).type('form').send('reason=x')).status).toBe(403);
  });
});

describe('calendars', () => {
  it('gives a meeting as iCalendar that a calendar library reads with the Berlin time', async () => {
    const meeting = await createMeeting(ctx.db, organizerId, {
      day: '2027-07-03',
      from: '10:00',
      to: '16:30',
      venueName: 'Bürgerhaus',
      address: 'Marktplatz 1, Bochum',
    });
    const res = await visitor().get(`/treffen/${meeting.id}.ics`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/calendar/);
    const calendar = new ICAL.Component(ICAL.parse(res.text));
    const timezone = calendar.getFirstSubcomponent('vtimezone')!;
    ICAL.TimezoneService.register(timezone);
    const event = new ICAL.Event(calendar.getFirstSubcomponent('vevent')!);
    expect(event.summary).toBe(meeting.title);
    expect(event.location).toBe('Bürgerhaus, Marktplatz 1, Bochum');
    expect(event.startDate.toJSDate().toISOString()).toBe('2027-07-03T08:00:00.000Z');
    expect(event.endDate.toJSDate().toISOString()).toBe('2027-07-03T14:30:00.000Z');
    expect(event.startDate.zone?.tzid).toBe('Europe/Berlin');
  });

  it('lists public meetings in /treffen.ics, a cancelled one as cancelled', async () => {
    const meeting = await createMeeting(ctx.db, organizerId, { day: '2027-08-07', title: 'Sommertreffen' });
    await ctx.db.prisma.meeting.update({ where: { id: meeting.id }, data: { status: 'CANCELLED', cancelReason: 'Hitze' } });
    const calendar = new ICAL.Component(ICAL.parse((await visitor().get('/treffen.ics')).text));
    const events = calendar.getAllSubcomponents('vevent').map((e) => new ICAL.Event(e));
    const cancelled = events.find((e) => e.uid.startsWith(`treffen-${meeting.id}@`))!;
    expect(cancelled.summary).toBe('Abgesagt: Sommertreffen');
    expect(cancelled.component.getFirstPropertyValue('status')).toBe('CANCELLED');
  });
});

describe('start page', () => {
  it('shows the next public meetings, and the lead organiser what is due', async () => {
    // A meeting 20 days from today: its agenda was due yesterday (21 days before) and is missed.
    const day = new Date(Date.now() + 20 * 86_400_000).toISOString().slice(0, 10);
    const lead = await createUser(ctx.db, { role: 'ORGANIZER', name: 'Lena Leitung' });
    const meeting = await createMeeting(ctx.db, lead.id, { day, title: 'Nächstes KOG-Treffen' });
    await ctx.db.prisma.meeting.updateMany({ where: { id: { not: meeting.id }, startsAt: { gt: new Date() } }, data: { isPublic: false } });
    const home = text((await visitor().get('/')).text);
    expect(home).toContain('Nächste Treffen Nächstes KOG-Treffen');
    const leadHome = text((await (await sessionAgent(ctx.app, lead.id)).get('/')).text);
    expect(leadHome).toMatch(/Nächstes KOG-Treffen: Tagesordnung verschicken – (überfällig|bald fällig)/);
    expect(text((await member.get('/')).text)).not.toContain('Tagesordnung verschicken');
  });
});

describe('the overview page', () => {
  it('sums up agenda, materials and protocol of a held meeting', async () => {
    const meeting = await createMeeting(ctx.db, organizerId, {
      day: '2025-06-14',
      title: 'Gehaltenes Treffen',
      agendaPublishedAt: new Date('2025-05-20'),
    });
    await ctx.db.prisma.agendaItem.create({ data: { meetingId: meeting.id, position: 1, title: 'Begrüßung', durationMinutes: 10 } });
    await ctx.db.prisma.agendaItem.create({ data: { meetingId: meeting.id, position: 2, title: 'Haushalt', durationMinutes: 50 } });
    await ctx.db.prisma.material.create({ data: { meetingId: meeting.id, title: 'Zahlen', body: 'Die Zahlen.', addedById: organizerId } });
    const before = text((await visitor().get(`/treffen/${meeting.id}`)).text);
    expect(before).toContain('14:00–14:10 TOP 1 Begrüßung 14:10–15:00 TOP 2 Haushalt');
    expect(before).toContain('1 Vorlage · alle als ZIP herunterladen');
    expect(before).toContain('Das Protokoll folgt spätestens eine Woche nach dem Treffen (bis 21.06.2025)');
    await ctx.db.prisma.protocol.create({ data: { meetingId: meeting.id, publishedAt: new Date('2025-06-18T10:00:00Z') } });
    expect(text((await visitor().get(`/treffen/${meeting.id}`)).text)).toContain('Protokoll lesen (veröffentlicht am 18.06.2025)');
  });

  it('keeps a draft agenda from visitors and shows it to the lead organiser', async () => {
    const meeting = await createMeeting(ctx.db, organizerId, { day: '2031-06-14' });
    await ctx.db.prisma.agendaItem.create({
      data: { meetingId: meeting.id, position: 1, title: 'Geheimer Entwurfspunkt', durationMinutes: 10 },
    });
    const page = text((await visitor().get(`/treffen/${meeting.id}`)).text);
    expect(page).not.toContain('Geheimer Entwurfspunkt');
    expect(page).toContain('Die Tagesordnung wird noch vorbereitet.');
    expect(text((await organizer.get(`/treffen/${meeting.id}`)).text)).toContain(
      'Entwurf – noch nicht verschickt. 14:00–14:10 TOP 1 Geheimer Entwurfspunkt',
    );
  });
});
