// Per test file: a fresh database cloned from the migrated template, and the real app on it.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import request from 'supertest';
import { afterAll, beforeAll, inject } from 'vitest';
import { createApp } from '../../src/app.js';
import { connectDatabase, type Database } from '../../src/db/database.js';
import type { AccountStatus, Role } from '../../src/generated/prisma/enums.js';
import { createLogger } from '../../src/lib/logger.js';
import { createMailer } from '../../src/lib/mail.js';
import { hashPassword } from '../../src/lib/passwords.js';
import { createSessionStore } from '../../src/middleware/session.js';
import { withDatabase } from './global-setup.js';

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

export function buildApp(db: Database) {
  const logger = createLogger(process.env.TEST_LOG_LEVEL ?? 'silent');
  return createApp({
    config: { env: 'test', baseUrl: TEST_BASE_URL, trustProxy: false, secureCookies: false },
    db,
    logger,
    mailer: createMailer({ prisma: db.prisma, logger, from: 'test@localhost' }),
    sessionStore: createSessionStore(db.pool, { pruneExpired: false }),
    sessionSecret: SESSION_SECRET,
  });
}

export interface TestContext {
  db: Database;
  app: ReturnType<typeof buildApp>;
  url: string;
  close(): Promise<void>;
}

export async function createTestContext(): Promise<TestContext> {
  const database = await createDatabaseFromTemplate();
  const db = connectDatabase(database.url, { max: 5 });
  return {
    db,
    app: buildApp(db),
    url: database.url,
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
export async function createUser(
  db: Database,
  overrides: { email?: string; name?: string; password?: string; role?: Role; status?: AccountStatus } = {},
) {
  userCounter += 1;
  return db.prisma.user.create({
    data: {
      email: overrides.email ?? `person${userCounter}-${randomBytes(3).toString('hex')}@example.org`,
      name: overrides.name ?? `Testperson ${userCounter}`,
      passwordHash: await hashPassword(overrides.password ?? DEFAULT_PASSWORD),
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
