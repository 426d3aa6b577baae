// The bench's own database: a fresh keb_bench_<random> on the DATABASE_URL server, or on an embedded PostgreSQL
// in the bench's temporary folder. Either way it is gone afterwards.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { freePort, startEmbeddedPostgres } from '../../src/db/embedded-postgres.js';

export interface BenchDatabase {
  url: string;
  /** 'eingebettet' or the server of DATABASE_URL (without credentials), for the report. */
  where: string;
  external: boolean;
  /** Process id of the embedded PostgreSQL server (its backends are its children); undefined with DATABASE_URL. */
  serverPid(): number | undefined;
  /** Drops the database, then stops the embedded server if there is one. */
  remove(): Promise<void>;
}

function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

async function onServer<T>(adminUrl: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export async function createBenchDatabase(tempDir: string, log: (message: string) => void): Promise<BenchDatabase> {
  const name = `keb_bench_${randomBytes(5).toString('hex')}`;
  const external = process.env.DATABASE_URL;
  const embedded = external
    ? undefined
    : await startEmbeddedPostgres({ dataDir: path.join(tempDir, 'pg'), port: await freePort(), takeOwnershipIfRunning: true, log });
  const adminUrl = external ?? embedded!.urlFor('postgres');
  try {
    await onServer(adminUrl, (client) => client.query(`CREATE DATABASE ${client.escapeIdentifier(name)}`));
  } catch (error) {
    await embedded?.stop();
    throw error;
  }
  const server = new URL(adminUrl);
  return {
    url: withDatabase(adminUrl, name),
    where: external ? `${server.hostname}:${server.port || 5432}` : 'eingebettet',
    external: !!external,
    serverPid() {
      try {
        return Number(fs.readFileSync(path.join(tempDir, 'pg', 'postgres', 'postmaster.pid'), 'utf8').split('\n')[0]);
      } catch {
        return undefined;
      }
    },
    async remove() {
      try {
        await onServer(adminUrl, (client) => client.query(`DROP DATABASE IF EXISTS ${client.escapeIdentifier(name)} WITH (FORCE)`));
      } finally {
        await embedded?.stop();
      }
    },
  };
}
