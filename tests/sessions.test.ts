import http from 'node:http';
import type { AddressInfo } from 'node:net';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { connectDatabase } from '../src/db/database.js';
import { createSessionStore } from '../src/middleware/session.js';
import { agentFor, buildApp, createUser, csrfTokenFrom, DEFAULT_PASSWORD, loginAgent, submit, text, useTestContext } from './support/context.js';

const ctx = useTestContext();

describe('sessions in PostgreSQL', () => {
  it('survive an app restart and are shared by several app instances', async () => {
    const user = await createUser(ctx.db, { name: 'Dauerhaft Angemeldet' });
    const agent = await loginAgent(ctx.app, user.email);
    const cookie = (await agent.get('/konto')).request.cookies;

    // A second process: its own pool and app on the same database.
    const secondDb = connectDatabase(ctx.url, { max: 2 });
    try {
      const restarted = buildApp(secondDb);
      const res = await request(restarted).get('/konto').set('Cookie', cookie);
      expect(res.status).toBe(200);
      expect(res.text).toMatch(/<span class="user-name"[^>]*>Dauerhaft Angemeldet<\/span>/);
    } finally {
      await secondDb.close();
    }
  });

  it('end when the account is disabled, even without a logout', async () => {
    const user = await createUser(ctx.db);
    const agent = await loginAgent(ctx.app, user.email);
    await ctx.db.prisma.user.update({ where: { id: user.id }, data: { status: 'DISABLED' } });
    expect((await agent.get('/konto')).status).toBe(303);
  });

  it('set a Secure __Host- cookie in production', async () => {
    const app = buildApp(ctx.db, { env: 'production', baseUrl: 'https://example.org', trustProxy: 1, secureCookies: true });
    // Behind the reverse proxy, which terminates TLS and says so in X-Forwarded-Proto.
    const res = await request(app).get('/anmelden').set('X-Forwarded-Proto', 'https');
    expect(String(res.headers['set-cookie'])).toMatch(/^__Host-keb\.sid=.*; Path=\/; .*Secure/);
    expect(String(res.headers['set-cookie'])).not.toMatch(/Domain=/i);
    expect(res.headers['strict-transport-security']).toBeDefined();
  });
});

/** The session store of a second app instance on the same database, with a gate that holds requests in flight. */
function gatedApp() {
  const store = createSessionStore(ctx.db.pool, { pruneExpired: false });
  const get = store.get.bind(store);
  let gate: { opened: Promise<void>; open(): void; arrived: Promise<void>; arrive(): void } | undefined;
  store.get = (sid, callback) =>
    get(sid, (error, sess) => {
      const held = gate;
      if (!held) return callback(error, sess);
      held.arrive();
      void held.opened.then(() => callback(error, sess));
    });
  const app = buildApp(ctx.db, { sessionStore: store });
  return {
    app,
    /** The next request that loads a session waits (after loading it) until release() is called. */
    hold() {
      let open!: () => void;
      let arrive!: () => void;
      const opened = new Promise<void>((r) => (open = r));
      const arrived = new Promise<void>((r) => (arrive = r));
      gate = { opened, open, arrived, arrive };
      return {
        arrived,
        release() {
          gate = undefined;
          open();
        },
      };
    },
  };
}

