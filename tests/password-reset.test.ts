import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agentWithOwnAddress, buildApp, createUser, loginAgent, startMailbox, submit, TEST_BASE_URL, text, useTestContext } from './support/context.js';

const ctx = useTestContext();

// With mail delivery (SMTP_URL), as a real installation: the link travels only in the delivered mail.
let mailbox: Awaited<ReturnType<typeof startMailbox>>;
let app: ReturnType<typeof buildApp>;
const logLines: string[] = [];
beforeAll(async () => {
  mailbox = await startMailbox();
  app = buildApp(ctx.db, { smtpUrl: mailbox.url, trustProxy: true, log: { write: (line) => logLines.push(line) } });
});
afterAll(() => mailbox.close());

async function requestResetLink(email: string): Promise<string> {
  const res = await submit(agentWithOwnAddress(app), '/passwort-vergessen', '/passwort-vergessen', { email });
  expect(res.status).toBe(303);
  await app.runJobs();
  const mail = mailbox.mails.filter((m) => m.to === email && m.subject.includes('Passwort zurücksetzen')).at(-1);
  expect(mail, `reset mail to ${email}`).toBeDefined();
  const link = new RegExp(`${TEST_BASE_URL}(/passwort-zuruecksetzen/[\\w-]+)`).exec(mail!.text);
  expect(link).not.toBeNull();
  return link![1]!;
}

