// Realistic, deterministic volume for the benchmark: alliances, accounts, the members' directory with competences,
// delegates, stored sessions, and Erfahrungsberichte with their versions, topics and comments. The rows are
// generated in JavaScript from a fixed seed and written with a few set-based statements (INSERT … SELECT FROM
// unnest(arrays)), so 20 000 accounts take about a second. Reports come in batches (one statement each, which also
// writes their versions and topics), so memory stays bounded however many there are.
// Expects a freshly migrated database with the reference data (topics) loaded and no accounts or alliances yet.
import type pg from 'pg';
import { FEDERAL_STATE_CODES, type FederalStateCode } from '../../src/lib/states.js';
import { slugFrom } from '../../src/lib/slugs.js';
import {
  COMMENT_TEXTS,
  DIRECTORY_NOTES,
  FIRST_NAMES,
  HIDDEN_REASONS,
  LAST_NAMES,
  REPORT_THEMES,
  STATE_WEIGHTS,
  allianceDescription,
  allianceName,
  emailLocalPart,
  randomPlace,
  reportText,
  type Place,
  type ReportText,
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
  /** Erfahrungsberichte in all: published ones (some members-only, some hidden) and unpublished ones. */
  reports: number;
  /** Of these, drafts and submitted reports that were never published. */
  unpublishedReports: number;
  /** Comments under published reports. */
  comments: number;
  /** Published model motions (Musteranträge) and the uses reported for them. */
  motions: number;
  adoptions: number;
  /**
   * Meetings over the years (KOG-Treffen, Ratschläge, regional meetings), each with 8 agenda items (3 sub-items, 10
   * input talks), 5 proposals, 60 registrations, 8 materials of 20 KB, and once held 30 attendees, a protocol and
   * 6 decisions with 2 follow-up notes each.
   */
  meetings: number;
}

export const DEFAULT_VOLUME: BenchVolume = {
  alliances: 2_000,
  accounts: 20_000,
  listed: 5_000,
  competences: 13_700,
  delegates: 3_000,
  sessions: 5_000,
  reports: 100_000,
  unpublishedReports: 400,
  comments: 20_000,
  motions: 3_000,
  adoptions: 9_000,
  meetings: 300,
};

/** Shares among the published reports. */
const MEMBERS_ONLY_SHARE = 0.1;
const HIDDEN_SHARE = 0.03;
const PERSON_DISPLAY_SHARE = 0.3;
/** Reports are published over this many years back from now, more of them recently. */
const REPORT_YEARS = 6;
/** Reports per INSERT statement. */
const REPORT_BATCH = 2_000;

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
  /** Progress messages (the reports take a while). */
  log?: (message: string) => void;
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
  reports: number;
  /** Published and not hidden: what the lists show (to members; visitors see the public ones). */
  readableReports: number;
  membersOnlyReports: number;
  hiddenReports: number;
  unpublishedReports: number;
  reportVersions: number;
  reportTopics: number;
  comments: number;
  motions: number;
  adoptions: number;
  meetings: number;
  rsvps: number;
  materials: number;
  decisions: number;
  /** Average size of a published report's text (title, summary and parts) in bytes. */
  reportTextBytes: number;
  /** reports and report_versions with their TOAST tables and indexes, in bytes. */
  reportTablesBytes: number;
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

/** One report as written, by natural keys (e-mail, alliance slug, topic slugs). */
export interface ReportRow extends ReportText {
  slug: string;
  authorEmail: string;
  allianceSlug: string | null;
  status: 'PUBLISHED' | 'DRAFT' | 'SUBMITTED';
  state: string | null;
  place: string | null;
  /** "2024-03-01", the first of the month. */
  periodFrom: string | null;
  periodTo: string | null;
  visibility: 'PUBLIC' | 'MEMBERS';
  authorDisplay: 'PERSON' | 'ALLIANCE';
  createdAt: string;
  submittedAt: string | null;
  publishedAt: string | null;
  hiddenAt: string | null;
  hiddenReason: string | null;
  topics: string[];
}

export interface CommentRow {
  /** Position of the report in the order generateReports yields them (0-based). */
  report: number;
  authorEmail: string;
  body: string;
  createdAt: string;
}