describe('revoking sessions', () => {
  const revocations: [string, (owner: request.Agent, userId: number) => Promise<unknown>][] = [
    ['log out everywhere else', (owner) => submit(owner, '/konto', '/konto/ueberall-abmelden', { bestaetigt: 'ja' })],
    [
      'a password change',
      (owner) =>
        submit(owner, '/konto', '/konto/passwort', {
          currentPassword: DEFAULT_PASSWORD,
          password: 'Ganz-neues-Passwort-2026',
          passwordRepeat: 'Ganz-neues-Passwort-2026',
        }),
    ],
    [
      "an admin's „Sitzungen beenden“",
      async (_owner, userId) => {
        const admin = await agentFor(ctx, 'ADMIN');
        return submit(admin.agent, '/admin/benutzer', `/admin/benutzer/${userId}/sitzungen-beenden`, { bestaetigt: 'ja' });
      },
    ],
  ];

  it.each(revocations)('holds after %s, also against a request of the stolen session that is in flight', async (_name, revoke) => {
    const user = await createUser(ctx.db);
    const gated = gatedApp();
    const stolen = await loginAgent(gated.app, user.email);
    const owner = await loginAgent(ctx.app, user.email);

    // The stolen session has a message waiting, so its next request changes the session and saves it at the end.
    await submit(stolen, '/konto', '/konto/name', { name: 'Noch Unverändert' });
    const held = gated.hold();
    const inFlight = stolen.get('/konto').then((r) => r);
    await held.arrived; // the request has loaded the session …
    await revoke(owner, user.id); // … the owner revokes it …
    held.release(); // … and the request finishes and saves its (old) session.
    expect((await inFlight).status).toBe(200);

    const after = await stolen.get('/konto');
    expect(after.status).toBe(303);
    expect(after.headers.location).toBe('/anmelden?weiter=%2Fkonto');
  });

  it('logging out ends that session for good, also against a request in flight', async () => {
    const user = await createUser(ctx.db);
    const gated = gatedApp();
    const agent = await loginAgent(gated.app, user.email);
    const logoutToken = await csrfTokenFrom(agent, '/konto');
    const cookie = (await agent.get('/impressum')).request.cookies;
    await submit(agent, '/konto', '/konto/name', { name: 'Noch Unverändert' }); // a message waits: the next request saves

    const held = gated.hold();
    const inFlight = request(gated.app).get('/konto').set('Cookie', cookie).then((r) => r);
    await held.arrived;
    const logout = await request(ctx.app).post('/abmelden').set('Cookie', cookie).type('form').send({ _csrf: logoutToken });
    expect(logout.headers.location).toBe('/anmelden?abgemeldet=1');
    held.release();
    await inFlight;
    expect((await request(ctx.app).get('/konto').set('Cookie', cookie)).status).toBe(303);
  });
});

describe('responses to logged-in people', () => {
  it('are never cached, carry a Permissions-Policy, and readers get cacheable pages without a cookie', async () => {
    const { agent } = await agentFor(ctx, 'ADMIN');
    for (const path of ['/konto', '/admin/postausgang', '/', '/buendnisse']) {
      const res = await agent.get(path);
      expect(res.headers['cache-control'], path).toBe('no-store');
      expect(res.headers['permissions-policy'], path).toContain('camera=()');
    }
    const anonymous = await request(ctx.app).get('/buendnisse');
    expect(anonymous.headers['cache-control']).toBeUndefined();
    expect(anonymous.headers['set-cookie']).toBeUndefined();
    expect(anonymous.headers['permissions-policy']).toContain('geolocation=()');
  });

  it('write the session only when it changed, and move its expiry forward at most every few hours', async () => {
    const user = await createUser(ctx.db);
    const agent = await loginAgent(ctx.app, user.email);
    await agent.get('/konto'); // shows the welcome message once: a change
    const read = async () =>
      (await ctx.db.pool.query(`SELECT sess::text, expire FROM "session" WHERE sess->>'userId' = $1 AND revoked_at IS NULL`, [String(user.id)]))
        .rows[0];
    const before = await read();
    for (let i = 0; i < 3; i++) await agent.get('/konto');
    expect(await read()).toEqual(before);
  });
});

describe('a message after a redirect', () => {
  it('is there when the browser follows the redirect at once, even when saving the session is slow', async () => {
    const store = createSessionStore(ctx.db.pool, { pruneExpired: false });
    const set = store.set.bind(store);
    store.set = (sid, sess, callback) => void setTimeout(() => set(sid, sess, callback), 300);
    const app = buildApp(ctx.db, { sessionStore: store });
    const user = await createUser(ctx.db);
    const agent = await loginAgent(app, user.email);
    const server = app.listen(0, '127.0.0.1');
    await new Promise((r) => server.once('listening', r));
    const { port } = server.address() as AddressInfo;
    try {
      const cookie = (await agent.get('/konto')).request.cookies;
      for (let i = 0; i < 5; i++) {
        const token = /name="_csrf" value="([^"]+)"/.exec((await agent.get('/konto')).text)![1]!;
        // Like a browser: as soon as the 303's head arrives, ask for the next page.
        const location = await new Promise<string>((resolve, reject) => {
          const req = http.request(
            { port, host: '127.0.0.1', path: '/konto/name', method: 'POST', headers: { Cookie: cookie, 'Content-Type': 'application/x-www-form-urlencoded' } },
            (res) => {
              resolve(String(res.headers.location));
              res.resume();
            },
          );
          req.on('error', reject);
          req.end(new URLSearchParams({ name: `Name Nummer ${i}`, _csrf: token }).toString());
        });
        const next = await request(app).get(location).set('Cookie', cookie);
        expect(text(next.text), `attempt ${i}`).toContain('Dein Name ist geändert.');
      }
    } finally {
      server.close();
    }
  });
});
