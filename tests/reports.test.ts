// Erfahrungsberichte: the whole way from draft to publication and back, who sees what where, the author's
// chosen display, search and the Atom feed.
import request from 'supertest';
import { xml2js, type Element } from 'xml-js';
import { beforeAll, describe, expect, it } from 'vitest';
import { createUser, csrfTokenFrom, formBody, sessionAgent, text, useTestContext } from './support/context.js';
import { completeReport, decide, publishedReport, sendReportForm, slugFromRedirect, waitingVersion } from './support/reports.js';

const ctx = useTestContext();

let author: request.Agent;
let authorId: number;
let admin: request.Agent;
let member: request.Agent;
let allianceId: number;
let topicIds: { verkehr: number; wohnen: number };
const visitor = () => request(ctx.app);

beforeAll(async () => {
  const alliance = await ctx.db.prisma.alliance.create({
    data: { slug: 'liste-teststadt', name: 'Liste Teststadt', municipality: 'Teststadt', state: 'HE' },
  });
  allianceId = alliance.id;
  const person = await createUser(ctx.db, { name: 'Rita Reporterin' });
  authorId = person.id;
  await ctx.db.prisma.user.update({ where: { id: person.id }, data: { allianceId } });
  author = await sessionAgent(ctx.app, person.id);
  admin = await sessionAgent(ctx.app, (await createUser(ctx.db, { role: 'ADMIN', name: 'Adam Admin' })).id);
  member = await sessionAgent(ctx.app, (await createUser(ctx.db)).id);
  const topics = await ctx.db.prisma.topic.findMany({ where: { slug: { in: ['verkehr', 'wohnen'] } } });
  topicIds = { verkehr: topics.find((t) => t.slug === 'verkehr')!.id, wohnen: topics.find((t) => t.slug === 'wohnen')!.id };
});

/** Every report form in this file is sent with the author's alliance chosen, as the form preselects it. */
const full = (overrides: Record<string, string | string[]> = {}) => completeReport({ allianceId: String(allianceId), ...overrides });
const publish = (overrides: Record<string, string | string[]> = {}) => publishedReport(ctx, author, admin, { allianceId: String(allianceId), ...overrides });

