import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { connectDatabase } from '../src/db/database.js';
import { buildApp, createDatabaseFromTemplate, text, useTestContext } from './support/context.js';

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
    for (const label of [
      'Berichte',
      'Musteranträge',
      'Bündnisse',
      'Treffen',
      'Netzwerke',
      'Suche',
      'Anmelden',
      'Impressum',
      'Datenschutz',
    ]) {
      expect(page).toContain(label);
    }
  });

  it('has Impressum and Datenschutz pages, and no link in the navigation leads to a 404', async () => {
    for (const path of [
      '/impressum',
      '/datenschutz',
      '/prinzipien',
      '/berichte',
      '/antraege',
      '/buendnisse',
      '/treffen',
      '/netzwerke',
      '/suche',
    ]) {
      expect((await request(ctx.app).get(path)).status, path).toBe(200);
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

  it('serves its own stylesheet and script', async () => {
    expect((await request(ctx.app).get('/css/site.css')).status).toBe(200);
    expect((await request(ctx.app).get('/css/print.css')).status).toBe(200);
    expect((await request(ctx.app).get('/js/confirm.js')).status).toBe(200);
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
