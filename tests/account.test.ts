import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { agentFor, buildApp, createUser, DEFAULT_PASSWORD, loginAgent, startMailbox, submit, text, useTestContext } from './support/context.js';

const ctx = useTestContext();

describe('/konto', () => {
  it('is only for logged-in people', async () => {
    const res = await request(ctx.app).get('/konto');
    expect(res.status).toBe(303);
    expect(res.headers.location).toBe('/anmelden?weiter=%2Fkonto');
  });

  it('changes the name', async () => {
    const { user, agent } = await agentFor(ctx);
    const res = await submit(agent, '/konto', '/konto/name', { name: 'Neuer Name' });
    expect(res.status).toBe(303);
    const page = await agent.get('/konto');
    expect(text(page.text)).toContain('Dein Name ist geändert.');
    expect((await ctx.db.prisma.user.findUniqueOrThrow({ where: { id: user.id } })).name).toBe('Neuer Name');
  });

  it('changes the e-mail address only with the right password and only once the new address confirms it', async () => {
    const mailbox = await startMailbox();
    const app = buildApp(ctx.db, { smtpUrl: mailbox.url });
    try {
      const user = await createUser(ctx.db);
      const agent = await loginAgent(app, user.email);
      const wrong = await submit(agent, '/konto', '/konto/email', { email: 'neu@example.org', currentPassword: 'falsch-falsch' });
      expect(wrong.status).toBe(422);
      expect(text(wrong.text)).toContain('Das aktuelle Passwort stimmt nicht.');
      expect(wrong.text).toContain('value="neu@example.org"');

      const taken = await createUser(ctx.db);
      const duplicate = await submit(agent, '/konto', '/konto/email', { email: taken.email, currentPassword: DEFAULT_PASSWORD });
      expect(text(duplicate.text)).toContain('gehört schon zu einem anderen Konto');

      const asked = await submit(agent, '/konto', '/konto/email', { email: 'Neu@Example.org', currentPassword: DEFAULT_PASSWORD });
      expect(asked.status).toBe(303);
      expect(text((await agent.get('/konto')).text)).toContain('Wir haben einen Bestätigungslink an neu@example.org geschickt');
      // Nothing changes until the link is opened.
      expect((await ctx.db.prisma.user.findUniqueOrThrow({ where: { id: user.id } })).email).toBe(user.email);
      expect(text((await agent.get('/konto')).text)).toContain('Die Bestätigung für <strong>neu@example.org</strong> steht noch aus');

      await app.runJobs();
      const toOld = mailbox.mails.find((m) => m.to === user.email);
      expect(toOld?.subject).toBe('Änderung deiner E-Mail-Adresse beantragt');
      expect(toOld?.text).not.toMatch(/email-bestaetigen/);
      const toNew = mailbox.mails.find((m) => m.to === 'neu@example.org');
      const link = /http:\/\/erfahrungsboerse\.test(\/konto\/email-bestaetigen\/[\w-]+)/.exec(toNew?.text ?? '')?.[1];
      expect(link).toBeDefined();

      // Opening the link shows a button; pressing it makes the new address count.
      const page = await request(app).get(link!);
      expect(text(page.text)).toContain('Neue Adresse bestätigen');
      const confirmed = await submit(request.agent(app), link!, link!, {});
      expect(confirmed.status).toBe(303);
      expect((await ctx.db.prisma.user.findUniqueOrThrow({ where: { id: user.id } })).email).toBe('neu@example.org');
      expect((await request(app).get(link!)).status).toBe(410);
      await app.runJobs();
      expect(mailbox.mails.filter((m) => m.to === user.email).map((m) => m.subject)).toContain('Deine E-Mail-Adresse wurde geändert');
      expect((await submit(request.agent(app), '/anmelden', '/anmelden', { email: 'neu@example.org', password: DEFAULT_PASSWORD })).status).toBe(303);
    } finally {
      await mailbox.close();
    }
  });

  it('changes the password, keeps this browser logged in and logs out every other one', async () => {
    const { user, agent } = await agentFor(ctx);
    const otherDevice = await loginAgent(ctx.app, user.email);
    const res = await submit(agent, '/konto', '/konto/passwort', {
      currentPassword: DEFAULT_PASSWORD,
      password: 'Ganz-neues-Passwort-2026',
      passwordRepeat: 'Ganz-neues-Passwort-2026',
    });
    expect(res.status).toBe(303);
    expect((await agent.get('/konto')).status).toBe(200);
    expect((await otherDevice.get('/konto')).status).toBe(303);
    expect(
      (await submit(request.agent(ctx.app), '/anmelden', '/anmelden', { email: user.email, password: 'Ganz-neues-Passwort-2026' })).status,
    ).toBe(303);
  });

  it('shows errors next to the password form without touching the password', async () => {
    const { user, agent } = await agentFor(ctx);
    const res = await submit(agent, '/konto', '/konto/passwort', {
      currentPassword: DEFAULT_PASSWORD,
      password: 'Ganz-neues-Passwort-2026',
      passwordRepeat: 'etwas-anderes-2026',
    });
    expect(res.status).toBe(422);
    expect(text(res.text)).toContain('Die beiden Passwörter stimmen nicht überein.');
    const stored = await ctx.db.prisma.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(stored.passwordHash).toBe(user.passwordHash);
  });
});
