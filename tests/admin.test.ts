import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../src/generated/prisma/enums.js';
import { agentFor, createUser, createTestContext, csrfTokenFrom, loginAgent, text, type TestContext } from './support/context.js';

let ctx: TestContext;
let agents: Record<Role, Awaited<ReturnType<typeof agentFor>>>;
beforeAll(async () => {
  ctx = await createTestContext();
  agents = { MEMBER: await agentFor(ctx, 'MEMBER'), ORGANIZER: await agentFor(ctx, 'ORGANIZER'), ADMIN: await agentFor(ctx, 'ADMIN') };
});
afterAll(() => ctx.close());

const ADMIN_PAGES = [
  '/admin',
  '/admin/benutzer',
  '/admin/benutzer?status=PENDING',
  '/admin/postausgang',
  '/admin/themen',
  '/admin/themen/1/bearbeiten',
  '/netzwerke/neu',
  '/netzwerke/1/bearbeiten',
];
const ADMIN_ACTIONS = ['freischalten', 'sperren', 'rolle', 'sitzungen-beenden'].map(
  (action) => (id: number) => `/admin/benutzer/${id}/${action}`,
);
const OTHER_ADMIN_ACTIONS = [
  '/admin/themen',
  '/admin/themen/1',
  '/admin/themen/1/ausmustern',
  '/netzwerke/neu',
  '/netzwerke/1/bearbeiten',
  '/netzwerke/1/ausmustern',
];

describe('role checks on every admin route', () => {
  it('sends anonymous visitors to the login', async () => {
    for (const path of ADMIN_PAGES) {
      const res = await request(ctx.app).get(path);
      expect(res.status, path).toBe(303);
      expect(res.headers.location, path).toMatch(/^\/anmelden/);
    }
  });

  it('refuses members and organisers with 403, on pages and actions, and changes nothing', async () => {
    const target = await createUser(ctx.db, { status: 'PENDING' });
    for (const role of ['MEMBER', 'ORGANIZER'] as const) {
      const { agent } = agents[role];
      for (const path of ADMIN_PAGES) {
        const res = await agent.get(path);
        expect(res.status, `${role} ${path}`).toBe(403);
        expect(text(res.text)).toContain('Keine Berechtigung');
      }
      const token = await csrfTokenFrom(agent, '/konto');
      for (const path of [...ADMIN_ACTIONS.map((action) => action(target.id)), ...OTHER_ADMIN_ACTIONS]) {
        const res = await agent.post(path).type('form').send({ _csrf: token, role: 'ADMIN', name: 'Übernommen', category: 'NATIONAL' });
        expect(res.status, `${role} ${path}`).toBe(403);
      }
    }
    const unchanged = await ctx.db.prisma.user.findUniqueOrThrow({ where: { id: target.id } });
    expect(unchanged.status).toBe('PENDING');
    expect(unchanged.role).toBe('MEMBER');
    expect(await ctx.db.prisma.topic.count({ where: { name: 'Übernommen' } })).toBe(0);
    expect(await ctx.db.prisma.network.count({ where: { OR: [{ name: 'Übernommen' }, { retiredAt: { not: null } }] } })).toBe(0);
  });

  it('lets admins in', async () => {
    for (const path of ADMIN_PAGES) {
      const res = await agents.ADMIN.agent.get(path);
      expect(res.status, path).toBeLessThan(400);
    }
  });
});

