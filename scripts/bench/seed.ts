// Realistic, deterministic volume for the benchmark: alliances, accounts, the members' directory with competences,
// delegates and stored sessions. The rows are generated in JavaScript from a fixed seed and written with a few
// set-based statements (INSERT … SELECT FROM unnest(arrays)), so 20 000 accounts take about a second.
// Expects a freshly migrated database with the reference data (topics) loaded and no accounts or alliances yet.
import type pg from 'pg';
import { FEDERAL_STATE_CODES, type FederalStateCode } from '../../src/lib/states.js';
import { slugFrom } from '../../src/lib/slugs.js';
import {
  DIRECTORY_NOTES,
  FIRST_NAMES,
  LAST_NAMES,
  STATE_WEIGHTS,
  allianceDescription,
  allianceName,
  emailLocalPart,
  randomPlace,
  type Place,
} from './german-data.js';
import { createRandom, type Random } from './random.js';

export interface BenchVolume {
  alliances: number;
  /** Seeded accounts, not counting the bench's own two. */
  accounts: number;
  /** Accounts listed in the members' directory (/mitglieder). */
  listed: number;
  /** user_competences rows in all, spread over the listed accounts. */
  competences: number;
  delegates: number;
  /** Rows in the "session" table. */
  sessions: number;
}

export const DEFAULT_VOLUME: BenchVolume = {
  alliances: 2_000,
  accounts: 20_000,
  listed: 5_000,
  competences: 13_700,
  delegates: 3_000,
  sessions: 5_000,
};

export const DEFAULT_SEED = 20261122;

/** The bench's own accounts; every seeded account shares their password (one Argon2 hash, computed once). */
export const BENCH_PASSWORD = 'Bench-Passwort-2026';
export const BENCH_ACCOUNTS = {
  member: { email: 'bench-mitglied@bench.invalid', name: 'Mira Mitglied (Bench)', role: 'MEMBER' },
  organizer: { email: 'bench-organisation@bench.invalid', name: 'Otto Organisator (Bench)', role: 'ORGANIZER' },
} as const;

export interface SeedOptions {
  volume?: BenchVolume;
  seed?: number;
  /** Dates are spread backwards from here; a fixed value makes the data fully reproducible. */
  now?: Date;
  /** Argon2 hash of BENCH_PASSWORD (hashPassword from src/lib/passwords.ts). */
  passwordHash: string;
}

/** What the database holds afterwards, counted there. */
export interface SeedSummary {
  alliances: number;
  accounts: number;
  activeAccounts: number;
  listed: number;
  competences: number;
  delegates: number;
  sessions: number;
  topics: number;
  networks: number;
}

const DAY_MS = 24 * 60 * 60 * 1000;
const SESSION_MAX_AGE_MS = 14 * DAY_MS; // as in src/middleware/session.ts

/** Topics people name more often get a higher weight; unknown (admin-added) topics a middling one. */
const TOPIC_WEIGHTS: Record<string, number> = {
  soziales: 10,
  wohnen: 9,
  verkehr: 8,
  'umwelt-klima': 8,
  'kommunale-finanzen': 7,
  buergerbeteiligung: 7,
  bildung: 6,
  daseinsvorsorge: 5,
  energie: 5,
  wahlkampf: 5,
  gesundheit: 4,
  migration: 4,
  antifaschismus: 4,
  'demokratie-menschenrechte': 4,
  'frieden-internationales': 3,
  'landwirtschaft-ernaehrung': 2,
};

interface AllianceRow {
  slug: string;
  name: string;
  municipality: string;
  district: string;
  state: FederalStateCode;
  description: string;
  foundedYear: number | null;
  councilSeats: number | null;
  website: string | null;
  contactEmail: string | null;
  createdAt: string;
}

