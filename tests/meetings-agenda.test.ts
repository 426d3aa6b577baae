// KOG-Treffen, agenda part: clock times and the overrun warning, durations with input talks and sub-items,
// reordering without JavaScript, standing items with the Beschlusskontrolle, the proposal flow, publishing (one
// outbox mail per approved member), changes after publishing (marked, one digest mail), the invitation with every
// element of the seed invitation, and who may do what.
import request from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  AGENDA_CHANGE_WINDOW_MS,
  agendaEndLabel,
  agendaJobs,
  effectiveMinutes,
  overrunWarning,
  planAgenda,
  type AgendaItemRow,
} from '../src/features/meetings/agenda.js';
import { Prisma } from '../src/db/database.js';
import { berlinInstant, formatLongDate } from '../src/lib/dates.js';
import { createMailer } from '../src/lib/mail.js';
import { createUser, csrfTokenFrom, formBody, sessionAgent, text as decoded, useTestContext } from './support/context.js';
import { createMeeting, meetingFields } from './support/meetings.js';

const ctx = useTestContext();
const visitor = () => request(ctx.app);
/** Visible text: inline tags vanish, block tags become spaces. */
const text = (html: string) =>
  decoded(html.replace(/<\/?(strong|em|b|i|span|a)\b[^>]*>/g, '').replace(/<[^>]*>/g, ' ')).replace(/\s+/g, ' ');

let leadId: number;
let lead: request.Agent;
let organizer: request.Agent;
let admin: request.Agent;
let memberId: number;
let member: request.Agent;
let otherMemberId: number;
let otherMember: request.Agent;
let allianceIds: number[];

beforeAll(async () => {
  leadId = (await createUser(ctx.db, { role: 'ORGANIZER', name: 'Lena Leitung' })).id;
  lead = await sessionAgent(ctx.app, leadId);
  organizer = await sessionAgent(ctx.app, (await createUser(ctx.db, { role: 'ORGANIZER', name: 'Otto Orga' })).id);
  admin = await sessionAgent(ctx.app, (await createUser(ctx.db, { role: 'ADMIN', name: 'Ada Admin' })).id);
  allianceIds = [];
  for (const [slug, name] of [
    ['auf-kassel', 'AUF Kassel'],
    ['frankfurt-sozial', 'Frankfurt Sozial!'],
    ['buendnis-gelsenkirchen', 'AUF Gelsenkirchen'],
  ] as const) {
    allianceIds.push((await ctx.db.prisma.alliance.create({ data: { slug, name, municipality: name, state: 'HE' } })).id);
  }
  memberId = (await createUser(ctx.db, { name: 'Mia Mitglied' })).id;
  await ctx.db.prisma.user.update({ where: { id: memberId }, data: { allianceId: allianceIds[0] } });
  member = await sessionAgent(ctx.app, memberId);
  otherMemberId = (await createUser(ctx.db, { name: 'Max Mitglied' })).id;
  otherMember = await sessionAgent(ctx.app, otherMemberId);
});

async function post(agent: request.Agent, page: string, action: string, fields: Record<string, string | string[]> = {}) {
  const token = await csrfTokenFrom(agent, page);
  return agent
    .post(action)
    .type('form')
    .send(formBody({ ...fields, _csrf: token }));
}

let dayCounter = 0;
/** A future meeting led by Lena Leitung (a day of its own, so meetings do not collide). */
async function futureMeeting(overrides: Parameters<typeof createMeeting>[2] = {}) {
  dayCounter += 1;
  const day = new Date(Date.UTC(2027, 0, 1 + dayCounter * 7)).toISOString().slice(0, 10);
  return createMeeting(ctx.db, leadId, { day, ...overrides });
}

async function addItem(meetingId: number, fields: Record<string, string>, parentId?: number) {
  const res = await post(lead, `/treffen/${meetingId}/tagesordnung/neu`, `/treffen/${meetingId}/tagesordnung`, {
    description: '',
    durationMinutes: '',
    presenter: '',
    ...fields,
    ...(parentId ? { unter: String(parentId) } : {}),
  });
  expect(res.status).toBe(303);
  const item = await ctx.db.prisma.agendaItem.findFirstOrThrow({ where: { meetingId, title: fields.title }, orderBy: { id: 'desc' } });
  return item.id;
}

async function positions(meetingId: number, parentId: number | null = null) {
  const items = await ctx.db.prisma.agendaItem.findMany({ where: { meetingId, parentId }, orderBy: { position: 'asc' } });
  return items.map((i) => [i.title, i.position]);
}

