// KOG-Treffen, Rückmeldungen and Vorlagen: answering and changing the answer until the meeting starts, input-talk
// slots (one per alliance and item), the organisers' counts, list and CSV (safe in spreadsheets); materials as
// files or texts with the "nach Frist" flag, the streamed ZIP, members-only materials of internal meetings,
// sending the materials out, and who may do what on every route.
import { randomBytes } from 'node:crypto';
import { parse } from 'csv-parse/sync';
import { unzipSync, strFromU8 } from 'fflate';
import request from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import { addDays, berlinDay } from '../src/lib/dates.js';
import { safeArchiveName } from '../src/features/meetings/materials.js';
import { createUser, csrfTokenFrom, formBody, readsOf, sessionAgent, text as decoded, useTestContext } from './support/context.js';
import { HTML_PAGE, pdf, png } from './support/files.js';
import { createMeeting } from './support/meetings.js';

const ctx = useTestContext();
const visitor = () => request(ctx.app);
const text = (html: string) => decoded(html.replace(/<[^>]*>/g, ' ')).replace(/\s+/g, ' ');

let leadId: number;
let lead: request.Agent;
let otherOrganizer: request.Agent;
let admin: request.Agent;
let member: request.Agent;
let allianceA: { id: number; name: string };
let allianceB: { id: number; name: string };

/** A member of an alliance (or none), logged in. */
async function person(name: string, allianceId: number | null = null, role: 'MEMBER' | 'ORGANIZER' = 'MEMBER') {
  const user = await createUser(ctx.db, { name, role });
  if (allianceId) await ctx.db.prisma.user.update({ where: { id: user.id }, data: { allianceId } });
  return { id: user.id, name, agent: await sessionAgent(ctx.app, user.id) };
}

let allianceCounter = 0;
async function alliance(name: string) {
  allianceCounter += 1;
  return ctx.db.prisma.alliance.create({
    data: { slug: `buendnis-${allianceCounter}`, name, municipality: 'Gelsenkirchen', state: 'NW' },
    select: { id: true, name: true },
  });
}

/** A day this many days from today (Berlin), for meetings whose deadlines must (not) have passed. */
const inDays = (days: number) => addDays(berlinDay(new Date()), days);

async function agendaItem(meetingId: number, position: number, title: string, hasInputTalks = false) {
  return ctx.db.prisma.agendaItem.create({ data: { meetingId, position, title, hasInputTalks } });
}

async function post(agent: request.Agent, action: string, fields: Record<string, string>) {
  const token = await csrfTokenFrom(agent, '/konto');
  return agent
    .post(action)
    .type('form')
    .send(formBody({ ...fields, _csrf: token }));
}

const answer = (agent: request.Agent, meetingId: number, fields: Record<string, string>) =>
  post(agent, `/treffen/${meetingId}/rueckmeldungen`, fields);

/** The flash messages shown after a redirect. */
async function follow(agent: request.Agent, res: request.Response) {
  expect(res.status).toBe(303);
  return text((await agent.get(res.headers.location!)).text);
}

/** Reads a response body as bytes (CSV with BOM, ZIP). */
function bytes(req: request.Test) {
  return req.buffer(true).parse((res, callback) => {
    const chunks: Buffer[] = [];
    res.on('data', (chunk: Buffer) => chunks.push(chunk));
    res.on('end', () => callback(null, Buffer.concat(chunks)));
  });
}

beforeAll(async () => {
  leadId = (await createUser(ctx.db, { role: 'ORGANIZER', name: 'Lena Leitung' })).id;
  lead = await sessionAgent(ctx.app, leadId);
  otherOrganizer = await sessionAgent(ctx.app, (await createUser(ctx.db, { role: 'ORGANIZER', name: 'Otto Orga' })).id);
  admin = await sessionAgent(ctx.app, (await createUser(ctx.db, { role: 'ADMIN', name: 'Ada Admin' })).id);
  member = await sessionAgent(ctx.app, (await createUser(ctx.db, { name: 'Mia Mitglied' })).id);
  allianceA = await alliance('AUF Gelsenkirchen');
  allianceB = await alliance('Frankfurt Sozial!');
});