describe('managing accounts', () => {
  const post = async (path: string, fields: Record<string, string> = {}) => {
    const token = await csrfTokenFrom(agents.ADMIN.agent, '/admin/benutzer');
    return agents.ADMIN.agent
      .post(path)
      .type('form')
      .send({ ...fields, _csrf: token });
  };

  it('finds accounts by name, address or alliance and pages through them', async () => {
    const alliance = await ctx.db.prisma.alliance.create({
      data: { slug: 'buendnis-suchstadt', name: 'Bündnis Suchstadt', municipality: 'Suchstadt', state: 'HE' },
    });
    await createUser(ctx.db, { name: 'Gesuchte Person' });
    const inAlliance = await createUser(ctx.db);
    await ctx.db.prisma.user.update({ where: { id: inAlliance.id }, data: { allianceId: alliance.id } });
    const byName = text((await agents.ADMIN.agent.get('/admin/benutzer?q=gesuchte')).text);
    expect(byName).toContain('Gesuchte Person');
    expect(byName).not.toContain(agents.MEMBER.user.email);
    expect(text((await agents.ADMIN.agent.get(`/admin/benutzer?q=${encodeURIComponent('suchstadt')}`)).text)).toContain(inAlliance.email);
    expect(text((await agents.ADMIN.agent.get('/admin/benutzer?q=niemand-heisst-so')).text)).toContain('Keine Konten gefunden');

    for (let i = 0; i < 26; i++) await createUser(ctx.db, { name: `Seitenperson ${i}` });
    const first = await agents.ADMIN.agent.get('/admin/benutzer?q=Seitenperson');
    expect(first.text).toContain('Seite 1 von 2');
    const second = await agents.ADMIN.agent.get('/admin/benutzer?q=Seitenperson&seite=2');
    expect(second.text).toContain('Seite 2 von 2');
    expect((await agents.ADMIN.agent.get('/admin/benutzer?seite=abc&status=UNSINN')).status).toBe(200);
  });

  it('disables an account after a confirmation step (also without JavaScript): its sessions end and it cannot log in', async () => {
    const user = await createUser(ctx.db, { name: 'Sabine Sperrkandidatin' });
    const device = await loginAgent(ctx.app, user.email);

    // Without JavaScript the button leads to a confirmation page that names the person; nothing changes yet.
    const asked = await post(`/admin/benutzer/${user.id}/sperren`, { zurueck: '/admin/benutzer?q=x' });
    expect(asked.status).toBe(200);
    expect(text(asked.text)).toContain('Konto sperren?');
    expect(text(asked.text)).toContain('>Sabine Sperrkandidatin sperren</button>');
    expect(asked.text).toContain('name="bestaetigt" value="ja"');
    expect(asked.text).toContain('name="zurueck" value="/admin/benutzer?q=x"');
    expect(asked.text).toContain('href="/admin/benutzer?q=x">Abbrechen');
    expect((await ctx.db.prisma.user.findUniqueOrThrow({ where: { id: user.id } })).status).toBe('ACTIVE');

    const res = await post(`/admin/benutzer/${user.id}/sperren`, { zurueck: '/admin/benutzer?q=x', bestaetigt: 'ja' });
    expect(res.headers.location).toBe('/admin/benutzer?q=x');
    expect((await device.get('/konto')).status).toBe(303);
    expect((await ctx.db.prisma.user.findUniqueOrThrow({ where: { id: user.id } })).status).toBe('DISABLED');
  });

  it('changes roles, and refuses changes to the own account', async () => {
    const user = await createUser(ctx.db, { name: 'Rudi Rollenwechsel' });
    const asked = await post(`/admin/benutzer/${user.id}/rolle`, { role: 'ORGANIZER' });
    expect(text(asked.text)).toContain('Rudi Rollenwechsel bekommt die Rolle „Organisator/in (KOG)“ statt „Mitglied“.');
    expect(asked.text).toContain('name="role" value="ORGANIZER"');
    expect((await ctx.db.prisma.user.findUniqueOrThrow({ where: { id: user.id } })).role).toBe('MEMBER');
    await post(`/admin/benutzer/${user.id}/rolle`, { role: 'ORGANIZER', bestaetigt: 'ja' });
    expect((await ctx.db.prisma.user.findUniqueOrThrow({ where: { id: user.id } })).role).toBe('ORGANIZER');

    const invalid = await post(`/admin/benutzer/${user.id}/rolle`, { role: 'KAISER', bestaetigt: 'ja' });
    expect(invalid.status).toBe(303);
    expect(text((await agents.ADMIN.agent.get('/admin/benutzer')).text)).toContain('Bitte eine gültige Rolle wählen.');
    expect((await ctx.db.prisma.user.findUniqueOrThrow({ where: { id: user.id } })).role).toBe('ORGANIZER');

    const self = agents.ADMIN.user.id;
    await post(`/admin/benutzer/${self}/rolle`, { role: 'MEMBER', bestaetigt: 'ja' });
    expect(text((await agents.ADMIN.agent.get('/admin/benutzer')).text)).toContain('nicht bei deinem eigenen Konto');
    await post(`/admin/benutzer/${self}/sperren`, { bestaetigt: 'ja' });
    const me = await ctx.db.prisma.user.findUniqueOrThrow({ where: { id: self } });
    expect(me.role).toBe('ADMIN');
    expect(me.status).toBe('ACTIVE');
  });

  it('ends all sessions of a person', async () => {
    const user = await createUser(ctx.db);
    const one = await loginAgent(ctx.app, user.email);
    const two = await loginAgent(ctx.app, user.email);
    await post(`/admin/benutzer/${user.id}/sitzungen-beenden`, { bestaetigt: 'ja' });
    expect(text((await agents.ADMIN.agent.get('/admin/benutzer')).text)).toContain('2 Sitzungen beendet');
    expect((await one.get('/konto')).status).toBe(303);
    expect((await two.get('/konto')).status).toBe(303);
    expect((await ctx.db.prisma.user.findUniqueOrThrow({ where: { id: user.id } })).status).toBe('ACTIVE');
  });

  it('answers unknown accounts with 404', async () => {
    expect((await post('/admin/benutzer/999999/freischalten')).status).toBe(404);
    expect((await post('/admin/benutzer/abc/freischalten')).status).toBe(404);
  });
});