describe('durations and clock times', () => {
  const meeting = { startsAt: berlinInstant('2026-05-09', '14:00'), endsAt: berlinInstant('2026-05-09', '18:00'), talkMinutes: 7 };
  const row = (id: number, overrides: Partial<AgendaItemRow>): AgendaItemRow => ({
    id,
    parentId: null,
    position: id,
    title: `Punkt ${id}`,
    description: '',
    durationMinutes: null,
    presenter: null,
    hasInputTalks: false,
    changedAt: null,
    speakers: [],
    ...overrides,
  });

  it('counts input talks plus discussion, own minutes, or the sum of the sub-items', () => {
    expect(effectiveMinutes({ durationMinutes: 30, hasInputTalks: true }, 3, 7)).toBe(51);
    expect(effectiveMinutes({ durationMinutes: null, hasInputTalks: true }, 2, 7)).toBe(14);
    expect(effectiveMinutes({ durationMinutes: 10, hasInputTalks: false }, 0, 7, [{ durationMinutes: 45 }])).toBe(10);
    expect(
      effectiveMinutes({ durationMinutes: null, hasInputTalks: false }, 0, 7, [
        { durationMinutes: 20 },
        { durationMinutes: null },
        { durationMinutes: 25 },
      ]),
    ).toBe(45);
    expect(effectiveMinutes({ durationMinutes: null, hasInputTalks: false }, 0, 7)).toBe(0);
  });

  it('computes clock times from the start and warns when the agenda runs past the end', () => {
    const rows = [
      row(1, { title: 'Begrüßung', durationMinutes: 10 }),
      row(2, { hasInputTalks: true, durationMinutes: 30, speakers: ['Alpha', 'Beta', 'Gamma'] }),
      row(3, {}),
      row(31, { parentId: 3, position: 1, durationMinutes: 20 }),
      row(32, { parentId: 3, position: 2, durationMinutes: 25 }),
      row(4, { durationMinutes: 15 }),
    ];
    const plan = planAgenda(meeting, rows);
    expect(plan.items.map((i) => [i.number, i.minutes])).toEqual([
      [1, 10],
      [2, 51],
      [3, 45],
      [4, 15],
    ]);
    const clock = (d: Date) =>
      new Intl.DateTimeFormat('de-DE', { timeZone: 'Europe/Berlin', hour: '2-digit', minute: '2-digit' }).format(d);
    expect(plan.items.map((i) => `${clock(i.startsAt)}–${clock(i.endsAt)}`)).toEqual([
      '14:00–14:10',
      '14:10–15:01',
      '15:01–15:46',
      '15:46–16:01',
    ]);
    expect(overrunWarning(plan, meeting)).toBeUndefined();
    expect(agendaEndLabel(plan)).toBe('Ende laut Tagesordnung: 16:01 Uhr');

    const long = planAgenda(meeting, [...rows, row(5, { durationMinutes: 144 })]);
    expect(long.overrunMinutes).toBe(25);
    expect(overrunWarning(long, meeting)).toBe('Die Tagesordnung geht 25 Minuten über das geplante Ende (18 Uhr) hinaus.');
  });
});

describe('the agenda page', () => {
  it('shows TOPs with clock times, sub-items, speakers in sign-up order and the overrun warning', async () => {
    const meeting = await futureMeeting();
    await addItem(meeting.id, { title: 'Begrüßung', durationMinutes: '10' });
    const talks = await addItem(meeting.id, {
      title: 'Berichte aus den Bündnissen',
      durationMinutes: '30',
      hasInputTalks: 'ja',
      presenter: 'Lena',
    });
    const exchange = await addItem(meeting.id, { title: 'Erfahrungsaustausch' });
    await addItem(meeting.id, { title: 'Auswertung des Bündniskongresses', durationMinutes: '45' }, exchange);
    // Three alliances sign up, the later one first in the table: the order is the sign-up time.
    const speakers = [
      [allianceIds[1]!, '2026-10-02T10:00:00Z'],
      [allianceIds[0]!, '2026-10-01T10:00:00Z'],
      [allianceIds[2]!, '2026-10-03T10:00:00Z'],
    ] as const;
    for (const [allianceId, at] of speakers) {
      await ctx.db.prisma.inputTalk.create({ data: { agendaItemId: talks, allianceId, userId: memberId, createdAt: new Date(at) } });
    }

    const page = text((await lead.get(`/treffen/${meeting.id}/tagesordnung`)).text);
    expect(page).toContain('TOP 1 Begrüßung 14:00–14:10 Uhr · 10 Minuten');
    expect(page).toContain('TOP 2 Berichte aus den Bündnissen 14:10–15:01 Uhr · 51 Minuten · Einführung: Lena');
    expect(page).toContain('Impulsbeiträge von je 7 Minuten aus den Bündnissen, dazu 30 Minuten Aussprache.');
    expect(page).toMatch(/Es sprechen .*AUF Kassel Frankfurt Sozial! AUF Gelsenkirchen/);
    expect(page).toContain('TOP 3 Erfahrungsaustausch 15:01–15:46 Uhr · 45 Minuten');
    expect(page).toContain('Auswertung des Bündniskongresses (45 Minuten)');
    expect(page).toContain('Ende laut Tagesordnung: 15:46 Uhr');
    expect(page).not.toContain('über das geplante Ende');

    await addItem(meeting.id, { title: 'Lange Debatte', durationMinutes: '159' });
    const over = await lead.get(`/treffen/${meeting.id}/tagesordnung`);
    expect(over.text).toMatch(/role="status"><p>Die Tagesordnung geht 25 Minuten über das geplante Ende \(18 Uhr\) hinaus\./);
  });

  it('shows visitors and members only that the agenda is being prepared until it is published', async () => {
    const meeting = await futureMeeting();
    await addItem(meeting.id, { title: 'Geheimer Entwurf', durationMinutes: '10' });
    const seen = text((await visitor().get(`/treffen/${meeting.id}/tagesordnung`)).text);
    expect(seen).toContain('Die Tagesordnung wird noch vorbereitet');
    expect(seen).not.toContain('Geheimer Entwurf');
    const members = text((await member.get(`/treffen/${meeting.id}/tagesordnung`)).text);
    expect(members).toContain('Einen Punkt für die Tagesordnung vorschlagen');
    expect(members).not.toContain('Geheimer Entwurf');
    expect(text((await organizer.get(`/treffen/${meeting.id}/tagesordnung`)).text)).not.toContain('Geheimer Entwurf');
    const draft = text((await lead.get(`/treffen/${meeting.id}/tagesordnung`)).text);
    expect(draft).toContain('Entwurf.');
    expect(draft).toContain('Geheimer Entwurf');
  });

  it('reorders with up/down forms among siblings only, keeping positions dense', async () => {
    const meeting = await futureMeeting();
    const a = await addItem(meeting.id, { title: 'Alpha', durationMinutes: '10' });
    const b = await addItem(meeting.id, { title: 'Beta', durationMinutes: '10' });
    const c = await addItem(meeting.id, { title: 'Gamma', durationMinutes: '10' });
    const c1 = await addItem(meeting.id, { title: 'Gamma 1' }, c);
    const c2 = await addItem(meeting.id, { title: 'Gamma 2' }, c);
    const page = `/treffen/${meeting.id}/tagesordnung`;

    const down = await post(lead, page, `${page}/${a}/runter`);
    expect(down.status).toBe(303);
    expect(down.headers.location).toBe(`${page}#top-${a}`);
    expect(await positions(meeting.id)).toEqual([
      ['Beta', 1],
      ['Alpha', 2],
      ['Gamma', 3],
    ]);
    await post(lead, page, `${page}/${c}/hoch`);
    expect(await positions(meeting.id)).toEqual([
      ['Beta', 1],
      ['Gamma', 2],
      ['Alpha', 3],
    ]);
    // At the top nothing moves; sub-items move within their item.
    await post(lead, page, `${page}/${b}/hoch`);
    expect((await positions(meeting.id))[0]).toEqual(['Beta', 1]);
    await post(lead, page, `${page}/${c2}/hoch`);
    expect(await positions(meeting.id, c)).toEqual([
      ['Gamma 2', 1],
      ['Gamma 1', 2],
    ]);
    expect(await positions(meeting.id)).toHaveLength(3);
    // The page shows the new order and numbers.
    expect(text((await lead.get(page)).text)).toMatch(/TOP 1 Beta .*TOP 2 Gamma .*Gamma 2 .*Gamma 1 .*TOP 3 Alpha/);

    // Deleting asks first, then closes the gap.
    const ask = await post(lead, page, `${page}/${b}/loeschen`);
    expect(ask.status).toBe(200);
    expect(text(ask.text)).toContain('„Beta“ löschen?');
    expect(await positions(meeting.id)).toHaveLength(3);
    await post(lead, page, `${page}/${b}/loeschen`, { bestaetigt: 'ja' });
    expect(await positions(meeting.id)).toEqual([
      ['Gamma', 1],
      ['Alpha', 2],
    ]);
    expect(c1).toBeGreaterThan(0);
  });

  it('answers 404 for an item of another meeting and refuses bad input in German', async () => {
    const meeting = await futureMeeting();
    const other = await futureMeeting();
    const foreign = await addItem(other.id, { title: 'Fremder Punkt', durationMinutes: '10' });
    const page = `/treffen/${meeting.id}/tagesordnung`;
    expect((await post(lead, page, `${page}/${foreign}/hoch`)).status).toBe(404);
    expect((await post(lead, page, `${page}/${foreign}/loeschen`, { bestaetigt: 'ja' })).status).toBe(404);
    expect((await lead.get(`${page}/${foreign}/bearbeiten`)).status).toBe(404);
    expect((await lead.get(`${page}/neu?unter=${foreign}`)).status).toBe(404);
    expect((await post(lead, page, page, { title: 'Unterpunkt woanders', unter: String(foreign) })).status).toBe(404);
    expect(await ctx.db.prisma.agendaItem.count({ where: { id: foreign } })).toBe(1);

    const bad = await post(lead, `${page}/neu`, page, { title: '', durationMinutes: 'viel', description: 'Mein Text' });
    expect(bad.status).toBe(422);
    expect(text(bad.text)).toContain('Bitte einen Titel angeben.');
    expect(text(bad.text)).toContain('Bitte die Dauer als ganze Minuten zwischen 1 und 600 angeben.');
    expect(bad.text).toContain('Mein Text');
    expect(await ctx.db.prisma.agendaItem.count({ where: { meetingId: meeting.id } })).toBe(0);

    const empty = await post(lead, page, `${page}/veroeffentlichen`, { bestaetigt: 'ja' });
    expect(empty.status).toBe(422);
    expect(text(empty.text)).toContain('Die Tagesordnung ist noch leer.');
  });
});