describe('Rückmeldungen', () => {
  it('lets a member answer and change the answer; one answer per person, for their alliance', async () => {
    const meeting = await createMeeting(ctx.db, leadId, { day: inDays(40), onlineLink: 'https://meet.example.org/kog' });
    const page = await visitor().get(`/treffen/${meeting.id}/rueckmeldungen`);
    expect(page.status).toBe(200);
    expect(text(page.text)).toContain('Melde dich an, um dich zurückzumelden');
    expect(page.text).toContain(`/anmelden?weiter=${encodeURIComponent(`/treffen/${meeting.id}/rueckmeldungen`)}`);

    const jana = await person('Jana Jäger', allianceA.id);
    const res = await answer(jana.agent, meeting.id, { attendance: 'ON_SITE', bringsCake: 'ja', comment: 'Wir kommen zu dritt.' });
    const shown = await follow(jana.agent, res);
    expect(shown).toContain('Danke, deine Rückmeldung ist gespeichert.');
    expect(shown).toContain('Du hast geantwortet: vor Ort (für AUF Gelsenkirchen)');
    expect(shown).toContain('Online dabei: meet.example.org/kog');
    let stored = await ctx.db.prisma.rsvp.findUniqueOrThrow({ where: { meetingId_userId: { meetingId: meeting.id, userId: jana.id } } });
    expect(stored).toMatchObject({ attendance: 'ON_SITE', bringsCake: true, comment: 'Wir kommen zu dritt.', allianceId: allianceA.id });

    // Changing the answer keeps one row; "nicht dabei" drops the cake.
    await answer(jana.agent, meeting.id, { attendance: 'ONLINE', bringsCake: 'ja', comment: '' });
    await answer(jana.agent, meeting.id, { attendance: 'NO', bringsCake: 'ja', comment: 'Leider krank.' });
    expect(await ctx.db.prisma.rsvp.count({ where: { meetingId: meeting.id } })).toBe(1);
    stored = await ctx.db.prisma.rsvp.findUniqueOrThrow({ where: { meetingId_userId: { meetingId: meeting.id, userId: jana.id } } });
    expect(stored).toMatchObject({ attendance: 'NO', bringsCake: false, comment: 'Leider krank.' });
    // Without a "yes", the meeting page keeps the online link back.
    expect(text((await jana.agent.get(`/treffen/${meeting.id}`)).text)).not.toContain('meet.example.org/kog');
  });

  it('counts the answers for organisers', async () => {
    const meeting = await createMeeting(ctx.db, leadId, { day: inDays(41) });
    const answers: [string, Record<string, string>][] = [
      ['Anna Vor-Ort', { attendance: 'ON_SITE', bringsCake: 'ja' }],
      ['Bert Vor-Ort', { attendance: 'ON_SITE' }],
      ['Cora Online', { attendance: 'ONLINE', offersTalk: 'ja' }],
      ['Dora Vielleicht', { attendance: 'MAYBE', bringsCake: 'ja' }],
      ['Emil Nein', { attendance: 'NO', bringsCake: 'ja', offersTalk: 'ja' }],
    ];
    for (const [name, fields] of answers) expect((await answer((await person(name)).agent, meeting.id, fields)).status).toBe(303);
    const page = text((await otherOrganizer.get(`/treffen/${meeting.id}/rueckmeldungen`)).text);
    expect(page).toContain('2 vor Ort 1 online 1 vielleicht 1 nicht dabei 2 Kuchen 1 Beiträge');
    const list = text((await otherOrganizer.get(`/treffen/${meeting.id}/rueckmeldungen/liste`)).text);
    expect(list).toContain('Anna Vor-Ort – vor Ort – ja');
    expect(list).toContain('Cora Online – online angeboten');
    // Members see their own answer only.
    expect(text((await member.get(`/treffen/${meeting.id}/rueckmeldungen`)).text)).not.toContain('Stand der Rückmeldungen');
  });

  it('refuses an answer that is not one of the choices, and changes nothing', async () => {
    const meeting = await createMeeting(ctx.db, leadId, { day: inDays(42) });
    const res = await answer(member, meeting.id, { attendance: 'JEIN', comment: 'Mal sehen' });
    expect(res.status).toBe(422);
    expect(text(res.text)).toContain('Bitte wähle, ob und wie du dabei bist.');
    expect(res.text).toContain('Mal sehen');
    expect(await ctx.db.prisma.rsvp.count({ where: { meetingId: meeting.id } })).toBe(0);
  });

  it('is closed once the meeting has started, and when it is cancelled', async () => {
    const started = await createMeeting(ctx.db, leadId, { day: berlinDay(new Date()), from: '00:00', to: '23:59' });
    const cancelled = await createMeeting(ctx.db, leadId, { day: inDays(30) });
    await ctx.db.prisma.meeting.update({ where: { id: cancelled.id }, data: { status: 'CANCELLED', cancelReason: 'Raum weg' } });
    for (const [meeting, note] of [
      [started, 'Das Treffen hat schon begonnen.'],
      [cancelled, 'Das Treffen ist abgesagt. Rückmeldungen sind nicht mehr möglich.'],
    ] as const) {
      const page = await member.get(`/treffen/${meeting.id}/rueckmeldungen`);
      expect(text(page.text)).toContain(note);
      expect(page.text).not.toContain('name="attendance"');
      const res = await answer(member, meeting.id, { attendance: 'ON_SITE' });
      expect(res.status).toBe(409);
      expect(text(res.text)).toContain(note);
      expect(await ctx.db.prisma.rsvp.count({ where: { meetingId: meeting.id } })).toBe(0);
    }
  });

  it('gives each alliance one input-talk slot per item, and frees it again', async () => {
    const meeting = await createMeeting(ctx.db, leadId, { day: inDays(43) });
    await agendaItem(meeting.id, 1, 'Begrüßung');
    const item = await agendaItem(meeting.id, 2, 'Die Arbeit der Bündnisse', true);
    const first = await person('Jana Jäger', allianceA.id);
    const second = await person('Kai Krause', allianceA.id);
    const other = await person('Lou Lang', allianceB.id);
    const loner = await person('Nora Ohnebund');

    // The only item that collects talks needs no choice; the topic does.
    const form = await first.agent.get(`/treffen/${meeting.id}/rueckmeldungen`);
    expect(form.text).toContain(`<input type="hidden" name="talkItemId" value="${item.id}">`);
    const noTopic = await answer(first.agent, meeting.id, {
      attendance: 'ON_SITE',
      offersTalk: 'ja',
      talkItemId: String(item.id),
      topic: '',
    });
    expect(noTopic.status).toBe(422);
    expect(text(noTopic.text)).toContain('Bitte gib das Thema deines Beitrags an');

    await answer(first.agent, meeting.id, {
      attendance: 'ON_SITE',
      offersTalk: 'ja',
      talkItemId: String(item.id),
      topic: 'Unser Wahlkampf',
    });
    expect(
      await ctx.db.prisma.inputTalk.findMany({ where: { agendaItemId: item.id }, select: { userId: true, allianceId: true, topic: true } }),
    ).toEqual([{ userId: first.id, allianceId: allianceA.id, topic: 'Unser Wahlkampf' }]);

    // A second person of the same alliance is told who has the slot; the rest of the answer is kept.
    const taken = await answer(second.agent, meeting.id, {
      attendance: 'ONLINE',
      offersTalk: 'ja',
      talkItemId: String(item.id),
      topic: 'Haushalt',
      bringsCake: 'ja',
    });
    const shown = await follow(second.agent, taken);
    expect(shown).toContain('hat schon Jana Jäger übernommen');
    expect(shown).toContain('Deine übrige Rückmeldung ist gespeichert');
    expect(
      await ctx.db.prisma.rsvp.findUniqueOrThrow({ where: { meetingId_userId: { meetingId: meeting.id, userId: second.id } } }),
    ).toMatchObject({
      attendance: 'ONLINE',
      bringsCake: true,
      offersTalk: false,
    });

    // Another alliance gets its own slot; the page lists who speaks.
    await answer(other.agent, meeting.id, { attendance: 'ON_SITE', offersTalk: 'ja', talkItemId: String(item.id), topic: 'Sozialticket' });
    expect(await ctx.db.prisma.inputTalk.count({ where: { agendaItemId: item.id } })).toBe(2);
    const page = text((await member.get(`/treffen/${meeting.id}/rueckmeldungen`)).text);
    expect(page).toContain('AUF Gelsenkirchen (Jana Jäger): Unser Wahlkampf');
    expect(page).toContain('Frankfurt Sozial! (Lou Lang): Sozialticket');

    // Without an alliance there is no slot to take: explained, the rest kept.
    const alone = await follow(
      loner.agent,
      await answer(loner.agent, meeting.id, { attendance: 'ON_SITE', offersTalk: 'ja', talkItemId: String(item.id), topic: 'Meine Sicht' }),
    );
    expect(alone).toContain('noch keinem Bündnis zugeordnet');
    expect(
      await ctx.db.prisma.rsvp.findUniqueOrThrow({ where: { meetingId_userId: { meetingId: meeting.id, userId: loner.id } } }),
    ).toMatchObject({
      attendance: 'ON_SITE',
      offersTalk: false,
    });
    expect(await ctx.db.prisma.inputTalk.count({ where: { userId: loner.id } })).toBe(0);

    // Unticking the talk frees the slot; "nicht dabei" does too. Then the colleague can take it.
    await answer(first.agent, meeting.id, { attendance: 'ON_SITE' });
    expect(await ctx.db.prisma.inputTalk.count({ where: { userId: first.id } })).toBe(0);
    await answer(second.agent, meeting.id, { attendance: 'ONLINE', offersTalk: 'ja', talkItemId: String(item.id), topic: 'Haushalt' });
    expect(
      await ctx.db.prisma.inputTalk.findFirst({ where: { agendaItemId: item.id, allianceId: allianceA.id }, select: { userId: true } }),
    ).toEqual({
      userId: second.id,
    });
    await answer(second.agent, meeting.id, { attendance: 'NO', offersTalk: 'ja', talkItemId: String(item.id), topic: 'Haushalt' });
    expect(await ctx.db.prisma.inputTalk.count({ where: { agendaItemId: item.id, allianceId: allianceA.id } })).toBe(0);
  });

  it('asks which item when several collect talks, and never takes an item of another meeting', async () => {
    const meeting = await createMeeting(ctx.db, leadId, { day: inDays(44) });
    const one = await agendaItem(meeting.id, 1, 'Erfahrungen der Bündnisse', true);
    await agendaItem(meeting.id, 2, 'Bündniskongress', true);
    const elsewhere = await agendaItem((await createMeeting(ctx.db, leadId, { day: inDays(45) })).id, 1, 'Anderswo', true);
    const jana = await person('Jana Zwei', allianceB.id);
    for (const talkItemId of ['', String(elsewhere.id)]) {
      const res = await answer(jana.agent, meeting.id, { attendance: 'ON_SITE', offersTalk: 'ja', talkItemId, topic: 'Thema' });
      expect(res.status).toBe(422);
      expect(text(res.text)).toContain('Bitte wähle den Tagesordnungspunkt');
    }
    expect(await ctx.db.prisma.inputTalk.count({ where: { userId: jana.id } })).toBe(0);
    await answer(jana.agent, meeting.id, { attendance: 'ON_SITE', offersTalk: 'ja', talkItemId: String(one.id), topic: 'Thema' });
    expect(await ctx.db.prisma.inputTalk.count({ where: { userId: jana.id, agendaItemId: one.id } })).toBe(1);
  });

  it('keeps a talk offer when no item collects talks yet', async () => {
    const meeting = await createMeeting(ctx.db, leadId, { day: inDays(46) });
    const jana = await person('Jana Früh', allianceA.id);
    const page = text((await jana.agent.get(`/treffen/${meeting.id}/rueckmeldungen`)).text);
    expect(page).toContain('sobald die Tagesordnung einen solchen Punkt hat');
    await answer(jana.agent, meeting.id, { attendance: 'ON_SITE', offersTalk: 'ja' });
    expect(
      (await ctx.db.prisma.rsvp.findUniqueOrThrow({ where: { meetingId_userId: { meetingId: meeting.id, userId: jana.id } } })).offersTalk,
    ).toBe(true);
  });

  it('exports a CSV that spreadsheets open with umlauts and without running formulas', async () => {
    const meeting = await createMeeting(ctx.db, leadId, { day: inDays(47) });
    const people: [string, Record<string, string>][] = [
      ['Jürgen Größe', { attendance: 'ON_SITE', comment: 'Anreise über Köln; Übernachtung nötig' }],
      ['=HYPERLINK("http://x")', { attendance: 'ONLINE', comment: '+49 170 1234567' }],
      ['@SUM(1)', { attendance: 'MAYBE', comment: '-1' }],
    ];
    for (const [name, fields] of people) await answer((await person(name, allianceA.id)).agent, meeting.id, fields);
    const res = await bytes(lead.get(`/treffen/${meeting.id}/rueckmeldungen.csv`));
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toBe(`attachment; filename="rueckmeldungen-treffen-${meeting.id}-${inDays(47)}.csv"`);
    expect(res.headers['cache-control']).toBe('no-store');
    const body = res.body as Buffer;
    expect([...body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const csv = body.toString('utf8');
    expect(csv.slice(1).split('\r\n')[0]).toBe('Name;Bündnis;Rückmeldung;Impulsbeitrag;TOP;Thema;Kuchen;Kommentar;Zuletzt geändert');
    const rows = parse(csv, { bom: true, delimiter: ';' }) as string[][];
    const byName = new Map(rows.slice(1).map((r) => [r[0]!, r]));
    expect(byName.get('Jürgen Größe')!.slice(1, 4)).toEqual(['AUF Gelsenkirchen', 'vor Ort', 'nein']);
    expect(byName.get('Jürgen Größe')![7]).toBe('Anreise über Köln; Übernachtung nötig');
    expect(byName.get(`'=HYPERLINK("http://x")`)![7]).toBe(`'+49 170 1234567`);
    expect(byName.get(`'@SUM(1)`)![7]).toBe(`'-1`);
    // Nothing in the file starts a cell with a formula character.
    for (const row of rows) for (const cell of row) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
  });

  it('shows the list and the CSV to organisers only', async () => {
    const meeting = await createMeeting(ctx.db, leadId, { day: inDays(48) });
    for (const path of [`/treffen/${meeting.id}/rueckmeldungen/liste`, `/treffen/${meeting.id}/rueckmeldungen.csv`]) {
      const anonymous = await visitor().get(path);
      expect(anonymous.status, path).toBe(303);
      expect(anonymous.headers.location).toBe(`/anmelden?weiter=${encodeURIComponent(path)}`);
      expect((await member.get(path)).status, path).toBe(403);
      for (const agent of [otherOrganizer, lead, admin]) expect((await agent.get(path)).status, path).toBe(200);
    }
    // Answering needs a login; an internal meeting's page too.
    const anonymous = await visitor().post(`/treffen/${meeting.id}/rueckmeldungen`).type('form').send('attendance=ON_SITE');
    expect(anonymous.status).toBe(403);
    expect(await ctx.db.prisma.rsvp.count({ where: { meetingId: meeting.id } })).toBe(0);
    const internal = await createMeeting(ctx.db, leadId, { day: inDays(48), isPublic: false });
    const redirect = await visitor().get(`/treffen/${internal.id}/rueckmeldungen`);
    expect(redirect.status).toBe(303);
    expect(redirect.headers.location).toMatch(/^\/anmelden\?weiter=/);
    expect((await member.get(`/treffen/${internal.id}/rueckmeldungen`)).status).toBe(200);
  });
});

describe('Vorlagen', () => {
  /** The upload form's address (its token travels in the query string). */
  async function uploadAction(agent: request.Agent, meetingId: number): Promise<string> {
    const page = await agent.get(`/treffen/${meetingId}/vorlagen`);
    const match = /action="(\/treffen\/\d+\/vorlagen\?_csrf=[^"]+)"/.exec(page.text);
    if (!match) throw new Error(`no upload form (status ${page.status})`);
    return match[1]!;
  }

  async function addMaterial(
    agent: request.Agent,
    meetingId: number,
    fields: Record<string, string>,
    file?: { name: string; content: Buffer; type?: string },
  ) {
    let req = agent.post(await uploadAction(agent, meetingId));
    for (const [name, value] of Object.entries(fields)) req = req.field(name, value);
    if (file) req = req.attach('datei', file.content, file.type ? { filename: file.name, contentType: file.type } : file.name);
    else if (!('agendaItemId' in fields)) req = req.field('agendaItemId', ''); // a form without a file is multipart too
    return req;
  }

  const materials = (meetingId: number) => ctx.db.prisma.material.count({ where: { meetingId } });

  it('takes a real PDF and a Markdown text, and shows who added them, when, type and size', async () => {
    const meeting = await createMeeting(ctx.db, leadId, { day: inDays(60) });
    const res = await addMaterial(lead, meeting.id, {}, { name: 'Haushaltsrede.pdf', content: pdf('Haushalt') });
    expect(res.status).toBe(303);
    const textRes = await addMaterial(lead, meeting.id, { title: 'Antragsentwurf', body: 'Der Rat möge **beschließen**.' });
    expect(textRes.status).toBe(303);
    const page = await visitor().get(`/treffen/${meeting.id}/vorlagen`);
    const shown = text(page.text);
    expect(shown).toContain('Zum ganzen Treffen');
    expect(shown).toContain('Haushaltsrede.pdf (PDF, 1 KB)');
    expect(shown).toContain('Hinzugefügt von Lena Leitung am');
    expect(page.text).toContain('<strong>beschließen</strong>');
    expect(shown).not.toContain('nach Frist');
    // Visitors see no form to add or delete.
    expect(page.text).not.toContain('Vorlage hinzufügen');
    const [, id, name] = /href="\/anhaenge\/(\d+)\/([^"]+)"/.exec(page.text)!;
    const file = await bytes(visitor().get(`/anhaenge/${id}/${name}`));
    expect(file.status).toBe(200);
    expect((file.body as Buffer).equals(pdf('Haushalt'))).toBe(true);
  });

  it('refuses a renamed HTML page with the German message, and needs a file or a text', async () => {
    const meeting = await createMeeting(ctx.db, leadId, { day: inDays(61) });
    const before = await ctx.db.prisma.attachment.count();
    const html = await addMaterial(
      lead,
      meeting.id,
      { title: 'Protokoll' },
      { name: 'Protokoll.pdf', content: HTML_PAGE, type: 'application/pdf' },
    );
    expect(html.status).toBe(422);
    expect(text(html.text)).toContain('„Protokoll.pdf“ hat keinen erlaubten Dateityp');
    expect(text(html.text)).toContain('Geprüft wird der Inhalt, nicht die Endung.');
    expect(html.text).toContain('value="Protokoll"');
    expect(await ctx.db.prisma.attachment.count()).toBe(before);
    const empty = await addMaterial(lead, meeting.id, { title: 'Nichts' });
    expect(empty.status).toBe(422);
    expect(text(empty.text)).toContain('Bitte eine Datei wählen oder einen Text eingeben.');
    const untitled = await addMaterial(lead, meeting.id, { body: 'Text ohne Titel' });
    expect(untitled.status).toBe(422);
    expect(text(untitled.text)).toContain('Bitte einen Titel für den Text angeben.');
    const foreignItem = await agendaItem((await createMeeting(ctx.db, leadId, { day: inDays(62) })).id, 1, 'Fremd');
    const wrongItem = await addMaterial(lead, meeting.id, { title: 'Falsch', body: 'x', agendaItemId: String(foreignItem.id) });
    expect(wrongItem.status).toBe(422);
    expect(await materials(meeting.id)).toBe(0);
  });

  it('marks materials that came after the deadline "nach Frist"', async () => {
    // Meeting in three days: the materials were due four days ago.
    const meeting = await createMeeting(ctx.db, leadId, { day: inDays(3) });
    await addMaterial(lead, meeting.id, { title: 'Späte Ergänzung', body: 'Kam leider spät.' });
    const shown = text((await member.get(`/treffen/${meeting.id}/vorlagen`)).text);
    expect(shown).toContain('Späte Ergänzung nach Frist');
  });

  it('gives all materials as one ZIP: folders per item, texts as .md, safe and unique names, the same bytes', async () => {
    const meeting = await createMeeting(ctx.db, leadId, { day: inDays(63) });
    expect((await visitor().get(`/treffen/${meeting.id}/vorlagen.zip`)).status).toBe(404);
    expect(text((await visitor().get(`/treffen/${meeting.id}/vorlagen.zip`)).text)).toContain('noch keine Vorlagen');
    await agendaItem(meeting.id, 1, 'Begrüßung');
    const budget = await agendaItem(meeting.id, 2, 'Haushalt / Finanzen');
    const first = pdf('erste');
    const second = pdf('zweite');
    const picture = png(20, 10);
    await addMaterial(lead, meeting.id, { title: 'Einladung' }, { name: 'Datei.pdf', content: first });
    await addMaterial(lead, meeting.id, { title: 'Nachtrag' }, { name: 'Datei.pdf', content: second });
    await addMaterial(lead, meeting.id, { agendaItemId: String(budget.id) }, { name: '.versteckt.png', content: picture });
    await addMaterial(admin, meeting.id, {
      title: 'Antrag: Sozialticket?',
      body: 'Der Rat möge beschließen …',
      agendaItemId: String(budget.id),
    });

    const res = await bytes(visitor().get(`/treffen/${meeting.id}/vorlagen.zip`));
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/zip');
    expect(res.headers['content-disposition']).toBe(`attachment; filename="vorlagen-treffen-${meeting.id}.zip"`);
    const files = unzipSync(new Uint8Array(res.body as Buffer));
    expect(Object.keys(files).sort()).toEqual(
      [
        'Datei (2).pdf',
        'Datei.pdf',
        'TOP 2 – Haushalt _ Finanzen/Antrag_ Sozialticket_.md',
        'TOP 2 – Haushalt _ Finanzen/versteckt.png',
      ].sort(),
    );
    expect(Buffer.from(files['Datei.pdf']!).equals(first)).toBe(true);
    expect(Buffer.from(files['Datei (2).pdf']!).equals(second)).toBe(true);
    expect(Buffer.from(files['TOP 2 – Haushalt _ Finanzen/versteckt.png']!).equals(picture)).toBe(true);
    expect(strFromU8(files['TOP 2 – Haushalt _ Finanzen/Antrag_ Sozialticket_.md']!)).toBe(
      '# Antrag: Sozialticket?\n\nDer Rat möge beschließen …\n',
    );
    // The page groups the same way, in agenda order.
    const shown = text((await visitor().get(`/treffen/${meeting.id}/vorlagen`)).text);
    expect(shown.indexOf('Zum ganzen Treffen')).toBeLessThan(shown.indexOf('TOP 2 Haushalt / Finanzen'));
  });

  it('makes the ZIP once and gives everyone that file until the materials change, then the new one at once', async () => {
    const meeting = await createMeeting(ctx.db, leadId, { day: inDays(70) });
    await addMaterial(lead, meeting.id, { title: 'Erste' }, { name: 'Erste.pdf', content: pdf('erste Fassung') });
    const zipOf = async (agent: request.Agent | ReturnType<typeof visitor>) => {
      const res = await bytes(agent.get(`/treffen/${meeting.id}/vorlagen.zip`));
      expect(res.status).toBe(200);
      expect(res.headers['content-length']).toBe(String((res.body as Buffer).length));
      return res.body as Buffer;
    };
    const first = await zipOf(member);
    // The files' bytes are not read from the database again: the kept archive is sent.
    let again: Buffer | undefined;
    const reads = await readsOf(ctx.app, 'FROM attachments WHERE id = ANY', async () => (again = await zipOf(visitor())));
    expect(reads).toBe(0);
    expect(again!.equals(first)).toBe(true);

    // Whoever adds a material gets it in the ZIP on the next download, and so does everyone else.
    await addMaterial(lead, meeting.id, { title: 'Zweite' }, { name: 'Zweite.pdf', content: pdf('zweite') });
    expect(Object.keys(unzipSync(new Uint8Array(await zipOf(lead)))).sort()).toEqual(['Erste.pdf', 'Zweite.pdf']);
    expect(Object.keys(unzipSync(new Uint8Array(await zipOf(member)))).sort()).toEqual(['Erste.pdf', 'Zweite.pdf']);
    const material = await ctx.db.prisma.material.findFirstOrThrow({ where: { meetingId: meeting.id, title: 'Erste' } });
    await post(lead, `/treffen/${meeting.id}/vorlagen/${material.id}/loeschen`, { bestaetigt: 'ja' });
    expect(Object.keys(unzipSync(new Uint8Array(await zipOf(member))))).toEqual(['Zweite.pdf']);
  });

  it('sends many downloads of different ZIPs at the same moment each whole and right', async () => {
    const zips: { id: number; content: Buffer }[] = [];
    for (const [i, day] of [68, 67, 66].entries()) {
      const meeting = await createMeeting(ctx.db, leadId, { day: inDays(day) });
      const content = randomBytes(40_000 + i * 7_000);
      await addMaterial(
        lead,
        meeting.id,
        { title: `Gleichzeitig ${i}` },
        { name: 'Anlage.pdf', content: Buffer.concat([pdf(''), content]) },
      );
      zips.push({ id: meeting.id, content: Buffer.concat([pdf(''), content]) });
    }
    const downloads = Array.from({ length: 24 }, (_, n) => zips[n % zips.length]!);
    const results = await Promise.all(downloads.map(({ id }) => bytes(visitor().get(`/treffen/${id}/vorlagen.zip`))));
    results.forEach((res, n) => {
      expect(res.status).toBe(200);
      const files = unzipSync(new Uint8Array(res.body as Buffer));
      expect(Buffer.from(files['Anlage.pdf']!).equals(downloads[n]!.content)).toBe(true);
    });
  });

  it('streams large files one after another to the end (waiting for the connection between them)', async () => {
    const meeting = await createMeeting(ctx.db, leadId, { day: inDays(69) });
    const contents = [1, 2, 3].map(() => randomBytes(6 * 1024 * 1024));
    for (const [i, content] of contents.entries()) {
      const attachment = await ctx.db.prisma.attachment.create({
        data: {
          fileName: `Groß ${i + 1}.pdf`,
          mediaType: 'application/pdf',
          sizeBytes: content.length,
          sha256: '-',
          content: new Uint8Array(content),
          uploadedById: leadId,
        },
      });
      await ctx.db.prisma.material.create({
        data: { meetingId: meeting.id, title: `Groß ${i + 1}`, attachmentId: attachment.id, addedById: leadId },
      });
    }
    const res = await bytes(member.get(`/treffen/${meeting.id}/vorlagen.zip`));
    expect(res.status).toBe(200);
    const files = unzipSync(new Uint8Array(res.body as Buffer));
    contents.forEach((content, i) => expect(Buffer.from(files[`Groß ${i + 1}.pdf`]!).equals(content)).toBe(true));
  });

  it('makes archive names safe', () => {
    expect(safeArchiveName('../../etc/passwd')).toBe('_.._etc_passwd');
    expect(safeArchiveName('..')).toBe('Datei');
    expect(safeArchiveName('CON.pdf')).toBe('_CON.pdf');
    expect(safeArchiveName('Bericht\u202Efdp.exe')).toBe('Berichtfdp.exe');
    expect(safeArchiveName('a\tb\nc.pdf ')).toBe('a b c.pdf');
    const long = safeArchiveName(`${'ä'.repeat(300)}.pdf`);
    expect([...long]).toHaveLength(100);
    expect(long.endsWith('.pdf')).toBe(true);
  });

  it('keeps an internal meeting’s materials for members', async () => {
    const meeting = await createMeeting(ctx.db, leadId, { day: inDays(64), isPublic: false });
    await addMaterial(lead, meeting.id, {}, { name: 'Intern.pdf', content: pdf('intern') });
    const page = await member.get(`/treffen/${meeting.id}/vorlagen`);
    const href = /href="(\/anhaenge\/\d+\/[^"]+)"/.exec(page.text)![1]!;
    for (const path of [href, `/treffen/${meeting.id}/vorlagen.zip`]) {
      const anonymous = await visitor().get(path);
      expect(anonymous.status, path).toBe(303);
      expect(anonymous.headers.location).toBe(`/anmelden?weiter=${encodeURIComponent(path)}`);
      expect((await member.get(path)).status, path).toBe(200);
    }
    expect((await visitor().get(`/treffen/${meeting.id}/vorlagen`)).status).toBe(303);
  });

  it('sends the materials to registered participants and records the first sending', async () => {
    const meeting = await createMeeting(ctx.db, leadId, { day: inDays(65), title: 'KOG-Treffen Vorlagentest' });
    await addMaterial(lead, meeting.id, { title: 'Rechenschaftsbericht' }, { name: 'Bericht.pdf', content: pdf() });
    const coming = await person('Paula Kommt');
    const notComing = await person('Quentin Nicht');
    await answer(coming.agent, meeting.id, { attendance: 'ON_SITE' });
    await answer(notComing.agent, meeting.id, { attendance: 'NO' });

    // Without JavaScript, the first press asks.
    const ask = await post(lead, `/treffen/${meeting.id}/vorlagen/verschicken`, {});
    expect(ask.status).toBe(200);
    expect(text(ask.text)).toContain('Vorlagen verschicken?');
    expect((await ctx.db.prisma.meeting.findUniqueOrThrow({ where: { id: meeting.id } })).materialsPublishedAt).toBeNull();

    const sent = await post(lead, `/treffen/${meeting.id}/vorlagen/verschicken`, { bestaetigt: 'ja' });
    expect(await follow(lead, sent)).toContain('1 angemeldete Personen bekommen eine E-Mail');
    const publishedAt = (await ctx.db.prisma.meeting.findUniqueOrThrow({ where: { id: meeting.id } })).materialsPublishedAt;
    expect(publishedAt).toBeInstanceOf(Date);
    const mails = await ctx.db.prisma.outboxMail.findMany({ where: { subject: 'Vorlagen: KOG-Treffen Vorlagentest' } });
    expect(mails).toHaveLength(1);
    const recipient = await ctx.db.prisma.user.findUniqueOrThrow({ where: { id: coming.id } });
    expect(mails[0]!.recipient).toBe(recipient.email);
    expect(mails[0]!.body).toContain('Hallo Paula Kommt');
    expect(mails[0]!.body).toContain('- Rechenschaftsbericht (Bericht.pdf)');
    expect(mails[0]!.body).toContain(`/treffen/${meeting.id}/vorlagen.zip`);

    // Later additions can still be sent; the deadline keeps the first date.
    await addMaterial(lead, meeting.id, { title: 'Nachtrag', body: 'Noch etwas.' });
    await post(admin, `/treffen/${meeting.id}/vorlagen/verschicken`, { bestaetigt: 'ja' });
    expect((await ctx.db.prisma.meeting.findUniqueOrThrow({ where: { id: meeting.id } })).materialsPublishedAt).toEqual(publishedAt);
    expect(await ctx.db.prisma.outboxMail.count({ where: { subject: 'Vorlagen: KOG-Treffen Vorlagentest' } })).toBe(2);
    expect(text((await member.get(`/treffen/${meeting.id}/vorlagen`)).text)).toContain('verschickt am');
  });

  it('deletes a material with its file after asking, and only within its meeting', async () => {
    const meeting = await createMeeting(ctx.db, leadId, { day: inDays(66) });
    const other = await createMeeting(ctx.db, leadId, { day: inDays(67) });
    await addMaterial(lead, meeting.id, { title: 'Weg damit' }, { name: 'weg.pdf', content: pdf('weg') });
    const material = await ctx.db.prisma.material.findFirstOrThrow({ where: { meetingId: meeting.id } });
    expect((await post(lead, `/treffen/${other.id}/vorlagen/${material.id}/loeschen`, { bestaetigt: 'ja' })).status).toBe(404);
    const ask = await post(lead, `/treffen/${meeting.id}/vorlagen/${material.id}/loeschen`, {});
    expect(text(ask.text)).toContain('„Weg damit“ wird mit der Datei gelöscht');
    const done = await post(lead, `/treffen/${meeting.id}/vorlagen/${material.id}/loeschen`, { bestaetigt: 'ja' });
    expect(await follow(lead, done)).toContain('„Weg damit“ ist gelöscht.');
    expect(await ctx.db.prisma.material.count({ where: { id: material.id } })).toBe(0);
    expect(await ctx.db.prisma.attachment.count({ where: { id: material.attachmentId! } })).toBe(0);
  });

  it('lets only the lead organiser and admins add, send and delete', async () => {
    const meeting = await createMeeting(ctx.db, leadId, { day: inDays(68) });
    await addMaterial(lead, meeting.id, { title: 'Von der Leitung', body: 'Text' });
    const material = await ctx.db.prisma.material.findFirstOrThrow({ where: { meetingId: meeting.id } });
    const routes = [
      `/treffen/${meeting.id}/vorlagen`,
      `/treffen/${meeting.id}/vorlagen/verschicken`,
      `/treffen/${meeting.id}/vorlagen/${material.id}/loeschen`,
    ];
    for (const agent of [member, otherOrganizer]) {
      // Pages show them no forms to change anything…
      expect((await agent.get(routes[0]!)).text).not.toContain('Vorlage hinzufügen');
      // …and the server refuses.
      for (const path of routes) expect((await post(agent, path, { title: 'Fremd', body: 'x', bestaetigt: 'ja' })).status, path).toBe(403);
    }
    for (const path of routes) expect((await visitor().post(path).type('form').send('bestaetigt=ja')).status, path).toBe(403);
    // A visitor with a valid token is sent to the login before anything is read.
    const stranger = request.agent(ctx.app);
    const token = await csrfTokenFrom(stranger, '/anmelden');
    const upload = await stranger.post(`/treffen/${meeting.id}/vorlagen?_csrf=${token}`).attach('datei', pdf(), 'x.pdf');
    expect(upload.status).toBe(303);
    expect(upload.headers.location).toMatch(/^\/anmelden/);
    expect(await materials(meeting.id)).toBe(1);
    expect((await ctx.db.prisma.meeting.findUniqueOrThrow({ where: { id: meeting.id } })).materialsPublishedAt).toBeNull();
    // The admin may.
    expect((await addMaterial(admin, meeting.id, { title: 'Vom Admin', body: 'Text' })).status).toBe(303);
    expect((await post(admin, routes[2]!, { bestaetigt: 'ja' })).status).toBe(303);
    expect(await materials(meeting.id)).toBe(1);
  });
});
