// The real programs as a person runs them: `npm start` on an embedded PostgreSQL and `npm run admin:create`.
import { spawn, type ChildProcess } from 'node:child_process';
import http from 'node:http';
import pg from 'pg';
import { existsSync } from 'node:fs';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkLogin } from '../src/features/auth/service.js';
import { connectDatabase } from '../src/db/database.js';
import { createDatabaseFromTemplate } from './support/context.js';
import { freePort } from './support/global-setup.js';

/** Runs a script as npm does: TypeScript through tsx, the server compiled (scripts/start.mjs, like `npm start`). */
function run(args: string[], env: Record<string, string>, input?: string) {
  const child = spawn(process.execPath, args[0]!.endsWith('.mjs') ? args : ['--import', 'tsx', ...args], {
    env: { PATH: process.env.PATH ?? '', LOG_LEVEL: 'info', ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (c: Buffer) => (output += c.toString()));
  child.stderr!.on('data', (c: Buffer) => (output += c.toString()));
  if (input !== undefined) child.stdin!.end(input);
  const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
  return { child, exited, output: () => output };
}

async function waitFor(condition: () => boolean, what: string, ms = 60_000): Promise<void> {
  const until = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('npm start on the embedded PostgreSQL', () => {
  let dataDir: string;
  let running: ChildProcess | undefined;
  beforeAll(async () => {
    dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'keb-server-'));
  });
  afterAll(async () => {
    running?.kill('SIGKILL');
    await fs.rm(dataDir, { recursive: true, force: true });
  });

  it('starts, serves, shuts down gracefully on SIGTERM, and reuses its data on the next start', async () => {
    const env = { DATA_DIR: dataDir, PORT: String(await freePort()), EMBEDDED_PG_PORT: String(await freePort()) };
    const base = `http://127.0.0.1:${env.PORT}`;

    const first = run(['scripts/start.mjs'], env);
    running = first.child;
    await waitFor(() => first.output().includes('läuft auf http://localhost:'), 'the first start');
    expect(first.output()).toContain('Richte eingebettetes PostgreSQL');
    expect(first.output()).toContain('Migration angewendet');
    expect(await (await fetch(`${base}/readyz`)).text()).toBe('ok');
    expect((await fetch(`${base}/`)).status).toBe(200);

    first.child.kill('SIGTERM');
    expect(await first.exited).toBe(0);
    expect(first.output()).toContain('Heruntergefahren.');
    // PostgreSQL stopped cleanly with us: no server left behind, no stale lock file.
    expect(existsSync(path.join(dataDir, 'postgres', 'postmaster.pid'))).toBe(false);

    const second = run(['scripts/start.mjs'], env);
    running = second.child;
    await waitFor(() => second.output().includes('läuft auf http://localhost:'), 'the second start');
    expect(second.output()).not.toContain('Richte eingebettetes PostgreSQL');
    expect(second.output()).not.toContain('Migration angewendet');
    expect((await fetch(`${base}/readyz`)).status).toBe(200);
    second.child.kill('SIGINT');
    expect(await second.exited).toBe(0);
    expect(existsSync(path.join(dataDir, 'postgres', 'postmaster.pid'))).toBe(false);
    running = undefined;
  });
});

describe('npm run admin:create', () => {
  it('creates an active admin who can log in, and promotes an existing account', async () => {
    const database = await createDatabaseFromTemplate();
    const db = connectDatabase(database.url, { max: 2 });
    try {
      const unusedDataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'keb-unused-'));
      const env = { DATABASE_URL: database.url, DATA_DIR: unusedDataDir };
      const created = run(
        ['scripts/admin-create.ts', '--email', 'Admin@Example.org', '--name', 'Erste Administratorin'],
        env,
        'Sicheres-Admin-Passwort-1\n',
      );
      expect(await created.exited).toBe(0);
      expect(created.output()).toContain('angelegt');
      const login = await checkLogin(db.prisma, 'admin@example.org', 'Sicheres-Admin-Passwort-1');
      expect(login.outcome).toBe('ok');
      expect((await db.prisma.user.findUniqueOrThrow({ where: { email: 'admin@example.org' } })).role).toBe('ADMIN');
      // With DATABASE_URL nothing embedded is set up or started.
      expect(existsSync(path.join(unusedDataDir, 'postgres'))).toBe(false);
      await fs.rm(unusedDataDir, { recursive: true, force: true });

      const weak = run(['scripts/admin-create.ts', '--email', 'zwei@example.org', '--name', 'Zwei'], env, 'kurz\n');
      expect(await weak.exited).toBe(2);
      expect(weak.output()).toContain('mindestens 10 Zeichen');
      expect(await db.prisma.user.count({ where: { email: 'zwei@example.org' } })).toBe(0);

      await db.prisma.user.create({
        data: { email: 'mitglied@example.org', name: 'Mitglied', passwordHash: 'x', principlesAcceptedAt: new Date(), status: 'PENDING' },
      });
      const promoted = run(['scripts/admin-create.ts', '--email', 'mitglied@example.org', '--name', 'Mitglied'], env);
      expect(await promoted.exited).toBe(0);
      const member = await db.prisma.user.findUniqueOrThrow({ where: { email: 'mitglied@example.org' } });
      expect(member.role).toBe('ADMIN');
      expect(member.status).toBe('ACTIVE');

      const usage = run(['scripts/admin-create.ts', '--email', 'kaputt'], env);
      expect(await usage.exited).toBe(2);
      expect(usage.output()).toContain('Aufruf: npm run admin:create');
      const unknown = run(['scripts/admin-create.ts', '--mail', 'x@example.org'], env);
      expect(await unknown.exited).toBe(2);
      expect(unknown.output()).toMatch(/^Unbekannte Angabe .*\nAufruf: npm run admin:create/);
      expect(unknown.output()).not.toMatch(/TypeError|ERR_PARSE_ARGS/);

      // `npm run admin:create --email … --name …` (without the separating --): npm hands the options over as
      // npm_config_email / npm_config_name, and that works too.
      const withoutDashes = run(['scripts/admin-create.ts'], { ...env, npm_config_email: 'ohne-striche@example.org', npm_config_name: 'Ohne Striche' }, 'Sicheres-Admin-Passwort-2\n');
      expect(await withoutDashes.exited).toBe(0);
      expect((await db.prisma.user.findUniqueOrThrow({ where: { email: 'ohne-striche@example.org' } })).role).toBe('ADMIN');
    } finally {
      await db.close();
      await database.drop();
    }
  });
});

