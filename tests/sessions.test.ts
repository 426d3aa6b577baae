import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { connectDatabase } from '../src/db/database.js';
import { buildApp, createUser, loginAgent, useTestContext } from './support/context.js';

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