describe('standing items and Beschlusskontrolle', () => {
  it('offers the standing items for an empty agenda and lists open decisions of earlier meetings', async () => {
    const earlier = await createMeeting(ctx.db, leadId, { day: '2026-09-12', title: 'KOG-Treffen im September' });
    await ctx.db.prisma.decision.create({
      data: {
        meetingId: earlier.id,
        text: 'Flyer zur Haushaltsdebatte entwerfen',
        responsible: 'AUF Kassel',
        dueOn: new Date('2026-12-31'),
        status: 'IN_PROGRESS',
      },
    });
    await ctx.db.prisma.decision.create({
      data: { meetingId: earlier.id, text: 'Längst erledigter Beschluss', responsible: 'KOG', status: 'DONE' },
    });
    await ctx.db.prisma.protocol.create({ data: { meetingId: earlier.id, publishedAt: new Date('2026-09-15T10:00:00Z') } });
    const meeting = await futureMeeting();
    const page = `/treffen/${meeting.id}/tagesordnung`;
    expect(text((await lead.get(page)).text)).toContain('Standardpunkte übernehmen');

    expect((await post(lead, page, `${page}/standardpunkte`)).status).toBe(303);
    expect(await positions(meeting.id)).toEqual([
      ['Begrüßung', 1],
      ['Beschlusskontrolle', 2],
      ['Sonstiges / Termin des nächsten Treffens', 3],
    ]);
    // Only once: a second click adds nothing.
    await post(lead, page, `${page}/standardpunkte`);
    expect(await ctx.db.prisma.agendaItem.count({ where: { meetingId: meeting.id } })).toBe(3);

    const shown = text((await lead.get(page)).text);
    expect(shown).toContain('TOP 1 Begrüßung 14:00–14:10 Uhr · 10 Minuten');
    expect(shown).toContain('TOP 2 Beschlusskontrolle 14:10–14:20 Uhr');
    expect(shown).toContain('TOP 3 Sonstiges / Termin des nächsten Treffens 14:20–14:35 Uhr · 15 Minuten');
    expect(shown).toContain('Flyer zur Haushaltsdebatte entwerfen');
    expect(shown).toContain('zuständig: AUF Kassel · bis 31.12.2026 · in Arbeit · aus: KOG-Treffen im September am 12.09.2026');
    expect(shown).not.toContain('Längst erledigter Beschluss');
    expect(shown).not.toContain('Standardpunkte übernehmen');
    const invitation = text((await lead.get(`/treffen/${meeting.id}/einladung`)).text);
    expect(invitation).toContain('Flyer zur Haushaltsdebatte entwerfen');
  });
});