describe('npm run konto:link', () => {
  it('prints a working single-use reset link for installations without mail delivery', async () => {
    const database = await createDatabaseFromTemplate();
    const db = connectDatabase(database.url, { max: 2 });
    try {
      const env = { DATABASE_URL: database.url, BASE_URL: 'https://boerse.example' };
      await db.prisma.user.create({
        data: { email: 'vergessen@example.org', name: 'Vera Vergessen', passwordHash: 'x', principlesAcceptedAt: new Date(), status: 'ACTIVE' },
      });
      const linked = run(['scripts/reset-link.ts', '--email', 'Vergessen@example.org'], env);
      expect(await linked.exited).toBe(0);
      const link = /https:\/\/boerse\.example\/passwort-zuruecksetzen\/([\w-]{43})/.exec(linked.output());
      expect(link).not.toBeNull();
      const { findValidResetToken } = await import('../src/features/auth/service.js');
      expect(await findValidResetToken(db.prisma, link![1]!)).toBeDefined();
      const unknown = run(['scripts/reset-link.ts', '--email', 'niemand@example.org'], env);
      expect(await unknown.exited).toBe(1);
      expect(unknown.output()).toContain('Mit dieser E-Mail-Adresse gibt es kein Konto.');
    } finally {
      await db.close();
      await database.drop();
    }
  });
});

