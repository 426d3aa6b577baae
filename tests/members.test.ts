import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { agentFor, createUser, submit, text, useTestContext } from './support/context.js';

const ctx = useTestContext();

async function topicId(slug: string) {
  return (await ctx.db.prisma.topic.findUniqueOrThrow({ where: { slug } })).id;
}

describe('opting in on /konto', () => {
  it('lists a member with alliance, mandate, competences and note, and removes them at once on opt-out', async () => {
    const alliance = await ctx.db.prisma.alliance.create({
      data: { slug: 'auf-kassel', name: 'AUF Kassel', municipality: 'Kassel', state: 'HE' },
    });
    const me = await agentFor(ctx);
    await ctx.db.prisma.user.update({ where: { id: me.user.id }, data: { allianceId: alliance.id } });
    const viewer = await agentFor(ctx);

    const saved = await submit(me.agent, '/konto', '/konto/verzeichnis', {
      listedInDirectory: 'ja',
      mandate: 'COUNCIL',
      competenceIds: [String(await topicId('wohnen')), String(await topicId('verkehr'))],
      directoryNote: 'Seit 2016 im Bauausschuss.',
    });
    expect(saved.status).toBe(303);
    const account = text((await me.agent.get('/konto')).text);
    expect(account).toContain('Deine Angaben für die Mitgliederliste sind gespeichert.');

    const list = text((await viewer.agent.get('/mitglieder')).text);
    expect(list).toContain(me.user.name);
    expect(list).toContain('AUF Kassel');
    expect(list).toContain('Ratsmitglied');
    expect(list).toContain('Wohnen');
    expect(list).toContain('Seit 2016 im Bauausschuss.');
    expect(list).not.toContain(me.user.email);

    await submit(me.agent, '/konto', '/konto/verzeichnis', { mandate: 'COUNCIL' }); // checkbox not ticked
    expect(text((await viewer.agent.get('/mitglieder')).text)).not.toContain(me.user.name);
    const stored = await ctx.db.prisma.user.findUniqueOrThrow({ where: { id: me.user.id }, include: { competences: true } });
    expect(stored.listedInDirectory).toBe(false);
  });

  it('refuses invalid settings and changes nothing', async () => {
    const me = await agentFor(ctx);
    const res = await submit(me.agent, '/konto', '/konto/verzeichnis', {
      listedInDirectory: 'ja',
      mandate: 'KAISER',
      competenceIds: ['999999'],
      directoryNote: 'x'.repeat(400),
    });
    expect(res.status).toBe(422);
    const page = text(res.text);
    expect(page).toContain('Bitte ein Mandat aus der Liste wählen.');
    expect(page).toContain('Höchstens 300 Zeichen.');
    expect((await ctx.db.prisma.user.findUniqueOrThrow({ where: { id: me.user.id } })).listedInDirectory).toBe(false);
  });
});

describe('/mitglieder', () => {
  it('is invisible to anonymous visitors, also through the topic pages', async () => {
    const listed = await createUser(ctx.db, { name: 'Geheime Kompetenz' });
    await ctx.db.prisma.user.update({
      where: { id: listed.id },
      data: { listedInDirectory: true, competences: { create: [{ topicId: await topicId('gesundheit') }] } },
    });
    const anonymous = await request(ctx.app).get('/mitglieder');
    expect(anonymous.status).toBe(303);
    expect(anonymous.headers.location).toMatch(/^\/anmelden/);
    expect((await request(ctx.app).get(`/mitglieder/${listed.id}/kontakt`)).status).toBe(303);
    const topic = text((await request(ctx.app).get('/themen/gesundheit')).text);
    expect(topic).not.toContain('Geheime Kompetenz');
    expect(topic).toContain('nur für angemeldete Mitglieder sichtbar');

    const member = await agentFor(ctx);
    expect(text((await member.agent.get('/themen/gesundheit')).text)).toContain('Geheime Kompetenz');
  });

  it('filters by competence, Bundesland and alliance', async () => {
    const nrw = await ctx.db.prisma.alliance.create({
      data: { slug: 'buendnis-essen', name: 'Bündnis Essen', municipality: 'Essen', state: 'NW' },
    });
    const by = await ctx.db.prisma.alliance.create({
      data: { slug: 'buendnis-augsburg', name: 'Bündnis Augsburg', municipality: 'Augsburg', state: 'BY' },
    });
    const a = await createUser(ctx.db, { name: 'Anna Verkehr' });
    const b = await createUser(ctx.db, { name: 'Bernd Bildung' });
    await ctx.db.prisma.user.update({
      where: { id: a.id },
      data: { listedInDirectory: true, allianceId: nrw.id, competences: { create: [{ topicId: await topicId('verkehr') }] } },
    });
    await ctx.db.prisma.user.update({
      where: { id: b.id },
      data: { listedInDirectory: true, allianceId: by.id, competences: { create: [{ topicId: await topicId('bildung') }] } },
    });
    const { agent } = await agentFor(ctx);

    const verkehr = text((await agent.get('/mitglieder?kompetenz=verkehr')).text);
    expect(verkehr).toContain('Anna Verkehr');
    expect(verkehr).not.toContain('Bernd Bildung');
    const bayern = text((await agent.get('/mitglieder?land=BY')).text);
    expect(bayern).toContain('Bernd Bildung');
    expect(bayern).not.toContain('Anna Verkehr');
    const essen = text((await agent.get('/mitglieder?buendnis=buendnis-essen')).text);
    expect(essen).toContain('Anna Verkehr');
    expect(essen).not.toContain('Bernd Bildung');
    expect(text((await agent.get('/mitglieder?kompetenz=antifaschismus&land=SL')).text)).toContain('Niemand passt zu diesem Filter.');
  });
});

