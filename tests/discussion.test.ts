// Discussion under reports (comments with a 15-minute edit window, mail to the author) and flags: one per
// person and item, into the moderation queue, a comment hidden after three members flagged it.
import request from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import { createUser, csrfTokenFrom, formBody, sessionAgent, text, useTestContext } from './support/context.js';
import { publishedReport } from './support/reports.js';

const ctx = useTestContext();

let author: request.Agent;
let authorEmail: string;
let admin: request.Agent;
let slug: string;
const visitor = () => request(ctx.app);

beforeAll(async () => {
  const person = await createUser(ctx.db, { name: 'Berta Berichtet' });
  authorEmail = person.email;
  author = await sessionAgent(ctx.app, person.id);
  admin = await sessionAgent(ctx.app, (await createUser(ctx.db, { role: 'ADMIN' })).id);
  slug = await publishedReport(ctx, author, admin, { title: 'Diskussion erwünscht' });
});

async function newMember(name?: string) {
  const user = await createUser(ctx.db, name ? { name } : {});
  return { user, agent: await sessionAgent(ctx.app, user.id) };
}

async function comment(agent: request.Agent, body: string) {
  const token = await csrfTokenFrom(agent, `/berichte/${slug}`);
  return agent.post(`/berichte/${slug}/kommentare`).type('form').send(formBody({ _csrf: token, text: body }));
}

