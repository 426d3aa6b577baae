import { fileURLToPath } from 'node:url';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MIGRATIONS_DIR, migrate, MigrationError } from '../src/db/migrator.js';
import { createDatabaseFromTemplate } from './support/context.js';
import { schemaDifferences } from './support/schema-diff.js';

const SCHEMA = fileURLToPath(new URL('../prisma/schema.prisma', import.meta.url));

describe('migrations and schema.prisma', () => {
  let database: Awaited<ReturnType<typeof createDatabaseFromTemplate>>;
  let pool: pg.Pool;

  beforeAll(async () => {
    database = await createDatabaseFromTemplate();
    pool = new pg.Pool({ connectionString: database.url, max: 2 });
  });
  afterAll(async () => {
    await pool.end();
    await database.drop();
  });

  it('the migrated database matches schema.prisma', async () => {
    expect(await schemaDifferences(SCHEMA, pool)).toEqual([]);
  });

  it('records every migration in _prisma_migrations as Prisma Migrate does', async () => {
    const dirs = (await fs.readdir(MIGRATIONS_DIR, { withFileTypes: true }))
      .filter((d) => d.isDirectory())
      .map((d) => d.name)
      .sort();
    const { rows } = await pool.query(
      'SELECT migration_name, checksum, finished_at, applied_steps_count FROM _prisma_migrations ORDER BY migration_name',
    );
    expect(rows.map((r) => r.migration_name)).toEqual(dirs);
    for (const row of rows) {
      expect(row.checksum).toMatch(/^[0-9a-f]{64}$/);
      expect(row.finished_at).toBeInstanceOf(Date);
      expect(row.applied_steps_count).toBe(1);
    }
  });

  it('applying the migrations again changes nothing', async () => {
    expect(await migrate(pool)).toEqual([]);
  });

  it('catches a dropped column, a changed type and a lost unique constraint', async () => {
    const scratch = await createDatabaseFromTemplate();
    const scratchPool = new pg.Pool({ connectionString: scratch.url, max: 1 });
    try {
      await scratchPool.query('ALTER TABLE users DROP COLUMN alliance_note');
      await scratchPool.query('ALTER TABLE outbox_mails ALTER COLUMN subject TYPE varchar(50)');
      await scratchPool.query('DROP INDEX alliances_slug_key');
      const differences = await schemaDifferences(SCHEMA, scratchPool);
      expect(differences).toContain('column users.alliance_note: missing in the database');
      expect(differences).toContain('column outbox_mails.subject: type is character varying(50), schema.prisma says text');
      expect(differences).toContain('unique alliances(slug): missing in the database');
    } finally {
      await scratchPool.end();
      await scratch.drop();
    }
  });

  it('refuses a migration that was changed after it was applied, and applies nothing', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'keb-migrations-'));
    try {
      await fs.cp(MIGRATIONS_DIR, dir, { recursive: true });
      const first = (await fs.readdir(dir)).filter((n) => /^\d/.test(n)).sort()[0]!;
      await fs.appendFile(path.join(dir, first, 'migration.sql'), '\n-- edited afterwards\n');
      await fs.mkdir(path.join(dir, '99990101000000_later'));
      await fs.writeFile(path.join(dir, '99990101000000_later', 'migration.sql'), 'CREATE TABLE should_not_exist (id int);');

      await expect(migrate(pool, { dir })).rejects.toThrow(MigrationError);
      await expect(migrate(pool, { dir })).rejects.toThrow(/was modified after it was applied/);
      const { rowCount } = await pool.query(`SELECT 1 FROM pg_tables WHERE tablename = 'should_not_exist'`);
      expect(rowCount).toBe(0);
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  });

  it('rolls a failing migration back completely and records nothing', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'keb-migrations-'));
    try {
      await fs.cp(MIGRATIONS_DIR, dir, { recursive: true });
      await fs.mkdir(path.join(dir, '99990101000000_broken'));
      await fs.writeFile(
        path.join(dir, '99990101000000_broken', 'migration.sql'),
        'CREATE TABLE half_done (id int);\nSELECT no_such_function();',
      );
      await expect(migrate(pool, { dir })).rejects.toThrow(/99990101000000_broken/);
      const tables = await pool.query(`SELECT 1 FROM pg_tables WHERE tablename = 'half_done'`);
      const recorded = await pool.query(`SELECT 1 FROM _prisma_migrations WHERE migration_name = '99990101000000_broken'`);
      expect(tables.rowCount).toBe(0);
      expect(recorded.rowCount).toBe(0);
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  });
});
