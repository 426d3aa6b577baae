// Every field that reaches a page, a mail or a feed, pushed through the XSS corpus via the real forms: whether
// the form takes the value or refuses it, no page may carry injected markup. New features add their fields here.
import type request from 'supertest';
import supertest from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import { renderMarkdown } from '../src/lib/markdown.js';
import { createUser, sessionAgent, submit, useTestContext } from './support/context.js';
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
});
