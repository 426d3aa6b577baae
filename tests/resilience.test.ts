// The database goes away and comes back while people use the site: pages answer 503 with a German page and
// Retry-After, the log says so once, and the same process serves again as soon as the database is back.
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectDatabase, type Database } from '../src/db/database.js';
import { buildApp, createDatabaseFromTemplate, createUser, sessionAgent, text } from './support/context.js';
import { startProxy } from './support/proxy.js';

let database: Awaited<ReturnType<typeof createDatabaseFromTemplate>>;
let proxy: Awaited<ReturnType<typeof startProxy>>;
let db: Database;
let app: ReturnType<typeof buildApp>;
const logLines: { level: number; msg: string }[] = [];

beforeAll(async () => {
  database = await createDatabaseFromTemplate();
  const url = new URL(database.url);
  proxy = await startProxy({ host: url.hostname, port: Number(url.port) });
  url.port = String(proxy.port);
  db = connectDatabase(url.toString(), { max: 4, connectionTimeoutMillis: 800, statementTimeoutMillis: 1500 });
  app = buildApp(db, { log: { write: (line) => logLines.push(JSON.parse(line)) } });
});
afterAll(async () => {
  proxy.set('pass');
  await db.close().catch(() => undefined);
  await proxy.close();
  await database.drop();
});

/** A handful of requests at once, as several visitors would send them. */
async function burst(agent: request.SuperTest<request.Test> | request.Agent, paths: string[]) {
  return Promise.all(paths.map((p) => agent.get(p)));
}

async function until(condition: () => Promise<boolean>, ms: number): Promise<number> {
  const started = Date.now();
  while (Date.now() - started < ms) {
    if (await condition()) return Date.now() - started;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`not within ${ms} ms`);
}

describe('when the database goes away', () => {
  it('pages answer 503 with Retry-After, the log says it once, and the same process recovers when it is back', async () => {
    const member = await sessionAgent(app, (await createUser(db)).id);
    const pages = ['/', '/buendnisse', '/netzwerke', '/themen'];
    for (const res of await burst(request(app), pages)) expect(res.status).toBe(200);

    proxy.set('down'); // PostgreSQL killed
    const errorsBefore = logLines.filter((l) => l.level >= 50).length;
    for (let round = 0; round < 5; round++) {
      for (const res of [...(await burst(request(app), pages.slice(1))), ...(await burst(member, ['/konto', '/mitglieder']))]) {
        expect(res.status).toBe(503);
        expect(res.headers['retry-after']).toBe('30');
        expect(text(res.text)).toContain('kurz nicht erreichbar');
        expect(res.text).not.toMatch(/\n\s+at /);
      }
    }
    expect((await request(app).get('/readyz')).status).toBe(503);
    expect((await request(app).get('/healthz')).status).toBe(200);
    const outageLines = logLines.filter((l) => l.level >= 50).slice(errorsBefore);
    expect(outageLines.map((l) => l.msg)).toEqual(['Datenbank nicht erreichbar: Seiten antworten mit 503, bis sie wieder da ist.']);

    proxy.set('pass'); // PostgreSQL back
    const recovered = await until(async () => (await request(app).get('/buendnisse')).status === 200, 5000);
    expect(recovered).toBeLessThan(3000);
    for (const res of await burst(request(app), pages)) expect(res.status).toBe(200);
    expect((await member.get('/konto')).status).toBe(200);
    expect(logLines.filter((l) => /Datenbank wieder erreichbar/.test(l.msg))).toHaveLength(1);
  });

  it('a frozen database gives /readyz a 503 within a second and pages a 503 instead of hanging', async () => {
    proxy.set('freeze');
    try {
      const started = Date.now();
      const ready = await request(app).get('/readyz');
      expect(ready.status).toBe(503);
      expect(Date.now() - started).toBeLessThan(1500);
      const page = await request(app).get('/buendnisse');
      expect(page.status).toBe(503);
      expect(Date.now() - started).toBeLessThan(6000);
    } finally {
      proxy.set('down'); // drop the frozen connections, then let traffic through again
      proxy.set('pass');
    }
    await until(async () => (await request(app).get('/buendnisse')).status === 200, 5000);
  });
});