describe('shutdown under load', () => {
  it('finishes every request in flight, closes keep-alive connections, and never reaches a closed pool', async () => {
    const database = await createDatabaseFromTemplate();
    try {
      const port = await freePort();
      const server = run(['scripts/start.mjs'], { DATABASE_URL: database.url, PORT: String(port), LOG_LEVEL: 'warn' });
      // Wait until it answers.
      for (let i = 0; i < 100; i++) {
        const ok = await fetch(`http://127.0.0.1:${port}/readyz`).then((r) => r.ok).catch(() => false);
        if (ok) break;
        await new Promise((r) => setTimeout(r, 100));
      }

      // 16 keep-alive connections, each sending its next request as soon as the last answer arrived.
      const agent = new http.Agent({ keepAlive: true, maxSockets: 16 });
      const counts = { ok: 0, failedStatus: 0, dropped: 0, retriedRace: 0 };
      const reasons: string[] = [];
      let serverGone = false;
      const get = () =>
        new Promise<'ok' | 'gone' | 'retry'>((resolve) => {
          const req = http.get({ host: '127.0.0.1', port, path: '/buendnisse', agent }, (res) => {
            res.resume();
            res.on('end', () => {
              if (res.statusCode === 200) counts.ok++;
              else counts.failedStatus++;
              resolve('ok');
            });
            res.on('error', () => {
              counts.dropped++;
              resolve('ok');
            });
          });
          req.on('error', (error: NodeJS.ErrnoException) => {
            // No longer listening: the request never arrived. (A new connection still in the kernel's accept queue
            // when the server stops listening is reset instead of refused; it never reached the app either.)
            if (error.code === 'ECONNREFUSED' || (error.code === 'ECONNRESET' && !req.reusedSocket)) return resolve('gone');
            // A reused keep-alive socket that the server closed just as this request was sent: browsers retry these.
            if (req.reusedSocket && (error.code === 'ECONNRESET' || error.message === 'socket hang up')) return resolve('retry');
            reasons.push(`${error.code} ${error.message} reused=${req.reusedSocket}`);
            counts.dropped++;
            resolve('ok');
          });
        });
      const loops = Array.from({ length: 16 }, async () => {
        while (!serverGone) {
          const outcome = await get();
          if (outcome === 'gone') serverGone = true;
          if (outcome === 'retry') counts.retriedRace++;
        }
      });

      await waitFor(() => counts.ok >= 100, 'the load to run', 20_000);
      const okBefore = counts.ok;
      // Clients that give up just before the server is told to stop. Their requests wait for a lock on the reports
      // table, so the server is still working on them (and will query the database again) after their connections,
      // and every other one, are gone.
      const locker = new pg.Client({ connectionString: database.url });
      await locker.connect();
      await locker.query('BEGIN');
      await locker.query('LOCK TABLE reports IN ACCESS EXCLUSIVE MODE');
      const abandoned = Array.from({ length: 4 }, (_, i) => {
        const req = http.get({ host: '127.0.0.1', port, path: `/berichte?q=Wort${i}` });
        req.on('error', () => {});
        return req;
      });
      await new Promise((r) => setTimeout(r, 300));
      for (const req of abandoned) req.destroy();
      const stopping = Date.now();
      server.child.kill('SIGTERM');
      setTimeout(() => void locker.query('COMMIT').finally(() => locker.end()), 500);
      const code = await server.exited;
      const tookMs = Date.now() - stopping;
      serverGone = true;
      await Promise.all(loops);
      agent.destroy();

      expect(okBefore).toBeGreaterThanOrEqual(100);
      expect(code).toBe(0);
      expect(tookMs).toBeLessThan(5000); // drained, not cut off after the 10 s grace period
      expect(reasons).toEqual([]);
      expect(counts.dropped).toBe(0);
      expect(counts.failedStatus).toBe(0);
      expect(server.output()).not.toMatch(/Cannot use a pool after calling end/);
      expect(server.output()).not.toContain('werden die übrigen Verbindungen abgebrochen');
      expect(server.output()).not.toMatch(/"level":50/);
    } finally {
      await database.drop();
    }
  });
});