const monthStart = (ms: number) => {
  const d = new Date(ms);
  return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}-01`;
};

/**
 * Reports in batches of `batchSize`, oldest first (as a real database fills up), then the comments under them.
 * Pure like generateBenchRows: the same rows, seed and volume always give the same reports, whatever the batch size.
 * Authors are active seeded accounts with an alliance (a few write often, most now and then); the report is
 * filed under the author's alliance and its place.
 */
export function* generateReports(
  rows: BenchRows,
  volume: BenchVolume,
  seed: number,
  topicSlugs: string[],
  nowDate: Date,
  batchSize = REPORT_BATCH,
): Generator<{ reports: ReportRow[] } | { comments: CommentRow[] }> {
  check(volume.unpublishedReports <= volume.reports, 'mehr unveröffentlichte Berichte als Berichte');
  check(volume.comments === 0 || volume.reports > volume.unpublishedReports, 'Kommentare brauchen veröffentlichte Berichte');
  if (volume.reports === 0) return;
  // A stream of its own, so that the reports do not change the accounts and alliances of a seed.
  const random = createRandom((seed ^ 0x5eed_4e90) >>> 0);
  const now = nowDate.getTime();
  const known = new Set(topicSlugs);
  const alliances = new Map(rows.alliances.map((a) => [a.slug, a]));
  const bench = new Set<string>(Object.values(BENCH_ACCOUNTS).map((a) => a.email));
  const active = rows.accounts.filter((a) => a.status === 'ACTIVE' && !bench.has(a.email));
  const authors = random.shuffle(active.filter((a) => a.allianceSlug));
  check(authors.length > 0, 'keine aktiven Konten mit Bündnis für Berichte');
  const themes = REPORT_THEMES.map((t) => [t, t.weight] as const);
  const topicWeights = topicSlugs.map((slug) => [slug, TOPIC_WEIGHTS[slug] ?? 4] as const);

  // Publication dates first, so the reports can be written oldest first; more reports in recent years.
  const published = volume.reports - volume.unpublishedReports;
  const span = REPORT_YEARS * 365 * DAY_MS;
  const ages = Float64Array.from({ length: published }, () => Math.floor(span * random.next() ** 1.3) + random.int(0, DAY_MS - 1));
  ages.sort().reverse();
  const publishedAt = new Float64Array(published);

  const slugs = new Map<string, number>();
  const uniqueSlug = (title: string) => {
    const base = slugFrom(title);
    const n = (slugs.get(base) ?? 0) + 1;
    slugs.set(base, n);
    return n === 1 ? base : `${base}-${n}`;
  };

  let batch: ReportRow[] = [];
  for (let i = 0; i < volume.reports; i++) {
    const isPublished = i < published;
    const author = authors[Math.floor(authors.length * random.next() ** 1.3)]!;
    const alliance = alliances.get(author.allianceSlug!)!;
    const main = random.weighted(themes);
    const side = random.pick(REPORT_THEMES);
    const at = isPublished ? now - ages[i]! : now - random.int(0, 60 * DAY_MS);
    const year = new Date(at).getUTCFullYear();
    const text = reportText(random, main, side, alliance.municipality, year);
    const topics = new Set(main.topics.slice(0, random.chance(0.5) ? 2 : 1).filter((t) => known.has(t)));
    if (topics.size === 0 || random.chance(0.3)) topics.add(random.weighted(topicWeights));
    const createdAt = at - random.int(1, 30) * DAY_MS;
    const periodFrom = random.chance(0.7) ? at - random.int(1, 24) * 30 * DAY_MS : null;
    const periodTo = periodFrom !== null && random.chance(0.6) ? periodFrom + random.int(0, (at - periodFrom) / DAY_MS) * DAY_MS : null;
    const hidden = isPublished && random.chance(HIDDEN_SHARE);
    const row: ReportRow = {
      ...text,
      slug: uniqueSlug(text.title),
      authorEmail: author.email,
      allianceSlug: random.chance(0.95) ? alliance.slug : null,
      status: isPublished ? 'PUBLISHED' : random.chance(0.6) ? 'DRAFT' : 'SUBMITTED',
      state: alliance.state,
      place: alliance.municipality,
      periodFrom: periodFrom === null ? null : monthStart(periodFrom),
      periodTo: periodTo === null ? null : monthStart(periodTo),
      visibility: random.chance(MEMBERS_ONLY_SHARE) ? 'MEMBERS' : 'PUBLIC',
      authorDisplay: random.chance(PERSON_DISPLAY_SHARE) ? 'PERSON' : 'ALLIANCE',
      createdAt: iso(createdAt),
      submittedAt: null,
      publishedAt: isPublished ? iso(at) : null,
      hiddenAt: hidden ? iso(Math.min(now, at + random.int(1, 60) * DAY_MS)) : null,
      hiddenReason: hidden ? random.pick(HIDDEN_REASONS) : null,
      topics: [...topics],
    };
    if (row.status !== 'DRAFT') row.submittedAt = iso(isPublished ? at - random.int(1, 7) * DAY_MS : at);
    if (isPublished) publishedAt[i] = at;
    batch.push(row);
    if (batch.length === batchSize) {
      yield { reports: batch };
      batch = [];
    }
  }
  if (batch.length) yield { reports: batch };

  // Comments: under published reports, more under recent ones, by active accounts, within a month of publication.
  const comments: CommentRow[] = [];
  for (let c = 0; c < volume.comments; c++) {
    const report = published - 1 - Math.floor(published * random.next() ** 2);
    const createdAt = Math.min(now, publishedAt[report]! + random.int(60_000, 30 * DAY_MS));
    comments.push({ report, authorEmail: random.pick(active).email, body: random.pick(COMMENT_TEXTS), createdAt: iso(createdAt) });
  }
  yield { comments };
}

/** Reserves `count` ids of a table's serial column and returns the first (the rows are inserted with these ids). */
async function reserveIds(client: pg.PoolClient, table: string, count: number): Promise<number> {
  const { rows } = await client.query<{ first: string }>(
    `SELECT setval(s, nextval(s) + $2::bigint - 1) - $2::bigint + 1 AS first FROM pg_get_serial_sequence($1, 'id') AS s`,
    [table, count],
  );
  return Number(rows[0]!.first);
}

/**
 * One batch of reports in one statement: the reports, their first version (published, or the draft / submitted
 * one the author works on) and their topics. The ids are reserved beforehand, so a report can point at its version
 * and the version at its report; the foreign keys are checked at the end of the statement, when both exist.
 * The text goes over the wire once: the versions are copied from the same input inside the database.
 */
async function insertReportBatch(
  client: pg.PoolClient,
  reports: ReportRow[],
  firstId: number,
  firstVersionId: number,
  ids: { users: Map<string, number>; alliances: Map<string, number>; topics: Map<string, number> },
): Promise<void> {
  const column = <K extends keyof ReportRow>(key: K) => reports.map((row) => row[key]);
  const topicRows = reports.flatMap((row, i) => row.topics.map((slug) => [i, ids.topics.get(slug)!] as const));
  await client.query(
    `WITH input AS MATERIALIZED (
       SELECT $1::int + x.ord::int - 1 AS id, $2::int + x.ord::int - 1 AS version_id, x.status = 'PUBLISHED' AS published, x.*
       FROM unnest($3::text[], $4::int[], $5::int[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[], $11::text[],
                   $12::text[], $13::text[], $14::text[], $15::text[], $16::date[], $17::date[], $18::text[], $19::text[],
                   $20::timestamptz[], $21::timestamptz[], $22::timestamptz[], $23::timestamptz[], $24::text[])
            WITH ORDINALITY AS x(slug, author_id, alliance_id, status, title, summary, did, worked, didnt, tips, body, state, place,
                                 period_from, period_to, visibility, author_display, created_at, submitted_at, published_at,
                                 hidden_at, hidden_reason, ord)
     ),
     new_reports AS (
       -- Until it is first published, a report row holds only its title and status (as the app writes it).
       INSERT INTO reports (id, slug, author_id, status, title, summary, did, worked, didnt, tips, body, alliance_id, state, place,
                            period_from, period_to, visibility, author_display, published_version_id, working_version_id,
                            first_published_at, published_at, hidden_at, hidden_reason, created_at, updated_at)
       SELECT id, slug, author_id, status::report_status, title,
              CASE WHEN published THEN summary ELSE '' END, CASE WHEN published THEN did ELSE '' END,
              CASE WHEN published THEN worked ELSE '' END, CASE WHEN published THEN didnt ELSE '' END,
              CASE WHEN published THEN tips ELSE '' END, CASE WHEN published THEN body ELSE '' END,
              CASE WHEN published THEN alliance_id END, CASE WHEN published THEN state END, CASE WHEN published THEN place END,
              CASE WHEN published THEN period_from END, CASE WHEN published THEN period_to END,
              CASE WHEN published THEN visibility ELSE 'PUBLIC' END::visibility,
              CASE WHEN published THEN author_display ELSE 'ALLIANCE' END::author_display,
              CASE WHEN published THEN version_id END, CASE WHEN NOT published THEN version_id END,
              published_at, published_at, hidden_at, hidden_reason, created_at, coalesce(hidden_at, published_at, created_at)
       FROM input ORDER BY id
     ),
     new_versions AS (
       INSERT INTO report_versions (id, report_id, number, status, title, summary, did, worked, didnt, tips, body, alliance_id, state,
                                    place, period_from, period_to, visibility, author_display, created_by_id, principles_confirmed_at,
                                    submitted_at, decided_at, created_at, updated_at)
       SELECT version_id, id, 1, status::version_status, title, summary, did, worked, didnt, tips, body, alliance_id, state,
              place, period_from, period_to, visibility::visibility, author_display::author_display, author_id, submitted_at,
              submitted_at, published_at, created_at, coalesce(published_at, submitted_at, created_at)
       FROM input ORDER BY id
     ),
     topic_input AS (SELECT * FROM unnest($25::int[], $26::int[]) AS t(i, topic_id)),
     new_report_topics AS (
       INSERT INTO report_topics (report_id, topic_id)
       SELECT $1::int + t.i, t.topic_id FROM topic_input t JOIN input ON input.id = $1::int + t.i WHERE input.published
     )
     INSERT INTO report_version_topics (version_id, topic_id) SELECT $2::int + t.i, t.topic_id FROM topic_input t`,
    [
      firstId,
      firstVersionId,
      column('slug'),
      reports.map((row) => ids.users.get(row.authorEmail)!),
      reports.map((row) => (row.allianceSlug ? ids.alliances.get(row.allianceSlug)! : null)),
      column('status'),
      column('title'),
      column('summary'),
      column('did'),
      column('worked'),
      column('didnt'),
      column('tips'),
      column('body'),
      column('state'),
      column('place'),
      column('periodFrom'),
      column('periodTo'),
      column('visibility'),
      column('authorDisplay'),
      column('createdAt'),
      column('submittedAt'),
      column('publishedAt'),
      column('hiddenAt'),
      column('hiddenReason'),
      topicRows.map(([i]) => i),
      topicRows.map(([, topic]) => topic),
    ],
  );
}

/**
 * Writes the reports batch by batch. The next batch is generated while the database writes the previous one, so
 * both cores work.
 */
async function insertReports(
  client: pg.PoolClient,
  rows: BenchRows,
  volume: BenchVolume,
  seed: number,
  topicSlugs: string[],
  now: Date,
  log: (message: string) => void,
) {
  if (volume.reports === 0) return;
  const lookup = async (sql: string) => new Map((await client.query<{ key: string; id: number }>(sql)).rows.map((r) => [r.key, r.id]));
  const ids = {
    users: await lookup('SELECT email AS key, id FROM users'),
    alliances: await lookup('SELECT slug AS key, id FROM alliances'),
    topics: await lookup('SELECT slug AS key, id FROM topics'),
  };
  const firstId = await reserveIds(client, 'reports', volume.reports);
  const firstVersionId = await reserveIds(client, 'report_versions', volume.reports);
  let written = 0;
  let pending: Promise<unknown> = Promise.resolve();
  const started = performance.now();
  let reported = started;
  for (const batch of generateReports(rows, volume, seed, topicSlugs, now)) {
    await pending;
    if (performance.now() - reported > 10_000) {
      reported = performance.now();
      log(`  ${written} von ${volume.reports} Berichten nach ${Math.round((reported - started) / 1000)} s …`);
    }
    if ('reports' in batch) {
      pending = insertReportBatch(client, batch.reports, firstId + written, firstVersionId + written, ids);
      written += batch.reports.length;
    } else {
      const { comments } = batch;
      pending = client.query(
        `INSERT INTO comments (report_id, author_id, body, created_at)
         SELECT $1::int + c.report, c.author_id, c.body, c.created_at FROM unnest($2::int[], $3::int[], $4::text[], $5::timestamptz[])
              WITH ORDINALITY AS c(report, author_id, body, created_at, ord)
         ORDER BY c.created_at, c.ord`,
        [
          firstId,
          comments.map((c) => c.report),
          comments.map((c) => ids.users.get(c.authorEmail)!),
          comments.map((c) => c.body),
          comments.map((c) => c.createdAt),
        ],
      );
    }
  }
  await pending;
}

/**
 * Meetings every 18 days, from a year ahead back over the years: a fifth of them KOG-Treffen, one in six internal.
 * Past ones were held, with attendance, protocol (some late) and decisions; coming ones have their agenda out when the
 * deadline has come. Written by SQL from the row number, like the motions.
 */
async function insertMeetings(client: pg.PoolClient, volume: BenchVolume, now: Date): Promise<void> {
  if (volume.meetings === 0) return;
  await client.query(
    `WITH lead AS (SELECT array_agg(id ORDER BY id) AS ids FROM users WHERE status = 'ACTIVE' AND role IN ('ORGANIZER', 'ADMIN')),
     m AS (
       SELECT i, date_trunc('day', $2::timestamptz) + make_interval(days => 400 - i * 18) + interval '12 hours' AS s,
         (ARRAY['KOG_TREFFEN', 'REGIONALTREFFEN', 'PLATTFORM_TREFFEN', 'REGIONALTREFFEN', 'RATSCHLAG'])[1 + i % 5] AS kind,
         (ARRAY['Gelsenkirchen', 'Kassel', 'Frankfurt am Main', 'Leipzig', 'Stuttgart', 'Hamburg', 'Bochum'])[1 + i % 7] AS city,
         lead.ids[1 + i % cardinality(lead.ids)] AS lead_id
       FROM generate_series(1, $1::int) AS i, lead)
     INSERT INTO meetings (kind, title, starts_at, ends_at, venue_name, address, directions, lead_organizer_id, is_public, status, purpose, notes,
                           related_events, signature, agenda_published_at, materials_published_at, created_by_id, created_at, updated_at)
     SELECT kind::meeting_kind, CASE kind WHEN 'KOG_TREFFEN' THEN 'KOG-Treffen' WHEN 'RATSCHLAG' THEN 'Kommunalpolitischer Ratschlag' ELSE 'Treffen' END || ' in ' || city || ' (' || i || ')',
       s, s + interval '4 hours', 'Bürgerhaus ' || city, 'Marktplatz ' || (1 + i % 40) || ', ' || city, 'Parkplätze hinter dem Haus',
       lead_id, i % 6 <> 0,
       (CASE WHEN s + interval '4 hours' < $2 THEN 'HELD' WHEN s - interval '22 days' < $2 THEN 'INVITED' ELSE 'PLANNED' END)::meeting_status,
       'Für einen nächsten Erfahrungsaustausch und zur gemeinsamen Beratung',
       'Für Getränke wird gesorgt, wir freuen uns über Kuchenspenden (bitte sagt uns vorher Bescheid).',
       'Am Vortag findet eine Demonstration in ' || city || ' statt.', 'Koordinierungsgruppe',
       CASE WHEN s - interval '22 days' < $2 THEN s - interval '22 days' END, CASE WHEN s - interval '8 days' < $2 THEN s - interval '8 days' END,
       lead_id, s - interval '60 days', s - interval '60 days'
     FROM m ORDER BY i`,
    [volume.meetings, now],
  );
  // Agenda: 8 items, the second collects input talks, the third has 3 sub-items.
  await client.query(`
    INSERT INTO agenda_items (meeting_id, position, title, description, duration_minutes, presenter, has_input_talks, result, created_at, updated_at)
    SELECT m.id, p, (ARRAY['Begrüßung', 'Berichte aus den Bündnissen', 'Auswertung der Kommunalwahlen', 'Haushaltslage der Kommunen', 'Beschlusskontrolle',
                           'Pressearbeit', 'Vorbereitung des Ratschlags', 'Sonstiges / Termin des nächsten Treffens'])[p],
      repeat('Worum es geht und was wir uns vornehmen. ', 4), (ARRAY[10, 30, NULL, 30, 10, 20, 25, 15])[p], CASE WHEN p IN (3, 4) THEN 'Koordinierungsgruppe' END,
      p = 2, CASE WHEN m.status = 'HELD' THEN repeat('Ergebnis der Beratung. ', 6) ELSE '' END, m.created_at, m.created_at
    FROM meetings m, generate_series(1, 8) AS p ORDER BY m.id, p`);
  await client.query(`
    INSERT INTO agenda_items (meeting_id, parent_id, position, title, duration_minutes, created_at, updated_at)
    SELECT a.meeting_id, a.id, k, (ARRAY['Erfahrungen vor Ort', 'Auswertung des Wahlkampfs', 'Neue Grundsätze'])[k], (ARRAY[20, 25, 45])[k], a.created_at, a.created_at
    FROM agenda_items a, generate_series(1, 3) AS k WHERE a.position = 3 AND a.parent_id IS NULL ORDER BY a.id, k`);
  // Registrations: 60 per meeting; the first 10 with an alliance offer an input talk, every fifth brings cake.
  await client.query(`
    WITH people AS (SELECT array_agg(id ORDER BY id) AS ids FROM users WHERE status = 'ACTIVE')
    INSERT INTO rsvps (meeting_id, user_id, alliance_id, attendance, offers_talk, brings_cake, comment, created_at, updated_at)
    SELECT m.id, u.id, u.alliance_id, (ARRAY['ON_SITE', 'ON_SITE', 'ONLINE', 'MAYBE', 'NO'])[1 + k % 5]::attendance, k <= 10 AND u.alliance_id IS NOT NULL,
      k % 5 = 0, CASE WHEN k % 7 = 0 THEN 'Ich komme etwas später.' END, m.created_at + make_interval(days => k % 30), m.created_at + make_interval(days => k % 30)
    FROM meetings m CROSS JOIN generate_series(1, 60) AS k, people
    JOIN LATERAL (SELECT id, alliance_id FROM users WHERE id = people.ids[1 + (m.id * 31 + k * 17) % cardinality(people.ids)]) u ON true
    ON CONFLICT (meeting_id, user_id) DO NOTHING`);
  await client.query(`
    INSERT INTO input_talks (agenda_item_id, alliance_id, user_id, topic, created_at)
    SELECT DISTINCT ON (a.id, r.alliance_id) a.id, r.alliance_id, r.user_id, 'Unsere Arbeit vor Ort', r.created_at
    FROM agenda_items a JOIN rsvps r ON r.meeting_id = a.meeting_id AND r.offers_talk
    WHERE a.has_input_talks ORDER BY a.id, r.alliance_id, r.id`);
  // Proposals: 5 per meeting, most accepted once the agenda is out.
  await client.query(`
    INSERT INTO agenda_proposals (meeting_id, proposer_id, alliance_id, title, description, requested_minutes, status, reason, decided_at, created_at)
    SELECT r.meeting_id, r.user_id, r.alliance_id, 'Vorschlag: ' || (ARRAY['Mietenpolitik', 'Sozialticket', 'Schulsanierung', 'Bürgerhaushalt', 'Klimaschutz'])[1 + r.id % 5],
      'Wir möchten unsere Erfahrungen dazu vorstellen.', 20,
      (CASE WHEN m.agenda_published_at IS NULL THEN 'OPEN' WHEN r.id % 4 = 0 THEN 'DECLINED' ELSE 'ACCEPTED' END)::proposal_status,
      CASE WHEN m.agenda_published_at IS NOT NULL AND r.id % 4 = 0 THEN 'Passt besser zum Ratschlag.' END, m.agenda_published_at, r.created_at
    FROM rsvps r JOIN meetings m ON m.id = r.meeting_id
    WHERE r.id IN (SELECT id FROM (SELECT id, row_number() OVER (PARTITION BY meeting_id ORDER BY id) AS n FROM rsvps) x WHERE n <= 5)`);
  // Materials: 8 files of 20 KB per meeting, one in eight added late.
  await client.query(
    `
    WITH files AS (
      INSERT INTO attachments (file_name, media_type, size_bytes, sha256, content, uploaded_by_id, created_at)
      SELECT 'Vorlage ' || m.id || '-' || k || '.pdf', 'application/pdf', 20000, md5(m.id || '-' || k), decode(repeat('25504446', 5000), 'hex'),
        m.lead_organizer_id, m.starts_at - make_interval(days => 20 - k * 2)
      FROM meetings m, generate_series(1, 8) AS k WHERE m.starts_at - interval '20 days' < $1
      RETURNING id, file_name, uploaded_by_id, created_at)
    INSERT INTO materials (meeting_id, agenda_item_id, title, attachment_id, added_by_id, created_at)
    SELECT m.id, CASE WHEN k % 2 = 0 THEN (SELECT a.id FROM agenda_items a WHERE a.meeting_id = m.id AND a.position = 1 + k % 8 AND a.parent_id IS NULL) END,
      'Vorlage ' || k, f.id, f.uploaded_by_id, f.created_at
    FROM files f JOIN LATERAL (SELECT (regexp_match(f.file_name, '^Vorlage ([0-9]+)-([0-9]+)'))[1]::int AS meeting_id,
                                      (regexp_match(f.file_name, '^Vorlage ([0-9]+)-([0-9]+)'))[2]::int AS k) x ON true
    JOIN meetings m ON m.id = x.meeting_id ORDER BY f.id`,
    [now],
  );
  // Held meetings: attendance from the registrations, a protocol (every seventh late) and 6 decisions with notes.
  await client.query(`
    INSERT INTO meeting_attendees (meeting_id, user_id, name, alliance_name)
    SELECT r.meeting_id, r.user_id, u.name, a.name FROM rsvps r JOIN meetings m ON m.id = r.meeting_id AND m.status = 'HELD'
      JOIN users u ON u.id = r.user_id LEFT JOIN alliances a ON a.id = r.alliance_id
    WHERE r.attendance IN ('ON_SITE', 'ONLINE')`);
  await client.query(
    `
    INSERT INTO protocols (meeting_id, summary, published_at, updated_at)
    SELECT id, repeat('Zusammenfassung der Beratungen. ', 10), ends_at + make_interval(days => CASE WHEN id % 7 = 0 THEN 10 ELSE 5 END),
      ends_at + make_interval(days => CASE WHEN id % 7 = 0 THEN 10 ELSE 5 END)
    FROM meetings WHERE status = 'HELD' AND ends_at + interval '10 days' < $1`,
    [now],
  );
  await client.query(
    `
    INSERT INTO decisions (meeting_id, agenda_item_id, text, responsible, due_on, status, created_at, updated_at)
    SELECT m.id, (SELECT a.id FROM agenda_items a WHERE a.meeting_id = m.id AND a.position = 1 + k AND a.parent_id IS NULL),
      'Beschluss ' || k || ': ' || (ARRAY['Presseerklärung schreiben', 'Ratschlag vorbereiten', 'Auswertung verschicken', 'Kontakt zum Mieterbund aufnehmen',
                                          'Vorlage für Haushaltsreden sammeln', 'Einladung überarbeiten'])[k],
      (ARRAY['Koordinierungsgruppe', 'AUF Gelsenkirchen', 'Martina R.', 'Bündnis Kassel', 'Werner E.', 'KOG'])[k],
      (m.ends_at + make_interval(days => 30 + k * 10))::date,
      (CASE WHEN m.starts_at < $1::timestamptz - interval '200 days' THEN (ARRAY['DONE', 'DONE', 'DONE', 'DROPPED', 'DONE', 'IN_PROGRESS'])[k]
            ELSE (ARRAY['OPEN', 'IN_PROGRESS', 'OPEN', 'DONE', 'OPEN', 'OPEN'])[k] END)::decision_status,
      p.published_at, p.published_at
    FROM meetings m JOIN protocols p ON p.meeting_id = m.id, generate_series(1, 6) AS k ORDER BY m.id, k`,
    [now],
  );
  await client.query(`
    INSERT INTO decision_notes (decision_id, author_id, body, status, created_at)
    SELECT d.id, m.lead_organizer_id, (ARRAY['Ist angefangen.', 'Stand beim nächsten Treffen berichtet.'])[k],
      (CASE WHEN k = 1 THEN 'IN_PROGRESS' ELSE d.status::text END)::decision_status, d.created_at + make_interval(days => 10 * k)
    FROM decisions d JOIN meetings m ON m.id = d.meeting_id, generate_series(1, 2) AS k ORDER BY d.id, k`);
}

/**
 * Published model motions with placeholders in title, text and Begründung (a page of text each), spread over the
 * topics, kinds and alliances, and their reported uses: most on a few popular motions, as in life. Written by
 * SQL from the row number, so the same volume always gives the same motions.
 */
async function insertMotions(client: pg.PoolClient, volume: BenchVolume, now: Date): Promise<void> {
  if (volume.motions === 0) return;
  await client.query(
    `WITH subject(word, n) AS (SELECT * FROM unnest(ARRAY['Sozialticket', 'Transparenzsatzung', 'Baumschutzsatzung', 'Hallenbad', 'Schulsozialarbeit',
         'Radwegenetz', 'Bürgerhaushalt', 'Energiesperren', 'kommunalen Wohnungsbau', 'Nahverkehr', 'Stadtwerke', 'Kitaplätze']) WITH ORDINALITY AS t(word, n)),
     m AS (
       SELECT i, s.word,
         (ARRAY['ANTRAG', 'ANFRAGE', 'RESOLUTION', 'HAUSHALTSANTRAG', 'STELLUNGNAHME', 'HINTERGRUND'])[1 + i % 6] AS kind,
         (ARRAY['GEMEINDERAT', 'GEMEINDERAT', 'KREISTAG', 'BEZIRKSVERTRETUNG', 'AUSSCHUSS', NULL])[1 + (i / 6) % 6] AS level,
         CASE i % 4 WHEN 0 THEN ARRAY['NW'] WHEN 1 THEN ARRAY['BY', 'BW'] ELSE '{}'::text[] END AS states,
         people.ids[1 + (i * 37) % cardinality(people.ids)] AS author_id,
         places.ids[1 + (i * 13) % cardinality(places.ids)] AS alliance_id,
         $2::timestamptz - make_interval(hours => i * 7) AS published_at
       FROM generate_series(1, $1::int) AS i JOIN subject s ON s.n = 1 + i % 12,
         (SELECT array_agg(id ORDER BY id) AS ids FROM users WHERE status = 'ACTIVE') people,
         (SELECT array_agg(id ORDER BY id) AS ids FROM alliances) places)
     INSERT INTO reports (slug, type, author_id, status, title, summary, body, reasoning, motion_kind, council_level, states, alliance_id, visibility,
                          author_display, published_at, first_published_at, created_at, updated_at)
     SELECT 'vorlage-' || i || '-' || lower(replace(word, ' ', '-')), 'MOTION', author_id, 'PUBLISHED',
       'Vorlage ' || i || ': ' || word || ' für {{Gemeinde}}',
       'Ein Muster zum ' || word || ', das schon in mehreren Kommunen eingebracht wurde; mit Begründung und Zahlen.',
       E'### Beschlussvorschlag\n\nDer {{Gremium}} der Gemeinde {{Gemeinde}} möge beschließen:\n\n' ||
         '1. Die Verwaltung legt bis zum {{Datum}} ein Konzept zum ' || word || E' vor.\n' ||
         E'2. Die Kosten werden im Haushalt {{Jahr}} berücksichtigt.\n3. Die Einwohnerinnen und Einwohner werden beteiligt.\n\n' ||
         repeat('Die Erfahrungen anderer Kommunen zeigen, dass ein **' || word || '** mit klaren Regeln und guter Beteiligung gelingt. ', 8),
       repeat('In {{Gemeinde}} fehlt bisher ein Angebot. Die {{Fraktion}} beantragt deshalb, das ' || word || ' zu prüfen. ', 6),
       kind::motion_kind, level::council_level, states, alliance_id, CASE WHEN i % 10 = 0 THEN 'MEMBERS' ELSE 'PUBLIC' END::visibility,
       'ALLIANCE', published_at, published_at, published_at, published_at
     FROM m ORDER BY i`,
    [volume.motions, now],
  );
  await client.query(`
    INSERT INTO report_versions (report_id, number, status, title, summary, body, reasoning, motion_kind, council_level, states, alliance_id, visibility,
                                 author_display, created_by_id, principles_confirmed_at, submitted_at, decided_at, created_at, updated_at)
    SELECT id, 1, 'PUBLISHED', title, summary, body, reasoning, motion_kind, council_level, states, alliance_id, visibility, author_display, author_id,
      published_at, published_at, published_at, published_at, published_at
    FROM reports WHERE type = 'MOTION' ORDER BY id`);
  await client.query(
    `UPDATE reports r SET published_version_id = v.id FROM report_versions v WHERE v.report_id = r.id AND r.type = 'MOTION'`,
  );
  await client.query(`
    INSERT INTO report_topics (report_id, topic_id)
    SELECT r.id, t.id FROM reports r JOIN LATERAL (SELECT id FROM topics ORDER BY id OFFSET r.id % 10 LIMIT 1 + r.id % 2) t ON true WHERE r.type = 'MOTION'`);
  await client.query(`
    INSERT INTO report_version_topics (version_id, topic_id)
    SELECT r.published_version_id, t.topic_id FROM reports r JOIN report_topics t ON t.report_id = r.id WHERE r.type = 'MOTION'`);
  // Uses: motion k gets about a share of 1/k (a few motions are used very often), results and places vary.
  await client.query(
    `WITH motion AS (SELECT id, row_number() OVER (ORDER BY id) AS k FROM reports WHERE type = 'MOTION'),
          n AS (SELECT count(*) AS total FROM motion),
          pick AS (SELECT j, 1 + floor(power(((j * 7919) % 10007) / 10007.0, 3) * (SELECT total FROM n))::int AS k FROM generate_series(1, $1::int) AS j)
     INSERT INTO adoptions (motion_id, reporter_id, municipality, body, adopted_on, result, created_at, updated_at)
     SELECT motion.id, people.ids[1 + (j * 11) % cardinality(people.ids)], places.names[1 + (j * 17) % cardinality(places.names)],
       (ARRAY['Gemeinderat', 'Stadtrat', 'Kreistag', 'Bauausschuss'])[1 + j % 4], ($2::date - (j % 900)),
       (ARRAY['ANGENOMMEN', 'GEAENDERT_ANGENOMMEN', 'ABGELEHNT', 'ZURUECKGEZOGEN', 'OFFEN', 'ANGENOMMEN'])[1 + j % 6]::adoption_result, $2, $2
     FROM pick JOIN motion ON motion.k = pick.k,
       (SELECT array_agg(id ORDER BY id) AS ids FROM users WHERE status = 'ACTIVE') people,
       (SELECT array_agg(municipality ORDER BY id) AS names FROM alliances) places`,
    [volume.adoptions, now],
  );
  await client.query(`
    UPDATE reports r SET use_count = a.uses, success_count = a.successes, success_places = a.places
    FROM (SELECT motion_id, count(*) AS uses, count(*) FILTER (WHERE result IN ('ANGENOMMEN', 'GEAENDERT_ANGENOMMEN')) AS successes,
            count(DISTINCT lower(municipality)) FILTER (WHERE result IN ('ANGENOMMEN', 'GEAENDERT_ANGENOMMEN')) AS places
          FROM adoptions GROUP BY motion_id) a
    WHERE a.motion_id = r.id`);
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
           (SELECT count(*) FROM networks) AS networks,
           (SELECT count(*) FROM reports WHERE type = 'REPORT') AS reports,
           (SELECT count(*) FROM reports WHERE type = 'REPORT' AND status = 'PUBLISHED' AND hidden_at IS NULL) AS "readableReports",
           (SELECT count(*) FROM reports WHERE type = 'REPORT' AND status = 'PUBLISHED' AND hidden_at IS NULL AND visibility = 'MEMBERS') AS "membersOnlyReports",
           (SELECT count(*) FROM reports WHERE type = 'REPORT' AND hidden_at IS NOT NULL) AS "hiddenReports",
           (SELECT count(*) FROM reports WHERE type = 'REPORT' AND status <> 'PUBLISHED') AS "unpublishedReports",
           (SELECT count(*) FROM report_versions v JOIN reports r ON r.id = v.report_id WHERE r.type = 'REPORT') AS "reportVersions",
           (SELECT count(*) FROM report_topics t JOIN reports r ON r.id = t.report_id WHERE r.type = 'REPORT') AS "reportTopics",
           (SELECT count(*) FROM comments) AS comments,
           (SELECT count(*) FROM reports WHERE type = 'MOTION') AS motions,
           (SELECT count(*) FROM adoptions) AS adoptions,
           (SELECT count(*) FROM meetings) AS meetings,
           (SELECT count(*) FROM rsvps) AS rsvps,
           (SELECT count(*) FROM materials) AS materials,
           (SELECT count(*) FROM decisions) AS decisions,
           (SELECT coalesce(round(avg(octet_length(title) + octet_length(summary) + octet_length(did) + octet_length(worked) +
                                      octet_length(didnt) + octet_length(tips) + octet_length(body))), 0)
            FROM reports WHERE type = 'REPORT' AND status = 'PUBLISHED') AS "reportTextBytes",
           pg_total_relation_size('reports') + pg_total_relation_size('report_versions') AS "reportTablesBytes"`);
  const row = rows[0]!;
  return Object.fromEntries(Object.entries(row).map(([key, value]) => [key, Number(value)])) as unknown as SeedSummary;
}

