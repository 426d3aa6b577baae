// Every field that reaches a page, a mail or a feed, pushed through the XSS corpus via the real forms: whether
// the form takes the value or refuses it, no page may carry injected markup. New features add their fields here.
import type request from 'supertest';
import supertest from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import { renderMarkdown } from '../src/lib/markdown.js';
import { createUser, csrfTokenFrom, sessionAgent, submit, useTestContext } from './support/context.js';
import { completeReport, decide, sendReportForm, slugFromRedirect, waitingVersion } from './support/reports.js';
import { injectedMarkup, XSS_CORPUS } from './support/xss.js';

const ctx = useTestContext();

describe('Markdown from users', () => {
  it.each(XSS_CORPUS)('renders %j without anything that can run', (vector) => {
    const html = renderMarkdown(`${vector}\n\n**fett** ${vector} [Link](https://ok.example)`);
    expect(injectedMarkup(html)).toEqual([]);
    expect(html).not.toMatch(/<(script|iframe|object|embed|svg|style|img)\b/i);
    expect(html).not.toMatch(/(href|src)="\s*(javascript|vbscript|data):/i);
  });

  it('keeps ordinary formatting, and links open safely without endorsement', () => {
    const html = renderMarkdown('## Zwischentitel\n\n**fett**, *kursiv*, `code`\n\n- eins\n- zwei\n\n[Rathaus](https://rathaus.example/a?b=1)');
    expect(html).toContain('<h3>Zwischentitel</h3>');
    expect(html).toContain('<strong>fett</strong>');
    expect(html).toContain('<li>eins</li>');
    expect(html).toContain('<a href="https://rathaus.example/a?b=1" rel="nofollow ugc noopener">Rathaus</a>');
  });

  it('a pasted address is printed once: its link is marked so print.css adds no second copy', () => {
    const html = renderMarkdown('Vorlage: https://rat.example/v?a=1&b=2 und [Rathaus](https://rathaus.example/)');
    expect(html).toContain('<a href="https://rat.example/v?a=1&amp;b=2" rel="nofollow ugc noopener" class="no-print-url">https://rat.example/v?a=1&amp;b=2</a>');
    expect(html).toContain('<a href="https://rathaus.example/" rel="nofollow ugc noopener">Rathaus</a>');
  });
});

describe('every field that reaches a page', () => {
  let member: request.Agent;
  let memberId: number;
  let admin: request.Agent;
  let organizer: request.Agent;
  beforeAll(async () => {
    const person = await createUser(ctx.db, { name: 'Mia Mitglied' });
    memberId = person.id;
    member = await sessionAgent(ctx.app, person.id);
    admin = await sessionAgent(ctx.app, (await createUser(ctx.db, { role: 'ADMIN' })).id);
    organizer = await sessionAgent(ctx.app, (await createUser(ctx.db, { role: 'ORGANIZER' })).id);
    await ctx.db.prisma.user.update({ where: { id: memberId }, data: { listedInDirectory: true } });
  }, 60_000);

  const clean = (where: string, html: string) => expect(injectedMarkup(html), where).toEqual([]);

  it('alliances, networks, topics, names, notes and contact messages', { timeout: 120_000 }, async () => {
    const contact = await createUser(ctx.db, { name: 'Karl Kontakt' });
    await ctx.db.prisma.user.update({ where: { id: contact.id }, data: { listedInDirectory: true } });
    for (const [i, vector] of XSS_CORPUS.entries()) {
      const tag = `v${i}`;
      // Bündnis: every text field
      const alliance = await submit(organizer, '/buendnisse/neu', '/buendnisse', {
        name: `${tag} ${vector}`,
        municipality: vector,
        district: vector,
        state: 'BY',
        description: vector,
        website: vector,
        contactEmail: vector,
      });
      clean(`alliance form ${tag}`, alliance.text);
      const withoutLinks = await submit(organizer, '/buendnisse/neu', '/buendnisse', {
        name: `${tag}b ${vector}`,
        municipality: vector,
        district: vector,
        state: 'BY',
        description: vector,
      });
      if (withoutLinks.status === 303) {
        clean(`alliance page ${tag}`, (await supertest(ctx.app).get(String(withoutLinks.headers.location))).text);
        clean(`alliance list ${tag}`, (await supertest(ctx.app).get(`/buendnisse?q=${encodeURIComponent(tag)}`)).text);
      } else {
        clean(`alliance form (refused) ${tag}`, withoutLinks.text);
      }

      // Netzwerk
      const network = await submit(admin, '/netzwerke/neu', '/netzwerke/neu', { name: `${tag} ${vector}`, category: 'NATIONAL', description: vector, reach: vector });
      clean(`network ${tag}`, network.status === 303 ? (await admin.get('/netzwerke')).text : network.text);

      // Thema
      const topic = await submit(admin, '/admin/themen', '/admin/themen', { name: `${tag} ${vector}`.slice(0, 80), description: vector.slice(0, 500) });
      clean(`topic admin ${tag}`, topic.status === 303 ? (await admin.get('/admin/themen')).text : topic.text);

      // Name and directory note of a member: on the members' list, the admin list and in the header
      const name = await submit(member, '/konto', '/konto/name', { name: vector });
      clean(`name form ${tag}`, name.status === 303 ? (await member.get('/konto')).text : name.text);
      const note = await submit(member, '/konto', '/konto/verzeichnis', { listedInDirectory: 'ja', mandate: 'NONE', directoryNote: vector.slice(0, 300) });
      expect(note.status, `note ${tag}`).toBe(303);
      clean(`members ${tag}`, (await member.get('/mitglieder')).text);
      clean(`admin users ${tag}`, (await admin.get('/admin/benutzer')).text);

      // A message to a member: a plain-text mail, shown escaped in the outbox
      const message = await submit(member, `/mitglieder/${contact.id}/kontakt`, `/mitglieder/${contact.id}/kontakt`, {
        subject: `${tag} ${vector}`.slice(0, 150),
        message: `Nachricht ${vector}`,
      });
      if (message.status === 422 || message.status === 429) clean(`contact form ${tag}`, message.text);
    }
    const mails = await ctx.db.prisma.outboxMail.findMany({ orderBy: { id: 'desc' }, take: 5 });
    clean('outbox', (await admin.get('/admin/postausgang')).text);
    for (const mail of mails) clean(`outbox mail ${mail.id}`, (await admin.get(`/admin/postausgang/${mail.id}`)).text);
    clean('topics', (await supertest(ctx.app).get('/themen')).text);
  });

  it('reports, comments, flags and moderation reasons, on every page, list, feed and mail they reach', { timeout: 180_000 }, async () => {
    const reader = await sessionAgent(ctx.app, (await createUser(ctx.db)).id);
    let published = 0;
    let author = member;
    for (const [i, vector] of XSS_CORPUS.entries()) {
      // A new author now and then: one person may save 60 reports an hour.
      if (i % 20 === 19) author = await sessionAgent(ctx.app, (await createUser(ctx.db)).id);
      const tag = `r${i}x`;
      const fields = completeReport({
        title: `${tag} ${vector}`.slice(0, 200),
        summary: `${tag} Kurzfassung mit ausreichend Text ${vector}`.slice(0, 500),
        did: vector,
        worked: `**${vector}**`,
        didnt: `[${vector}](${vector})`,
        tips: `- ${vector}`,
        body: `<div>${vector}</div>`,
        place: vector.slice(0, 100),
        periodFrom: vector.slice(0, 20),
      });
      const preview = await sendReportForm(author, { ...fields, aktion: 'vorschau' });
      clean(`report preview ${tag}`, preview.text);
      const saved = await sendReportForm(author, { ...fields, periodFrom: '' });
      if (saved.status !== 303) {
        clean(`report form ${tag}`, saved.text);
        continue;
      }
      const slug = slugFromRedirect(saved);
      clean(`moderation queue ${tag}`, (await admin.get('/admin/moderation')).text);
      const versionPage = `/admin/moderation/berichte/${await waitingVersion(ctx, slug)}`;
      clean(`decision page ${tag}`, (await admin.get(versionPage)).text);
      // Sent back with the vector as the reason: shown to the author, mailed as plain text.
      const back = await decide(ctx, admin, slug, 'zurueck', `Grund ${vector}`);
      clean(`decision refused ${tag}`, back.status === 303 ? '' : back.text);
      clean(`returned report ${tag}`, (await author.get(`/berichte/${slug}`)).text);
      clean(`my reports ${tag}`, (await author.get('/berichte/meine')).text);
      await sendReportForm(author, { ...fields, periodFrom: '', title: `${tag} neu ${vector}`.slice(0, 200) }, [], `/berichte/${slug}/bearbeiten`);
      clean(`decision page with changes ${tag}`, (await admin.get(`/admin/moderation/berichte/${await waitingVersion(ctx, slug)}`)).text);
      expect((await decide(ctx, admin, slug, 'veroeffentlichen')).status, `publish ${tag}`).toBe(303);
      published += 1;
      for (const page of [`/berichte/${slug}`, `/berichte?q=${tag}`, `/suche?q=${tag}`, '/berichte', '/']) {
        clean(`${page} ${tag}`, (await supertest(ctx.app).get(page)).text);
      }
      // The feed: every entry's HTML content and summary as a reader would render them.
      const feed = (await supertest(ctx.app).get(`/berichte.atom?q=${tag}`)).text;
      expect(feed.startsWith('<?xml'), `feed ${tag}`).toBe(true);
      for (const [, html] of feed.matchAll(/<!\[CDATA\[([\s\S]*?)\]\]>/g)) clean(`feed ${tag}`, html!);
      for (const [, escaped] of feed.matchAll(/<title>([^<]*)<\/title>/g)) expect(escaped, `feed title ${tag}`).not.toMatch(/<script/i);

      // Comment, its edit form, flag notes and hide reasons
      const token = await csrfTokenFrom(reader, `/berichte/${slug}`);
      const comment = await reader.post(`/berichte/${slug}/kommentare`).type('form').send({ _csrf: token, text: `${tag} ${vector}` });
      if (comment.status === 303) {
        clean(`comment ${tag}`, (await supertest(ctx.app).get(`/berichte/${slug}`)).text);
        const id = /#kommentar-(\d+)/.exec(comment.headers.location!)![1];
        clean(`comment edit ${tag}`, (await reader.get(`/kommentare/${id}/bearbeiten`)).text);
        await author.post(`/kommentare/${id}/melden`).type('form').send({ _csrf: await csrfTokenFrom(author, `/kommentare/${id}/melden`), reason: 'OTHER', note: `Notiz ${vector}` });
        clean(`comment flags ${tag}`, (await admin.get(`/admin/moderation/meldungen/kommentar/${id}`)).text);
      } else {
        clean(`comment refused ${tag}`, comment.text);
      }
      const hide = await admin.post(`/berichte/${slug}/ausblenden`).type('form').send({ _csrf: await csrfTokenFrom(admin, `/berichte/${slug}/ausblenden`), begruendung: `Weil ${vector}` });
      clean(`hide ${tag}`, hide.status === 303 ? (await author.get(`/berichte/${slug}`)).text : hide.text);
      clean(`moderation log ${tag}`, (await admin.get('/admin/moderation')).text);
    }
    // Nearly every vector is plain text to a report: it must have gone all the way through.
    expect(published).toBeGreaterThan(XSS_CORPUS.length * 0.9);
    const mails = await ctx.db.prisma.outboxMail.findMany({ orderBy: { id: 'desc' }, take: 10 });
    for (const mail of mails) clean(`outbox mail ${mail.id}`, (await admin.get(`/admin/postausgang/${mail.id}`)).text);
  });
});