interface AccountRow {
  email: string;
  name: string;
  role: 'MEMBER' | 'ORGANIZER' | 'ADMIN';
  status: 'ACTIVE' | 'PENDING' | 'DISABLED';
  allianceNote: string | null;
  allianceSlug: string | null;
  requestedSlug: string | null;
  joinRequestedAt: string | null;
  isDelegate: boolean;
  listed: boolean;
  publicOnAlliancePage: boolean;
  mandate: 'NONE' | 'COUNCIL' | 'DISTRICT_COUNCIL' | 'BOROUGH_COUNCIL' | 'EXPERT_CITIZEN';
  directoryNote: string | null;
  createdAt: string;
  approvedAt: string | null;
  lastLoginAt: string | null;
}

export interface BenchRows {
  alliances: AllianceRow[];
  accounts: AccountRow[];
  competences: { email: string; topic: string }[];
  sessions: { sid: string; email: string; expire: string }[];
}

function check(condition: boolean, message: string): void {
  if (!condition) throw new Error(`Bench-Datenmenge unmöglich / impossible bench volume: ${message}`);
}

const iso = (ms: number) => new Date(ms).toISOString();

function generateAlliances(random: Random, count: number, topicSlugs: string[], now: number): AllianceRow[] {
  const stateWeights = FEDERAL_STATE_CODES.map((code) => [code, STATE_WEIGHTS[code]] as const);
  const names = new Set<string>();
  const slugs = new Set<string>();
  const rows: AllianceRow[] = [];
  // Every Bundesland gets at least one alliance (when there are 16 or more), the rest by population.
  for (let i = 0; i < count; i++) {
    const state = i < FEDERAL_STATE_CODES.length ? FEDERAL_STATE_CODES[i]! : random.weighted(stateWeights);
    let place: Place;
    let name: string;
    let attempts = 0;
    do {
      place = randomPlace(random, state);
      name = allianceName(random, place);
    } while (names.has(name) && ++attempts < 1000);
    check(!names.has(name), `keine freien Namen mehr in ${state}`);
    names.add(name);
    let slug = slugFrom(name);
    for (let n = 2; slugs.has(slug); n++) slug = `${slugFrom(name)}-${n}`;
    slugs.add(slug);
    const foundedYear = random.chance(0.9) ? random.int(1990, 2025) : null;
    const councilSeats = random.chance(0.85)
      ? random.weighted([
          [0, 2],
          [1, 5],
          [2, 4],
          [3, 2],
          [4, 1],
          [6, 0.5],
        ] as const)
      : null;
    rows.push({
      slug,
      name,
      municipality: place.municipality,
      district: place.district,
      state,
      description: allianceDescription(random, { name, place, foundedYear, councilSeats }, topicSlugs),
      foundedYear,
      councilSeats,
      website: random.chance(0.6) ? `https://www.${slug}.example` : null,
      contactEmail: random.chance(0.7) ? `${slug}@bench.invalid` : null,
      createdAt: iso(now - random.int(30, 6 * 365) * DAY_MS),
    });
  }
  return rows;
}

