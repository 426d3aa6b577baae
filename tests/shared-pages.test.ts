// List pages keep their main part for everyone with the same role while the content stays the same
// (middleware/shared-pages.ts): each person still gets their own frame, a change shows with the next page, and
// nothing of one person (their name, their form token) ever reaches another.
import { beforeAll, describe, expect, it } from 'vitest';
import type request from 'supertest';
import {
  buildApp,
  createUser,
  csrfTokenFrom,
  formBody,
  readsOf,
  sendFromPage,
  sessionAgent,
  text,
  useTestContext,
} from './support/context.js';
import { createMeeting } from './support/meetings.js';
import { publishedMotion } from './support/motions.js';
import { completeReport, publishedReport, sendReportForm } from './support/reports.js';

const ctx = useTestContext();
const TTL = 60_000;
let app: ReturnType<typeof buildApp>;
beforeAll(() => {
  app = buildApp(ctx.db, { pageCacheMs: TTL });
});

const REPORT_LIST = 'SELECT r.id FROM reports r WHERE';
const REPORT_ROW = 'FROM reports r JOIN users u ON u.id = r.author_id';
const MEMBER_LIST = 'FROM users u LEFT JOIN alliances a ON a.id = u.alliance_id';
/** The form tokens on a page (the logout button in the header has one too). */
const tokensIn = (html: string) => new Set([...html.matchAll(/name="_csrf" value="([^"]+)"/g)].map((m) => m[1]));

/** How often the app renders the page's own content (all of it, or the part it keeps) while `action` runs. */
async function contentRenders(view: string, action: () => Promise<unknown>): Promise<number> {
  const render = app.render.bind(app);
  let count = 0;
  app.render = ((name: string, options: Record<string, unknown>, callback: never) => {
    if (name === view && options.renderedBody === undefined) count++;
    return render(name, options, callback);
  }) as typeof app.render;
  try {
    await action();
  } finally {
    app.render = render;
  }
  return count;
}

describe('shared main parts of list pages', () => {
  it('renders the report list once for all members, each with their own name, and shows a new report at once', async () => {
    const admin = await sessionAgent(app, (await createUser(ctx.db, { role: 'ADMIN', name: 'Ada Admin' })).id);
    const mona = await sessionAgent(app, (await createUser(ctx.db, { name: 'Mona Mitglied' })).id);
    const max = await sessionAgent(app, (await createUser(ctx.db, { name: 'Max Mitglied' })).id);
    await publishedReport(ctx, mona, admin, { title: 'Erster geteilter Bericht' });

    const forMona = await mona.get('/berichte?ansicht=geteilt');
    expect(text(forMona.text)).toContain('Erster geteilter Bericht');
    expect(text(forMona.text)).toContain('Mona Mitglied');
    // Max's page comes from the kept part: no list query, his own name, Mona's nowhere.
    let forMax = '';
    expect(await readsOf(app, REPORT_LIST, async () => (forMax = (await max.get('/berichte?ansicht=geteilt')).text))).toBe(0);
    expect(text(forMax)).toContain('Erster geteilter Bericht');
    expect(text(forMax)).toContain('Max Mitglied');
    expect(text(forMax)).not.toContain('Mona Mitglied');

    // Max publishes a report (through the moderation): both see it with their next page.
    await publishedReport(ctx, max, admin, { title: 'Zweiter geteilter Bericht' });
    expect(await readsOf(app, REPORT_LIST, async () => (forMax = (await max.get('/berichte?ansicht=geteilt')).text))).toBe(1);
    expect(text(forMax)).toContain('Zweiter geteilter Bericht');
    expect(text((await mona.get('/berichte?ansicht=geteilt')).text)).toContain('Zweiter geteilter Bericht');

    // A change made outside the app (here: straight in the database) counts the same.
    await ctx.db.pool.query(`UPDATE reports SET title = 'Umbenannter Bericht' WHERE title = 'Erster geteilter Bericht'`);
    expect(text((await max.get('/berichte?ansicht=geteilt')).text)).toContain('Umbenannter Bericht');
  });

  it('sends a kept page whole: UTF-8 HTML of the right length, no ETag (a browser never keeps it), HEAD without a body', async () => {
    const mona = await sessionAgent(app, (await createUser(ctx.db, { name: 'Mona Müßig' })).id);
    expect(await readsOf(app, REPORT_LIST, () => mona.get('/berichte?ansicht=ganz'))).toBe(1);
    let page!: Awaited<ReturnType<typeof mona.get>>;
    expect(await readsOf(app, REPORT_LIST, async () => (page = await mona.get('/berichte?ansicht=ganz')))).toBe(0);
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(Number(page.headers['content-length'])).toBe(Buffer.byteLength(page.text));
    expect(page.headers.etag).toBeUndefined();
    expect(page.headers['cache-control']).toBe('no-store');
    expect(page.text).toMatch(/^<!doctype html>[\s\S]*Mona Müßig[\s\S]*Erfahrungsberichte[\s\S]*<\/html>\s*$/);
    expect(page.text).not.toContain('\u0000');

    const head = await mona.head('/berichte?ansicht=ganz');
    expect(head.status).toBe(200);
    expect(head.headers['content-length']).toBe(page.headers['content-length']);
    expect(head.text ?? '').toBe('');
  });

  it('shows a message after a redirect once, also on a kept page', async () => {
    const rita = await createUser(ctx.db, { name: 'Rita Ruf' });
    await ctx.db.prisma.user.update({ where: { id: rita.id }, data: { listedInDirectory: true } });
    const sender = await sessionAgent(app, (await createUser(ctx.db, { name: 'Sven Sender' })).id);
    await sender.get('/mitglieder');
    const token = await csrfTokenFrom(sender, '/konto');
    const sent = await sender
      .post(`/mitglieder/${rita.id}/kontakt`)
      .type('form')
      .send(formBody({ subject: 'Frage', message: 'Wie habt ihr das gemacht?', _csrf: token }));
    expect(sent.headers.location).toBe('/mitglieder');
    let page = '';
    expect(await readsOf(app, MEMBER_LIST, async () => (page = (await sender.get('/mitglieder')).text))).toBe(0);
    expect(text(page)).toContain('Deine Nachricht an Rita Ruf ist unterwegs.');
    expect(text((await sender.get('/mitglieder')).text)).not.toContain('ist unterwegs');
  });

  it('keeps the members’ list for everyone, each without the contact button on their own card', async () => {
    const anna = await createUser(ctx.db, { name: 'Anna Aufgelistet' });
    const bert = await createUser(ctx.db, { name: 'Bert Aufgelistet' });
    await ctx.db.prisma.user.updateMany({ where: { id: { in: [anna.id, bert.id] } }, data: { listedInDirectory: true } });
    const contactLinks = (html: string) => [...html.matchAll(/href="\/mitglieder\/(\d+)\/kontakt"/g)].map((m) => Number(m[1]));
    const forAnna = (await (await sessionAgent(app, anna.id)).get('/mitglieder?q=Aufgelistet')).text;
    expect(text(forAnna)).toContain('Bert Aufgelistet');
    expect(contactLinks(forAnna)).toEqual([bert.id]);
    // Bert's page comes from the kept part: no list query, and the button is on Anna's card only.
    let forBert = '';
    const bertAgent = await sessionAgent(app, bert.id);
    expect(await readsOf(app, MEMBER_LIST, async () => (forBert = (await bertAgent.get('/mitglieder?q=Aufgelistet')).text))).toBe(0);
    expect(contactLinks(forBert)).toEqual([anna.id]);
    expect(text(forBert)).toContain('Anna Aufgelistet');
    expect(text(forBert)).toContain('Bert Aufgelistet');
  });

  it('keeps a topic page for all members, each with their own name in the header, and shows a new competence at once', async () => {
    const topic = (await ctx.db.pool.query<{ id: number }>(`SELECT id FROM topics WHERE slug = 'bildung'`)).rows[0]!.id;
    const cara = await createUser(ctx.db, { name: 'Cara Kompetent' });
    await ctx.db.prisma.user.update({
      where: { id: cara.id },
      data: { listedInDirectory: true, competences: { create: { topicId: topic } } },
    });
    const dora = await createUser(ctx.db, { name: 'Dora Dazu' });
    expect(text((await (await sessionAgent(app, cara.id)).get('/themen/bildung')).text)).toContain('Cara Kompetent');
    // Dora's page is kept (the rendered main part, and the lists below it): no query for the topic's members.
    const doraAgent = await sessionAgent(app, dora.id);
    let forDora = '';
    expect(
      await readsOf(app, 'uc.topic_id = (SELECT id FROM topics', async () => (forDora = (await doraAgent.get('/themen/bildung')).text)),
    ).toBe(0);
    const competent = (html: string) => text(html).split('Mitglieder mit dieser Kompetenz')[1] ?? '';
    expect(competent(forDora)).toContain('Cara Kompetent');
    expect(competent(forDora)).not.toContain('Dora Dazu');
    expect(text(forDora)).toContain('Dora Dazu'); // her own name, in the header
    // Dora adds the competence: she and everyone else see it with the next page.
    await ctx.db.prisma.user.update({
      where: { id: dora.id },
      data: { listedInDirectory: true, competences: { create: { topicId: topic } } },
    });
    expect(competent((await doraAgent.get('/themen/bildung')).text)).toContain('Dora Dazu');
  });

  it('keeps one main part per role: an admin’s import button never shows to members', async () => {
    const admin = await sessionAgent(app, (await createUser(ctx.db, { role: 'ADMIN' })).id);
    const member = await sessionAgent(app, (await createUser(ctx.db)).id);
    expect(text((await admin.get('/antraege?ansicht=rollen')).text)).toContain('Importieren');
    expect(text((await member.get('/antraege?ansicht=rollen')).text)).not.toContain('Importieren');
    expect(text((await admin.get('/antraege?ansicht=rollen')).text)).toContain('Importieren');
  });

  it('never keeps a main part with a form: each organiser gets their own token, members no form', async () => {
    const lead = await createUser(ctx.db, { role: 'ORGANIZER', name: 'Lena Leitung' });
    const meeting = await createMeeting(ctx.db, lead.id, { day: '2026-01-10', title: 'Treffen mit Beschluss' });
    await ctx.db.prisma.protocol.create({ data: { meetingId: meeting.id, publishedAt: new Date() } });
    await ctx.db.prisma.decision.create({
      data: { meetingId: meeting.id, text: 'Beschluss zum Teilen', responsible: 'Karla Kümmerer', status: 'OPEN' },
    });
    const organisers = [await sessionAgent(app, lead.id), await sessionAgent(app, (await createUser(ctx.db, { role: 'ORGANIZER' })).id)];
    const tokens: string[] = [];
    for (const organiser of [...organisers, ...organisers]) {
      const page = await organiser.get('/treffen/beschluesse');
      expect(text(page.text)).toContain('Beschluss zum Teilen');
      expect(page.text).toContain('Verlauf ergänzen');
      // Every form on the page carries the person's own token.
      const onPage = tokensIn(page.text);
      expect(onPage.size).toBe(1);
      tokens.push([...onPage][0]!);
    }
    expect(tokens[0]).toBe(tokens[2]);
    expect(tokens[1]).toBe(tokens[3]);
    expect(tokens[1]).not.toBe(tokens[0]);

    const member = await sessionAgent(app, (await createUser(ctx.db)).id);
    for (let i = 0; i < 2; i++) {
      const page = await member.get('/treffen/beschluesse');
      expect(text(page.text)).toContain('Beschluss zum Teilen');
      expect(page.text).not.toContain('Verlauf ergänzen');
      expect(tokensIn(page.text).size).toBe(1); // the logout button's
    }
  });

  it('reads a report once for everyone, and still shows only its author the revision under way', async () => {
    const admin = await sessionAgent(app, (await createUser(ctx.db, { role: 'ADMIN' })).id);
    const author = await sessionAgent(app, (await createUser(ctx.db, { name: 'Anna Autorin' })).id);
    const reader = await sessionAgent(app, (await createUser(ctx.db)).id);
    const slug = await publishedReport(ctx, author, admin, { title: 'Bericht mit Überarbeitung' });
    // The author revises the published report: the revision waits for the moderation.
    const revised = await sendReportForm(
      author,
      completeReport({ title: 'Bericht mit Überarbeitung', did: 'Mit einem Nachtrag.' }),
      [],
      `/berichte/${slug}/bearbeiten`,
    );
    expect(revised.status).toBe(303);

    const forReader = await reader.get(`/berichte/${slug}`);
    expect(forReader.status).toBe(200);
    expect(text(forReader.text)).not.toContain('Mit einem Nachtrag');
    expect(text(forReader.text)).not.toContain('Neue Fassung');
    // The author's request takes the same stored report from memory, and shows where the revision stands.
    let forAuthor = '';
    expect(await readsOf(app, REPORT_ROW, async () => (forAuthor = (await author.get(`/berichte/${slug}`)).text))).toBe(0);
    expect(text(forAuthor)).toContain('Neue Fassung: eingereicht');
    expect(text(forAuthor)).not.toContain('Mit einem Nachtrag'); // the page shows the published text

    // Hidden by an admin: readers get the notice at once, from the next request on.
    await ctx.db.pool.query(`UPDATE reports SET hidden_at = now(), hidden_reason = 'Test' WHERE slug = $1`, [slug]);
    expect((await reader.get(`/berichte/${slug}`)).status).toBe(410);
  });
});

describe('an author’s open contributions (Für dich zu tun)', () => {
  const OWN_OPEN = `w.status IN ('RETURNED', 'DRAFT')`;

  it('are read once while the content stays the same, and a new draft shows on the next page at once', async () => {
    const author = await sessionAgent(app, (await createUser(ctx.db, { name: 'Doris Draft' })).id);
    const other = await sessionAgent(app, (await createUser(ctx.db, { name: 'Otto Anders' })).id);
    expect(await readsOf(app, OWN_OPEN, () => author.get('/'))).toBe(1);
    expect(await readsOf(app, OWN_OPEN, () => author.get('/konto'))).toBe(0);
    // Another person's list is their own.
    expect(await readsOf(app, OWN_OPEN, () => other.get('/'))).toBe(1);

    const draft = await sendReportForm(author, completeReport({ title: 'Noch zu schreiben', aktion: 'entwurf' }));
    expect(draft.status).toBe(303);
    let start = '';
    expect(await readsOf(app, OWN_OPEN, async () => (start = (await author.get('/')).text))).toBe(1);
    expect(text(start)).toContain('Dein Entwurf „Noch zu schreiben“ ist noch nicht eingereicht');
    expect(text((await author.get('/konto')).text)).toContain('Dein Entwurf „Noch zu schreiben“ ist noch nicht eingereicht');
    expect(text((await other.get('/')).text)).not.toContain('Noch zu schreiben');
  });
});

describe('what a meeting page shows of the viewer', () => {
  const PAGE_FACTS = 'FROM materials WHERE meeting_id';
  const RSVP_FACTS = 'LEFT JOIN rsvps o ON o.meeting_id';

  it('is read once while the content stays the same; a new answer shows at once, to its author and the organisers', async () => {
    const lead = await createUser(ctx.db, { role: 'ORGANIZER', name: 'Lea Leitung' });
    const organiser = await sessionAgent(app, lead.id);
    const member = await sessionAgent(app, (await createUser(ctx.db, { name: 'Rudi Rückmeldung' })).id);
    const other = await sessionAgent(app, (await createUser(ctx.db)).id);
    const day = new Date(Date.now() + 40 * 24 * 3600 * 1000).toISOString().slice(0, 10);
    const meeting = await createMeeting(ctx.db, lead.id, { day, title: 'Treffen zum Zurückmelden' });
    const page = `/treffen/${meeting.id}`;
    const answers = `/treffen/${meeting.id}/rueckmeldungen`;

    expect(await readsOf(app, PAGE_FACTS, () => member.get(page))).toBe(1);
    expect(await readsOf(app, PAGE_FACTS, () => member.get(page))).toBe(0);
    // Each person's facts are their own; the page reads the same for both until one answers (kept once).
    expect(await contentRenders('meetings/show', async () => expect(await readsOf(app, PAGE_FACTS, () => other.get(page))).toBe(1))).toBe(
      0,
    );
    expect(await readsOf(app, RSVP_FACTS, () => organiser.get(answers))).toBe(1);
    expect(await readsOf(app, RSVP_FACTS, () => organiser.get(answers))).toBe(0);

    const token = await csrfTokenFrom(member, '/konto');
    const sent = await member
      .post(answers)
      .type('form')
      .send(formBody({ attendance: 'ON_SITE', _csrf: token }));
    expect(sent.status).toBe(303);
    expect(text((await member.get(page)).text)).toContain('Du hast geantwortet: <strong>vor Ort</strong>');
    expect(text((await member.get(answers)).text)).toContain('Du hast geantwortet: <strong>vor Ort</strong>');
    expect(text((await organiser.get(answers)).text)).toContain('<span class="rsvp-counts__number">1</span> vor Ort');
    expect(text((await other.get(answers)).text)).not.toContain('Du hast geantwortet');
    expect(text((await other.get(page)).text)).toContain('Rückmeldung geben');
    expect(text((await other.get(page)).text)).not.toContain('Du hast geantwortet');
    // The lead organiser's page is their own (deadlines, what only they may change).
    expect(await contentRenders('meetings/show', () => organiser.get(page))).toBe(1);
    expect(await contentRenders('meetings/show', () => organiser.get(page))).toBe(1);
  });
});

describe('detail pages of reports and motions', () => {
  /** The page without what is the person's own: the header (name) and the form tokens. */
  const mainPart = (html: string) =>
    html
      .slice(html.indexOf('<main'))
      .replace(/name="_csrf" value="[^"]+"/g, 'TOKEN')
      .replace(/<footer[\s\S]*/, '');
  const comment = (agent: request.Agent, slug: string, words: string, token: string) =>
    sendFromPage(agent, `/antraege/${slug}`, `/antraege/${slug}/kommentare`, { text: words, _csrf: token });

  it('keeps a motion page for members who do not appear on it, each form with the person’s own working token', async () => {
    const admin = await sessionAgent(app, (await createUser(ctx.db, { role: 'ADMIN' })).id);
    const author = await sessionAgent(app, (await createUser(ctx.db, { name: 'Anna Antrag' })).id);
    const rita = await sessionAgent(app, (await createUser(ctx.db, { name: 'Rita Leserin' })).id);
    const max = await sessionAgent(app, (await createUser(ctx.db, { name: 'Max Leser' })).id);
    const slug = await publishedMotion(ctx, author, admin, { title: 'Antrag zum Aufbewahren', authorDisplay: 'PERSON' });
    const page = `/antraege/${slug}`;

    let forRita = '';
    let forMax = '';
    expect(await contentRenders('motions/show', async () => (forRita = (await rita.get(page)).text))).toBe(1);
    expect(await contentRenders('motions/show', async () => (forMax = (await max.get(page)).text))).toBe(0);
    expect(text(forMax)).toContain('Antrag zum Aufbewahren');
    expect(text(forMax)).toContain('Max Leser');
    expect(text(forMax)).not.toContain('Rita Leserin');
    expect(mainPart(forMax)).toBe(mainPart(forRita));
    expect(forMax).not.toMatch(/keptToken/);
    // Each page carries its reader's token (the same as on their other pages), in the comment form too.
    const tokenOfRita = await csrfTokenFrom(rita, '/konto');
    const tokenOfMax = await csrfTokenFrom(max, '/konto');
    expect(tokensIn(forRita)).toEqual(new Set([tokenOfRita]));
    expect(tokensIn(forMax)).toEqual(new Set([tokenOfMax]));
    expect(forMax).toMatch(/action="\/antraege\/[^"]+\/kommentare"/);

    // Max's token from the kept page works; Rita's does not work for Max.
    expect((await comment(max, slug, 'Mit Ritas Schlüssel', tokenOfRita)).headers.location).toBe(page); // back, nothing saved
    expect((await max.get(page)).text).toMatch(/<textarea[^>]*>\s*Mit Ritas Schlüssel<\/textarea>/); // the typed text, once
    const sent = await comment(max, slug, 'Gute Vorlage, bei uns eingebracht.', tokenOfMax);
    expect(sent.status).toBe(303);
    expect(text((await rita.get(page)).text)).toContain('Gute Vorlage, bei uns eingebracht.');
    expect(text((await rita.get(page)).text)).not.toContain('Mit Ritas Schlüssel');

    // Who appears on the page gets their own: Max his comment to change, Rita a link to report it, the author
    // the edit button.
    forMax = (await max.get(page)).text;
    forRita = (await rita.get(page)).text;
    const change = 'Ändern<span class="visually-hidden"> (Kommentar vom';
    const report = 'Melden<span class="visually-hidden"> (Kommentar von Max Leser)';
    expect(text(forMax)).toContain(change);
    expect(text(forMax)).not.toContain(report);
    expect(text(forRita)).not.toContain(change);
    expect(text(forRita)).toContain(report);
    expect(text(forRita)).toContain('Vorlage melden');
    const forAuthor = text((await author.get(page)).text);
    expect(forAuthor).toContain('Vorlage bearbeiten');
    expect(forAuthor).not.toContain('Vorlage melden');
    expect(text(forRita)).not.toContain('Vorlage bearbeiten');
  });

  it('keeps a report page the same way, and gives a comment typed while the session expired back to its writer', async () => {
    const admin = await sessionAgent(app, (await createUser(ctx.db, { role: 'ADMIN' })).id);
    const author = await sessionAgent(app, (await createUser(ctx.db)).id);
    const reader = await sessionAgent(app, (await createUser(ctx.db)).id);
    const other = await sessionAgent(app, (await createUser(ctx.db)).id);
    const slug = await publishedReport(ctx, author, admin, { title: 'Bericht zum Aufbewahren' });
    const page = `/berichte/${slug}`;
    expect(await contentRenders('reports/show', () => reader.get(page))).toBe(1);
    expect(await contentRenders('reports/show', () => other.get(page))).toBe(0);

    const sent = await sendFromPage(reader, page, `${page}/kommentare`, { text: 'Mein getippter Kommentar', _csrf: 'abgelaufen' });
    expect(sent.headers.location).toBe(page);
    const restored = (await reader.get(page)).text;
    expect(text(restored)).toContain('Deine Sitzung war abgelaufen');
    expect(restored).toMatch(/<textarea[^>]*>\s*Mein getippter Kommentar<\/textarea>/);
    expect(tokensIn(restored)).toEqual(new Set([await csrfTokenFrom(reader, '/konto')]));
    // Once: the next page is the kept one again, with an empty form; the other reader never saw the text.
    expect(await contentRenders('reports/show', async () => expect((await reader.get(page)).text).not.toContain('Mein getippter'))).toBe(0);
    expect((await other.get(page)).text).not.toContain('Mein getippter');
  });
});
