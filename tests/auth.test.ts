import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { agentFor, createUser, csrfTokenFrom, DEFAULT_PASSWORD, submit, text, useTestContext } from './support/context.js';

const ctx = useTestContext();

const registration = (overrides: Record<string, string> = {}) => ({
  name: 'Erika Beispiel',
  email: 'erika@example.org',
  password: 'Rathaus-Haushalt-2026',
  passwordRepeat: 'Rathaus-Haushalt-2026',
  allianceId: '',
  allianceNote: 'Bürgerbündnis Musterstadt',
  acceptPrinciples: 'ja',
  ...overrides,
});

describe('registration → pending → approval → login', () => {
  it('walks a new person through the whole way in', async () => {
    const admin = await agentFor(ctx, 'ADMIN');
    const visitor = request.agent(ctx.app);

    const registered = await submit(visitor, '/registrieren', '/registrieren', registration());
    expect(registered.status).toBe(303);
    expect(registered.headers.location).toBe('/registrieren/danke');
    const thanks = await visitor.get('/registrieren/danke');
    expect(text(thanks.text)).toContain('Dein Konto wartet jetzt auf Freischaltung');

    const stored = await ctx.db.prisma.user.findUniqueOrThrow({ where: { email: 'erika@example.org' } });
    expect(stored.status).toBe('PENDING');
    expect(stored.passwordHash).toMatch(/^\$argon2id\$/);
    expect(stored.allianceNote).toBe('Bürgerbündnis Musterstadt');
    expect(stored.principlesAcceptedAt).toBeInstanceOf(Date);

    // Pending: the right password gets a clear message, but no session.
    const early = await submit(request.agent(ctx.app), '/anmelden', '/anmelden', {
      email: 'erika@example.org',
      password: 'Rathaus-Haushalt-2026',
    });
    expect(early.status).toBe(422);
    expect(text(early.text)).toContain('Dein Konto ist noch nicht freigeschaltet');

    // The person gets a confirmation, admins a digest of waiting accounts (one per ten minutes, however many).
    await ctx.runAllJobs();
    expect(await ctx.db.prisma.outboxMail.count({ where: { recipient: 'erika@example.org', subject: { contains: 'Registrierung' } } })).toBe(1);
    const digest = await ctx.db.prisma.outboxMail.findFirstOrThrow({ where: { recipient: admin.user.email } });
    expect(digest.subject).toBe('Ein Konto wartet auf Freischaltung');
    expect(digest.body).toContain('- Erika Beispiel');
    expect(digest.body).toContain('/admin/benutzer?status=PENDING');
    const list = await admin.agent.get('/admin/benutzer?status=PENDING');
    expect(text(list.text)).toContain('erika@example.org');
    const token = await csrfTokenFrom(admin.agent, '/admin/benutzer');
    const approved = await admin.agent.post(`/admin/benutzer/${stored.id}/freischalten`).type('form').send({ _csrf: token });
    expect(approved.status).toBe(303);
    expect((await ctx.db.prisma.user.findUniqueOrThrow({ where: { id: stored.id } })).status).toBe('ACTIVE');
    const approvalMail = await ctx.db.prisma.outboxMail.findFirst({
      where: { recipient: 'erika@example.org', subject: 'Dein Konto ist freigeschaltet' },
    });
    expect(approvalMail).not.toBeNull();

    // Now the login works, in any letter case of the address.
    const login = await submit(visitor, '/anmelden', '/anmelden', { email: 'Erika@Example.ORG', password: 'Rathaus-Haushalt-2026' });
    expect(login.status).toBe(303);
    const account = await visitor.get('/konto');
    expect(account.status).toBe(200);
    expect(text(account.text)).toMatch(/<span class="user-name"[^>]*>Erika Beispiel<\/span>/);
  });

  it('keeps what was typed and changes nothing when the form is invalid', async () => {
    const visitor = request.agent(ctx.app);
    const res = await submit(
      visitor,
      '/registrieren',
      '/registrieren',
      registration({ email: 'kaputt', passwordRepeat: 'anders-als-oben-1', acceptPrinciples: '' }),
    );
    expect(res.status).toBe(422);
    const page = text(res.text);
    expect(page).toContain('Bitte eine gültige E-Mail-Adresse eingeben.');
    expect(page).toContain('Die beiden Passwörter stimmen nicht überein.');
    expect(page).toContain('Bitte bestätige die Grundlage der Zusammenarbeit.');
    expect(page).toContain('value="Erika Beispiel"');
    expect(page).toContain('value="kaputt"');
    expect(page).not.toContain('Rathaus-Haushalt-2026'); // passwords are never sent back
    expect(await ctx.db.prisma.user.count({ where: { email: 'kaputt' } })).toBe(0);
  });

  it('refuses short and common passwords', async () => {
    const visitor = request.agent(ctx.app);
    const short = await submit(
      visitor,
      '/registrieren',
      '/registrieren',
      registration({ email: 'kurz@example.org', password: 'kurz123', passwordRepeat: 'kurz123' }),
    );
    expect(text(short.text)).toContain('mindestens 10 Zeichen');
    const common = await submit(
      visitor,
      '/registrieren',
      '/registrieren',
      registration({ email: 'common@example.org', password: 'password123', passwordRepeat: 'password123' }),
    );
    expect(common.status).toBe(422);
    expect(text(common.text)).toContain('zu verbreitet');
    const german = await submit(
      visitor,
      '/registrieren',
      '/registrieren',
      registration({ email: 'common@example.org', password: 'Passwort123', passwordRepeat: 'Passwort123' }),
    );
    expect(text(german.text)).toContain('zu verbreitet');
    expect(await ctx.db.prisma.user.count({ where: { email: { in: ['kurz@example.org', 'common@example.org'] } } })).toBe(0);
  });

  it('answers a taken address exactly like a new one, and tells only the owner by mail', async () => {
    const owner = await createUser(ctx.db, { email: 'schon-da@example.org', name: 'Olga Owner' });
    const jobsBefore = await ctx.db.prisma.job.count();
    const taken = await submit(request.agent(ctx.app), '/registrieren', '/registrieren', registration({ email: 'Schon-Da@example.org' }));
    const fresh = await submit(request.agent(ctx.app), '/registrieren', '/registrieren', registration({ email: 'ganz-neu@example.org' }));
    // Same status, same place, same page: nobody learns from the answer whether the address has an account.
    expect(taken.status).toBe(303);
    expect(taken.headers.location).toBe(fresh.headers.location);
    // Both did the same work in the request: one queued job each, nothing sent yet.
    expect(await ctx.db.prisma.job.count()).toBe(jobsBefore + 2);
    expect(await ctx.db.prisma.user.count({ where: { email: 'schon-da@example.org' } })).toBe(1);
    expect((await ctx.db.prisma.user.findUniqueOrThrow({ where: { id: owner.id } })).passwordHash).toBe(owner.passwordHash);

    await ctx.runJobs();
    const notice = await ctx.db.prisma.outboxMail.findFirstOrThrow({ where: { recipient: 'schon-da@example.org' } });
    expect(notice.subject).toBe('Registrierung mit deiner E-Mail-Adresse');
    expect(notice.body).toContain('Du hast aber schon ein Konto');
    // However often someone tries, the owner gets one such mail a day.
    await submit(request.agent(ctx.app), '/registrieren', '/registrieren', registration({ email: 'schon-da@example.org' }));
    await ctx.runJobs();
    expect(await ctx.db.prisma.outboxMail.count({ where: { recipient: 'schon-da@example.org' } })).toBe(1);
  });

  it('refuses names that carry a link or invisible characters, and cleans control characters', async () => {
    for (const name of ['Gewinn auf evil.example', 'Klick http://x.test', 'mail@evil.test', 'Eri\u202Eka']) {
      const res = await submit(request.agent(ctx.app), '/registrieren', '/registrieren', registration({ name, email: 'link@example.org' }));
      expect(res.status, name).toBe(422);
    }
    const res = await submit(request.agent(ctx.app), '/registrieren', '/registrieren', registration({ name: 'Ju\u0308rgen\u0000 Schu\u0308tz', email: 'juergen@example.org' }));
    expect(res.status).toBe(303);
    expect((await ctx.db.prisma.user.findUniqueOrThrow({ where: { email: 'juergen@example.org' } })).name).toBe('Jürgen Schütz');
  });

  it('accepts a long password with umlauts, however the umlauts were typed (NFC)', async () => {
    const composed = 'Über-die-Brücke-gehen-wir-gemeinsam-zur-Ratssitzung-'.normalize('NFC').repeat(3); // 156 characters
    expect([...composed].length).toBeGreaterThan(128);
    const decomposed = composed.normalize('NFD');
    expect(decomposed).not.toBe(composed);
    const visitor = request.agent(ctx.app);
    const res = await submit(
      visitor,
      '/registrieren',
      '/registrieren',
      registration({ email: 'umlaut@example.org', password: composed, passwordRepeat: composed }),
    );
    expect(res.status).toBe(303);
    await ctx.db.prisma.user.update({ where: { email: 'umlaut@example.org' }, data: { status: 'ACTIVE' } });
    const login = await submit(request.agent(ctx.app), '/anmelden', '/anmelden', { email: 'umlaut@example.org', password: decomposed });
    expect(login.status).toBe(303);
  });
});