/** Generates every row in memory; pure, so the same seed always gives the same rows. */
export function generateBenchRows(volume: BenchVolume, seed: number, topicSlugs: string[], nowDate: Date): BenchRows {
  check(volume.alliances >= 1, 'mindestens ein Bündnis');
  check(volume.listed <= volume.accounts, 'mehr Verzeichniseinträge als Konten');
  check(volume.competences >= volume.listed, 'jeder Verzeichniseintrag braucht mindestens eine Kompetenz');
  check(topicSlugs.length > 0, 'keine Themen in der Datenbank (Stammdaten geladen?)');
  const maxPerPerson = Math.min(8, topicSlugs.length);
  check(volume.competences <= volume.listed * maxPerPerson, `höchstens ${maxPerPerson} Kompetenzen je Person`);

  const random = createRandom(seed);
  const now = nowDate.getTime();
  const alliances = generateAlliances(random, volume.alliances, topicSlugs, now);
  // Alliance sizes vary: a skewed pick makes a few large alliances and many small ones.
  const pickAlliance = () => alliances[Math.floor(alliances.length * random.next() ** 1.3)]!.slug;

  const accounts: AccountRow[] = [];
  for (let i = 0; i < volume.accounts; i++) {
    const first = random.pick(FIRST_NAMES);
    const last = random.pick(LAST_NAMES);
    const status = random.weighted([
      ['ACTIVE', 96],
      ['PENDING', 3],
      ['DISABLED', 1],
    ] as const);
    const createdAt = now - random.int(1, 6 * 365) * DAY_MS - random.int(0, DAY_MS);
    const active = status === 'ACTIVE';
    const allianceSlug = status !== 'PENDING' && random.chance(0.86) ? pickAlliance() : null;
    const requestedSlug =
      (status === 'PENDING' && random.chance(0.4)) || (active && !allianceSlug && random.chance(0.2)) ? pickAlliance() : null;
    accounts.push({
      email: `${emailLocalPart(first, last)}.${i + 1}@bench.invalid`,
      name: `${first} ${last}`,
      role: active
        ? random.weighted([
            ['MEMBER', 99.75],
            ['ORGANIZER', 0.2],
            ['ADMIN', 0.05],
          ] as const)
        : 'MEMBER',
      status,
      allianceNote: status === 'PENDING' && !requestedSlug && random.chance(0.3) ? `Bürgerliste ${random.pick(LAST_NAMES)}hausen` : null,
      allianceSlug,
      requestedSlug,
      joinRequestedAt: requestedSlug ? iso(now - random.int(0, 20) * DAY_MS) : null,
      isDelegate: false,
      listed: false,
      publicOnAlliancePage: active && !!allianceSlug && random.chance(0.25),
      mandate: random.chance(0.1) ? 'COUNCIL' : 'NONE',
      directoryNote: null,
      createdAt: iso(createdAt),
      approvedAt: status === 'PENDING' ? null : iso(createdAt + random.int(1, 3) * DAY_MS),
      lastLoginAt: active && random.chance(0.8) ? iso(now - random.int(0, 180) * DAY_MS) : null,
    });
  }
  const activeIndexes = accounts.flatMap((a, i) => (a.status === 'ACTIVE' ? [i] : []));

  // Delegates: round by round one more per alliance, so most alliances have one or two.
  const byAlliance = new Map<string, number[]>();
  for (const i of activeIndexes) {
    const slug = accounts[i]!.allianceSlug;
    if (slug) byAlliance.set(slug, [...(byAlliance.get(slug) ?? []), i]);
  }
  const teams = [...byAlliance.values()].map((members) => random.shuffle(members));
  let delegates = 0;
  for (let round = 0; delegates < volume.delegates && teams.some((t) => t.length > round); round++) {
    for (const team of teams) {
      if (delegates >= volume.delegates) break;
      const i = team[round];
      if (i === undefined) continue;
      accounts[i]!.isDelegate = true;
      delegates++;
    }
  }
  check(delegates === volume.delegates, `nur ${delegates} aktive Konten mit Bündnis für ${volume.delegates} Delegierte`);

  // Members' directory: active accounts who opted in, with a mandate, a note now and then and 1–8 competences.
  check(activeIndexes.length >= volume.listed, `nur ${activeIndexes.length} aktive Konten für ${volume.listed} Verzeichniseinträge`);
  const listed = random.shuffle([...activeIndexes]).slice(0, volume.listed);
  const counts = listed.map(() => 1);
  for (let extra = volume.competences - volume.listed; extra > 0;) {
    const k = random.int(0, listed.length - 1);
    if (counts[k]! < maxPerPerson) {
      counts[k]!++;
      extra--;
    }
  }
  const topicWeights = topicSlugs.map((slug) => [slug, TOPIC_WEIGHTS[slug] ?? 4] as const);
  const competences: BenchRows['competences'] = [];
  listed.forEach((i, k) => {
    const account = accounts[i]!;
    account.listed = true;
    account.mandate = random.weighted([
      ['NONE', 45],
      ['COUNCIL', 30],
      ['DISTRICT_COUNCIL', 8],
      ['BOROUGH_COUNCIL', 7],
      ['EXPERT_CITIZEN', 10],
    ] as const);
    account.directoryNote = random.chance(0.5) ? random.pick(DIRECTORY_NOTES) : null;
    const chosen = new Set<string>();
    while (chosen.size < counts[k]!) chosen.add(random.weighted(topicWeights));
    for (const topic of chosen) competences.push({ email: account.email, topic });
  });

  // Stored sessions of active accounts (some people are logged in on several devices).
  const sessions = Array.from({ length: volume.sessions }, () => ({
    sid: random.token(32),
    email: accounts[random.pick(activeIndexes)]!.email,
    expire: iso(now + random.int(60_000, SESSION_MAX_AGE_MS)),
  }));

  // The bench's own accounts: active, in the first alliance, not delegates, not listed.
  for (const { email, name, role } of Object.values(BENCH_ACCOUNTS)) {
    accounts.push({
      email,
      name,
      role,
      status: 'ACTIVE',
      allianceNote: null,
      allianceSlug: alliances[0]!.slug,
      requestedSlug: null,
      joinRequestedAt: null,
      isDelegate: false,
      listed: false,
      publicOnAlliancePage: false,
      mandate: 'NONE',
      directoryNote: null,
      createdAt: iso(now - 400 * DAY_MS),
      approvedAt: iso(now - 399 * DAY_MS),
      lastLoginAt: null,
    });
  }
  return { alliances, accounts, competences, sessions };
}