describe('proposals', () => {
  it('lets members propose, and the lead accept, merge, defer and decline with a mail each', async () => {
    const meeting = await futureMeeting({ title: 'KOG-Treffen für Vorschläge' });
    const later = await futureMeeting({ title: 'Späteres Treffen' });
    const page = `/treffen/${meeting.id}/vorschlaege`;

    expect(text((await visitor().get(page)).text)).toContain('Melde dich an, um einen Vorschlag einzureichen.');
    const bad = await post(member, page, page, { title: '', description: 'Text bleibt', requestedMinutes: '0' });
    expect(bad.status).toBe(422);
    expect(text(bad.text)).toContain('Bitte einen Titel angeben.');
    expect(text(bad.text)).toContain('Bitte die gewünschte Zeit als ganze Minuten zwischen 1 und 600 angeben.');
    expect(bad.text).toContain('Text bleibt');

    const titles = ['Wohnungsnot in den Städten', 'Mieten und Nebenkosten', 'Sozialticket', 'Kita-Gebühren', 'Werbung im Wahlkampf'];
    for (const [i, title] of titles.entries()) {
      const res = await post(i % 2 ? otherMember : member, page, page, { title, description: `Beschreibung ${i}`, requestedMinutes: '20' });
      expect(res.status).toBe(303);
    }
    const byTitle = async (title: string) => ctx.db.prisma.agendaProposal.findFirstOrThrow({ where: { title } });
    expect((await byTitle('Wohnungsnot in den Städten')).allianceId).toBe(allianceIds[0]);
    expect((await byTitle('Mieten und Nebenkosten')).allianceId).toBeNull();
    // Members see their own proposals only.
    const own = text((await member.get(page)).text);
    expect(own).toContain('Wohnungsnot in den Städten');
    expect(own).not.toContain('Mieten und Nebenkosten');
    expect(own).toContain('offen');

    // A member cannot decide.
    const wohnung = await byTitle('Wohnungsnot in den Städten');
    expect((await post(member, page, `${page}/${wohnung.id}/annehmen`)).status).toBe(403);
    expect((await post(organizer, page, `${page}/${wohnung.id}/annehmen`)).status).toBe(403);
    expect((await byTitle('Wohnungsnot in den Städten')).status).toBe('OPEN');

    const leadPage = text((await lead.get(page)).text);
    expect(leadPage).toContain('Offen (5)');
    expect(leadPage).toContain('Mia Mitglied (AUF Kassel)');

    // Accept: a new item at the end, the proposal points to it, the proposer gets one mail.
    expect((await post(lead, page, `${page}/${wohnung.id}/annehmen`)).status).toBe(303);
    const accepted = await byTitle('Wohnungsnot in den Städten');
    expect(accepted.status).toBe('ACCEPTED');
    expect(accepted.decidedById).toBe(leadId);
    expect(accepted.decidedAt).not.toBeNull();
    const item = await ctx.db.prisma.agendaItem.findUniqueOrThrow({ where: { id: accepted.agendaItemId! } });
    expect([item.meetingId, item.title, item.description, item.durationMinutes]).toEqual([
      meeting.id,
      'Wohnungsnot in den Städten',
      'Beschreibung 0',
      20,
    ]);
    const memberEmail = (await ctx.db.prisma.user.findUniqueOrThrow({ where: { id: memberId } })).email;
    expect(
      await ctx.db.prisma.outboxMail.count({
        where: { recipient: memberEmail, subject: 'Dein Vorschlag ist angenommen: Wohnungsnot in den Städten' },
      }),
    ).toBe(1);
    // Deciding again changes nothing.
    expect((await post(lead, page, `${page}/${wohnung.id}/annehmen`)).status).toBe(422);

    // Merge two: one item listing them, both MERGED.
    const mieten = await byTitle('Mieten und Nebenkosten');
    const sozial = await byTitle('Sozialticket');
    const tooFew = await post(lead, page, `${page}/zusammenfassen`, { ids: [String(mieten.id)], mergedTitle: 'Soziales' });
    expect(tooFew.status).toBe(422);
    expect(text(tooFew.text)).toContain('Bitte mindestens zwei Vorschläge zum Zusammenfassen ankreuzen.');
    const merged = await post(lead, page, `${page}/zusammenfassen`, {
      ids: [String(mieten.id), String(sozial.id)],
      mergedTitle: 'Soziales in der Stadt',
    });
    expect(merged.status).toBe(303);
    const mergedItem = await ctx.db.prisma.agendaItem.findFirstOrThrow({
      where: { meetingId: meeting.id, title: 'Soziales in der Stadt' },
    });
    expect(mergedItem.description).toContain('- Mieten und Nebenkosten');
    expect(mergedItem.description).toContain('- Sozialticket (AUF Kassel)');
    expect(mergedItem.durationMinutes).toBe(40);
    for (const title of ['Mieten und Nebenkosten', 'Sozialticket']) {
      const p = await byTitle(title);
      expect([p.status, p.agendaItemId]).toEqual(['MERGED', mergedItem.id]);
    }
    expect((await positions(meeting.id)).map(([t]) => t)).toEqual(['Wohnungsnot in den Städten', 'Soziales in der Stadt']);

    // Defer: it moves to the later meeting and stays open there.
    const kita = await byTitle('Kita-Gebühren');
    const noTarget = await post(lead, `${page}/${kita.id}/verschieben`, `${page}/${kita.id}/verschieben`, {});
    expect(noTarget.status).toBe(422);
    expect(text(noTarget.text)).toContain('Bitte das Treffen wählen, auf das der Vorschlag verschoben wird.');
    const deferred = await post(lead, `${page}/${kita.id}/verschieben`, `${page}/${kita.id}/verschieben`, {
      targetMeetingId: String(later.id),
    });
    expect(deferred.status).toBe(303);
    const moved = await byTitle('Kita-Gebühren');
    expect([moved.meetingId, moved.deferredFromId, moved.status]).toEqual([later.id, meeting.id, 'OPEN']);
    const otherEmail = (await ctx.db.prisma.user.findUniqueOrThrow({ where: { id: otherMemberId } })).email;
    const deferMail = await ctx.db.prisma.outboxMail.findFirstOrThrow({
      where: { recipient: otherEmail, subject: 'Dein Vorschlag ist verschoben: Kita-Gebühren' },
    });
    expect(deferMail.body).toContain('Späteres Treffen');
    expect(text((await lead.get(`/treffen/${later.id}/vorschlaege`)).text)).toMatch(
      new RegExp(`Kita-Gebühren .*verschoben vom Treffen am ${formatLongDate(meeting.startsAt)}`),
    );

    // Decline: a reason is required, the proposer is mailed and sees it.
    const werbung = await byTitle('Werbung im Wahlkampf');
    const declineUrl = `${page}/${werbung.id}/ablehnen`;
    const noReason = await post(lead, declineUrl, declineUrl, { reason: '' });
    expect(noReason.status).toBe(422);
    expect(text(noReason.text)).toContain('Bitte einen Grund für die Ablehnung angeben.');
    expect((await byTitle('Werbung im Wahlkampf')).status).toBe('OPEN');
    expect((await post(lead, declineUrl, declineUrl, { reason: 'Parteiwerbung passt nicht zu unseren Prinzipien.' })).status).toBe(303);
    const declined = await byTitle('Werbung im Wahlkampf');
    expect([declined.status, declined.reason, declined.decidedById]).toEqual([
      'DECLINED',
      'Parteiwerbung passt nicht zu unseren Prinzipien.',
      leadId,
    ]);
    const declineMails = await ctx.db.prisma.outboxMail.findMany({
      where: { subject: 'Dein Vorschlag ist abgelehnt: Werbung im Wahlkampf' },
    });
    expect(declineMails).toHaveLength(1);
    expect(declineMails[0]!.recipient).toBe(memberEmail);
    expect(declineMails[0]!.body).toContain('Begründung: Parteiwerbung passt nicht zu unseren Prinzipien.');
    const seen = text((await member.get(page)).text);
    expect(seen).toContain('abgelehnt');
    expect(seen).toContain('Begründung: Parteiwerbung passt nicht zu unseren Prinzipien.');
    expect(seen).toContain('angenommen');
  });

  it('answers 404 for a proposal of another meeting and closes the form once the agenda is out', async () => {
    const meeting = await futureMeeting();
    const other = await futureMeeting();
    const foreign = await ctx.db.prisma.agendaProposal.create({ data: { meetingId: other.id, proposerId: memberId, title: 'Anderswo' } });
    const page = `/treffen/${meeting.id}/vorschlaege`;
    expect((await post(lead, page, `${page}/${foreign.id}/annehmen`)).status).toBe(404);
    expect((await post(lead, page, `${page}/${foreign.id}/ablehnen`, { reason: 'Passt nicht.' })).status).toBe(404);
    expect((await post(lead, page, `${page}/${foreign.id}/verschieben`, { targetMeetingId: String(other.id) })).status).toBe(404);
    expect((await lead.get(`${page}/${foreign.id}/ablehnen`)).status).toBe(404);
    const merge = await post(lead, page, `${page}/zusammenfassen`, {
      ids: [String(foreign.id), String(foreign.id + 100000)],
      mergedTitle: 'Quer',
    });
    expect(merge.status).toBe(404);
    expect((await ctx.db.prisma.agendaProposal.findUniqueOrThrow({ where: { id: foreign.id } })).status).toBe('OPEN');

    await ctx.db.prisma.meeting.update({ where: { id: meeting.id }, data: { agendaPublishedAt: new Date() } });
    const closed = await member.get(page);
    expect(text(closed.text)).toContain(
      'Die Tagesordnung ist verschickt; Vorschläge bitte an die Hauptverantwortliche / den Hauptverantwortlichen.',
    );
    expect(closed.text).not.toContain('Vorschlag einreichen');
    const late = await post(member, page, page, { title: 'Zu spät' });
    expect(late.status).toBe(422);
    expect(await ctx.db.prisma.agendaProposal.count({ where: { title: 'Zu spät' } })).toBe(0);
  });
});