describe('Postausgang', () => {
  it('lists stored mails and shows one, escaped', async () => {
    const mail = await ctx.db.prisma.outboxMail.create({
      data: { recipient: 'a@example.org', subject: 'Test <b>fett</b>', body: 'Zeile 1\n<script>alert(1)</script>' },
    });
    const list = await agents.ADMIN.agent.get('/admin/postausgang');
    expect(list.text).toContain('Test &lt;b&gt;fett&lt;/b&gt;');
    const one = await agents.ADMIN.agent.get(`/admin/postausgang/${mail.id}`);
    expect(one.text).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(one.text).not.toContain('<script>alert(1)');
    expect((await agents.ADMIN.agent.get('/admin/postausgang/999999')).status).toBe(404);
  });
});

describe('the last admin', () => {
  it('cannot be removed, also when two admins demote or disable each other at the same moment', async () => {
    // Only these two are admins now.
    await ctx.db.prisma.user.updateMany({ where: { role: 'ADMIN' }, data: { role: 'MEMBER' } });
    const anna = await createUser(ctx.db, { role: 'ADMIN', name: 'Anna Admin' });
    const bert = await createUser(ctx.db, { role: 'ADMIN', name: 'Bert Admin' });
    const annaAgent = await loginAgent(ctx.app, anna.email);
    const bertAgent = await loginAgent(ctx.app, bert.email);
    const [annaToken, bertToken] = await Promise.all([csrfTokenFrom(annaAgent, '/admin/benutzer'), csrfTokenFrom(bertAgent, '/admin/benutzer')]);

    for (const [action, fields] of [
      ['rolle', { role: 'MEMBER' }],
      ['sperren', {}],
    ] as const) {
      await Promise.all([
        annaAgent.post(`/admin/benutzer/${bert.id}/${action}`).type('form').send({ ...fields, bestaetigt: 'ja', _csrf: annaToken }),
        bertAgent.post(`/admin/benutzer/${anna.id}/${action}`).type('form').send({ ...fields, bestaetigt: 'ja', _csrf: bertToken }),
      ]);
      const admins = await ctx.db.prisma.user.count({ where: { role: 'ADMIN', status: 'ACTIVE' } });
      expect(admins, action).toBeGreaterThanOrEqual(1);
    }
    const remaining = await ctx.db.prisma.user.findMany({ where: { role: 'ADMIN', status: 'ACTIVE' } });
    expect(remaining).toHaveLength(1);
    const survivor = remaining[0]!.id === anna.id ? annaAgent : bertAgent;
    expect(text((await survivor.get('/admin/benutzer')).text)).toMatch(/mindestens eine aktive Administratorin|ist gesperrt|hat jetzt die Rolle/);
  });
});
