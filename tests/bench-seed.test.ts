// The benchmark's seeder (scripts/bench/seed.ts) on a tiny scale: it must keep working when the schema changes,
// produce exactly the volume asked for, and produce the same data for the same seed. No timings here.
import type pg from 'pg';
import { describe, expect, it } from 'vitest';
import { hashPassword } from '../src/lib/passwords.js';
import { FEDERAL_STATE_CODES } from '../src/lib/states.js';
import { BENCH_ACCOUNTS, BENCH_PASSWORD, seedBenchData, type BenchVolume } from '../scripts/bench/seed.js';
import { createTestContext, loginAgent, useTestContext } from './support/context.js';

const TINY: BenchVolume = {
  alliances: 20,
  accounts: 100,
  listed: 25,
  competences: 68,
  delegates: 15,
  sessions: 30,
  reports: 300,
  unpublishedReports: 12,
  comments: 40,
  motions: 24,
  adoptions: 50,
  meetings: 40,
};
const NOW = new Date('2026-11-22T10:00:00Z');

/** A digest of everything the seeder writes, by natural keys (ids left out). */
async function fingerprint(pool: pg.Pool): Promise<string> {
  const { rows } = await pool.query<{ digest: string }>(`
    SELECT md5(
      (SELECT string_agg(concat_ws('|', slug, name, municipality, district, state, description, founded_year, council_seats,
                                   website, contact_email, created_at), E'\\n' ORDER BY slug) FROM alliances) ||
      (SELECT string_agg(concat_ws('|', u.email, u.name, u.role, u.status, u.alliance_note, a.slug, r.slug, u.join_requested_at,
                                   u.is_delegate, u.listed_in_directory, u.public_on_alliance_page, u.mandate, u.directory_note,
                                   u.created_at, u.approved_at, u.last_login_at), E'\\n' ORDER BY u.email)
       FROM users u LEFT JOIN alliances a ON a.id = u.alliance_id LEFT JOIN alliances r ON r.id = u.requested_alliance_id) ||
      (SELECT string_agg(u.email || '|' || t.slug, E'\\n' ORDER BY u.email, t.slug)
       FROM user_competences c JOIN users u ON u.id = c.user_id JOIN topics t ON t.id = c.topic_id) ||
      (SELECT string_agg(s.sid || '|' || u.email || '|' || s.expire, E'\\n' ORDER BY s.sid)
       FROM "session" s JOIN users u ON u.id = (s.sess->>'userId')::int)
    ) AS digest`);
  return rows[0]!.digest;
}

describe('benchmark seeder', () => {
  const ctx = useTestContext();
  let passwordHash: string;
  let original: string; // fingerprint right after seeding (logging in later changes last_login_at)

  it('writes exactly the volume asked for', async () => {
    passwordHash = await hashPassword(BENCH_PASSWORD);
    const summary = await seedBenchData(ctx.db.pool, { volume: TINY, seed: 7, now: NOW, passwordHash });
    expect(summary).toMatchObject({
      alliances: 20,
      accounts: 100 + Object.keys(BENCH_ACCOUNTS).length,
      listed: 25,
      competences: 68,
      delegates: 15,
      sessions: 30,
      reports: 300,
      motions: 24,
      adoptions: 50,
      meetings: 40,
    });
    // Per meeting: up to 60 registrations (a few people drawn twice), 8 materials once they were due, 6 decisions once held.
    expect(summary.rsvps).toBeGreaterThan(40 * 55);
    expect(summary.materials).toBeGreaterThan(0);
    expect(summary.materials % 8).toBe(0);
    expect(summary.decisions).toBeGreaterThan(0);
    expect(summary.decisions % 6).toBe(0);

    const { rows } = await ctx.db.pool.query<{ check: string; n: number }>(
      `
      SELECT 'delegate without alliance' AS check, count(*)::int AS n FROM users WHERE is_delegate AND alliance_id IS NULL
      UNION ALL SELECT 'listed but not active', count(*)::int FROM users WHERE listed_in_directory AND status <> 'ACTIVE'
      UNION ALL SELECT 'listed without competence', count(*)::int FROM users u
        WHERE listed_in_directory AND NOT EXISTS (SELECT 1 FROM user_competences c WHERE c.user_id = u.id)
      UNION ALL SELECT 'e-mail outside bench.invalid', count(*)::int FROM users WHERE email NOT LIKE '%@bench.invalid'
      UNION ALL SELECT 'session of an inactive account', count(*)::int FROM "session" s
        JOIN users u ON u.id = (s.sess->>'userId')::int WHERE u.status <> 'ACTIVE'
      UNION ALL SELECT 'unknown Bundesland', count(*)::int FROM alliances WHERE NOT (state = ANY($1::text[]))`,
      [FEDERAL_STATE_CODES],
    );
    expect(Object.fromEntries(rows.map((r) => [r.check, r.n]))).toEqual({
      'delegate without alliance': 0,
      'listed but not active': 0,
      'listed without competence': 0,
      'e-mail outside bench.invalid': 0,
      'session of an inactive account': 0,
      'unknown Bundesland': 0,
    });
    original = await fingerprint(ctx.db.pool);
  });

  it('lets the bench accounts log in through the real form', async () => {
    for (const { email } of Object.values(BENCH_ACCOUNTS)) await loginAgent(ctx.app, email, BENCH_PASSWORD);
  });

  it('gives the same data for the same seed and different data for another seed', async () => {
    const same = await createTestContext();
    const other = await createTestContext();
    try {
      await seedBenchData(same.db.pool, { volume: TINY, seed: 7, now: NOW, passwordHash });
      await seedBenchData(other.db.pool, { volume: TINY, seed: 8, now: NOW, passwordHash });
      expect(await fingerprint(same.db.pool)).toBe(original);
      expect(await fingerprint(other.db.pool)).not.toBe(original);
    } finally {
      await same.close();
      await other.close();
    }
  });
});