describe('login and logout', () => {
  it('rejects a wrong password with a German message and no session', async () => {
    const user = await createUser(ctx.db);
    const agent = request.agent(ctx.app);
    const res = await submit(agent, '/anmelden', '/anmelden', { email: user.email, password: 'falsches-passwort' });
    expect(res.status).toBe(422);
    expect(text(res.text)).toContain('E-Mail-Adresse oder Passwort stimmen nicht.');
    expect(res.text).toContain(`value="${user.email}"`);
    expect((await agent.get('/konto')).status).toBe(303);
  });

  it('gives an unknown address the same answer as a wrong password', async () => {
    const res = await submit(request.agent(ctx.app), '/anmelden', '/anmelden', {
      email: 'niemand@example.org',
      password: 'irgendwas-langes',
    });
    expect(res.status).toBe(422);
    expect(text(res.text)).toContain('E-Mail-Adresse oder Passwort stimmen nicht.');
  });

  it('tells a disabled person that the account is blocked', async () => {
    const user = await createUser(ctx.db, { status: 'DISABLED' });
    const res = await submit(request.agent(ctx.app), '/anmelden', '/anmelden', { email: user.email, password: DEFAULT_PASSWORD });
    expect(text(res.text)).toContain('Dein Konto ist gesperrt');
  });

  it('issues a new session id at login and ends the session at logout', async () => {
    const user = await createUser(ctx.db);
    const agent = request.agent(ctx.app);
    const form = await agent.get('/anmelden');
    const before = /keb\.sid=([^;]+)/.exec(String(form.headers['set-cookie']))![1];
    const token = /name="_csrf" value="([^"]+)"/.exec(form.text)![1];
    const login = await agent.post('/anmelden').type('form').send({ email: user.email, password: DEFAULT_PASSWORD, _csrf: token });
    const after = /keb\.sid=([^;]+)/.exec(String(login.headers['set-cookie']))![1];
    expect(after).toBeDefined();
    expect(after).not.toBe(before);

    const logoutToken = await csrfTokenFrom(agent, '/konto');
    const logout = await agent.post('/abmelden').type('form').send({ _csrf: logoutToken });
    expect(logout.headers.location).toBe('/anmelden?abgemeldet=1');
    expect((await agent.get('/konto')).status).toBe(303);
    const { rows } = await ctx.db.pool.query(`SELECT 1 FROM session WHERE sess->>'userId' = $1`, [String(user.id)]);
    expect(rows).toHaveLength(0);
  });

  it('returns to the page that asked for a login, but never to another site', async () => {
    const user = await createUser(ctx.db);
    const agent = request.agent(ctx.app);
    const asked = await agent.get('/konto');
    expect(asked.headers.location).toBe('/anmelden?weiter=%2Fkonto');
    const form = await agent.get('/anmelden?weiter=%2Fkonto');
    expect(form.text).toContain('name="weiter" value="/konto"');
    const token = /name="_csrf" value="([^"]+)"/.exec(form.text)![1];
    const res = await agent
      .post('/anmelden')
      .type('form')
      .send({ email: user.email, password: DEFAULT_PASSWORD, weiter: '/konto', _csrf: token });
    expect(res.headers.location).toBe('/konto');

    const other = await createUser(ctx.db);
    const evil = await submit(request.agent(ctx.app), '/anmelden', '/anmelden', {
      email: other.email,
      password: DEFAULT_PASSWORD,
      weiter: '//evil.example',
    });
    expect(evil.headers.location).toBe('/');
  });
});