describe('password reset', () => {
  it('works once through the link in the mail, ends old sessions, and then the link is dead', async () => {
    const user = await createUser(ctx.db);
    const oldDevice = await loginAgent(app, user.email);
    const path = await requestResetLink(user.email);

    const agent = request.agent(app);
    const form = await agent.get(path);
    expect(form.status).toBe(200);
    expect(text(form.text)).toContain('Neues Passwort festlegen');
    const done = await submit(agent, path, path, { password: 'Neues-Passwort-für-2027', passwordRepeat: 'Neues-Passwort-für-2027' });
    expect(done.status).toBe(303);
    expect(done.headers.location).toBe('/anmelden');

    expect((await oldDevice.get('/konto')).status).toBe(303); // logged out everywhere
    expect((await submit(request.agent(app), '/anmelden', '/anmelden', { email: user.email, password: 'Neues-Passwort-für-2027' })).status).toBe(303);

    const again = await request(app).get(path);
    expect(again.status).toBe(410);
    expect(text(again.text)).toContain('Dieser Link gilt nicht mehr');
  });

  it('is readable by its recipient only: not in the outbox, not in the database once sent, not in the log', async () => {
    const user = await createUser(ctx.db, { email: 'admin-ziel@example.org', role: 'ADMIN' });
    const otherAdmin = await createUser(ctx.db, { role: 'ADMIN' });
    const path = await requestResetLink(user.email);
    const token = path.split('/').pop()!;

    const stored = await ctx.db.prisma.outboxMail.findFirstOrThrow({ where: { recipient: user.email }, orderBy: { id: 'desc' } });
    expect(stored.status).toBe('SENT');
    expect(stored.body).not.toContain(token);
    expect(stored.body).toContain('[persönlicher Link – steht nur in der zugestellten E-Mail]');
    expect(stored.secretLink).toBeNull();
    const { rows } = await ctx.db.pool.query(`SELECT count(*)::int AS n FROM outbox_mails WHERE body LIKE $1 OR secret_link LIKE $1`, [`%${token}%`]);
    expect(rows[0].n).toBe(0);

    // Another admin reads the outbox: no link there.
    const admin = await loginAgent(app, otherAdmin.email);
    const list = await admin.get('/admin/postausgang');
    const view = await admin.get(`/admin/postausgang/${stored.id}`);
    expect(view.status).toBe(200);
    expect(list.text + view.text).not.toContain(token);

    // Opening the link leaves no trace of the token in the access log.
    await request(app).get(path);
    expect(logLines.some((line) => line.includes('/passwort-zuruecksetzen/[verborgen]'))).toBe(true);
    expect(logLines.join('\n')).not.toContain(token);
  });

  it('refuses an expired link', async () => {
    const user = await createUser(ctx.db);
    const path = await requestResetLink(user.email);
    await ctx.db.prisma.passwordResetToken.updateMany({ where: { userId: user.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect((await request(app).get(path)).status).toBe(410);
    const agent = request.agent(app);
    const token = /name="_csrf" value="([^"]+)"/.exec((await agent.get('/anmelden')).text)![1];
    const post = await agent.post(path).type('form').send({ password: 'Neues-Passwort-für-2027', passwordRepeat: 'Neues-Passwort-für-2027', _csrf: token });
    expect(post.status).toBe(410);
    const stored = await ctx.db.prisma.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(stored.passwordHash).toBe(user.passwordHash);
  });

  it('keeps the link usable when the new password is rejected', async () => {
    const user = await createUser(ctx.db);
    const path = await requestResetLink(user.email);
    const agent = request.agent(app);
    const bad = await submit(agent, path, path, { password: 'kurz', passwordRepeat: 'kurz' });
    expect(bad.status).toBe(422);
    expect(text(bad.text)).toContain('mindestens 10 Zeichen');
    expect((await agent.get(path)).status).toBe(200);
  });

  it('answers the same, doing the same work, whether or not the address has an account', async () => {
    const known = await createUser(ctx.db);
    const answers = [];
    for (const email of [known.email, 'unbekannt@example.org']) {
      const jobs = await ctx.db.prisma.job.count({ where: { kind: 'account.password-reset' } });
      const agent = agentWithOwnAddress(app);
      const res = await submit(agent, '/passwort-vergessen', '/passwort-vergessen', { email });
      // The request only queues one job, either way; whether a mail goes out is decided later, out of sight.
      expect(await ctx.db.prisma.job.count({ where: { kind: 'account.password-reset' } })).toBe(jobs + 1);
      const message = /class="flash flash--info"[^>]*>([^<]*)</.exec(text((await agent.get('/anmelden')).text))?.[1];
      answers.push({ status: res.status, location: res.headers.location, message: message?.replace(email, 'ADRESSE') });
    }
    expect(answers[0]).toEqual(answers[1]);
    expect(answers[0]!.message).toContain('Falls es ein Konto mit ADRESSE gibt');

    const tokens = await ctx.db.prisma.passwordResetToken.count();
    await app.runJobs();
    expect(await ctx.db.prisma.passwordResetToken.count()).toBe(tokens + 1); // only for the known address
    expect(await ctx.db.prisma.outboxMail.count({ where: { recipient: 'unbekannt@example.org' } })).toBe(0);
  });

  it('limits how often a reset can be requested', async () => {
    const user = await createUser(ctx.db);
    for (let i = 0; i < 3; i++) await requestResetLink(user.email);
    const res = await submit(request.agent(app), '/passwort-vergessen', '/passwort-vergessen', { email: user.email });
    expect(res.status).toBe(429);
    expect(text(res.text)).toContain('Zu viele Anfragen zum Zurücksetzen des Passworts');
  });
});

describe('without mail delivery', () => {
  it('says on the page that no link can arrive, and creates none', async () => {
    const user = await createUser(ctx.db);
    const page = await request(ctx.app).get('/passwort-vergessen');
    expect(text(page.text)).toContain('kein E-Mail-Versand eingerichtet');
    await submit(request.agent(ctx.app), '/passwort-vergessen', '/passwort-vergessen', { email: user.email });
    const tokens = await ctx.db.prisma.passwordResetToken.count({ where: { userId: user.id } });
    await ctx.runJobs();
    expect(await ctx.db.prisma.passwordResetToken.count({ where: { userId: user.id } })).toBe(tokens);
    const stored = await ctx.db.prisma.outboxMail.findFirstOrThrow({ where: { recipient: user.email } });
    expect(stored.status).toBe('STORED');
    expect(stored.body).not.toMatch(/passwort-zuruecksetzen\/[\w-]{20,}/);
  });
});
