import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { createUser, loginAgent, submit, TEST_BASE_URL, text, useTestContext } from './support/context.js';

const ctx = useTestContext();

async function requestResetLink(email: string): Promise<string> {
  const res = await submit(request.agent(ctx.app), '/passwort-vergessen', '/passwort-vergessen', { email });
  expect(res.status).toBe(303);
  const mail = await ctx.db.prisma.outboxMail.findFirstOrThrow({
    where: { recipient: email, subject: { contains: 'Passwort zurücksetzen' } },
    orderBy: { id: 'desc' },
  });
  const link = new RegExp(`${TEST_BASE_URL}(/passwort-zuruecksetzen/[\\w-]+)`).exec(mail.body);
  expect(link).not.toBeNull();
  return link![1]!;
}

describe('password reset', () => {
  it('works once through the link in the mail, ends old sessions, and then the link is dead', async () => {
    const user = await createUser(ctx.db);
    const oldDevice = await loginAgent(ctx.app, user.email);
    const path = await requestResetLink(user.email);

    const agent = request.agent(ctx.app);
    const form = await agent.get(path);
    expect(form.status).toBe(200);
    expect(text(form.text)).toContain('Neues Passwort festlegen');
    const done = await submit(agent, path, path, { password: 'Neues-Passwort-für-2027', passwordRepeat: 'Neues-Passwort-für-2027' });
    expect(done.status).toBe(303);
    expect(done.headers.location).toBe('/anmelden');

    expect((await oldDevice.get('/konto')).status).toBe(303); // logged out everywhere
    expect(
      (await submit(request.agent(ctx.app), '/anmelden', '/anmelden', { email: user.email, password: 'Neues-Passwort-für-2027' })).status,
    ).toBe(303);

    const again = await request(ctx.app).get(path);
    expect(again.status).toBe(410);
    expect(text(again.text)).toContain('Dieser Link gilt nicht mehr');
  });

  it('refuses an expired link', async () => {
    const user = await createUser(ctx.db);
    const path = await requestResetLink(user.email);
    await ctx.db.prisma.passwordResetToken.updateMany({ where: { userId: user.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect((await request(ctx.app).get(path)).status).toBe(410);
    const agent = request.agent(ctx.app);
    const token = /name="_csrf" value="([^"]+)"/.exec((await agent.get('/anmelden')).text)![1];
    const post = await agent
      .post(path)
      .type('form')
      .send({ password: 'Neues-Passwort-für-2027', passwordRepeat: 'Neues-Passwort-für-2027', _csrf: token });
    expect(post.status).toBe(410);
    const stored = await ctx.db.prisma.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(stored.passwordHash).toBe(user.passwordHash);
  });

  it('keeps the link usable when the new password is rejected', async () => {
    const user = await createUser(ctx.db);
    const path = await requestResetLink(user.email);
    const agent = request.agent(ctx.app);
    const bad = await submit(agent, path, path, { password: 'kurz', passwordRepeat: 'kurz' });
    expect(bad.status).toBe(422);
    expect(text(bad.text)).toContain('mindestens 10 Zeichen');
    expect((await agent.get(path)).status).toBe(200);
  });

  it('answers the same whether or not the address has an account, and stores no token for unknown ones', async () => {
    const tokens = await ctx.db.prisma.passwordResetToken.count();
    const agent = request.agent(ctx.app);
    const res = await submit(agent, '/passwort-vergessen', '/passwort-vergessen', { email: 'unbekannt@example.org' });
    expect(res.status).toBe(303);
    expect(text((await agent.get('/anmelden')).text)).toContain('Falls es ein Konto mit unbekannt@example.org gibt');
    expect(await ctx.db.prisma.passwordResetToken.count()).toBe(tokens);
    expect(await ctx.db.prisma.outboxMail.count({ where: { recipient: 'unbekannt@example.org' } })).toBe(0);
  });

  it('limits how often a reset can be requested', async () => {
    const user = await createUser(ctx.db);
    for (let i = 0; i < 3; i++) await requestResetLink(user.email);
    const res = await submit(request.agent(ctx.app), '/passwort-vergessen', '/passwort-vergessen', { email: user.email });
    expect(res.status).toBe(429);
    expect(text(res.text)).toContain('Zu viele Anfragen zum Zurücksetzen des Passworts');
  });
});