const commentId = (res: { headers: Record<string, string> }) => Number(/#kommentar-(\d+)$/.exec(res.headers.location!)![1]);

async function flag(agent: request.Agent, path: string, reason: string, note = '') {
  const token = await csrfTokenFrom(agent, path);
  return agent.post(path).type('form').send(formBody({ _csrf: token, reason, note }));
}

describe('comments', () => {
  it('members write in limited, sanitised Markdown; visitors read and are invited to log in', async () => {
    const { agent } = await newMember('Kurt Kommentar');
    const res = await comment(agent, '**Danke!** Habt ihr [die Vorlage](https://rat.example/vorlage)?\n\n# Keine Überschrift\n\n<img src=x onerror=alert(1)>');
    expect(res.status).toBe(303);
    const page = await visitor().get(`/berichte/${slug}`);
    expect(page.text).toContain('<strong>Danke!</strong>');
    expect(page.text).toContain('<a href="https://rat.example/vorlage" rel="nofollow ugc noopener">die Vorlage</a>');
    expect(page.text).not.toMatch(/<h[1-6]>Keine/);
    expect(page.text).not.toContain('onerror');
    expect(text(page.text)).toContain('Kurt Kommentar');
    expect(page.text).toContain('Melde dich an</a>, um mitzudiskutieren');
  });

  it('an empty comment comes back with a message; nothing is saved', async () => {
    const { agent } = await newMember();
    const before = await ctx.db.prisma.comment.count();
    const res = await comment(agent, '   ');
    expect(res.status).toBe(422);
    expect(text(res.text)).toContain('Bitte einen Kommentar angeben.');
    expect(await ctx.db.prisma.comment.count()).toBe(before);
  });

  it('the report’s author gets one mail about new comments in a few minutes, unless switched off on /konto', async () => {
    const mails = () => ctx.db.prisma.outboxMail.findMany({ where: { recipient: authorEmail, subject: { contains: 'Kommentar' } }, orderBy: { id: 'asc' } });
    await ctx.runAllJobs();
    // Earlier tests' comments had their window's mail sent early (runAllJobs); this test starts a window of its own.
    await ctx.db.pool.query(`UPDATE jobs SET unique_key = NULL WHERE kind = 'comments.notify-author'`);
    const before = (await mails()).length;
    const { agent } = await newMember('Nora Nachfrage');
    const { agent: second } = await newMember('Paul Pünktlich');
    await comment(agent, 'Sehr hilfreich.');
    await comment(second, 'Wie lange hat das gedauert?');
    await comment(agent, 'Und noch etwas.');
    // Own comments do not notify.
    await comment(author, 'Gern geschehen.');
    expect(await mails()).toHaveLength(before);
    await ctx.runAllJobs();
    const sent = (await mails()).slice(before);
    expect(sent).toHaveLength(1);
    // Windows follow the clock, so earlier tests' comments may share this one; the author's own answer never counts.
    expect(sent[0]!.subject).toMatch(/^\d+ neue Kommentare zu „Diskussion erwünscht“$/);
    const names = sent[0]!.body.split('\n').find((line) => line.includes('haben deinen Bericht'))!;
    expect(names).toContain('Nora Nachfrage, Paul Pünktlich');
    expect(names).not.toContain('Berta Berichtet');

    const token = await csrfTokenFrom(author, '/konto');
    expect((await author.post('/konto/benachrichtigungen').type('form').send({ _csrf: token })).status).toBe(303);
    expect((await author.get('/konto')).text).not.toMatch(/name="notifyComments" value="ja" checked/);
    await ctx.db.pool.query(`UPDATE jobs SET unique_key = NULL WHERE kind = 'comments.notify-author'`); // a new window
    await comment(agent, 'Noch eine Frage.');
    await ctx.runAllJobs();
    expect(await mails()).toHaveLength(before + 1);
    await author.post('/konto/benachrichtigungen').type('form').send({ _csrf: token, notifyComments: 'ja' });
    expect((await author.get('/konto')).text).toMatch(/name="notifyComments" value="ja" checked/);
  });

  it('authors may correct their comment for 15 minutes; later the original stays', async () => {
    const { agent } = await newMember();
    const id = commentId(await comment(agent, 'Tippfeler'));
    const edit = `/kommentare/${id}/bearbeiten`;
    expect((await agent.get(edit)).text).toContain('Tippfeler');
    const token = await csrfTokenFrom(agent, edit);
    expect((await agent.post(edit).type('form').send({ _csrf: token, text: 'Tippfehler' })).status).toBe(303);
    const page = text((await visitor().get(`/berichte/${slug}`)).text);
    expect(page).toContain('Tippfehler');
    expect(page).toContain('geändert');

    // Someone else cannot.
    const { agent: other } = await newMember();
    const otherToken = await csrfTokenFrom(other, `/berichte/${slug}`);
    expect((await other.post(edit).type('form').send({ _csrf: otherToken, text: 'Übernommen' })).status).toBe(403);

    // Sixteen minutes later the window is closed.
    await ctx.db.prisma.comment.update({ where: { id }, data: { createdAt: new Date(Date.now() - 16 * 60_000) } });
    expect((await agent.get(edit)).status).toBe(303);
    const late = await agent.post(edit).type('form').send({ _csrf: token, text: 'Zu spät geändert' });
    expect(late.status).toBe(409);
    expect(text(late.text)).toContain('nur in den ersten 15 Minuten');
    expect((await ctx.db.prisma.comment.findUniqueOrThrow({ where: { id } })).body).toBe('Tippfehler');
    expect((await agent.get(`/berichte/${slug}`)).text).not.toContain(`href="/kommentare/${id}/bearbeiten"`);
  });

  it('there are no comments under unpublished or hidden reports', async () => {
    const { agent } = await newMember();
    const hidden = await publishedReport(ctx, author, admin, { title: 'Wird ausgeblendet' });
    await ctx.db.prisma.report.update({ where: { slug: hidden }, data: { hiddenAt: new Date(), hiddenReason: 'Test' } });
    const token = await csrfTokenFrom(agent, '/konto');
    expect((await agent.post(`/berichte/${hidden}/kommentare`).type('form').send({ _csrf: token, text: 'Hallo' })).status).toBe(410);
  });
});

describe('flags', () => {
  it('a report is flagged with a reason from the principles, once per person', async () => {
    const { agent } = await newMember();
    const form = await agent.get(`/berichte/${slug}/melden`);
    expect(text(form.text)).toContain('parteipolitische Vereinnahmung');
    expect(text(form.text)).toContain('kommerziell / finanzielle Abhängigkeit');
    const first = await flag(agent, `/berichte/${slug}/melden`, 'PARTY_POLITICS', 'Wahlwerbung im letzten Absatz');
    expect(first.status).toBe(303);
    const again = await flag(agent, `/berichte/${slug}/melden`, 'SPAM');
    expect(again.status).toBe(303);
    expect(text((await agent.get(again.headers.location!)).text)).toContain('Du hast das schon gemeldet.');
    const report = await ctx.db.prisma.report.findUniqueOrThrow({ where: { slug } });
    expect(await ctx.db.prisma.flag.count({ where: { subjectType: 'report', subjectId: report.id } })).toBe(1);
    const queue = text((await admin.get('/admin/moderation')).text);
    expect(queue).toContain('Meldung zu einem Beitrag');
    expect(queue).toContain('parteipolitische Vereinnahmung');
  });

  it('"Sonstiges" needs a few words; an unknown reason is refused', async () => {
    const { agent } = await newMember();
    const other = await flag(agent, `/berichte/${slug}/melden`, 'OTHER', '');
    expect(other.status).toBe(422);
    expect(text(other.text)).toContain('Bitte beschreibe bei „Sonstiges“ kurz');
    expect((await flag(agent, `/berichte/${slug}/melden`, 'ERFUNDEN')).status).toBe(422);
  });

  it('a comment flagged by three different members is hidden until an admin decides', async () => {
    const { agent: writer, user: writerUser } = await newMember('Otto Ausfall');
    const id = commentId(await comment(writer, 'Ein zweifelhafter Kommentar'));
    const flaggers = await Promise.all([newMember(), newMember(), newMember()]);
    await flag(flaggers[0]!.agent, `/kommentare/${id}/melden`, 'UNOBJECTIVE');
    await flag(flaggers[1]!.agent, `/kommentare/${id}/melden`, 'UNOBJECTIVE');
    expect(text((await visitor().get(`/berichte/${slug}`)).text)).toContain('Ein zweifelhafter Kommentar');
    await flag(flaggers[2]!.agent, `/kommentare/${id}/melden`, 'SPAM');
    const page = text((await visitor().get(`/berichte/${slug}`)).text);
    expect(page).not.toContain('Ein zweifelhafter Kommentar');
    expect(page).toContain('mehrfach gemeldet und ist ausgeblendet');
    // Admins still see it, and it waits in the queue.
    expect(text((await admin.get(`/berichte/${slug}`)).text)).toContain('Ein zweifelhafter Kommentar');
    const queue = text((await admin.get('/admin/moderation')).text);
    expect(queue).toContain('Kommentar von Otto Ausfall');
    expect(queue).toContain('bis zur Entscheidung ausgeblendet');

    // The admin dismisses the flags: the comment is back, the queue entry gone, the decision recorded.
    const path = `/admin/moderation/meldungen/kommentar/${id}`;
    const token = await csrfTokenFrom(admin, path);
    expect((await admin.post(path).type('form').send({ _csrf: token, aktion: 'zurueckweisen', begruendung: '' })).status).toBe(303);
    expect(text((await visitor().get(`/berichte/${slug}`)).text)).toContain('Ein zweifelhafter Kommentar');
    expect(text((await admin.get('/admin/moderation')).text)).not.toContain('Kommentar von Otto Ausfall');
    expect(await ctx.db.prisma.moderationDecision.count({ where: { subjectType: 'comment', subjectId: id, decision: 'flags_dismissed' } })).toBe(1);

    // Hiding needs a reason, which the comment's author gets.
    const hide = await admin.post(path).type('form').send({ _csrf: token, aktion: 'ausblenden', begruendung: '' });
    expect(hide.status).toBe(422);
    expect((await admin.post(path).type('form').send({ _csrf: token, aktion: 'ausblenden', begruendung: 'Persönlicher Angriff.' })).status).toBe(303);
    expect(text((await visitor().get(`/berichte/${slug}`)).text)).not.toContain('Ein zweifelhafter Kommentar');
    const mail = await ctx.db.prisma.outboxMail.findFirstOrThrow({ where: { recipient: writerUser.email, subject: 'Dein Kommentar wurde ausgeblendet' } });
    expect(mail.body).toContain('Persönlicher Angriff.');
  });

  it('a flagged report can be hidden from its moderation page', async () => {
    const target = await publishedReport(ctx, author, admin, { title: 'Gemeldet und entfernt' });
    const { agent } = await newMember();
    await flag(agent, `/berichte/${target}/melden`, 'COMMERCIAL', 'Werbung für eine Firma');
    const report = await ctx.db.prisma.report.findUniqueOrThrow({ where: { slug: target } });
    const path = `/admin/moderation/meldungen/bericht/${report.id}`;
    const page = await admin.get(path);
    expect(text(page.text)).toContain('Werbung für eine Firma');
    const token = await csrfTokenFrom(admin, path);
    expect((await admin.post(path).type('form').send({ _csrf: token, aktion: 'ausblenden', begruendung: 'Kommerzielle Werbung (Prinzip 4).' })).status).toBe(303);
    expect((await visitor().get(`/berichte/${target}`)).status).toBe(410);
    expect(await ctx.db.prisma.flag.count({ where: { subjectType: 'report', subjectId: report.id, resolvedAt: null } })).toBe(0);
    const log = text((await admin.get('/admin/moderation')).text);
    expect(log).toContain('Gemeldet und entfernt');
    expect(log).toContain('Kommerzielle Werbung (Prinzip 4).');
  });

  it('only visible things can be flagged', async () => {
    const { agent } = await newMember();
    expect((await agent.get('/berichte/gibt-es-nicht/melden')).status).toBe(404);
    expect((await agent.get('/kommentare/2147483647/melden')).status).toBe(404);
  });
});

describe('the queue', () => {
  it('lists everything waiting oldest first, and admins see the count in the header and on the start page', async () => {
    const waiting = await ctx.db.prisma.flag.groupBy({ by: ['subjectType', 'subjectId'], where: { resolvedAt: null } });
    const home = text((await admin.get('/')).text);
    expect(home).toMatch(/(Eintrag wartet|Einträge warten) auf eine Entscheidung der Moderation/);
    const queue = await admin.get('/admin/moderation');
    expect(queue.text).toMatch(new RegExp(`Verwaltung <span class="count"[^>]*>${waiting.length}</span>`));
    const since = [...queue.text.matchAll(/wartet seit (\d\d)\.(\d\d)\.(\d{4}), (\d\d):(\d\d)/g)].map((m) => `${m[3]}${m[2]}${m[1]}${m[4]}${m[5]}`);
    expect(since).toEqual([...since].sort());
  });
});
