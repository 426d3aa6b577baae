// Per test file: a fresh database cloned from the migrated template, and the real app on it.
import { createHmac, randomBytes } from 'node:crypto';
import pg from 'pg';
import request from 'supertest';
import { afterAll, beforeAll, inject } from 'vitest';
import { createApp } from '../../src/app.js';
import { connectDatabase, type Database } from '../../src/db/database.js';
import type { AccountStatus, Role } from '../../src/generated/prisma/enums.js';
import type session from 'express-session';
import { pino } from 'pino';
import { SMTPServer } from 'smtp-server';
import { jobHandlers, PERIODIC_JOBS } from '../../src/jobs/handlers.js';
import { createWorker } from '../../src/jobs/queue.js';
import { createLogger } from '../../src/lib/logger.js';
import { hashPassword } from '../../src/lib/passwords.js';
import { createSessionStore } from '../../src/middleware/session.js';
import { createServices } from '../../src/services.js';
import type { UploadLimits } from '../../src/lib/attachments.js';
import { freePort, withDatabase } from './global-setup.js';

export const TEST_BASE_URL = 'http://erfahrungsboerse.test';
export const SESSION_SECRET = 'test-secret-test-secret-test-secret';

export async function createDatabaseFromTemplate(): Promise<{ url: string; drop(): Promise<void> }> {
  const adminUrl = inject('adminUrl');
  const name = `keb_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name} TEMPLATE ${inject('templateDatabase')}`);
  } finally {
    await admin.end();
  }
  return {
    url: withDatabase(adminUrl, name),
    async drop() {
      const client = new pg.Client({ connectionString: adminUrl });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    },
  };
}

export interface BuildOptions {
  env?: 'test' | 'production';
  baseUrl?: string;
  trustProxy?: boolean | number | string;
  secureCookies?: boolean;
  sessionSecret?: string;
  /** Deliver mail through this SMTP server (as with SMTP_URL): mails are queued and the worker sends them. */
  smtpUrl?: string;
  sessionStore?: session.Store;
  /** Where the app's log lines go (default: nowhere). */
  log?: { write(line: string): void };
  /** Serve visitors' pages from memory for this long (default 0: off, so tests see every change at once). */
  pageCacheMs?: number;
  /** How long results kept for everyone may be used without a content version (default 0: never). */
  referenceCacheMs?: number;
  /** Attachment limits (default: as in production). */
  uploadLimits?: Partial<UploadLimits>;
}

/** The real app on a database, plus its services and a job worker the test runs by hand (runJobs). */
export function buildApp(db: Database, options: BuildOptions = {}) {
  const logger = options.log ? pino({ level: 'info', base: undefined }, options.log) : createLogger(process.env.TEST_LOG_LEVEL ?? 'silent');
  const sessionSecret = options.sessionSecret ?? SESSION_SECRET;
  const services = createServices({
    db,
    baseUrl: options.baseUrl ?? TEST_BASE_URL,
    secret: sessionSecret,
    deliversMail: !!options.smtpUrl,
    referenceCacheMs: options.referenceCacheMs ?? 0,
    uploadLimits: options.uploadLimits,
  });
  const app = createApp({
    config: {
      env: options.env ?? 'test',
      baseUrl: options.baseUrl ?? TEST_BASE_URL,
      trustProxy: options.trustProxy ?? false,
      secureCookies: options.secureCookies ?? false,
      pageCacheMs: options.pageCacheMs ?? 0,
    },
    db,
    logger,
    services,
    sessionStore: options.sessionStore ?? createSessionStore(db.pool, { pruneExpired: false }),
    sessionSecret,
  });
  const smtp = options.smtpUrl ? { url: options.smtpUrl, from: 'Erfahrungsbörse <keb@example.org>' } : undefined;
  const worker = createWorker({ pool: db.pool, logger, handlers: jobHandlers(services, { logger, smtp }), periodic: PERIODIC_JOBS });
  return Object.assign(app, { services, runJobs: () => worker.runDueJobs() });
}

