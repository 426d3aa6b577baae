import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { connectDatabase } from '../src/db/database.js';
import { agentFor, buildApp, createDatabaseFromTemplate, createUser, sessionAgent, text, useTestContext } from './support/context.js';

const ctx = useTestContext();

describe('pages', () => {
  it('the start page explains the Erfahrungsbörse and shows the KOG principles', async () => {
    const res = await request(ctx.app).get('/');
    expect(res.status).toBe(200);
    const page = text(res.text);
    expect(res.text).toContain('<html lang="de">');
    expect(page).toContain('Kommunale Erfahrungsbörse');
    expect(page).toContain('überparteilicher, antifaschistischer und finanziell unabhängiger');
    expect(page).toContain('Die KOG wird vom kommunalpolitischen Ratschlag gewählt');
    expect(page).toContain('spätestens drei Wochen');
    expect(res.text).toContain('href="#inhalt"'); // skip link
    for (const label of ['Bündnisse', 'Netzwerke', 'Themen', 'Anmelden', 'Registrieren', 'Impressum', 'Datenschutz']) {
      expect(page).toContain(label);
    }
  });

  it('leads nowhere empty: every link on the start page and in the navigation works, for visitors and members', async () => {
    const { agent } = await agentFor(ctx, 'MEMBER');
    for (const browser of [request.agent(ctx.app), agent]) {
      const home = await browser.get('/');
      const links = [...new Set([...home.text.matchAll(/href="(\/[^"#]*)"/g)].map((m) => m[1]!.replace(/&amp;/g, '&')))];
      expect(links.length).toBeGreaterThan(8);
      for (const link of links) {
        const res = await browser.get(link);
        expect(res.status, link).toBeLessThan(400);
      }
    }
  });

  it('answers unknown pages with a German 404 page', async () => {
    const res = await request(ctx.app).get('/gibt-es-nicht');
    expect(res.status).toBe(404);
    expect(text(res.text)).toContain('Seite nicht gefunden');
  });

  it('sends a strict Content-Security-Policy and forbids framing', async () => {
    const res = await request(ctx.app).get('/');
    const csp = res.headers['content-security-policy'];
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("style-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('unsafe-inline');
    expect(res.headers['x-frame-options']).toBe('DENY');
    expect(res.text).not.toMatch(/<script>(?!<\/script>)|\sstyle="|\son[a-z]+="/); // no inline code or styles
  });

  it('serves its own stylesheet and script under fingerprinted addresses, and nothing else from disk', async () => {
    const page = await request(ctx.app).get('/');
    const assets = [...page.text.matchAll(/(?:href|src)="(\/assets\/[^"]+)"/g)].map((m) => m[1]!);
    expect(assets.map((a) => a.replace(/\?v=[0-9a-f]{12}$/, ''))).toEqual(
      expect.arrayContaining(['/assets/css/site.css', '/assets/css/print.css', '/assets/js/site.js', '/assets/favicon.svg']),
    );
    for (const asset of assets) expect((await request(ctx.app).get(asset)).status, asset).toBe(200);
    expect((await request(ctx.app).get('/assets/gibt-es-nicht.css')).status).toBe(404);
    const outside = await request(ctx.app).get('/assets/%2e%2e/package.json');
    expect([403, 404]).toContain(outside.status);
    expect(outside.text).not.toContain('"dependencies"');
    // Page addresses never reach the file system: /css/site.css is no page.
    expect((await request(ctx.app).get('/css/site.css')).status).toBe(404);
  });

  it('rejects oversized form posts with 413 instead of crashing', async () => {
    const res = await request(ctx.app)
      .post('/anmelden')
      .type('form')
      .send({ email: 'x'.repeat(300_000) });
    expect(res.status).toBe(413);
    expect(text(res.text)).toContain('zu groß');
  });
});

describe('health and failures', () => {
  it('/healthz and /readyz answer ok', async () => {
    expect((await request(ctx.app).get('/healthz')).text).toBe('ok');
    expect((await request(ctx.app).get('/readyz')).text).toBe('ok');
  });

  it('reports an unreachable database on /readyz and a German 500 page without stack elsewhere', async () => {
    const database = await createDatabaseFromTemplate();
    const db = connectDatabase(database.url, { max: 1 });
    const app = buildApp(db);
    await database.drop(); // the database vanishes under the running app
    try {
      const ready = await request(app).get('/readyz');
      expect(ready.status).toBe(503);
      expect((await request(app).get('/healthz')).status).toBe(200);
      const page = await request(app).get('/registrieren');
      expect(page.status).toBe(500);
      expect(text(page.text)).toContain('Hier ist etwas schiefgegangen');
      expect(page.text).toMatch(/Fehlernummer für Rückfragen: <code>[\w-]+<\/code>/);
      expect(page.text).not.toMatch(/at .*\.(ts|js):\d+/);
      expect(page.text).not.toContain('does not exist');
    } finally {
      await db.close().catch(() => undefined);
    }
  });
});

describe('Für dich zu tun', () => {
  it('shows each person what waits for them, on the start page and on /konto', async () => {
    const alliance = await ctx.db.prisma.alliance.create({ data: { slug: 'aufgabenstadt', name: 'Bündnis Aufgabenstadt', municipality: 'Aufgabenstadt', state: 'RP' } });
    const admin = await createUser(ctx.db, { role: 'ADMIN' });
    const organiser = await createUser(ctx.db, { role: 'ORGANIZER' });
    const delegate = await createUser(ctx.db);
    await ctx.db.prisma.user.update({ where: { id: delegate.id }, data: { allianceId: alliance.id, isDelegate: true } });
    const applicant = await createUser(ctx.db);
    await ctx.db.prisma.user.update({ where: { id: applicant.id }, data: { requestedAllianceId: alliance.id, joinRequestedAt: new Date() } });
    await createUser(ctx.db, { status: 'PENDING' });
    const bystander = await createUser(ctx.db);

    const tasksOf = async (userId: number, path = '/') => {
      const page = text((await (await sessionAgent(ctx.app, userId)).get(path)).text);
      const section = /<h2 id="zu-tun">Für dich zu tun<\/h2>([\s\S]*?)<\/section>/.exec(page)?.[1] ?? '';
      return [...section.matchAll(/<a href="([^"]+)">([^<]+)<\/a>/g)].map((m) => `${m[2]} → ${m[1]}`);
    };
    expect(await tasksOf(admin.id)).toContain('1 Konto wartet auf Freischaltung → /admin/benutzer?status=PENDING');
    expect(await tasksOf(organiser.id)).toContain('1 Beitrittsanfrage bei Bündnis Aufgabenstadt → /buendnisse/aufgabenstadt#beitrittsanfragen');
    expect(await tasksOf(delegate.id, '/konto')).toEqual(['1 Beitrittsanfrage bei Bündnis Aufgabenstadt → /buendnisse/aufgabenstadt#beitrittsanfragen']);
    expect(await tasksOf(applicant.id)).toEqual(['Deine Beitrittsanfrage an Bündnis Aufgabenstadt wartet auf Bestätigung → /konto#buendnis']);
    expect(await tasksOf(bystander.id)).toEqual([]);
    expect(text((await request(ctx.app).get('/')).text)).not.toContain('Für dich zu tun');
  });

  it('tells visitors why a members-only page wants a login', async () => {
    const res = await request(ctx.app).get('/mitglieder');
    expect(res.headers.location).toBe('/anmelden?weiter=%2Fmitglieder');
    expect(text((await request(ctx.app).get(String(res.headers.location))).text)).toContain('Diese Seite ist nur für angemeldete Mitglieder');
  });
});
