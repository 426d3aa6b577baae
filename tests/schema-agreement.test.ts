import { fileURLToPath } from 'node:url';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { matchesChecksum, migrationChecksum, MIGRATIONS_DIR, migrate, MigrationError } from '../src/db/migrator.js';
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
      const script = await fs.readFile(path.join(MIGRATIONS_DIR, row.migration_name, 'migration.sql'), 'utf8');
      expect(row.checksum).toBe(migrationChecksum(script));
      expect(row.finished_at).toBeInstanceOf(Date);
      expect(row.applied_steps_count).toBe(1);
    }
  });

  it('computes checksums exactly as Prisma Migrate does (its own test vectors)', () => {
    // prisma-engines, schema-engine/connectors/schema-connector/src/checksum.rs: format_checksum_does_not_strip_zeros
    expect(migrationChecksum('hello')).toBe('2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824');
    expect(migrationChecksum('abcd')).toHaveLength(64);
    expect(migrationChecksum('Grüße aus dem Rathaus')).toBe(createHash('sha256').update(Buffer.from('Grüße aus dem Rathaus', 'utf8')).digest('hex'));
    // script_matches_checksum_is_line_ending_agnostic
    for (const group of [
      ['ab\ncd\nef\ngh\rab', 'ab\r\ncd\r\nef\r\ngh\rab'],
      ['ab\ncd\nef\ngh\rab\n', 'ab\r\ncd\r\nef\r\ngh\rab\r\n'],
    ]) {
      for (const script of group) for (const other of group) expect(matchesChecksum(script, migrationChecksum(other))).toBe(true);
    }
    // script_matches_checksum_negative
    expect(matchesChecksum('abc', migrationChecksum('abcd'))).toBe(false);
    expect(matchesChecksum('abc\n', migrationChecksum('abc'))).toBe(false);
    // Checksums recorded by old Prisma versions without zero-padding still match.
    const unpadded = [...createHash('sha256').update('hello').digest()].map((b) => b.toString(16)).join('');
    expect(unpadded.length).toBeLessThan(64);
    expect(matchesChecksum('hello', unpadded)).toBe(true);
  });

  it('applying the migrations again changes nothing', async () => {
    expect(await migrate(pool)).toEqual([]);
  });

  it('catches a dropped column, a changed type, a lost unique constraint, an extra enum value and changed defaults', async () => {
    const scratch = await createDatabaseFromTemplate();
    const scratchPool = new pg.Pool({ connectionString: scratch.url, max: 1 });
    try {
      await scratchPool.query('ALTER TABLE users DROP COLUMN alliance_note');
      await scratchPool.query('ALTER TABLE outbox_mails ALTER COLUMN subject TYPE varchar(50)');
      await scratchPool.query('DROP INDEX alliances_slug_key');
      await scratchPool.query(`ALTER TYPE role ADD VALUE 'KAISER'`);
      await scratchPool.query(`ALTER TABLE users ALTER COLUMN listed_in_directory SET DEFAULT true`);
      await scratchPool.query(`ALTER TABLE jobs ALTER COLUMN max_attempts DROP DEFAULT`);
      const differences = await schemaDifferences(SCHEMA, scratchPool);
      expect(differences).toContain('enum role: values are MEMBER, ORGANIZER, ADMIN, KAISER, schema.prisma says MEMBER, ORGANIZER, ADMIN');
      expect(differences).toContain('column users.listed_in_directory: default is true in the database, false in schema.prisma');
      expect(differences).toContain('column jobs.max_attempts: default is none in the database, 6 in schema.prisma');
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
