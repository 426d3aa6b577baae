// KOG-Treffen after the meeting: the results protocol (attendance prefilled from registrations, results per agenda
// item, decisions), its publication (date for the deadline, meeting held, participants told once each), who sees
// it, the follow-up of decisions across meetings, the deadlines of all meetings, and the lead organiser's deadline
// reminders: exactly once with two app instances, and catching up after downtime.
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectDatabase } from '../src/db/database.js';
import { meetingDeadlines } from '../src/features/meetings/deadlines.js';
import { openDecisionsBefore } from '../src/features/meetings/decisions.js';
import { findMeeting } from '../src/features/meetings/access.js';
import { MEETING_PERIODIC_JOBS, meetingJobs, REMINDER_JOB, sendDeadlineReminders } from '../src/features/meetings/reminders.js';
import { addDays, berlinDay, berlinInstant } from '../src/lib/dates.js';
import { buildApp, createUser, csrfTokenFrom, formBody, sessionAgent, text as decoded, useTestContext } from './support/context.js';
import { createMeeting } from './support/meetings.js';

const ctx = useTestContext();
const visitor = () => request.agent(ctx.app);
const text = (html: string) => decoded(html.replace(/<[^>]*>/g, ' ')).replace(/\s+/g, ' ');
const today = () => berlinDay(new Date());
const daysFromToday = (days: number) => addDays(today(), days);

type Agent = request.Agent;
let lead: { id: number; email: string };
let leadAgent: Agent;
let otherOrganizer: Agent;
let admin: Agent;
let member: Agent;
let allianceA: { id: number; name: string };
let allianceB: { id: number; name: string };
let allianceC: { id: number; name: string };

async function makeAlliance(name: string) {
  const slug = name.toLowerCase().replace(/[^a-z0-9]+/g, '-');
  return ctx.db.prisma.alliance.create({ data: { slug, name, municipality: name, state: 'NW' }, select: { id: true, name: true } });
}

beforeAll(async () => {
  lead = await createUser(ctx.db, { role: 'ORGANIZER', name: 'Lena Leitung' });
  leadAgent = await sessionAgent(ctx.app, lead.id);
  otherOrganizer = await sessionAgent(ctx.app, (await createUser(ctx.db, { role: 'ORGANIZER', name: 'Otto Orga' })).id);
  admin = await sessionAgent(ctx.app, (await createUser(ctx.db, { role: 'ADMIN', name: 'Ada Admin' })).id);
  member = await sessionAgent(ctx.app, (await createUser(ctx.db, { name: 'Mia Mitglied' })).id);
  allianceA = await makeAlliance('AUF Gelsenkirchen');
  allianceB = await makeAlliance('Frankfurt Sozial');
  allianceC = await makeAlliance('Bürgerliste Anderswo');
});

/** A form post the way a browser sends it: token from a page the agent may see. */
async function post(agent: Agent, action: string, fields: Record<string, string | string[]> = {}, page = '/anmelden') {
  const token = await csrfTokenFrom(agent, page).catch(() => csrfTokenFrom(agent, '/konto'));
  return agent
    .post(action)
    .type('form')
    .send(formBody({ ...fields, _csrf: token }));
}

/** A meeting that is over (three days ago) with an agenda: TOP 1, TOP 2 with a sub-item, TOP 3. */
async function pastMeeting(overrides: Parameters<typeof createMeeting>[2] = {}) {
  const meeting = await createMeeting(ctx.db, lead.id, {
    day: daysFromToday(-3),
    title: `Treffen ${Math.random().toString(36).slice(2, 8)}`,
    ...overrides,
  });
  const item = (title: string, position: number, parentId: number | null = null) =>
    ctx.db.prisma.agendaItem.create({ data: { meetingId: meeting.id, title, position, parentId } });
  const welcome = await item('Begrüßung', 1);
  const exchange = await item('Erfahrungsaustausch der Bündnisse', 2);
  const talks = await item('Impulsbeiträge', 1, exchange.id);
  const other = await item('Sonstiges', 3);
  return { meeting, items: { welcome, exchange, talks, other } };
}

async function participant(
  name: string,
  attendance: 'ON_SITE' | 'ONLINE' | 'MAYBE' | 'NO' | null,
  meetingId: number,
  alliance?: { user?: number; rsvp?: number },
) {
  const user = await createUser(ctx.db, { name });
  if (alliance?.user) await ctx.db.prisma.user.update({ where: { id: user.id }, data: { allianceId: alliance.user } });
  if (attendance) await ctx.db.prisma.rsvp.create({ data: { meetingId, userId: user.id, attendance, allianceId: alliance?.rsvp ?? null } });
  return user;
}

const isChecked = (html: string, name: string, value: number) => new RegExp(`name="${name}" value="${value}" checked`).test(html);

async function mailsTo(email: string, subjectPart: string) {
  return ctx.db.prisma.outboxMail.findMany({ where: { recipient: email, subject: { contains: subjectPart } } });
}

