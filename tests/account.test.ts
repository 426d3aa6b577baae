import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { agentFor, createUser, DEFAULT_PASSWORD, loginAgent, submit, text, useTestContext } from './support/context.js';

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

  it('changes the e-mail address only with the right password, and tells the old address', async () => {
    const { user, agent } = await agentFor(ctx);
    const wrong = await submit(agent, '/konto', '/konto/email', { email: 'neu@example.org', currentPassword: 'falsch-falsch' });
    expect(wrong.status).toBe(422);
    expect(text(wrong.text)).toContain('Das aktuelle Passwort stimmt nicht.');
    expect(wrong.text).toContain('value="neu@example.org"');
    expect((await ctx.db.prisma.user.findUniqueOrThrow({ where: { id: user.id } })).email).toBe(user.email);

    const taken = await createUser(ctx.db);
    const duplicate = await submit(agent, '/konto', '/konto/email', { email: taken.email, currentPassword: DEFAULT_PASSWORD });
    expect(text(duplicate.text)).toContain('gehört schon zu einem anderen Konto');

    const ok = await submit(agent, '/konto', '/konto/email', { email: 'Neu@Example.org', currentPassword: DEFAULT_PASSWORD });
    expect(ok.status).toBe(303);
    expect((await ctx.db.prisma.user.findUniqueOrThrow({ where: { id: user.id } })).email).toBe('neu@example.org');
    expect(await ctx.db.prisma.outboxMail.count({ where: { recipient: user.email, subject: 'Deine E-Mail-Adresse wurde geändert' } })).toBe(
      1,
    );
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
