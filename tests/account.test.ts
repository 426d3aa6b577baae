import request from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  agentFor,
  buildApp,
  createUser,
  DEFAULT_PASSWORD,
  loginAgent,
  sendFromPage,
  startMailbox,
  submit,
  text,
  useTestContext,
} from './support/context.js';

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
      expect(
        (await submit(request.agent(app), '/anmelden', '/anmelden', { email: 'neu@example.org', password: DEFAULT_PASSWORD })).status,
      ).toBe(303);
    } finally {
      await mailbox.close();
    }
  });

  it('shows at once what changed in the person’s own settings, wherever it was changed', async () => {
    const { user, agent } = await agentFor(ctx);
    const checkbox = async () => /name="notifyComments" value="ja"( checked)?/.exec((await agent.get('/konto')).text)![1] !== undefined;
    expect(await checkbox()).toBe(true);
    expect(await checkbox()).toBe(true); // kept now
    // Straight in the database, as another instance would (a column that no page for others shows).
    await ctx.db.pool.query('UPDATE users SET notify_comments = false WHERE id = $1', [user.id]);
    expect(await checkbox()).toBe(false);
    await ctx.db.pool.query(`UPDATE users SET template_values = '{"Gemeinde": "Neustadt am Rübenberge"}' WHERE id = $1`, [user.id]);
    expect((await agent.get('/konto')).text).toContain('value="Neustadt am Rübenberge"');
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

describe('/konto with pages kept as in production', () => {
  let app: ReturnType<typeof buildApp>;
  beforeAll(() => {
    app = buildApp(ctx.db, { pageCacheMs: 60_000 });
  });
  const tokenOf = (html: string) => /name="_csrf" value="([^"]+)"/.exec(html)![1]!;

  it('is renewed at once by any change of the person, and every session has its own', async () => {
    const user = await createUser(ctx.db, { name: 'Karla Konto' });
    const agent = await loginAgent(app, user.email);
    await agent.get('/konto'); // shows the welcome once
    const first = await agent.get('/konto');
    expect(text(first.text)).toContain('Karla Konto');
    expect((await agent.get('/konto')).text).toBe(first.text); // the kept page, token and all

    // Another browser of the same person gets its own page with its own token.
    const other = await loginAgent(app, user.email);
    expect(tokenOf((await other.get('/konto')).text)).not.toBe(tokenOf(first.text));

    // Changed straight in the database (another instance, an admin): shown at once.
    await ctx.db.pool.query('UPDATE users SET notify_comments = false WHERE id = $1', [user.id]);
    expect((await agent.get('/konto')).text).not.toMatch(/name="notifyComments" value="ja" checked/);

    // A change through the page: the message in the frame, the new name in the page.
    expect((await submit(agent, '/konto', '/konto/name', { name: 'Karla Neu' })).status).toBe(303);
    const changed = text((await agent.get('/konto')).text);
    expect(changed).toContain('Dein Name ist geändert.');
    expect(changed).toContain('value="Karla Neu"');
    expect(text((await agent.get('/konto')).text)).not.toContain('Dein Name ist geändert.');
  });

  it('shows what was typed into a form whose token had expired, once', async () => {
    const user = await createUser(ctx.db);
    const agent = await loginAgent(app, user.email);
    await agent.get('/konto');
    const sent = await sendFromPage(agent, '/konto', '/konto/name', { _csrf: 'abgelaufen', name: 'Getippter Name' });
    expect(sent.headers.location).toBe('/konto');
    const restored = await agent.get('/konto');
    expect(text(restored.text)).toContain('Deine Sitzung war abgelaufen');
    expect(restored.text).toContain('value="Getippter Name"');
    expect((await agent.get('/konto')).text).not.toContain('Getippter Name');
  });
});