describe('Kontakt aufnehmen', () => {
  it('delivers through the outbox without showing either address, and the recipient can reply to the sender', async () => {
    const recipient = await createUser(ctx.db, { name: 'Rita Empfängerin', email: 'rita.geheim@example.org' });
    await ctx.db.prisma.user.update({ where: { id: recipient.id }, data: { listedInDirectory: true } });
    const sender = await agentFor(ctx);

    const form = await sender.agent.get(`/mitglieder/${recipient.id}/kontakt`);
    expect(form.status).toBe(200);
    expect(form.text).not.toContain('rita.geheim@example.org');
    const sent = await submit(sender.agent, `/mitglieder/${recipient.id}/kontakt`, `/mitglieder/${recipient.id}/kontakt`, {
      subject: 'Sozialticket',
      message: 'Wie habt ihr das Sozialticket in Kassel durchgesetzt?',
    });
    expect(sent.status).toBe(303);
    const after = await sender.agent.get('/mitglieder');
    expect(text(after.text)).toContain('Deine Nachricht an Rita Empfängerin ist unterwegs.');
    expect(after.text).not.toContain('rita.geheim@example.org');

    const mail = await ctx.db.prisma.outboxMail.findFirstOrThrow({ where: { recipient: 'rita.geheim@example.org' } });
    expect(mail.replyTo).toBe(sender.user.email);
    expect(mail.subject).toBe(`Nachricht von ${sender.user.name}: Sozialticket`);
    expect(mail.body).toContain('Wie habt ihr das Sozialticket in Kassel durchgesetzt?');
    expect(mail.body).not.toContain(sender.user.email); // the address travels only as reply address
  });

  it('is rate-limited with a clear German message', async () => {
    const recipient = await createUser(ctx.db);
    await ctx.db.prisma.user.update({ where: { id: recipient.id }, data: { listedInDirectory: true } });
    const sender = await agentFor(ctx);
    const path = `/mitglieder/${recipient.id}/kontakt`;
    for (let i = 0; i < 5; i++) {
      expect((await submit(sender.agent, path, path, { subject: `Frage ${i}`, message: 'Eine längere Nachricht.' })).status).toBe(303);
    }
    const blocked = await submit(sender.agent, path, path, { subject: 'Frage 6', message: 'Eine längere Nachricht.' });
    expect(blocked.status).toBe(429);
    expect(text(blocked.text)).toContain('Zu viele Nachrichten in kurzer Zeit');
    expect(blocked.text).toContain('value="Frage 6"'); // nothing typed is lost
    expect(await ctx.db.prisma.outboxMail.count({ where: { recipient: recipient.email } })).toBe(5);
  });

  it('only reaches people who are listed, and rejects empty messages', async () => {
    const unlisted = await createUser(ctx.db);
    const sender = await agentFor(ctx);
    expect((await sender.agent.get(`/mitglieder/${unlisted.id}/kontakt`)).status).toBe(404);
    const listed = await createUser(ctx.db);
    await ctx.db.prisma.user.update({ where: { id: listed.id }, data: { listedInDirectory: true } });
    const empty = await submit(sender.agent, `/mitglieder/${listed.id}/kontakt`, `/mitglieder/${listed.id}/kontakt`, {
      subject: '',
      message: 'kurz',
    });
    expect(empty.status).toBe(422);
    expect(text(empty.text)).toContain('Bitte einen Betreff angeben.');
    expect(await ctx.db.prisma.outboxMail.count({ where: { recipient: listed.email } })).toBe(0);
  });
});
