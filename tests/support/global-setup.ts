// Once per test run: a PostgreSQL server (DATABASE_URL, or an embedded one in a temporary folder) and a
// migrated template database. Each test file clones the template into a database of its own.
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { freePort, startEmbeddedPostgres, type EmbeddedPostgres } from '../../src/db/embedded-postgres.js';

export { freePort };
import { connectDatabase } from '../../src/db/database.js';
import { migrate } from '../../src/db/migrator.js';
import { loadReferenceData } from '../../src/db/reference-data.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** URL of a database on the test server with the right to create databases. */
    adminUrl: string;
    templateDatabase: string;
  }
}


export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

let embedded: EmbeddedPostgres | undefined;
let tempDir: string | undefined;

export default async function setup(project: TestProject) {
  try {
    return await prepare(project);
  } catch (error) {
    // Without this the embedded server would outlive a failed set-up.
    await embedded?.stop();
    if (tempDir) await fs.rm(tempDir, { recursive: true, force: true });
    throw error;
  }
}

async function prepare(project: TestProject) {
  // Tests that start the real server run the compiled code (as `npm start` does): compile it once, up front.
  // @ts-expect-error: a plain ES module without type declarations
  const { build } = (await import('../../scripts/build.mjs')) as { build(options: { ifStale: boolean }): Promise<boolean> };
  await build({ ifStale: true });
  // The test files' temporary files (the app's kept ZIPs among them) go into one folder, removed at the end: a test
  // process is ended without running its own clean-up.
  const filesDir = await fs.mkdtemp(path.join(os.tmpdir(), 'keb-test-dateien-'));
  await fs.chmod(filesDir, 0o755); // the postgres user (when tests run as root) must reach the servers inside
  process.env.TMPDIR = filesDir;
  let adminUrl = process.env.DATABASE_URL;
  if (!adminUrl) {
    tempDir = await fs.mkdtemp(path.join(os.tmpdir(), 'keb-test-'));
    await fs.chmod(tempDir, 0o755); // the postgres user (when tests run as root) must reach inside
    embedded = await startEmbeddedPostgres({ dataDir: tempDir, port: await freePort(), takeOwnershipIfRunning: true, log: () => {} });
    adminUrl = embedded.urlFor('postgres');
  }
  const templateDatabase = `keb_test_template_${process.pid}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${templateDatabase}`);
  await admin.query(`CREATE DATABASE ${templateDatabase}`);
  const template = connectDatabase(withDatabase(adminUrl, templateDatabase), { max: 1 });
  await migrate(template.pool);
  await loadReferenceData(template.prisma);
  await template.close();

  project.provide('adminUrl', adminUrl);
  project.provide('templateDatabase', templateDatabase);

  return async () => {
    // Leftovers of files that failed before their own clean-up.
    const { rows } = await admin.query<{ datname: string }>(`SELECT datname FROM pg_database WHERE datname LIKE 'keb_test_%'`);
    for (const { datname } of rows) await admin.query(`DROP DATABASE IF EXISTS ${admin.escapeIdentifier(datname)} WITH (FORCE)`);
    await admin.end();
    await embedded?.stop();
    if (tempDir) await fs.rm(tempDir, { recursive: true, force: true });
    await fs.rm(filesDir, { recursive: true, force: true });
  };
}