describe('publishing and changes afterwards', () => {
  it('sends the invitation to every active member through the outbox, once', async () => {
    const pending = await createUser(ctx.db, { status: 'PENDING', name: 'Paula Wartend' });
    const disabled = await createUser(ctx.db, { status: 'DISABLED', name: 'Dieter Gesperrt' });
    const meeting = await futureMeeting({ title: 'Treffen zum Veröffentlichen' });
    await addItem(meeting.id, { title: 'Begrüßung', durationMinutes: '10' });
    const page = `/treffen/${meeting.id}/tagesordnung`;

    const ask = await post(lead, page, `${page}/veroeffentlichen`);
    expect(ask.status).toBe(200);
    expect(text(ask.text)).toContain('Die Einladung mit dieser Tagesordnung geht per E-Mail an alle');
    expect((await ctx.db.prisma.meeting.findUniqueOrThrow({ where: { id: meeting.id } })).agendaPublishedAt).toBeNull();

    const before = Date.now();
    const res = await post(lead, page, `${page}/veroeffentlichen`, { bestaetigt: 'ja' });
    expect(res.status).toBe(303);
    const stored = await ctx.db.prisma.meeting.findUniqueOrThrow({ where: { id: meeting.id } });
    expect(stored.agendaPublishedAt!.getTime()).toBeGreaterThanOrEqual(before - 1000);
    expect(stored.status).toBe('INVITED');

    const subject = `Einladung: Treffen zum Veröffentlichen am ${formatLongDate(meeting.startsAt)}`;
    const mails = await ctx.db.prisma.outboxMail.findMany({ where: { subject: { startsWith: 'Einladung: Treffen zum Veröffentlichen' } } });
    expect(mails[0]!.subject).toBe(subject);
    const active = await ctx.db.prisma.user.findMany({ where: { status: 'ACTIVE' }, select: { email: true } });
    expect(mails.map((m) => m.recipient).sort()).toEqual(active.map((u) => u.email).sort());
    expect(mails.map((m) => m.recipient)).not.toContain(pending.email);
    expect(mails.map((m) => m.recipient)).not.toContain(disabled.email);
    expect(mails[0]!.body).toContain(`/treffen/${meeting.id}/einladung`);
    expect(mails[0]!.body).toContain(`/treffen/${meeting.id}/rueckmeldungen`);
    expect(mails[0]!.body).toContain(`/treffen/${meeting.id}.ics`);

    // Publishing again sends nothing and keeps the date.
    await post(lead, page, `${page}/veroeffentlichen`, { bestaetigt: 'ja' });
    expect(await ctx.db.prisma.outboxMail.count({ where: { subject } })).toBe(active.length);
    expect((await ctx.db.prisma.meeting.findUniqueOrThrow({ where: { id: meeting.id } })).agendaPublishedAt).toEqual(
      stored.agendaPublishedAt,
    );
  });

  it('writes one outbox row (and with SMTP one mail job) per recipient in one statement', async () => {
    const mailer = createMailer({ prisma: ctx.db.prisma, delivers: true });
    const recipients = Prisma.sql`SELECT email FROM users WHERE status = 'ACTIVE' AND role = 'ADMIN'`;
    const jobsBefore = await ctx.db.prisma.job.count({ where: { kind: 'mail' } });
    const sent = await mailer.sendToMany(recipients, { subject: 'Rundmail an Admins', text: 'Hallo' });
    const admins = await ctx.db.prisma.user.count({ where: { status: 'ACTIVE', role: 'ADMIN' } });
    expect(sent).toBe(admins);
    expect(await ctx.db.prisma.outboxMail.count({ where: { subject: 'Rundmail an Admins', status: 'QUEUED' } })).toBe(admins);
    expect(await ctx.db.prisma.job.count({ where: { kind: 'mail' } })).toBe(jobsBefore + admins);
    await ctx.db.pool.query(`UPDATE jobs SET done_at = now() WHERE kind = 'mail' AND done_at IS NULL`);
  });

  it('marks changes after publishing and tells registered participants in one digest mail', async () => {
    const meeting = await futureMeeting({ title: 'Treffen mit Änderungen' });
    const greeting = await addItem(meeting.id, { title: 'Begrüßung', durationMinutes: '10' });
    const rest = await addItem(meeting.id, { title: 'Sonstiges', durationMinutes: '15' });
    await ctx.db.prisma.meeting.update({ where: { id: meeting.id }, data: { agendaPublishedAt: new Date(), status: 'INVITED' } });
    await ctx.db.prisma.rsvp.create({ data: { meetingId: meeting.id, userId: memberId, attendance: 'ON_SITE' } });
    await ctx.db.prisma.rsvp.create({ data: { meetingId: meeting.id, userId: otherMemberId, attendance: 'NO' } });
    const page = `/treffen/${meeting.id}/tagesordnung`;
    // The three changes below belong in one digest window: do not start them just before a window ends.
    const untilBoundary = AGENDA_CHANGE_WINDOW_MS - (Date.now() % AGENDA_CHANGE_WINDOW_MS);
    if (untilBoundary < 5000) await new Promise((resolve) => setTimeout(resolve, untilBoundary + 100));

    const edit = await post(lead, `${page}/${greeting}/bearbeiten`, `${page}/${greeting}`, {
      title: 'Begrüßung und Vorstellungsrunde',
      durationMinutes: '20',
      description: '',
      presenter: '',
    });
    expect(edit.status).toBe(303);
    await post(lead, page, `${page}/${rest}/hoch`);
    await addItem(meeting.id, { title: 'Nachtrag', durationMinutes: '5' });

    const item = await ctx.db.prisma.agendaItem.findUniqueOrThrow({ where: { id: greeting } });
    expect(item.changedAt).not.toBeNull();
    expect((await ctx.db.prisma.meeting.findUniqueOrThrow({ where: { id: meeting.id } })).agendaChangedAt).not.toBeNull();
    const shown = text((await visitor().get(page)).text);
    expect(shown).toMatch(/TOP 2 Begrüßung und Vorstellungsrunde .*geändert am \d\d\.\d\d\.\d{4}, \d\d:\d\d Uhr/);
    expect(shown).toContain('TOP 1 Sonstiges');

    // Three changes, one digest job.
    const { rows: jobs } = await ctx.db.pool.query<{ id: number; payload: Record<string, unknown> }>(
      `SELECT id, payload FROM jobs WHERE kind = 'meetings.agenda-changed' AND unique_key LIKE $1`,
      [`agenda-changed:${meeting.id}@%`],
    );
    expect(jobs).toHaveLength(1);
    await agendaJobs(ctx.app.services)['meetings.agenda-changed']!.run(jobs[0]!.payload, {
      id: jobs[0]!.id,
      kind: 'meetings.agenda-changed',
      payload: jobs[0]!.payload,
      attempts: 1,
      max_attempts: 6,
    });
    await ctx.db.pool.query('UPDATE jobs SET done_at = now() WHERE id = $1', [jobs[0]!.id]);
    const mails = await ctx.db.prisma.outboxMail.findMany({ where: { subject: 'Tagesordnung geändert: Treffen mit Änderungen' } });
    const memberEmail = (await ctx.db.prisma.user.findUniqueOrThrow({ where: { id: memberId } })).email;
    expect(mails.map((m) => m.recipient)).toEqual([memberEmail]);
    expect(mails[0]!.body).toContain('TOP 2 Begrüßung und Vorstellungsrunde');
    expect(mails[0]!.body).toContain(`/treffen/${meeting.id}/tagesordnung`);
  });
});