/** The list entry (or feed entry) that carries this title. */
function entryWith(html: string, title: string): string {
  const blocks = html.split(/<li class="entry|<entry>/);
  const found = blocks.find((b) => text(b).includes(title));
  if (!found) throw new Error(`no entry with ${title}`);
  return text(found);
}

const outbox = (recipientId: number) =>
  ctx.db.prisma.user.findUniqueOrThrow({ where: { id: recipientId } }).then((u) => ctx.db.prisma.outboxMail.findMany({ where: { recipient: u.email }, orderBy: { id: 'asc' } }));

describe('writing a report', () => {
  it('starts from the author’s alliance: its place and Bundesland, shown in the alliance’s name', async () => {
    const res = await author.get('/berichte/neu');
    expect(res.status).toBe(200);
    expect(res.text).toMatch(new RegExp(`<option value="${allianceId}" selected>Liste Teststadt`));
    expect(res.text).toMatch(/id="feld-place" name="place" type="text" value="Teststadt"/);
    expect(res.text).toMatch(/<option value="HE" selected>Hessen/);
    expect(res.text).toMatch(/value="ALLIANCE" checked/);
    expect(res.text).toContain('enctype="multipart/form-data"');
  });

  it('a draft is saved without the checks of a submission, and only its author and admins see it', async () => {
    const res = await sendReportForm(author, { title: 'Erst ein Entwurf', did: 'Stichpunkte', visibility: 'PUBLIC', authorDisplay: 'ALLIANCE', aktion: 'entwurf' });
    const slug = slugFromRedirect(res);
    expect((await author.get(`/berichte/${slug}`)).text).toContain('Entwurf');
    expect((await admin.get(`/berichte/${slug}`)).status).toBe(200);
    expect((await member.get(`/berichte/${slug}`)).status).toBe(404);
    expect((await visitor().get(`/berichte/${slug}`)).status).toBe(404);
    expect((await visitor().get('/berichte')).text).not.toContain('Erst ein Entwurf');
    expect((await author.get('/berichte/meine')).text).toContain('Erst ein Entwurf');
    // The start page reminds the author of it.
    expect(text((await author.get('/')).text)).toContain('Dein Entwurf „Erst ein Entwurf“ ist noch nicht eingereicht');
  });

  it('a submission that is not complete comes back with every field as typed, topics included', async () => {
    const res = await sendReportForm(author, {
      title: 'Unvollständig',
      summary: 'kurz',
      did: '',
      place: 'Nebenort',
      topicIds: [String(topicIds.verkehr), String(topicIds.wohnen)],
      periodFrom: '2025-03',
      visibility: 'MEMBERS',
      authorDisplay: 'PERSON',
      aktion: 'einreichen',
    });
    expect(res.status).toBe(422);
    expect(res.text).toContain('class="error-summary"');
    expect(res.text).toContain('href="#feld-summary"');
    expect(res.text).toContain('href="#feld-principles"');
    expect(res.text).toContain('value="Unvollständig"');
    expect(res.text).toContain('value="Nebenort"');
    expect(res.text).toContain('value="2025-03"');
    expect(res.text).toMatch(new RegExp(`value="${topicIds.verkehr}" checked`));
    expect(res.text).toMatch(new RegExp(`value="${topicIds.wohnen}" checked`));
    expect(res.text).toMatch(/value="MEMBERS" checked/);
    expect(res.text).toMatch(/value="PERSON" checked/);
    expect(await ctx.db.prisma.report.count({ where: { title: 'Unvollständig' } })).toBe(0);
  });

  it('"Vorschau" shows the text as readers will see it and saves nothing', async () => {
    const res = await sendReportForm(author, full({ title: 'Nur Vorschau', did: '**Fett** und eine Liste:\n\n- eins\n- zwei', aktion: 'vorschau' }));
    expect(res.status).toBe(200);
    expect(res.text).toContain('Vorschau – so sehen Lesende den Bericht');
    expect(res.text).toContain('<strong>Fett</strong>');
    expect(res.text).toContain('<li>eins</li>');
    expect(res.text).toMatch(/im Namen von <a href="\/buendnisse\/liste-teststadt">Liste Teststadt<\/a>/);
    expect(res.text).toContain('value="Nur Vorschau"');
    expect(await ctx.db.prisma.report.count({ where: { title: 'Nur Vorschau' } })).toBe(0);
  });

  it('refuses a month that does not exist and an end before the beginning', async () => {
    const res = await sendReportForm(author, full({ periodFrom: '2025-13', aktion: 'entwurf' }));
    expect(res.status).toBe(422);
    expect(text(res.text)).toContain('Bitte den Beginn als Monat angeben');
    const backwards = await sendReportForm(author, full({ periodFrom: '2025-06', periodTo: '3/2025', aktion: 'entwurf' }));
    expect(backwards.status).toBe(422);
    expect(text(backwards.text)).toContain('Das Ende liegt vor dem Beginn.');
  });

  it('only the author edits a report', async () => {
    const slug = slugFromRedirect(await sendReportForm(author, full({ title: 'Nicht deiner', aktion: 'entwurf' })));
    expect((await member.get(`/berichte/${slug}/bearbeiten`)).status).toBe(404);
    expect((await admin.get(`/berichte/${slug}/bearbeiten`)).status).toBe(403);
  });

  it('an author deletes a draft after confirming; nothing is left', async () => {
    const slug = slugFromRedirect(await sendReportForm(author, full({ title: 'Weg damit', aktion: 'entwurf' })));
    const token = await csrfTokenFrom(author, `/berichte/${slug}`);
    const ask = await author.post(`/berichte/${slug}/loeschen`).type('form').send({ _csrf: token });
    expect(ask.status).toBe(200);
    expect(text(ask.text)).toContain('„Weg damit“ löschen?');
    const done = await author.post(`/berichte/${slug}/loeschen`).type('form').send({ _csrf: token, bestaetigt: 'ja' });
    expect(done.status).toBe(303);
    expect(await ctx.db.prisma.report.count({ where: { slug } })).toBe(0);
  });
});

describe('review and publication', () => {
  let slug: string;

  it('a submission waits in the moderation queue, and the admins get one mail about it', async () => {
    const res = await sendReportForm(author, full({ title: 'Bürgerbegehren Hallenbad', topicIds: String(topicIds.wohnen) }));
    slug = slugFromRedirect(res);
    const version = await ctx.db.prisma.reportVersion.findFirstOrThrow({ where: { report: { slug } } });
    expect(version.status).toBe('SUBMITTED');
    expect(version.principlesConfirmedAt).toBeInstanceOf(Date);
    const queue = await admin.get('/admin/moderation');
    expect(text(queue.text)).toContain('Bürgerbegehren Hallenbad');
    expect(queue.text).toContain(`href="/admin/moderation/berichte/${version.id}"`);
    // The admin navigation counts what waits.
    expect(queue.text).toMatch(/Moderation \(\d+\)/);
    expect((await visitor().get(`/berichte/${slug}`)).status).toBe(404);
    await ctx.runAllJobs();
    const adminId = (await ctx.db.prisma.user.findFirstOrThrow({ where: { name: 'Adam Admin' } })).id;
    const mails = await outbox(adminId);
    expect(mails.some((m) => m.body.includes('Bürgerbegehren Hallenbad') && m.body.includes('/admin/moderation'))).toBe(true);
  });

  it('sending back needs a reason, which the author sees on the report and gets by mail', async () => {
    const missing = await decide(ctx, admin, slug, 'zurueck', '');
    expect(missing.status).toBe(422);
    expect(text(missing.text)).toContain('Bitte begründe die Entscheidung');
    const res = await decide(ctx, admin, slug, 'zurueck', 'Bitte die Namen der Nachbarn herausnehmen.');
    expect(res.status).toBe(303);
    const page = text((await author.get(`/berichte/${slug}`)).text);
    expect(page).toContain('Zurück zur Überarbeitung.');
    expect(page).toContain('Bitte die Namen der Nachbarn herausnehmen.');
    const mails = await outbox(authorId);
    expect(mails.at(-1)!.subject).toBe('Dein Bericht: bitte überarbeiten');
    expect(mails.at(-1)!.body).toContain('Bitte die Namen der Nachbarn herausnehmen.');
    const decision = await ctx.db.prisma.moderationDecision.findFirstOrThrow({ where: { decision: 'returned' }, include: { decidedBy: true } });
    expect(decision.decidedBy.name).toBe('Adam Admin');
    expect(decision.reason).toBe('Bitte die Namen der Nachbarn herausnehmen.');
  });

  it('the author revises and resubmits; the admin publishes; everyone sees it', async () => {
    const res = await sendReportForm(author, full({ title: 'Bürgerbegehren Hallenbad', did: 'Ohne Namen jetzt.', topicIds: String(topicIds.wohnen) }), [], `/berichte/${slug}/bearbeiten`);
    expect(res.status).toBe(303);
    expect((await decide(ctx, admin, slug, 'veroeffentlichen')).status).toBe(303);
    const page = await visitor().get(`/berichte/${slug}`);
    expect(page.status).toBe(200);
    expect(page.text).toContain('Ohne Namen jetzt.');
    expect(text((await visitor().get('/berichte')).text)).toContain('Bürgerbegehren Hallenbad');
    expect(text((await visitor().get('/')).text)).toContain('Bürgerbegehren Hallenbad');
    expect(text((await visitor().get('/buendnisse/liste-teststadt')).text)).toContain('Bürgerbegehren Hallenbad');
    expect(text((await visitor().get('/themen/wohnen')).text)).toContain('Bürgerbegehren Hallenbad');
    expect(text((await visitor().get('/themen/verkehr')).text)).not.toContain('Bürgerbegehren Hallenbad');
    expect((await outbox(authorId)).at(-1)!.subject).toBe('Dein Bericht ist veröffentlicht');
  });

  it('an edit of a published report goes to review while the published version stays; admins see what changed', async () => {
    const res = await sendReportForm(
      author,
      full({ title: 'Bürgerbegehren Hallenbad', did: 'Ohne Namen jetzt. Und mit Nachtrag.', topicIds: String(topicIds.wohnen) }),
      [],
      `/berichte/${slug}/bearbeiten`,
    );
    expect(res.status).toBe(303);
    const page = await visitor().get(`/berichte/${slug}`);
    expect(page.text).toContain('Ohne Namen jetzt.');
    expect(page.text).not.toContain('Nachtrag');
    expect(text((await author.get(`/berichte/${slug}`)).text)).toContain('Neue Fassung: eingereicht');
    const decisionPage = await admin.get(`/admin/moderation/berichte/${await waitingVersion(ctx, slug)}`);
    expect(decisionPage.text).toContain('Was sich gegenüber der veröffentlichten Fassung ändert');
    expect(decisionPage.text).toMatch(/<ins>[^<]*Nachtrag/);
    expect((await decide(ctx, admin, slug, 'veroeffentlichen')).status).toBe(303);
    expect((await visitor().get(`/berichte/${slug}`)).text).toContain('Und mit Nachtrag.');
    const versions = await ctx.db.prisma.reportVersion.findMany({ where: { report: { slug } }, orderBy: { number: 'asc' } });
    expect(versions.map((v) => v.status)).toEqual(['SUPERSEDED', 'PUBLISHED']);
    // Earlier versions are kept; each one's page shows what it changed against the one before.
    const history = await admin.get(`/admin/moderation/berichte/${versions[1]!.id}`);
    expect(text(history.text)).toContain('Was sich gegenüber Fassung Nr. 1 geändert hat');
    expect(history.text).toMatch(/<ins>[^<]*Nachtrag/);
    expect(history.text).toContain(`href="/admin/moderation/berichte/${versions[0]!.id}"`);
  });

  it('a rejected edit leaves the published version in place', async () => {
    await sendReportForm(author, full({ title: 'Bürgerbegehren Hallenbad', did: 'Werbung für eine Partei.' }), [], `/berichte/${slug}/bearbeiten`);
    expect((await decide(ctx, admin, slug, 'ablehnen', 'Parteiwerbung widerspricht Prinzip 4.')).status).toBe(303);
    const page = await visitor().get(`/berichte/${slug}`);
    expect(page.text).toContain('Und mit Nachtrag.');
    expect(page.text).not.toContain('Werbung für eine Partei');
    expect(text((await author.get(`/berichte/${slug}`)).text)).toContain('Parteiwerbung widerspricht Prinzip 4.');
  });

  it('a hidden report disappears everywhere, its address says it was removed, and the author is told', async () => {
    const token = await csrfTokenFrom(admin, `/berichte/${slug}/ausblenden`);
    const missing = await admin.post(`/berichte/${slug}/ausblenden`).type('form').send({ _csrf: token, begruendung: '' });
    expect(missing.status).toBe(422);
    const res = await admin.post(`/berichte/${slug}/ausblenden`).type('form').send({ _csrf: token, begruendung: 'Enthält persönliche Daten Dritter.' });
    expect(res.status).toBe(303);
    const gone = await visitor().get(`/berichte/${slug}`);
    expect(gone.status).toBe(410);
    expect(text(gone.text)).toContain('wurde von der Moderation entfernt');
    expect((await member.get(`/berichte/${slug}`)).status).toBe(410);
    for (const page of ['/berichte', '/', '/buendnisse/liste-teststadt', '/themen/wohnen', '/berichte?q=Hallenbad', '/suche?q=Hallenbad', '/berichte.atom']) {
      expect(text((await member.get(page)).text), page).not.toContain('Bürgerbegehren Hallenbad');
    }
    expect((await author.get(`/berichte/${slug}`)).text).toContain('Enthält persönliche Daten Dritter.');
    expect((await outbox(authorId)).at(-1)!.subject).toBe('Dein Bericht wurde ausgeblendet');

    const restore = await admin.post(`/berichte/${slug}/einblenden`).type('form').send({ _csrf: await csrfTokenFrom(admin, `/berichte/${slug}`) });
    expect(restore.status).toBe(303);
    expect((await visitor().get(`/berichte/${slug}`)).status).toBe(200);
  });

  it('a report rejected before publication cannot be edited any more, but can be deleted', async () => {
    const rejected = slugFromRedirect(await sendReportForm(author, full({ title: 'Wird abgelehnt' })));
    expect((await decide(ctx, admin, rejected, 'ablehnen', 'Kein Erfahrungsbericht, sondern ein Aufruf.')).status).toBe(303);
    expect((await author.get(`/berichte/${rejected}/bearbeiten`)).status).toBe(409);
    expect(text((await author.get(`/berichte/${rejected}`)).text)).toContain('Kein Erfahrungsbericht, sondern ein Aufruf.');
    expect((await visitor().get(`/berichte/${rejected}`)).status).toBe(404);
  });

  it('of two admins deciding at once, only one decision counts', async () => {
    const twice = slugFromRedirect(await sendReportForm(author, full({ title: 'Zweimal entschieden' })));
    const version = await waitingVersion(ctx, twice);
    const other = await sessionAgent(ctx.app, (await createUser(ctx.db, { role: 'ADMIN' })).id);
    const page = `/admin/moderation/berichte/${version}`;
    const results = await Promise.all(
      [admin, other].map(async (agent) => agent.post(page).type('form').send(formBody({ _csrf: await csrfTokenFrom(agent, page), entscheidung: 'veroeffentlichen', begruendung: '' }))),
    );
    expect(results.map((r) => r.status).sort()).toEqual([303, 404]);
    expect(await ctx.db.prisma.moderationDecision.count({ where: { subjectType: 'report_version', subjectId: version } })).toBe(1);
  });
});

describe('how the author appears', () => {
  let byAlliance: string;
  let byName: string;
  beforeAll(async () => {
    byAlliance = await publish({ title: 'Anonym über das Bündnis', authorDisplay: 'ALLIANCE' });
    byName = await publish({ title: 'Mit Namen gezeichnet', authorDisplay: 'PERSON' });
  });

  it('"im Namen des Bündnisses": the person is named on no page, list, search or feed', async () => {
    for (const agent of [visitor(), member]) {
      const page = text((await agent.get(`/berichte/${byAlliance}`)).text);
      expect(page).toContain('Anonym über das Bündnis');
      expect(page).not.toContain('Rita Reporterin');
      for (const list of ['/berichte', '/berichte?q=Anonym', '/suche?q=Anonym', '/buendnisse/liste-teststadt', '/', '/berichte.atom']) {
        expect(entryWith((await agent.get(list)).text, 'Anonym über das Bündnis'), list).not.toContain('Rita Reporterin');
      }
    }
    // The alliance's name in the byline links to its page.
    expect(text((await visitor().get(`/berichte/${byAlliance}`)).text)).toMatch(/im Namen von <a href="[^"]+">Liste Teststadt<\/a>/);
  });

  it('with the name: the person appears on the page, in lists and in the feed', async () => {
    expect(text((await visitor().get(`/berichte/${byName}`)).text)).toContain('Rita Reporterin');
    expect(entryWith((await visitor().get('/berichte')).text, 'Mit Namen gezeichnet')).toContain('Rita Reporterin');
    expect(text((await visitor().get('/berichte.atom?q=gezeichnet')).text)).toContain('<name>Rita Reporterin (Liste Teststadt)</name>');
  });
});

describe('members-only reports', () => {
  let slug: string;
  beforeAll(async () => {
    slug = await publish({ title: 'Interna aus dem Haushaltsausschuss', visibility: 'MEMBERS', topicIds: String(topicIds.verkehr) });
  });

  it('are invisible to visitors in every list, count, search and feed', async () => {
    const publicCount = await ctx.db.prisma.report.count({ where: { status: 'PUBLISHED', hiddenAt: null, visibility: 'PUBLIC' } });
    const list = text((await visitor().get('/berichte')).text);
    expect(list).not.toContain('Interna aus dem Haushaltsausschuss');
    expect(list).toContain(`${publicCount} Berichte`);
    for (const page of ['/', '/buendnisse/liste-teststadt', '/themen/verkehr', '/berichte?q=Haushaltsausschuss', '/suche?q=Haushaltsausschuss', '/berichte?thema=verkehr', '/berichte.atom']) {
      expect(text((await visitor().get(page)).text), page).not.toContain('Interna aus dem Haushaltsausschuss');
    }
  });

  it('logged-in members find them, but the feed stays public-only whoever asks', async () => {
    expect(text((await member.get('/berichte')).text)).toContain('Interna aus dem Haushaltsausschuss');
    expect(text((await member.get('/suche?q=Haushaltsausschuss')).text)).toContain('Interna aus dem Haushaltsausschuss');
    expect(text((await member.get('/berichte.atom')).text)).not.toContain('Interna aus dem Haushaltsausschuss');
  });

  it('the direct address sends a visitor to the login and back to the report afterwards', async () => {
    const res = await visitor().get(`/berichte/${slug}`);
    expect(res.status).toBe(303);
    expect(res.headers.location).toBe(`/anmelden?weiter=${encodeURIComponent(`/berichte/${slug}`)}`);
    const login = await visitor().get(res.headers.location!);
    expect(login.text).toContain(`name="weiter" value="/berichte/${slug}"`);
    expect((await member.get(`/berichte/${slug}`)).status).toBe(200);
  });
});

describe('search', () => {
  beforeAll(async () => {
    await publish({
      title: 'Schwimmbad für alle',
      summary: 'Wie ein breites Bündnis aus Vereinen die Schließung verhinderte und die Eintrittspreise senkte.',
      did: 'Wir haben mit Schwimmvereinen gesprochen.',
    });
    await publish({
      title: 'Haushaltsrede ohne Fraktion',
      summary: 'Auch ein Einzelmandat kann Änderungsanträge stellen; nebenbei ging es ums Schwimmbad.',
      did: 'Vieles über Haushalt, einmal das Schwimmbad.',
    });
  });

  const titles = async (q: string) => [...(await visitor().get(`/berichte?q=${encodeURIComponent(q)}`)).text.matchAll(/class="entry__title"><a href="[^"]+">([^<]+)</g)].map((m) => text(m[1]!));

  it('finds German inflections: "Bündnisse" finds "Bündnis"', async () => {
    expect(await titles('Bündnisse')).toContain('Schwimmbad für alle');
  });

  it('finds a word still being typed by its beginning', async () => {
    expect(await titles('Schwimmv')).toEqual(['Schwimmbad für alle']);
    expect(await titles('Haushaltsr')).toContain('Haushaltsrede ohne Fraktion');
  });

  it('ranks hits in the title above hits in the text', async () => {
    const found = await titles('Schwimmbad');
    expect(found.indexOf('Schwimmbad für alle')).toBeLessThan(found.indexOf('Haushaltsrede ohne Fraktion'));
  });

  it('marks the hits in a snippet whose markup is safe', async () => {
    const res = await visitor().get('/berichte?q=Eintrittspreise');
    expect(res.text).toContain('<mark>Eintrittspreise</mark>');
  });

  it('a hit further down the text shows the passage around it, marked', async () => {
    const res = await visitor().get('/berichte?q=Schwimmvereine');
    expect(res.text).toContain('<mark>Schwimmvereinen</mark>');
  });

  it('combines search and filters in the address, and pages keep them', async () => {
    const res = await visitor().get(`/berichte?q=Schwimmbad&land=HE&thema=wohnen`);
    expect(res.status).toBe(200);
    expect(res.text).toMatch(/<option value="HE" selected>/);
    expect(res.text).toContain('href="/berichte.atom?q=Schwimmbad&amp;thema=wohnen&amp;land=HE"');
    expect(text((await visitor().get('/berichte?q=Schwimmbad&land=BY')).text)).toContain('Keine Berichte gefunden');
  });

  it('answers any input with results or an empty state, never an error', async () => {
    const odd = ['"', "'", '\\', '&|!', '!!!', '(a', 'a)', ':*', "o'neill", 'a & b | c', '<script>', '😀', '😀 Schwimmbad', '-', '%', '_', 'x'.repeat(2000), 'ä'.repeat(600), 'SELECT * FROM reports;--', 'Schwimmbad:* & !', '\u0000', '\u202e', ' '];
    for (const q of odd) {
      for (const path of ['/berichte', '/suche', '/berichte.atom']) {
        const res = await visitor().get(`${path}?q=${encodeURIComponent(q)}`);
        expect([200, 400], `${path} ${JSON.stringify(q.slice(0, 20))}`).toContain(res.status);
        if (q !== '\u0000') expect(res.status, `${path} ${JSON.stringify(q.slice(0, 20))}`).toBe(200);
      }
    }
  });

  it('/suche groups reports, alliances and networks', async () => {
    const res = text((await visitor().get('/suche?q=Teststadt')).text);
    expect(res).toContain('Erfahrungsberichte');
    expect(res).toContain('Bündnisse');
    expect(res).toContain('Liste Teststadt');
    const networks = text((await visitor().get('/suche?q=Mehr%20Demokratie')).text);
    expect(networks).toContain('Netzwerke');
    expect(networks).toContain('Mehr Demokratie');
  });
});

describe('Atom feed', () => {
  const parse = (xml: string) => xml2js(xml, { compact: false }) as Element;
  const child = (el: Element, name: string) => el.elements?.find((e) => e.name === name);
  const children = (el: Element, name: string) => el.elements?.filter((e) => e.name === name) ?? [];
  const textOf = (el: Element | undefined) => el?.elements?.map((e) => e.text ?? e.cdata ?? '').join('') ?? '';

  it('is valid Atom (RFC 4287): ids, titles, dates, links, authors', async () => {
    await publish({ title: 'Feed & <Co> „Test“', topicIds: String(topicIds.verkehr) });
    const res = await visitor().get('/berichte.atom');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/atom\+xml/);
    const feed = child(parse(res.text), 'feed')!;
    expect(feed.attributes?.xmlns).toBe('http://www.w3.org/2005/Atom');
    for (const name of ['id', 'title', 'updated', 'author']) expect(child(feed, name), name).toBeDefined();
    expect(children(feed, 'link').some((l) => l.attributes?.rel === 'self' && String(l.attributes.href).endsWith('/berichte.atom'))).toBe(true);
    const rfc3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;
    expect(textOf(child(feed, 'updated'))).toMatch(rfc3339);
    const entries = children(feed, 'entry');
    expect(entries.length).toBeGreaterThan(0);
    const ids = new Set<string>();
    for (const entry of entries) {
      for (const name of ['id', 'title', 'updated', 'link', 'author']) expect(child(entry, name), name).toBeDefined();
      expect(textOf(child(entry, 'updated'))).toMatch(rfc3339);
      expect(textOf(child(entry, 'id'))).toMatch(/^http:\/\/erfahrungsboerse\.test\/berichte\//);
      ids.add(textOf(child(entry, 'id')));
    }
    expect(ids.size).toBe(entries.length);
    const special = entries.find((e) => textOf(child(e, 'title')).includes('Feed'))!;
    // type="html": the title is escaped once, so readers show it as written.
    expect(textOf(child(special, 'title'))).toBe('Feed &#38; &#60;Co&#62; „Test“');
    expect(children(special, 'category').map((c) => c.attributes?.term)).toContain('Verkehr');
  });

  it('honours the list’s filters, and the list links to it', async () => {
    const list = await visitor().get('/berichte?thema=verkehr');
    expect(list.text).toContain('<link rel="alternate" type="application/atom+xml" title="Erfahrungsberichte (Atom-Feed)" href="/berichte.atom?thema=verkehr">');
    const feed = text((await visitor().get('/berichte.atom?thema=verkehr')).text);
    expect(feed).toContain('Feed');
    expect(feed).not.toContain('Schwimmbad für alle');
    expect(feed).toContain('(Thema Verkehr)');
  });
});
