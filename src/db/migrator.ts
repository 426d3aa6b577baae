// Applies the hand-written SQL migrations in prisma/migrations/<timestamp>_<name>/migration.sql and records
// them in _prisma_migrations exactly as Prisma Migrate does (same table, SHA-256 checksum of the file), so
// `prisma migrate status` agrees on a machine that has the Prisma schema engine.
import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { MIGRATIONS_DIR } from '../paths.js';
import type pg from 'pg';

export { MIGRATIONS_DIR };

/** Prisma Migrate's advisory lock key: app instances starting together (and the Prisma CLI) wait for each other. */
const ADVISORY_LOCK_KEY = 72707369;

export class MigrationError extends Error {}

/** pg's client-side query timeout, per query (pg reads `query_timeout` from the query config): a day is as good as none. */
const NO_TIMEOUT = 24 * 60 * 60 * 1000;
const untimed = (text: string, values?: unknown[]) => ({ text, values, query_timeout: NO_TIMEOUT }) as pg.QueryConfig;

interface MigrationFile {
  name: string;
  sql: string;
  checksum: string;
}

/** Prisma Migrate's checksum of a migration script: SHA-256 of its UTF-8 bytes, as 64 lower-case hex digits. */
export function migrationChecksum(script: string): string {
  return createHash('sha256').update(script, 'utf8').digest('hex');
}

export async function readMigrations(dir = MIGRATIONS_DIR): Promise<MigrationFile[]> {
  const entries = await fs.readdir(dir, { withFileTypes: true });
  const names = entries
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
  return Promise.all(
    names.map(async (name) => {
      const sql = await fs.readFile(path.join(dir, name, 'migration.sql'), 'utf8');
      return { name, sql, checksum: migrationChecksum(sql) };
    }),
  );
}

/**
 * Whether a script still matches the checksum recorded when it was applied, by Prisma Migrate's rules: the file
 * as it is, or with its line endings changed either way (a checkout on Windows), and for checksums an old
 * Prisma version recorded without zero-padding each byte, that form too.
 */
export function matchesChecksum(script: string, recorded: string): boolean {
  const candidates = [script, script.replace(/\r\n/g, '\n'), script.replace(/\n/g, '\r\n')];
  return candidates.some((candidate) => {
    const digest = createHash('sha256').update(candidate, 'utf8').digest();
    const rendered = recorded.length === 64 ? digest.toString('hex') : [...digest].map((byte) => byte.toString(16)).join('');
    return rendered === recorded;
  });
}

const CREATE_MIGRATIONS_TABLE = `
CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
)`;

interface AppliedRow {
  migration_name: string;
  checksum: string;
  finished_at: Date | null;
  rolled_back_at: Date | null;
}

/** Applies pending migrations, each in its own transaction. Returns the names applied now. */
export async function migrate(pool: pg.Pool, options: { dir?: string; log?: (message: string) => void } = {}): Promise<string[]> {
  const files = await readMigrations(options.dir);
  const client = await pool.connect();
  try {
    // A migration may take long on a big table: no statement timeout for this connection while it migrates.
    await client.query(untimed('SET statement_timeout = 0'));
    await client.query(untimed('SELECT pg_advisory_lock($1)', [ADVISORY_LOCK_KEY]));
    await client.query(CREATE_MIGRATIONS_TABLE);
    const { rows } = await client.query<AppliedRow>(
      'SELECT migration_name, checksum, finished_at, rolled_back_at FROM "_prisma_migrations" WHERE rolled_back_at IS NULL',
    );
    const applied = new Map(rows.map((row) => [row.migration_name, row]));

    const appliedNow: string[] = [];
    for (const file of files) {
      const row = applied.get(file.name);
      if (row?.finished_at) {
        if (!matchesChecksum(file.sql, row.checksum)) {
          throw new MigrationError(
            `Migration ${file.name} wurde nach dem Anwenden verändert; bitte die Änderung als neue Migration anlegen. / ` +
              `Migration ${file.name} was modified after it was applied; add a new migration instead.`,
          );
        }
        continue;
      }
      if (row) {
        throw new MigrationError(
          `Migration ${file.name} ist früher fehlgeschlagen und muss von Hand bereinigt werden (prisma migrate resolve). / ` +
            `Migration ${file.name} failed earlier and needs manual resolution.`,
        );
      }
      await client.query('BEGIN');
      try {
        const id = randomUUID();
        await client.query(
          'INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, applied_steps_count) VALUES ($1, $2, $3, now(), 0)',
          [id, file.checksum, file.name],
        );
        await client.query(untimed(file.sql));
        await client.query('UPDATE "_prisma_migrations" SET finished_at = now(), applied_steps_count = 1 WHERE id = $1', [id]);
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK');
        throw new MigrationError(`Migration ${file.name} fehlgeschlagen / failed: ${(error as Error).message}`);
      }
      options.log?.(`Migration angewendet: ${file.name}`);
      appliedNow.push(file.name);
    }

    const known = new Set(files.map((f) => f.name));
    for (const name of applied.keys()) {
      if (!known.has(name)) options.log?.(`Warnung: Migration ${name} ist in der Datenbank, aber nicht im Projekt.`);
    }
    return appliedNow;
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [ADVISORY_LOCK_KEY]).catch(() => undefined);
    await client.query('RESET statement_timeout').catch(() => undefined);
    client.release();
  }
}