async function insertRows(client: pg.PoolClient, rows: BenchRows, passwordHash: string): Promise<void> {
  const column = <T, K extends keyof T>(list: T[], key: K) => list.map((row) => row[key]);
  const { alliances: al, accounts: ac } = rows;

  await client.query(
    `INSERT INTO alliances (slug, name, municipality, district, state, description, founded_year, council_seats, website,
                            contact_email, created_at, updated_at)
     SELECT a.slug, a.name, a.municipality, a.district, a.state, a.description, a.founded_year, a.council_seats, a.website,
            a.contact_email, a.created_at::timestamptz, a.created_at::timestamptz
     FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::int[], $8::int[], $9::text[],
                 $10::text[], $11::text[])
          WITH ORDINALITY AS a(slug, name, municipality, district, state, description, founded_year, council_seats, website,
                               contact_email, created_at, ord)
     ORDER BY a.ord`,
    [
      column(al, 'slug'),
      column(al, 'name'),
      column(al, 'municipality'),
      column(al, 'district'),
      column(al, 'state'),
      column(al, 'description'),
      column(al, 'foundedYear'),
      column(al, 'councilSeats'),
      column(al, 'website'),
      column(al, 'contactEmail'),
      column(al, 'createdAt'),
    ],
  );

  // Alliances are referenced by slug and resolved here, so the ids the database hands out do not matter.
  await client.query(
    `INSERT INTO users (email, name, password_hash, role, status, alliance_note, alliance_id, requested_alliance_id,
                        join_requested_at, is_delegate, listed_in_directory, public_on_alliance_page, mandate, directory_note,
                        principles_accepted_at, approved_at, last_login_at, created_at, updated_at)
     SELECT u.email, u.name, $1, u.role::role, u.status::account_status, u.alliance_note, a.id, r.id,
            u.join_requested_at::timestamptz, u.is_delegate, u.listed, u.public_page, u.mandate::mandate, u.note,
            u.created_at::timestamptz, u.approved_at::timestamptz, u.last_login_at::timestamptz, u.created_at::timestamptz,
            u.created_at::timestamptz
     FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::bool[],
                 $11::bool[], $12::bool[], $13::text[], $14::text[], $15::text[], $16::text[], $17::text[])
          WITH ORDINALITY AS u(email, name, role, status, alliance_note, alliance_slug, requested_slug, join_requested_at,
                               is_delegate, listed, public_page, mandate, note, created_at, approved_at, last_login_at, ord)
     LEFT JOIN alliances a ON a.slug = u.alliance_slug
     LEFT JOIN alliances r ON r.slug = u.requested_slug
     ORDER BY u.ord`,
    [
      passwordHash,
      column(ac, 'email'),
      column(ac, 'name'),
      column(ac, 'role'),
      column(ac, 'status'),
      column(ac, 'allianceNote'),
      column(ac, 'allianceSlug'),
      column(ac, 'requestedSlug'),
      column(ac, 'joinRequestedAt'),
      column(ac, 'isDelegate'),
      column(ac, 'listed'),
      column(ac, 'publicOnAlliancePage'),
      column(ac, 'mandate'),
      column(ac, 'directoryNote'),
      column(ac, 'createdAt'),
      column(ac, 'approvedAt'),
      column(ac, 'lastLoginAt'),
    ],
  );

  await client.query(
    `INSERT INTO user_competences (user_id, topic_id)
     SELECT u.id, t.id FROM unnest($1::text[], $2::text[]) AS c(email, topic)
     JOIN users u ON u.email = c.email JOIN topics t ON t.slug = c.topic`,
    [column(rows.competences, 'email'), column(rows.competences, 'topic')],
  );

  // The layout connect-pg-simple writes: {"cookie": {...}, "userId": N}.
  await client.query(
    `INSERT INTO "session" (sid, sess, expire)
     SELECT s.sid,
            json_build_object('cookie', json_build_object('originalMaxAge', $4::bigint, 'expires', s.expire, 'secure', false,
                                                          'httpOnly', true, 'path', '/', 'sameSite', 'lax'),
                              'userId', u.id),
            s.expire::timestamptz
     FROM unnest($1::text[], $2::text[], $3::text[]) AS s(sid, email, expire)
     JOIN users u ON u.email = s.email`,
    [column(rows.sessions, 'sid'), column(rows.sessions, 'email'), column(rows.sessions, 'expire'), SESSION_MAX_AGE_MS],
  );
}