async function withoutTimeout<T>(pool: pg.Pool, work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('SET statement_timeout = 0');
    return await work(client);
  } finally {
    await client.query('RESET statement_timeout').catch(() => undefined);
    client.release();
  }
}

/** Seeds the database in one transaction and returns what it holds afterwards. */
export async function seedBenchData(pool: pg.Pool, options: SeedOptions): Promise<SeedSummary> {
  const volume = options.volume ?? DEFAULT_VOLUME;
  const log = options.log ?? (() => {});
  const { rows: topics } = await pool.query<{ slug: string }>('SELECT slug FROM topics WHERE retired_at IS NULL ORDER BY id');
  const topicSlugs = topics.map((t) => t.slug);
  const now = options.now ?? new Date();
  const rows = generateBenchRows(volume, options.seed ?? DEFAULT_SEED, topicSlugs, now);
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    // Writing many reports in one statement takes longer than the app's statement timeout allows.
    await client.query('SET LOCAL statement_timeout = 0');
    await insertRows(client, rows, options.passwordHash);
    await insertReports(client, rows, volume, options.seed ?? DEFAULT_SEED, topicSlugs, now, log);
    await insertMotions(client, volume, now);
    await insertMeetings(client, volume, now);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
  // Fresh statistics and a vacuumed state (visibility map, the full-text index's pending list merged), as
  // autovacuum would leave a database that has been running for a while; otherwise autovacuum would do it later,
  // in the middle of the measurement.
  const vacuumStart = performance.now();
  await withoutTimeout(pool, (client) => client.query('VACUUM (ANALYZE)'));
  // Write the seeded gigabyte to disk now, not during the measurement (needs a superuser or pg_checkpoint).
  await pool.query('CHECKPOINT').catch(() => log('  CHECKPOINT nicht erlaubt: PostgreSQL schreibt die Daten während der Messung.'));
  log(`  VACUUM (ANALYZE): ${Math.round(performance.now() - vacuumStart)} ms`);
  const summary = await countBenchData(pool);
  const expected = volume.accounts + Object.keys(BENCH_ACCOUNTS).length;
  if (
    summary.accounts < expected ||
    summary.competences < volume.competences ||
    summary.sessions < volume.sessions ||
    summary.reports !== volume.reports ||
    summary.reportVersions !== volume.reports ||
    summary.comments !== volume.comments ||
    summary.motions !== volume.motions ||
    summary.adoptions !== volume.adoptions ||
    summary.meetings !== volume.meetings
  ) {
    throw new Error(`Seeding incomplete: ${JSON.stringify(summary)}`);
  }
  return summary;
}
