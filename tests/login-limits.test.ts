// Password guessing is limited per account and address together (tight), per address (broad) and per account
// (loose, and not for addresses the owner logged in from before), so nobody can lock the owner out.
import type request from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import { agentWithOwnAddress, buildApp, createUser, DEFAULT_PASSWORD, submit, text, useTestContext } from './support/context.js';

const ctx = useTestContext();
let app: ReturnType<typeof buildApp>;
beforeAll(() => {
  app = buildApp(ctx.db, { trustProxy: true });
});

const login = (agent: request.Agent, email: string, password: string) => submit(agent, '/anmelden', '/anmelden', { email, password });

describe('login limits', () => {
  it('stop one address after 5 wrong passwords for one account, with a clear German message; other addresses are not affected', async () => {
    const user = await createUser(ctx.db);
    const attacker = agentWithOwnAddress(app, '203.0.113.1');
    for (let i = 0; i < 5; i++) expect((await login(attacker, user.email, `falsch-${i}-xxxxxx`)).status).toBe(422);
    const locked = await login(attacker, user.email, DEFAULT_PASSWORD);
    expect(locked.status).toBe(429);
    expect(locked.headers['retry-after']).toBeDefined();
    expect(text(locked.text)).toMatch(/Zu viele fehlgeschlagene Anmeldeversuche.*in \d+ Minuten noch einmal/);
    // The owner, elsewhere, logs in as usual.
    expect((await login(agentWithOwnAddress(app, '198.18.0.7'), user.email, DEFAULT_PASSWORD)).status).toBe(303);
  });

  it('keep the owner getting in from a known address while many addresses guess at the account', async () => {
    const user = await createUser(ctx.db);
    const home = '192.0.2.44';
    expect((await login(agentWithOwnAddress(app, home), user.email, DEFAULT_PASSWORD)).status).toBe(303);

    // 20 failures from 5 addresses use up the account's loose limit …
    for (let i = 0; i < 20; i++) await login(agentWithOwnAddress(app, `203.0.113.${10 + (i % 5)}`), user.email, `falsch-${i}-xxxxxx`);
    // … so a new address is refused even with the right password (guessing stays impractical) …
    expect((await login(agentWithOwnAddress(app, '203.0.113.99'), user.email, DEFAULT_PASSWORD)).status).toBe(429);
    // … while the owner from the usual address still gets in.
    expect((await login(agentWithOwnAddress(app, home), user.email, DEFAULT_PASSWORD)).status).toBe(303);
  });

  it('stop an address that tries many accounts', async () => {
    const users = await Promise.all([1, 2, 3].map(() => createUser(ctx.db)));
    const sprayer = '203.0.113.200';
    for (let i = 0; i < 50; i++) await login(agentWithOwnAddress(app, sprayer), `nicht-da-${i}@example.org`, 'irgendwas-falsch');
    const blocked = await login(agentWithOwnAddress(app, sprayer), users[0]!.email, DEFAULT_PASSWORD);
    expect(blocked.status).toBe(429);
    expect((await login(agentWithOwnAddress(app, '198.18.0.8'), users[1]!.email, DEFAULT_PASSWORD)).status).toBe(303);
  });

  it('count wrong current passwords on /konto like wrong logins', async () => {
    const user = await createUser(ctx.db);
    const agent = agentWithOwnAddress(app, '192.0.2.80');
    expect((await login(agent, user.email, DEFAULT_PASSWORD)).status).toBe(303);
    for (let i = 0; i < 5; i++) {
      const wrong = await submit(agent, '/konto', '/konto/passwort', {
        currentPassword: `falsch-${i}-xxxxxx`,
        password: 'Ganz-neues-Passwort-2026',
        passwordRepeat: 'Ganz-neues-Passwort-2026',
      });
      expect(wrong.status).toBe(422);
    }
    const right = await submit(agent, '/konto', '/konto/passwort', {
      currentPassword: DEFAULT_PASSWORD,
      password: 'Ganz-neues-Passwort-2026',
      passwordRepeat: 'Ganz-neues-Passwort-2026',
    });
    expect(right.status).toBe(429);
    expect(text(right.text)).toContain('Zu viele fehlgeschlagene Anmeldeversuche');
    expect((await ctx.db.prisma.user.findUniqueOrThrow({ where: { id: user.id } })).passwordHash).toBe(user.passwordHash);
    const email = await submit(agent, '/konto', '/konto/email', { email: 'anders@example.org', currentPassword: DEFAULT_PASSWORD });
    expect(email.status).toBe(429);
  });
});