export async function countBenchData(pool: pg.Pool): Promise<SeedSummary> {
  const { rows } = await pool.query<Record<keyof SeedSummary, string>>(`
    SELECT (SELECT count(*) FROM alliances) AS alliances,
           (SELECT count(*) FROM users) AS accounts,
           (SELECT count(*) FROM users WHERE status = 'ACTIVE') AS "activeAccounts",
           (SELECT count(*) FROM users WHERE listed_in_directory) AS listed,
           (SELECT count(*) FROM user_competences) AS competences,
           (SELECT count(*) FROM users WHERE is_delegate) AS delegates,
           (SELECT count(*) FROM "session") AS sessions,
           (SELECT count(*) FROM topics) AS topics,
           (SELECT count(*) FROM networks) AS networks`);
  const row = rows[0]!;
  return Object.fromEntries(Object.entries(row).map(([key, value]) => [key, Number(value)])) as unknown as SeedSummary;
}

/** Seeds the database in one transaction and returns what it holds afterwards. */
export async function seedBenchData(pool: pg.Pool, options: SeedOptions): Promise<SeedSummary> {
  const volume = options.volume ?? DEFAULT_VOLUME;
  const { rows: topics } = await pool.query<{ slug: string }>('SELECT slug FROM topics WHERE retired_at IS NULL ORDER BY id');
  const rows = generateBenchRows(
    volume,
    options.seed ?? DEFAULT_SEED,
    topics.map((t) => t.slug),
    options.now ?? new Date(),
  );
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await insertRows(client, rows, options.passwordHash);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
  // Fresh statistics, as autovacuum would have them on a database that has been running for a while.
  await pool.query('ANALYZE');
  const summary = await countBenchData(pool);
  const expected = volume.accounts + Object.keys(BENCH_ACCOUNTS).length;
  if (summary.accounts < expected || summary.competences < volume.competences || summary.sessions < volume.sessions) {
    throw new Error(`Seeding incomplete: ${JSON.stringify(summary)}`);
  }
  return summary;
}