describe('the invitation', () => {
  it('has every element of the seed invitation, in the page and in the mail, and no personal mail address', async () => {
    const created = await post(
      lead,
      '/treffen/neu',
      '/treffen',
      meetingFields({ leadOrganizerId: String(leadId), onlineLink: 'https://stream.example.org/plattform' }),
    );
    expect(created.status).toBe(303);
    const id = Number(/\/treffen\/(\d+)$/.exec(created.headers.location!)![1]);
    const page = `/treffen/${id}/tagesordnung`;
    await addItem(id, { title: 'Begrüßung', durationMinutes: '10' });
    await addItem(id, {
      title: 'Die Rechtsentwicklung der Bundesregierung, die Auswirkungen auf die Kommunen und die Arbeit der Bündnisse',
      durationMinutes: '50',
      hasInputTalks: 'ja',
      description: 'Inklusive Auswertung der Wahlkämpfe von Frankfurt Sozial! und AUF Kassel',
    });
    const exchange = await addItem(id, { title: 'Erfahrungsaustausch zur Arbeit aller Bündnisse' });
    await addItem(id, { title: 'Auswertung des Bündniskongresses und der neuen Grundsätze', durationMinutes: '45' }, exchange);
    const rest = await addItem(id, { title: 'Sonstiges', durationMinutes: '15' });
    await addItem(id, { title: 'Beschlusskontrolle' }, rest);
    await addItem(id, { title: 'Termin des nächsten Treffens' }, rest);

    // Before publishing: a draft for the lead, a friendly note for everyone else.
    const pending = text((await visitor().get(`/treffen/${id}/einladung`)).text);
    expect(pending).toContain('Die Einladung ist noch nicht verschickt.');
    expect(pending).not.toContain('Begrüßung');
    expect(text((await member.get(`/treffen/${id}/einladung`)).text)).toContain('Die Einladung ist noch nicht verschickt.');
    expect(text((await lead.get(`/treffen/${id}/einladung`)).text)).toContain('Entwurf – noch nicht verschickt.');

    expect((await post(lead, page, `${page}/veroeffentlichen`, { bestaetigt: 'ja' })).status).toBe(303);
    const res = await visitor().get(`/treffen/${id}/einladung`);
    expect(res.status).toBe(200);
    expect(res.text).toMatch(/<button type="button" class="[^"]*" data-print hidden>Drucken<\/button>/);
    const invitation = text(res.text);
    const mail = (
      await ctx.db.prisma.outboxMail.findFirstOrThrow({
        where: { subject: { startsWith: 'Einladung: Treffen der kommunalpolitischen Plattform' } },
      })
    ).body;
    const flatMail = mail.replace(/\s+/g, ' ');

    const elements = [
      'Liebe Freundinnen und Freunde der kommunalpolitischen Plattform,',
      'liebe Interessierte in der Kommunalpolitik!',
      'Für einen nächsten Erfahrungsaustausch und zur gemeinsamen Beratung laden wir euch herzlich ein zu einem nächsten Treffen der kommunalpolitischen Plattform.',
      'Es soll stattfinden am',
      'Samstag, 9. Mai 2026, 14 bis 18 Uhr',
      'Bistro Horster Mitte',
      'Schmalhorststr. 1, 45899 Gelsenkirchen',
      '(Parkplatz ggü. am Schloss Horst)',
      'Unser Vorschlag für die Tagesordnung ist:',
      'TOP 1 Begrüßung (10 Minuten)',
      'TOP 2 Die Rechtsentwicklung der Bundesregierung, die Auswirkungen auf die Kommunen und die Arbeit der Bündnisse (50 Minuten)',
      'Impulsbeiträge von je 7 Minuten aus den Bündnissen',
      'Inklusive Auswertung der Wahlkämpfe von Frankfurt Sozial! und AUF Kassel',
      'TOP 3 Erfahrungsaustausch zur Arbeit aller Bündnisse (45 Minuten)',
      'Auswertung des Bündniskongresses und der neuen Grundsätze (45 Minuten)',
      'TOP 4 Sonstiges (15 Minuten)',
      'Beschlusskontrolle',
      'Termin des nächsten Treffens',
      'Wir freuen uns über alle, die dorthin kommen können, und richten zusätzlich einen Livestream ein.',
      'Wir laden ebenfalls ein zur bundesweiten Demonstration am 8. Mai.',
      'Beiträge für das Treffen vorbereitet (7 Minuten) – dieser gemeinsame Erfahrungsaustausch ist immer besonders lebendig und wertvoll.',
      'Wir freuen uns, wenn sich viele daran beteiligen, sehr gerne können neue Interessierte dazu kommen.',
      'Für Getränke wird gesorgt, wir freuen uns über Kuchenspenden (bitte sagt uns vorher Bescheid).',
      `Bitte gebt eure Rückmeldung zur Teilnahme`,
      `http://erfahrungsboerse.test/treffen/${id}/rueckmeldungen`,
      `http://erfahrungsboerse.test/treffen/${id}.ics`,
      'Mit herzlichen Grüßen',
      'Hanni und Werner Engelhardt',
      'Martina Reichmann',
    ];
    for (const element of elements) {
      expect(invitation, element).toContain(element);
      expect(flatMail, `mail: ${element}`).toContain(element);
    }
    expect(mail).toContain(`http://erfahrungsboerse.test/treffen/${id}/einladung`);
    // The order follows the seed: greeting, date, agenda, notes, registration, signature.
    const order = [
      'liebe Interessierte',
      'Es soll stattfinden am',
      'TOP 1',
      'TOP 4',
      'Kuchenspenden',
      'Rückmeldung zur Teilnahme',
      'Mit herzlichen Grüßen',
      'Martina Reichmann',
    ];
    const at = order.map((s) => invitation.indexOf(s));
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    // No mail address of a person, and never the stream link itself.
    const address = /[\w.+-]+@[\w-]+(\.[\w-]+)+/;
    expect(invitation).not.toMatch(address);
    expect(mail).not.toMatch(address);
    expect(res.text).not.toContain('stream.example.org');
    expect(mail).not.toContain('stream.example.org');
  });

  it('signs with the lead organiser’s name when the meeting has no signature', async () => {
    const meeting = await futureMeeting({ agendaPublishedAt: new Date() });
    await addItem(meeting.id, { title: 'Begrüßung', durationMinutes: '10' });
    const page = text((await visitor().get(`/treffen/${meeting.id}/einladung`)).text);
    expect(page).toContain('Mit herzlichen Grüßen Lena Leitung');
    expect(page).not.toContain('Livestream');
  });
});