export interface TestContext {
  db: Database;
  app: ReturnType<typeof buildApp>;
  url: string;
  /** Runs every job that is due (reset mails …), as the worker would. */
  runJobs(): Promise<number>;
  /** Runs every waiting job, also those planned for later (digests), as if their time had come. */
  runAllJobs(): Promise<number>;
  close(): Promise<void>;
}

export async function createTestContext(): Promise<TestContext> {
  const database = await createDatabaseFromTemplate();
  const db = connectDatabase(database.url, { max: 5 });
  const app = buildApp(db);
  return {
    db,
    app,
    url: database.url,
    runJobs: () => app.runJobs(),
    async runAllJobs() {
      // Jobs may queue further jobs for later (a registration queues the admins' digest): run until quiet.
      let total = 0;
      for (let round = 0; round < 10; round++) {
        await db.pool.query('UPDATE jobs SET run_at = now() WHERE done_at IS NULL AND failed_at IS NULL AND run_at > now()');
        const ran = await app.runJobs();
        if (ran === 0) return total;
        total += ran;
      }
      return total;
    },
    async close() {
      await db.close();
      await database.drop();
    },
  };
}

/** For a test file: its own database and app, ready in beforeAll and gone after the last test. */
export function useTestContext(): TestContext {
  const ctx = {} as TestContext;
  beforeAll(async () => {
    Object.assign(ctx, await createTestContext());
  });
  afterAll(() => ctx.close());
  return ctx;
}

export const DEFAULT_PASSWORD = 'Kommunal-Politik-2026!';

let userCounter = 0;
/** Hashing costs ~50 ms on purpose; test accounts with the default password share one hash. */
let defaultPasswordHash: Promise<string> | undefined;
export async function createUser(
  db: Database,
  overrides: { email?: string; name?: string; password?: string; role?: Role; status?: AccountStatus } = {},
) {
  userCounter += 1;
  return db.prisma.user.create({
    data: {
      email: overrides.email ?? `person${userCounter}-${randomBytes(3).toString('hex')}@example.org`,
      name: overrides.name ?? `Testperson ${userCounter}`,
      passwordHash: overrides.password
        ? await hashPassword(overrides.password)
        : await (defaultPasswordHash ??= hashPassword(DEFAULT_PASSWORD)),
      role: overrides.role ?? 'MEMBER',
      status: overrides.status ?? 'ACTIVE',
      principlesAcceptedAt: new Date(),
    },
  });
}

/** The CSRF token of the form on a page the agent loads. */
export async function csrfTokenFrom(agent: request.Agent, path: string): Promise<string> {
  const res = await agent.get(path);
  const match = /name="_csrf" value="([^"]+)"/.exec(res.text);
  if (!match) throw new Error(`no CSRF token on ${path} (status ${res.status})`);
  return match[1]!;
}

/** Encodes fields as a browser does: a list becomes the same name repeated (checkboxes). */
export function formBody(fields: Record<string, string | string[]>): string {
  const body = new URLSearchParams();
  for (const [name, value] of Object.entries(fields)) for (const v of Array.isArray(value) ? value : [value]) body.append(name, v);
  return body.toString();
}

/** Sends a form from `pagePath` on this site (Referer), as a browser would; the fields bring their own token. */
export function sendFromPage(
  agent: request.Agent | ReturnType<typeof request>,
  pagePath: string,
  action: string,
  fields: Record<string, string | string[]>,
) {
  return agent.post(action).set('Referer', `http://127.0.0.1${pagePath}`).set('Host', '127.0.0.1').type('form').send(formBody(fields));
}

/** Submits a form the way a browser does: load the page, take its token, post. */
export async function submit(agent: request.Agent, pagePath: string, action: string, fields: Record<string, string | string[]>) {
  const token = await csrfTokenFrom(agent, pagePath);
  return agent
    .post(action)
    .type('form')
    .send(formBody({ ...fields, _csrf: token }));
}