describe('CSRF and anonymous visitors', () => {
  it('rejects a state change without a valid token and changes nothing', async () => {
    const { user, agent } = await agentFor(ctx);
    const missing = await agent.post('/konto/name').type('form').send({ name: 'Ganz Anders' });
    expect(missing.status).toBe(403);
    expect(text(missing.text)).toContain('Sicherheitsprüfung fehlgeschlagen');
    const wrong = await agent.post('/konto/name').type('form').send({ name: 'Ganz Anders', _csrf: 'geraten' });
    expect(wrong.status).toBe(403);
    expect((await ctx.db.prisma.user.findUniqueOrThrow({ where: { id: user.id } })).name).toBe(user.name);

    const registrations = await ctx.db.prisma.user.count();
    const anonymous = await request(ctx.app)
      .post('/registrieren')
      .type('form')
      .send(registration({ email: 'csrf@example.org' }));
    expect(anonymous.status).toBe(403);
    expect(await ctx.db.prisma.user.count()).toBe(registrations);
  });

  it('sets no cookie and stores no session for visitors who only read', async () => {
    const { rows: before } = await ctx.db.pool.query('SELECT count(*)::int AS n FROM session');
    for (const path of ['/', '/prinzipien', '/impressum', '/buendnisse', '/netzwerke', '/themen', '/gibt-es-nicht']) {
      const res = await request(ctx.app).get(path);
      expect(res.headers['set-cookie'], path).toBeUndefined();
      expect(res.headers['cache-control'], path).toBeUndefined();
    }
    const { rows: after } = await ctx.db.pool.query('SELECT count(*)::int AS n FROM session');
    expect(after[0].n).toBe(before[0].n);
  });

  it('marks the session cookie HttpOnly and SameSite=Lax', async () => {
    const res = await request(ctx.app).get('/anmelden');
    const cookie = String(res.headers['set-cookie']);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Lax');
  });
});