describe('permissions', () => {
  it('lets only the lead organiser and admins change the agenda and decide on proposals', async () => {
    const meeting = await futureMeeting();
    const item = await addItem(meeting.id, { title: 'Begrüßung', durationMinutes: '10' });
    const proposal = await ctx.db.prisma.agendaProposal.create({
      data: { meetingId: meeting.id, proposerId: memberId, title: 'Ein Vorschlag' },
    });
    const base = `/treffen/${meeting.id}`;
    const tries: [string, 'get' | 'post', Record<string, string>][] = [
      [`${base}/tagesordnung/neu`, 'get', {}],
      [`${base}/tagesordnung/${item}/bearbeiten`, 'get', {}],
      [`${base}/tagesordnung`, 'post', { title: 'Neu' }],
      [`${base}/tagesordnung/${item}`, 'post', { title: 'Anders' }],
      [`${base}/tagesordnung/${item}/runter`, 'post', {}],
      [`${base}/tagesordnung/${item}/loeschen`, 'post', { bestaetigt: 'ja' }],
      [`${base}/tagesordnung/standardpunkte`, 'post', {}],
      [`${base}/tagesordnung/veroeffentlichen`, 'post', { bestaetigt: 'ja' }],
      [`${base}/vorschlaege/${proposal.id}/annehmen`, 'post', {}],
      [`${base}/vorschlaege/${proposal.id}/ablehnen`, 'get', {}],
      [`${base}/vorschlaege/${proposal.id}/ablehnen`, 'post', { reason: 'Nein danke.' }],
      [`${base}/vorschlaege/${proposal.id}/verschieben`, 'get', {}],
      [`${base}/vorschlaege/zusammenfassen`, 'post', { ids: String(proposal.id), mergedTitle: 'X' }],
    ];
    for (const [path, method, fields] of tries) {
      if (method === 'get') {
        expect((await visitor().get(path)).status, `visitor ${path}`).toBe(303);
        expect((await member.get(path)).status, `member ${path}`).toBe(403);
        expect((await organizer.get(path)).status, `organiser ${path}`).toBe(403);
        expect((await lead.get(path)).status, `lead ${path}`).toBe(200);
        expect((await admin.get(path)).status, `admin ${path}`).toBe(200);
      } else {
        expect((await visitor().post(path).type('form').send(formBody(fields))).status, `visitor ${path}`).not.toBe(200);
        expect((await post(member, `${base}/tagesordnung`, path, fields)).status, `member ${path}`).toBe(403);
        expect((await post(organizer, `${base}/tagesordnung`, path, fields)).status, `organiser ${path}`).toBe(403);
      }
    }
    expect((await ctx.db.prisma.agendaItem.findUniqueOrThrow({ where: { id: item } })).title).toBe('Begrüßung');
    expect((await ctx.db.prisma.agendaProposal.findUniqueOrThrow({ where: { id: proposal.id } })).status).toBe('OPEN');
    expect((await ctx.db.prisma.meeting.findUniqueOrThrow({ where: { id: meeting.id } })).agendaPublishedAt).toBeNull();

    // Admins may do what the lead does.
    expect(
      (
        await post(admin, `${base}/tagesordnung`, `${base}/tagesordnung/${item}`, {
          title: 'Begrüßung durch die Admin',
          durationMinutes: '10',
        })
      ).status,
    ).toBe(303);
    expect((await ctx.db.prisma.agendaItem.findUniqueOrThrow({ where: { id: item } })).title).toBe('Begrüßung durch die Admin');

    // Everyone may read a public agenda, the proposals page and the invitation page.
    for (const path of [`${base}/tagesordnung`, `${base}/vorschlaege`, `${base}/einladung`]) {
      for (const agent of [visitor(), member, organizer, lead, admin]) expect((await agent.get(path)).status, path).toBe(200);
    }
    // Internal meetings: visitors go to the login.
    const internal = await futureMeeting({ isPublic: false });
    expect((await visitor().get(`/treffen/${internal.id}/tagesordnung`)).status).toBe(303);
    expect((await visitor().get(`/treffen/${internal.id}/einladung`)).status).toBe(303);
    expect((await member.get(`/treffen/${internal.id}/einladung`)).status).toBe(200);
  });
});