export async function loginAgent(app: TestContext['app'], email: string, password = DEFAULT_PASSWORD): Promise<request.Agent> {
  const agent = request.agent(app);
  const res = await submit(agent, '/anmelden', '/anmelden', { email, password });
  if (res.status !== 303) throw new Error(`login failed for ${email}: ${res.status}`);
  return agent;
}

export async function agentFor(ctx: TestContext, role: Role = 'MEMBER') {
  const user = await createUser(ctx.db, { role });
  return { user, agent: await loginAgent(ctx.app, user.email) };
}

/** Decodes the HTML entities EJS writes, for assertions on visible text. */
export function text(html: string): string {
  return html
    .replace(/&#39;/g, "'")
    .replace(/&#34;|&quot;/g, '"')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

export interface ReceivedMail {
  to: string;
  subject: string;
  text: string;
}

/** A real SMTP server on loopback that keeps every mail it receives (decoded), for tests of delivered mail. */
export async function startMailbox(): Promise<{ url: string; mails: ReceivedMail[]; close(): Promise<void> }> {
  const { simpleParser } = await import('mailparser');
  const mails: ReceivedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, _session, callback) {
      simpleParser(stream)
        .then((parsed) => {
          const to = Array.isArray(parsed.to) ? parsed.to[0]?.text : parsed.to?.text;
          mails.push({ to: to ?? '', subject: parsed.subject ?? '', text: parsed.text ?? '' });
          callback();
        })
        .catch(callback);
    },
  });
  const port = await freePort();
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return { url: `smtp://127.0.0.1:${port}`, mails, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

let ipCounter = 0;
/**
 * A browser with an address of its own (X-Forwarded-For; the app must trust the proxy), so that per-address
 * limits of one test do not spill into the next.
 */
export function agentWithOwnAddress(app: Parameters<typeof request.agent>[0], ip?: string): request.Agent {
  ipCounter += 1;
  return request.agent(app).set('X-Forwarded-For', ip ?? `198.51.100.${ipCounter % 250}`) as unknown as request.Agent;
}

/**
 * The session cookie (name and value) of a browser that is logged in as this person without going through the
 * login form (no password check): a session row as express-session writes it, and its signed cookie.
 */
export async function sessionCookie(app: TestContext['app'], userId: number): Promise<{ name: string; value: string }> {
  const sid = randomBytes(24).toString('base64url');
  const expires = new Date(Date.now() + 14 * 24 * 3600_000);
  const sess = {
    cookie: { originalMaxAge: 14 * 24 * 3600_000, expires, httpOnly: true, path: '/', sameSite: 'lax' },
    userId,
    refreshedAt: Date.now(),
  };
  await app.services.pool.query('INSERT INTO "session" (sid, sess, expire) VALUES ($1, $2, $3)', [sid, JSON.stringify(sess), expires]);
  const signature = createHmac('sha256', SESSION_SECRET).update(sid).digest('base64').replace(/=+$/, '');
  return { name: 'keb.sid', value: encodeURIComponent(`s:${sid}.${signature}`) };
}

/** A supertest browser logged in as this person (see sessionCookie). For tests that need many logged-in agents. */
export async function sessionAgent(app: TestContext['app'], userId: number): Promise<request.Agent> {
  const cookie = await sessionCookie(app, userId);
  return request.agent(app).set('Cookie', `${cookie.name}=${cookie.value}`) as unknown as request.Agent;
}

/** How many statements containing `fragment` the app's pool runs while `action` runs. */
export async function readsOf(target: { services: { pool: pg.Pool } }, fragment: string, action: () => Promise<unknown>): Promise<number> {
  const pool = target.services.pool;
  const query = pool.query.bind(pool) as (...args: unknown[]) => Promise<unknown>;
  let reads = 0;
  pool.query = ((...args: unknown[]) => {
    const config = args[0] as { text?: string } | string;
    if ((typeof config === 'string' ? config : (config.text ?? '')).includes(fragment)) reads++;
    return query(...args);
  }) as typeof pool.query;
  try {
    await action();
  } finally {
    pool.query = query as typeof pool.query;
  }
  return reads;
}