describe('writing the protocol', () => {
  let meetingId: number;
  let items: Awaited<ReturnType<typeof pastMeeting>>['items'];
  let people: Record<'onSite' | 'online' | 'maybe' | 'no' | 'outsider', { id: number; email: string; name: string }>;

  beforeAll(async () => {
    const setup = await pastMeeting({ title: 'Plattform-Treffen im Protokoll' });
    meetingId = setup.meeting.id;
    items = setup.items;
    people = {
      onSite: await participant('Paula Präsent', 'ON_SITE', meetingId, { user: allianceA.id }),
      online: await participant('Oskar Online', 'ONLINE', meetingId, { rsvp: allianceB.id }),
      maybe: await participant('Vera Vielleicht', 'MAYBE', meetingId),
      no: await participant('Nils Nein', 'NO', meetingId),
      outsider: await participant('Uwe Unbeteiligt', null, meetingId),
    };
  });

  it('prefills attendance from the registrations: vor Ort and online ticked, everyone who answered listed', async () => {
    const res = await leadAgent.get(`/treffen/${meetingId}/protokoll/bearbeiten`);
    expect(res.status).toBe(200);
    expect(isChecked(res.text, 'attendees', people.onSite.id)).toBe(true);
    expect(isChecked(res.text, 'attendees', people.online.id)).toBe(true);
    expect(isChecked(res.text, 'attendees', people.maybe.id)).toBe(false);
    expect(isChecked(res.text, 'attendees', people.no.id)).toBe(false);
    expect(res.text).toContain(`value="${people.no.id}"`);
    expect(res.text).not.toContain(`value="${people.outsider.id}"`);
    const page = text(res.text);
    expect(page).toContain('Paula Präsent (AUF Gelsenkirchen)');
    expect(page).toContain('Oskar Online (Frankfurt Sozial)');
    // Every agenda item in agenda order, sub-items numbered under their item.
    const order = ['TOP 1 Begrüßung', 'TOP 2 Erfahrungsaustausch der Bündnisse', 'TOP 2.1 Impulsbeiträge', 'TOP 3 Sonstiges'].map((t) =>
      page.indexOf(t),
    );
    expect(order.every((i) => i >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    // The alliance choice for decisions: this meeting's alliances only, not the whole directory.
    expect(page).toContain('AUF Gelsenkirchen');
    expect(res.text).not.toContain('Bürgerliste Anderswo');
  });

  it('refuses bad input with 422 in German, keeps everything typed and stores nothing', async () => {
    const bad = await post(leadAgent, `/treffen/${meetingId}/protokoll`, {
      attendees: [String(people.onSite.id)],
      guests: 'Gerd Gast (Bürgerliste Musterstadt)\nX (Irgendwo)',
      summary: 'Ein guter Austausch.',
      [`result_${items.welcome.id}`]: 'Begrüßt wurden alle.',
    });
    expect(bad.status).toBe(422);
    expect(text(bad.text)).toContain('Zeile 2: Bitte einen Namen angeben');
    expect(bad.text).toContain('Ein guter Austausch.');
    expect(bad.text).toContain('Begrüßt wurden alle.');
    expect(bad.text).toContain('Gerd Gast (Bürgerliste Musterstadt)');
    expect(isChecked(bad.text, 'attendees', people.onSite.id)).toBe(true);
    expect(isChecked(bad.text, 'attendees', people.online.id)).toBe(false);

    const junk = await post(leadAgent, `/treffen/${meetingId}/protokoll`, { attendees: ['abc'], summary: 'x' });
    expect(junk.status).toBe(422);
    expect(text(junk.text)).toContain('Ungültige Auswahl.');
    const stranger = await post(leadAgent, `/treffen/${meetingId}/protokoll`, { attendees: [String(people.outsider.id)], summary: 'x' });
    expect(stranger.status).toBe(422);
    expect(text(stranger.text)).toContain('Bitte nur Personen aus der Liste ankreuzen');
    expect(await ctx.db.prisma.protocol.findUnique({ where: { meetingId } })).toBeNull();
    expect(await ctx.db.prisma.meetingAttendee.count({ where: { meetingId } })).toBe(0);
  });

  it('saves attendance, guests, the summary and every item’s result in one go; the saved attendance decides afterwards', async () => {
    const res = await post(leadAgent, `/treffen/${meetingId}/protokoll`, {
      attendees: [String(people.onSite.id), String(people.no.id)],
      guests: 'Gerd Gast (Bürgerliste Musterstadt)\n\nHanna Ohnebündnis\n',
      summary: 'Ein **guter** Austausch.',
      [`result_${items.welcome.id}`]: 'Begrüßt wurden alle.',
      [`result_${items.exchange.id}`]: 'Acht Bündnisse berichteten.',
      [`result_${items.talks.id}`]: 'Sieben Beiträge à 7 Minuten.',
      [`result_${items.other.id}`]: '',
    });
    expect(res.status).toBe(303);
    const attendees = await ctx.db.prisma.meetingAttendee.findMany({ where: { meetingId }, orderBy: { name: 'asc' } });
    expect(attendees.map((a) => [a.name, a.allianceName, a.userId !== null])).toEqual([
      ['Gerd Gast', 'Bürgerliste Musterstadt', false],
      ['Hanna Ohnebündnis', null, false],
      ['Nils Nein', null, true],
      ['Paula Präsent', 'AUF Gelsenkirchen', true],
    ]);
    const stored = await ctx.db.prisma.agendaItem.findMany({
      where: { meetingId },
      orderBy: { id: 'asc' },
      select: { title: true, result: true },
    });
    expect(stored.map((i) => i.result)).toEqual([
      'Begrüßt wurden alle.',
      'Acht Bündnisse berichteten.',
      'Sieben Beiträge à 7 Minuten.',
      '',
    ]);
    expect((await ctx.db.prisma.protocol.findUniqueOrThrow({ where: { meetingId } })).summary).toBe('Ein **guter** Austausch.');

    const again = await leadAgent.get(`/treffen/${meetingId}/protokoll/bearbeiten`);
    expect(isChecked(again.text, 'attendees', people.onSite.id)).toBe(true);
    expect(isChecked(again.text, 'attendees', people.online.id)).toBe(false);
    expect(isChecked(again.text, 'attendees', people.no.id)).toBe(true);
    expect(again.text).toContain('Gerd Gast (Bürgerliste Musterstadt)\nHanna Ohnebündnis');
  });

  describe('decisions', () => {
    const action = () => `/treffen/${meetingId}/protokoll/beschluesse`;
    const fields = (overrides: Record<string, string> = {}) => ({
      text: 'Brief an den Landkreis zur Schulwegsicherheit schreiben',
      responsible: 'Paula Präsent',
      responsibleAllianceId: '',
      agendaItemId: String(items.exchange.id),
      dueOn: '30.06.2027',
      status: 'OPEN',
      ...overrides,
    });

    it('refuses incomplete or foreign choices with German messages next to the fields', async () => {
      const before = await ctx.db.prisma.decision.count();
      const cases: [Record<string, string>, string][] = [
        [{ text: '' }, 'Bitte den Beschluss angeben.'],
        [{ responsible: '' }, 'Bitte angeben, wer verantwortlich ist (eine Person oder ein Bündnis).'],
        [{ responsibleAllianceId: String(allianceC.id) }, 'Bitte ein Bündnis aus der Liste wählen.'],
        [{ dueOn: '31.02.2027' }, 'Bitte ein Datum wie 09.05.2026 angeben.'],
        [{ status: 'VIELLEICHT' }, 'Bitte einen Stand wählen.'],
      ];
      for (const [overrides, message] of cases) {
        const res = await post(leadAgent, action(), fields(overrides));
        expect(res.status, message).toBe(422);
        expect(text(res.text)).toContain(message);
        if (overrides.text === undefined) expect(res.text).toContain('Brief an den Landkreis zur Schulwegsicherheit schreiben');
      }
      // An agenda item of another meeting is not one of this meeting's items.
      const other = await pastMeeting();
      const foreign = await post(leadAgent, action(), fields({ agendaItemId: String(other.items.welcome.id) }));
      expect(foreign.status).toBe(422);
      expect(text(foreign.text)).toContain('Bitte einen Tagesordnungspunkt aus der Liste wählen.');
      expect(await ctx.db.prisma.decision.count()).toBe(before);
    });

    it('adds, edits and deletes decisions (deleting asks first); an alliance alone names the responsible', async () => {
      expect((await post(leadAgent, action(), fields())).status).toBe(303);
      const byAlliance = await post(
        leadAgent,
        action(),
        fields({
          text: 'Pressearbeit abstimmen',
          responsible: '',
          responsibleAllianceId: String(allianceB.id),
          dueOn: '',
          agendaItemId: '',
        }),
      );
      expect(byAlliance.status).toBe(303);
      const decisions = await ctx.db.prisma.decision.findMany({ where: { meetingId }, orderBy: { id: 'asc' } });
      expect(decisions.map((d) => [d.text, d.responsible, d.dueOn?.toISOString().slice(0, 10) ?? null, d.status])).toEqual([
        ['Brief an den Landkreis zur Schulwegsicherheit schreiben', 'Paula Präsent', '2027-06-30', 'OPEN'],
        ['Pressearbeit abstimmen', 'Frankfurt Sozial', null, 'OPEN'],
      ]);
      const [letter, press] = decisions as [(typeof decisions)[0], (typeof decisions)[0]];

      const editPage = await leadAgent.get(`${action()}/${letter.id}/bearbeiten`);
      expect(editPage.status).toBe(200);
      expect(editPage.text).toContain('value="2027-06-30"');
      const edited = await post(
        leadAgent,
        `${action()}/${letter.id}`,
        fields({ status: 'IN_PROGRESS', responsible: 'Paula Präsent und Oskar Online' }),
      );
      expect(edited.status).toBe(303);
      expect(await ctx.db.prisma.decision.findUniqueOrThrow({ where: { id: letter.id } })).toMatchObject({
        status: 'IN_PROGRESS',
        responsible: 'Paula Präsent und Oskar Online',
      });
      const badEdit = await post(leadAgent, `${action()}/${letter.id}`, fields({ text: '' }));
      expect(badEdit.status).toBe(422);

      const asked = await post(leadAgent, `${action()}/${press.id}/loeschen`);
      expect(asked.status).toBe(200);
      expect(text(asked.text)).toContain('Beschluss löschen?');
      expect(await ctx.db.prisma.decision.count({ where: { id: press.id } })).toBe(1);
      const deleted = await post(leadAgent, `${action()}/${press.id}/loeschen`, { bestaetigt: 'ja' });
      expect(deleted.status).toBe(303);
      expect(await ctx.db.prisma.decision.count({ where: { id: press.id } })).toBe(0);

      // A decision of another meeting cannot be reached through this meeting's address.
      const other = await pastMeeting();
      const foreign = await ctx.db.prisma.decision.create({ data: { meetingId: other.meeting.id, text: 'Fremd', responsible: 'Jemand' } });
      expect((await leadAgent.get(`${action()}/${foreign.id}/bearbeiten`)).status).toBe(404);
      expect((await post(leadAgent, `${action()}/${foreign.id}`, fields())).status).toBe(404);
      expect((await post(leadAgent, `${action()}/${foreign.id}/loeschen`, { bestaetigt: 'ja' })).status).toBe(404);
      expect(await ctx.db.prisma.decision.findUniqueOrThrow({ where: { id: foreign.id } })).toMatchObject({ text: 'Fremd' });
    });
  });

  describe('publication', () => {
    it('shows others that the protocol is still being written, and the lead organiser the draft', async () => {
      const forMember = await member.get(`/treffen/${meetingId}/protokoll`);
      expect(forMember.status).toBe(200);
      expect(text(forMember.text)).toMatch(/Das Protokoll wird noch geschrieben – fällig bis \w+, \d+\. \w+ \d{4}/);
      expect(forMember.text).not.toContain('Gerd Gast');
      expect(text((await otherOrganizer.get(`/treffen/${meetingId}/protokoll`)).text)).toContain('Das Protokoll wird noch geschrieben');
      const draft = text((await leadAgent.get(`/treffen/${meetingId}/protokoll`)).text);
      expect(draft).toContain('Entwurf – noch nicht veröffentlicht.');
      expect(draft).toContain('Gerd Gast');
    });

    it('refuses to publish before the meeting has ended', async () => {
      const upcoming = await pastMeeting({ day: daysFromToday(5) });
      await post(leadAgent, `/treffen/${upcoming.meeting.id}/protokoll`, { summary: 'Vorbereitet' });
      const res = await post(leadAgent, `/treffen/${upcoming.meeting.id}/protokoll/veroeffentlichen`, { bestaetigt: 'ja' });
      expect(res.status).toBe(303);
      const page = await leadAgent.get(res.headers.location!);
      expect(text(page.text)).toContain('Das Protokoll kann erst nach dem Ende des Treffens veröffentlicht werden.');
      expect((await ctx.db.prisma.protocol.findUniqueOrThrow({ where: { meetingId: upcoming.meeting.id } })).publishedAt).toBeNull();
    });

    it('asks first, records the date, marks the meeting as held and tells every participant once', async () => {
      const asked = await post(leadAgent, `/treffen/${meetingId}/protokoll/veroeffentlichen`);
      expect(asked.status).toBe(200);
      expect(text(asked.text)).toContain('Protokoll veröffentlichen?');
      expect((await ctx.db.prisma.protocol.findUniqueOrThrow({ where: { meetingId } })).publishedAt).toBeNull();

      const res = await post(leadAgent, `/treffen/${meetingId}/protokoll/veroeffentlichen`, { bestaetigt: 'ja' });
      expect(res.status).toBe(303);
      const protocol = await ctx.db.prisma.protocol.findUniqueOrThrow({ where: { meetingId } });
      expect(protocol.publishedAt).not.toBeNull();
      expect((await ctx.db.prisma.meeting.findUniqueOrThrow({ where: { id: meetingId } })).status).toBe('HELD');
      const meeting = (await findMeeting(ctx.db.pool, meetingId))!;
      expect(meetingDeadlines(meeting).find((d) => d.key === 'PROTOCOL')!.state).toBe('DONE');

      // Registered (vor Ort, online, vielleicht) and present with an account despite "nicht dabei": one mail each.
      for (const person of [people.onSite, people.online, people.maybe, people.no]) {
        const mails = await mailsTo(person.email, 'Ergebnisprotokoll: Plattform-Treffen im Protokoll');
        expect(mails, person.name).toHaveLength(1);
        expect(mails[0]!.body).toContain(`/treffen/${meetingId}/protokoll`);
      }
      expect(await mailsTo(people.outsider.email, 'Ergebnisprotokoll')).toHaveLength(0);

      // A second click publishes nothing new and sends nothing.
      await post(leadAgent, `/treffen/${meetingId}/protokoll/veroeffentlichen`, { bestaetigt: 'ja' });
      expect(await mailsTo(people.onSite.email, 'Ergebnisprotokoll')).toHaveLength(1);
      expect((await ctx.db.prisma.protocol.findUniqueOrThrow({ where: { meetingId } })).publishedAt).toEqual(protocol.publishedAt);
    });

    it('shows the published protocol to everyone who may see the meeting, printable, and later edits as such', async () => {
      const res = await visitor().get(`/treffen/${meetingId}/protokoll`);
      expect(res.status).toBe(200);
      const page = text(res.text);
      expect(page).toContain('Anwesend (4)');
      expect(page).toContain('Paula Präsent (AUF Gelsenkirchen)');
      expect(page).toContain('Gerd Gast (Bürgerliste Musterstadt)');
      expect(res.text).toContain('Ein <strong>guter</strong> Austausch.');
      expect(page).toContain('TOP 2.1 Impulsbeiträge Sieben Beiträge à 7 Minuten.');
      expect(page).toContain('Brief an den Landkreis zur Schulwegsicherheit schreiben');
      expect(page).toContain('Paula Präsent und Oskar Online');
      expect(page).toContain('30.06.2027');
      expect(page).toContain('in Arbeit');
      expect(page).toContain(`Veröffentlicht am`);
      expect(page).not.toContain('zuletzt geändert');
      expect(res.text).toMatch(/data-print hidden>Drucken</);
      expect(res.text).not.toContain('/protokoll/bearbeiten');

      await post(leadAgent, `/treffen/${meetingId}/protokoll`, {
        attendees: [String(people.onSite.id), String(people.no.id)],
        guests: 'Gerd Gast (Bürgerliste Musterstadt)\nHanna Ohnebündnis',
        summary: 'Ein **guter** Austausch. Nachtrag.',
      });
      const later = text((await visitor().get(`/treffen/${meetingId}/protokoll`)).text);
      expect(later).toContain('Nachtrag.');
      expect(later).toContain('zuletzt geändert am');
      // Results the form did not send stay as they were.
      expect(later).toContain('Sieben Beiträge à 7 Minuten.');
    });

    it('shows internal meetings’ protocols to members only', async () => {
      const internal = await pastMeeting({ isPublic: false, title: 'Internes KOG-Treffen' });
      await post(leadAgent, `/treffen/${internal.meeting.id}/protokoll`, { summary: 'Vertrauliches Ergebnis' });
      await post(leadAgent, `/treffen/${internal.meeting.id}/protokoll/veroeffentlichen`, { bestaetigt: 'ja' });
      const anonymous = await visitor().get(`/treffen/${internal.meeting.id}/protokoll`);
      expect(anonymous.status).toBe(303);
      expect(anonymous.headers.location).toBe(`/anmelden?weiter=${encodeURIComponent(`/treffen/${internal.meeting.id}/protokoll`)}`);
      const forMember = await member.get(`/treffen/${internal.meeting.id}/protokoll`);
      expect(forMember.status).toBe(200);
      expect(text(forMember.text)).toContain('Vertrauliches Ergebnis');
    });
  });
});

describe('decision follow-up (/treffen/beschluesse) and Beschlusskontrolle', () => {
  let publicMeeting: number;
  let internalMeeting: number;
  let draftMeeting: number;
  const ids: Record<string, number> = {};

  beforeAll(async () => {
    publicMeeting = (await pastMeeting({ day: daysFromToday(-40), title: 'Frühjahrstreffen Beschlüsse' })).meeting.id;
    internalMeeting = (await pastMeeting({ day: daysFromToday(-20), title: 'Internes Treffen Beschlüsse', isPublic: false })).meeting.id;
    draftMeeting = (await pastMeeting({ day: daysFromToday(-2), title: 'Entwurfstreffen Beschlüsse' })).meeting.id;
    const now = new Date();
    for (const [meetingId, published] of [
      [publicMeeting, true],
      [internalMeeting, true],
      [draftMeeting, false],
    ] as const)
      await ctx.db.prisma.protocol.create({ data: { meetingId, publishedAt: published ? now : null } });
    const decide = async (
      key: string,
      meetingId: number,
      data: { status?: 'OPEN' | 'IN_PROGRESS' | 'DONE' | 'DROPPED'; dueOn?: string; alliance?: number; responsible?: string },
    ) => {
      ids[key] = (
        await ctx.db.prisma.decision.create({
          data: {
            meetingId,
            text: `Beschluss ${key}`,
            responsible: data.responsible ?? 'Karla Kümmerer',
            responsibleAllianceId: data.alliance ?? null,
            status: data.status ?? 'OPEN',
            dueOn: data.dueOn ? new Date(`${data.dueOn}T00:00:00Z`) : null,
          },
        })
      ).id;
    };
    await decide('Overdue', publicMeeting, { dueOn: daysFromToday(-5) });
    await decide('Working', publicMeeting, {
      status: 'IN_PROGRESS',
      responsible: 'Frankfurt Sozial',
      alliance: allianceB.id,
      dueOn: daysFromToday(30),
    });
    await decide('Done', publicMeeting, { status: 'DONE' });
    await decide('Dropped', publicMeeting, { status: 'DROPPED' });
    await decide('Internal', internalMeeting, { responsible: 'Gerda Geheim' });
    await decide('Draft', draftMeeting, {});
  });

  const listed = (html: string) =>
    ['Overdue', 'Working', 'Done', 'Dropped', 'Internal', 'Draft'].filter((key) => text(html).includes(`Beschluss ${key}`));

  it('shows visitors the open decisions of published public protocols, members also internal ones, organisers all', async () => {
    const forVisitor = await visitor().get('/treffen/beschluesse');
    expect(forVisitor.status).toBe(200);
    expect(listed(forVisitor.text)).toEqual(['Overdue', 'Working']);
    expect(listed((await member.get('/treffen/beschluesse')).text)).toEqual(['Overdue', 'Working', 'Internal']);
    expect(listed((await otherOrganizer.get('/treffen/beschluesse')).text)).toEqual(['Overdue', 'Working', 'Internal', 'Draft']);
    // Overdue ones are marked, with who is responsible and the meeting.
    const page = text(forVisitor.text);
    expect(page).toMatch(/Beschluss Overdue offen überfällig · Verantwortlich: Karla Kümmerer · bis \d\d\.\d\d\.\d{4}/);
    expect(page).not.toMatch(/Beschluss Working[^·]*überfällig/);
    expect(forVisitor.text).toContain(`href="/treffen/${publicMeeting}"`);
  });

  it('filters by status, responsible (text or alliance) and meeting, in the address', async () => {
    expect(listed((await visitor().get('/treffen/beschluesse?status=erledigt')).text)).toEqual(['Done']);
    expect(listed((await visitor().get('/treffen/beschluesse?status=verworfen')).text)).toEqual(['Dropped']);
    expect(listed((await visitor().get('/treffen/beschluesse?status=in-arbeit')).text)).toEqual(['Working']);
    expect(listed((await visitor().get('/treffen/beschluesse?status=alle')).text)).toEqual(['Overdue', 'Working', 'Done', 'Dropped']);
    expect(listed((await visitor().get('/treffen/beschluesse?status=unsinn')).text)).toEqual(['Overdue', 'Working']);
    expect(listed((await visitor().get('/treffen/beschluesse?verantwortlich=kummerer')).text)).toEqual(['Overdue']);
    expect(
      listed((await visitor().get(`/treffen/beschluesse?status=alle&verantwortlich=${encodeURIComponent('frankfurt')}`)).text),
    ).toEqual(['Working']);
    expect(listed((await member.get(`/treffen/beschluesse?treffen=${internalMeeting}`)).text)).toEqual(['Internal']);
    const empty = await visitor().get(`/treffen/beschluesse?verantwortlich=niemand`);
    expect(text(empty.text)).toContain('Keine Beschlüsse zu diesem Filter.');
    // The meeting select offers the meetings with decisions the viewer may see.
    const select = /<select id="filter-treffen"[\s\S]*?<\/select>/.exec((await visitor().get('/treffen/beschluesse')).text)![0];
    expect(select).toContain('Frühjahrstreffen Beschlüsse');
    expect(select).not.toContain('Internes Treffen Beschlüsse');
  });

  it('carries open decisions of published protocols into the next meeting until they are done', async () => {
    const next = berlinInstant(daysFromToday(30), '14:00');
    const open = await openDecisionsBefore(ctx.db.pool, next);
    const keys = open.map((d) => d.text.replace('Beschluss ', ''));
    expect(keys).toEqual(expect.arrayContaining(['Overdue', 'Working', 'Internal']));
    expect(keys).not.toContain('Draft');
    expect(keys).not.toContain('Done');
    expect((await openDecisionsBefore(ctx.db.pool, next, { publicOnly: true })).map((d) => d.text)).not.toContain('Beschluss Internal');
    // Not for a meeting before the one that decided it.
    expect((await openDecisionsBefore(ctx.db.pool, berlinInstant(daysFromToday(-41), '14:00'))).map((d) => d.id)).not.toContain(
      ids.Overdue,
    );

    // Organisers follow up with a dated note and a new status.
    const page = `/treffen/beschluesse/${ids.Overdue}`;
    const bad = await post(otherOrganizer, `${page}/verlauf`, { body: '', status: 'DONE' }, page);
    expect(bad.status).toBe(422);
    expect(text(bad.text)).toContain('Bitte eine Notiz angeben.');
    const res = await post(
      otherOrganizer,
      `${page}/verlauf`,
      { body: 'Brief ist raus, Antwort liegt vor.', status: 'DONE', weiter: '/treffen/beschluesse?status=alle' },
      page,
    );
    expect(res.status).toBe(303);
    expect(res.headers.location).toBe('/treffen/beschluesse?status=alle');
    expect((await ctx.db.prisma.decision.findUniqueOrThrow({ where: { id: ids.Overdue! } })).status).toBe('DONE');
    const shown = text((await visitor().get(page)).text);
    expect(shown).toMatch(new RegExp(`\\d\\d\\.\\d\\d\\.\\d{4} · erledigt Brief ist raus, Antwort liegt vor\\. – Otto Orga`));
    expect(shown).not.toContain('überfällig');
    expect((await openDecisionsBefore(ctx.db.pool, next)).map((d) => d.id)).not.toContain(ids.Overdue);
    expect(listed((await visitor().get('/treffen/beschluesse')).text)).toEqual(['Working']);

    // Only to a safe place in the list; unknown decisions are 404.
    const elsewhere = await post(
      otherOrganizer,
      `${page}/verlauf`,
      { body: 'Nochmal offen.', status: 'OPEN', weiter: 'https://example.org/' },
      page,
    );
    expect(elsewhere.headers.location).toBe(page);
    expect((await post(otherOrganizer, '/treffen/beschluesse/2147483647/verlauf', { body: 'x y', status: 'OPEN' }, page)).status).toBe(404);
    expect((await visitor().get('/treffen/beschluesse/2147483647')).status).toBe(404);
  });

  it('keeps single decisions as private as their protocol', async () => {
    expect((await visitor().get(`/treffen/beschluesse/${ids.Internal}`)).status).toBe(303);
    expect((await member.get(`/treffen/beschluesse/${ids.Internal}`)).status).toBe(200);
    expect((await member.get(`/treffen/beschluesse/${ids.Draft}`)).status).toBe(404);
    expect((await otherOrganizer.get(`/treffen/beschluesse/${ids.Draft}`)).status).toBe(200);
  });
});

describe('deadlines of all meetings (/treffen/fristen)', () => {
  it('lists overdue, soon due, upcoming and recently done deadlines for organisers, without cancelled meetings', async () => {
    const make = (title: string, day: string, extra: Parameters<typeof createMeeting>[2] = {}) =>
      createMeeting(ctx.db, lead.id, { title, day, ...extra });
    // Agenda due 21 days before: 11 days ago, in 2 days, in 39 days.
    await make('Fristen: Tagesordnung überfällig', daysFromToday(10));
    await make('Fristen: Tagesordnung bald', daysFromToday(23));
    await make('Fristen: weit weg', daysFromToday(60));
    await make('Fristen: erledigt', daysFromToday(30), { agendaPublishedAt: new Date(Date.now() - 5 * 86_400_000) });
    // Long over without a protocol: the protocol stays overdue, the agenda of back then is no longer listed.
    await make('Fristen: lange her', daysFromToday(-60));
    const cancelled = await make('Fristen: abgesagt', daysFromToday(10));
    await ctx.db.prisma.meeting.update({ where: { id: cancelled.id }, data: { status: 'CANCELLED', cancelReason: 'Raum fehlt' } });

    const res = await leadAgent.get('/treffen/fristen');
    expect(res.status).toBe(200);
    const sections = Object.fromEntries(
      res.text
        .split('<section')
        .slice(1)
        .map((s) => [/<h2[^>]*>([^<(]+)/.exec(s)![1]!.trim(), text(s)]),
    );
    expect(Object.keys(sections)).toEqual(['Überfällig', 'Bald fällig', 'Demnächst', 'Kürzlich erledigt']);
    expect(sections['Überfällig']).toMatch(
      /Fristen: Tagesordnung überfällig \S+ Tagesordnung verschicken \S+ überfällig \(seit 11 Tagen\) Lena Leitung/,
    );
    expect(sections['Bald fällig']).toMatch(/Fristen: Tagesordnung bald \S+ Tagesordnung verschicken \S+ bald fällig \(in 2 Tagen\)/);
    expect(sections['Demnächst']).toContain('Fristen: weit weg');
    expect(sections['Kürzlich erledigt']).toMatch(/Fristen: erledigt \S+ Tagesordnung verschicken \S+ erledigt am/);
    expect(res.text).not.toContain('Fristen: abgesagt');
    expect(sections['Überfällig']).toMatch(/Fristen: lange her \S+ Ergebnisprotokoll veröffentlichen/);
    expect(sections['Überfällig']).not.toMatch(/Fristen: lange her \S+ Tagesordnung/);
    expect(res.text).toContain('badge--deadline-overdue');
  });
});

describe('deadline reminders to the lead organiser', () => {
  let second: ReturnType<typeof buildApp>;
  let secondDb: ReturnType<typeof connectDatabase>;

  beforeAll(() => {
    // A second app instance on the same database, as behind a load balancer.
    secondDb = connectDatabase(ctx.url, { max: 3 });
    second = buildApp(secondDb);
  });
  afterAll(() => secondDb.close());

  const reminders = (title: string) =>
    ctx.db.prisma.outboxMail.findMany({ where: { recipient: lead.email, subject: { contains: title } }, orderBy: { id: 'asc' } });
  const both = (now: Date) => Promise.all([sendDeadlineReminders(ctx.app.services, now), sendDeadlineReminders(second.services, now)]);

  it('sends each reminder exactly once, also with two instances at the same time', async () => {
    const meeting = await createMeeting(ctx.db, lead.id, { title: 'Erinnerungstreffen 2030', day: '2030-05-09' });
    // Agenda due 18 April 2030: two days before, it is "bald fällig".
    const counts = await both(berlinInstant('2030-04-16', '09:00'));
    expect(counts[0] + counts[1]).toBe(1);
    let mails = await reminders('Erinnerungstreffen 2030');
    expect(mails.map((m) => m.subject)).toEqual(['Frist bald fällig: Tagesordnung verschicken – Erinnerungstreffen 2030']);
    expect(mails[0]!.body).toContain('Hallo Lena Leitung');
    expect(mails[0]!.body).toContain('ist in 2 Tagen fällig (18.04.2030)');
    expect(mails[0]!.body).toContain(`/treffen/${meeting.id}/tagesordnung`);

    // Later scans the same day and the next days change nothing.
    await both(berlinInstant('2030-04-16', '09:15'));
    await both(berlinInstant('2030-04-18', '23:00'));
    expect(await reminders('Erinnerungstreffen 2030')).toHaveLength(1);

    // Missed: once more, then never again.
    await both(berlinInstant('2030-04-19', '00:10'));
    await both(berlinInstant('2030-04-20', '12:00'));
    mails = await reminders('Erinnerungstreffen 2030');
    expect(mails.map((m) => m.subject)).toEqual([
      'Frist bald fällig: Tagesordnung verschicken – Erinnerungstreffen 2030',
      'Frist verpasst: Tagesordnung verschicken – Erinnerungstreffen 2030',
    ]);

    // Moved by a week: the new dates get their own reminders.
    await ctx.db.prisma.meeting.update({
      where: { id: meeting.id },
      data: { startsAt: berlinInstant('2030-05-16', '14:00'), endsAt: berlinInstant('2030-05-16', '18:00') },
    });
    await both(berlinInstant('2030-04-23', '08:00'));
    expect((await reminders('Erinnerungstreffen 2030')).at(-1)!.body).toContain('ist in 2 Tagen fällig (25.04.2030)');
    expect(await reminders('Erinnerungstreffen 2030')).toHaveLength(3);
  });

  it('catches up after downtime: a deadline missed meanwhile gets only the "verpasst" reminder', async () => {
    await createMeeting(ctx.db, lead.id, { title: 'Nach Ausfall 2031', day: '2031-05-10' });
    // Agenda due 19 April 2031. The app is up on 1 April (nothing due yet), then down until 22 April.
    await both(berlinInstant('2031-04-01', '10:00'));
    expect(await reminders('Nach Ausfall 2031')).toHaveLength(0);
    await both(berlinInstant('2031-04-22', '10:00'));
    expect((await reminders('Nach Ausfall 2031')).map((m) => m.subject)).toEqual([
      'Frist verpasst: Tagesordnung verschicken – Nach Ausfall 2031',
    ]);
    const rows = await ctx.db.pool.query(
      `SELECT r.deadline, r.kind, to_char(r.due_on, 'YYYY-MM-DD') AS due FROM meeting_reminders r JOIN meetings m ON m.id = r.meeting_id WHERE m.title = 'Nach Ausfall 2031'`,
    );
    expect(rows.rows).toEqual([{ deadline: 'AGENDA', kind: 'MISSED', due: '2031-04-19' }]);
  });

  it('does not remind of deadlines missed long ago, of done deadlines or of cancelled meetings', async () => {
    // Agenda due 22 May 2032 (missed 17 days before the scan: too old), materials due 5 June (missed 3 days ago).
    await createMeeting(ctx.db, lead.id, { title: 'Altes Versäumnis 2032', day: '2032-06-12' });
    await both(berlinInstant('2032-06-08', '10:00'));
    expect((await reminders('Altes Versäumnis 2032')).map((m) => m.subject)).toEqual([
      'Frist verpasst: Vorlagen verschicken – Altes Versäumnis 2032',
    ]);

    await createMeeting(ctx.db, lead.id, {
      title: 'Schon erledigt 2033',
      day: '2033-05-07',
      agendaPublishedAt: berlinInstant('2033-04-01', '12:00'),
    });
    const cancelled = await createMeeting(ctx.db, lead.id, { title: 'Abgesagt 2033', day: '2033-05-07' });
    await ctx.db.prisma.meeting.update({ where: { id: cancelled.id }, data: { status: 'CANCELLED', cancelReason: 'Kein Raum' } });
    await both(berlinInstant('2033-04-15', '10:00'));
    await both(berlinInstant('2033-04-20', '10:00'));
    expect(await reminders('Schon erledigt 2033')).toHaveLength(0);
    expect(await reminders('Abgesagt 2033')).toHaveLength(0);
  });

  it('reminds of the protocol after the meeting, linking to its editing page', async () => {
    const meeting = await createMeeting(ctx.db, lead.id, {
      title: 'Protokollfrist 2034',
      day: '2034-03-04',
      agendaPublishedAt: berlinInstant('2034-02-01', '12:00'),
      materialsPublishedAt: berlinInstant('2034-02-20', '12:00'),
    });
    // Protocol due 11 March 2034.
    await both(berlinInstant('2034-03-09', '10:00'));
    const mails = await reminders('Protokollfrist 2034');
    expect(mails.map((m) => m.subject)).toEqual(['Frist bald fällig: Ergebnisprotokoll veröffentlichen – Protokollfrist 2034']);
    expect(mails[0]!.body).toContain(`/treffen/${meeting.id}/protokoll/bearbeiten`);
  });
});

describe('the reminder job', () => {
  it('is a job handler that sends what is due now, once', async () => {
    const job = meetingJobs(ctx.app.services)[REMINDER_JOB]!;
    await job.run({}, { id: 0, kind: REMINDER_JOB, payload: {}, attempts: 1, max_attempts: 6 });
    const count = await ctx.db.prisma.outboxMail.count();
    await job.run({}, { id: 0, kind: REMINDER_JOB, payload: {}, attempts: 1, max_attempts: 6 });
    expect(await ctx.db.prisma.outboxMail.count()).toBe(count);
    expect(MEETING_PERIODIC_JOBS).toEqual([{ kind: 'meetings.deadline-reminders', everyMs: 15 * 60_000 }]);
  });
});

describe('permissions on every protocol route', () => {
  type Role = 'visitor' | 'member' | 'organizer' | 'lead' | 'admin';
  const ROLES: Role[] = ['visitor', 'member', 'organizer', 'lead', 'admin'];
  let agents: Record<Role, () => Agent>;
  let meetingId: number;
  let decisionId: number;

  beforeAll(async () => {
    const setup = await pastMeeting({ title: 'Rechte-Treffen' });
    meetingId = setup.meeting.id;
    await ctx.db.prisma.protocol.create({ data: { meetingId, summary: 'Rechte' } });
    decisionId = (await ctx.db.prisma.decision.create({ data: { meetingId, text: 'Rechte prüfen', responsible: 'KOG' } })).id;
    agents = { visitor, member: () => member, organizer: () => otherOrganizer, lead: () => leadAgent, admin: () => admin };
  });

  /** 'ok': reaches the handler; 'login': sent to the login; 'forbidden': 403. */
  type Outcome = 'ok' | 'login' | 'forbidden';
  const leadOnly: Record<Role, Outcome> = { visitor: 'login', member: 'forbidden', organizer: 'forbidden', lead: 'ok', admin: 'ok' };
  const organizers: Record<Role, Outcome> = { visitor: 'login', member: 'forbidden', organizer: 'ok', lead: 'ok', admin: 'ok' };
  const everyone: Record<Role, Outcome> = { visitor: 'ok', member: 'ok', organizer: 'ok', lead: 'ok', admin: 'ok' };

  it('lets in exactly the right people', async () => {
    const routes: [string, () => string, Record<Role, Outcome>][] = [
      ['GET', () => `/treffen/${meetingId}/protokoll`, everyone],
      ['GET', () => `/treffen/${meetingId}/protokoll/bearbeiten`, leadOnly],
      ['POST', () => `/treffen/${meetingId}/protokoll`, leadOnly],
      ['POST', () => `/treffen/${meetingId}/protokoll/veroeffentlichen`, leadOnly],
      ['GET', () => `/treffen/${meetingId}/protokoll/beschluesse/neu`, leadOnly],
      ['POST', () => `/treffen/${meetingId}/protokoll/beschluesse`, leadOnly],
      ['GET', () => `/treffen/${meetingId}/protokoll/beschluesse/${decisionId}/bearbeiten`, leadOnly],
      ['POST', () => `/treffen/${meetingId}/protokoll/beschluesse/${decisionId}`, leadOnly],
      ['POST', () => `/treffen/${meetingId}/protokoll/beschluesse/${decisionId}/loeschen`, leadOnly],
      ['GET', () => '/treffen/beschluesse', everyone],
      ['GET', () => `/treffen/beschluesse/${decisionId}`, everyone],
      ['POST', () => `/treffen/beschluesse/${decisionId}/verlauf`, organizers],
      ['GET', () => '/treffen/fristen', organizers],
    ];
    const failures: string[] = [];
    // Published, so that everyone may read the single decision.
    await ctx.db.prisma.protocol.update({ where: { meetingId }, data: { publishedAt: new Date() } });
    for (const [method, path, expected] of routes) {
      for (const role of ROLES) {
        const agent = agents[role]();
        const res = method === 'GET' ? await agent.get(path()) : await post(agent, path(), {});
        const outcome: Outcome =
          res.status === 403 ? 'forbidden' : res.status === 303 && String(res.headers.location).startsWith('/anmelden') ? 'login' : 'ok';
        if (outcome !== expected[role] || res.status >= 500) failures.push(`${method} ${path()} as ${role}: ${res.status}`);
      }
    }
    expect(failures).toEqual([]);
    // Nothing was deleted or published by the unconfirmed posts.
    expect(await ctx.db.prisma.decision.count({ where: { id: decisionId } })).toBe(1);
  });

  it('answers 404 for unknown meetings and decisions, and refuses cancelled meetings', async () => {
    expect((await leadAgent.get('/treffen/2147483647/protokoll')).status).toBe(404);
    expect((await leadAgent.get('/treffen/2147483647/protokoll/bearbeiten')).status).toBe(404);
    expect((await leadAgent.get(`/treffen/${meetingId}/protokoll/beschluesse/2147483647/bearbeiten`)).status).toBe(404);
    const cancelled = await pastMeeting({ title: 'Abgesagtes Treffen' });
    await ctx.db.prisma.meeting.update({ where: { id: cancelled.meeting.id }, data: { status: 'CANCELLED', cancelReason: 'Krank' } });
    expect((await leadAgent.get(`/treffen/${cancelled.meeting.id}/protokoll/bearbeiten`)).status).toBe(409);
    expect(text((await visitor().get(`/treffen/${cancelled.meeting.id}/protokoll`)).text)).toContain('dafür gibt es kein Protokoll');
  });
});
