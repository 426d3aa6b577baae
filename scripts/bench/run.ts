// `npm run bench`: measures every page type of the app under load with a realistic volume of data, next to a bare
// Express route in the same run. Creates its own database and removes everything it started at the end.
//   npm run bench                          all pages, 5 s per run
//   npm run bench -- --dauer 10            10 s per run
//   npm run bench -- --nur buendnisse      only pages whose name contains "buendnisse" (comma-separated list allowed;
//                                          a term that is exactly a page name, such as "/", selects only that page)
import { randomBytes } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { connectDatabase } from '../../src/db/database.js';
import { migrate } from '../../src/db/migrator.js';
import { loadReferenceData } from '../../src/db/reference-data.js';
import { hashPassword } from '../../src/lib/passwords.js';
import { createBenchDatabase } from './database.js';
import { checkPage, logIn, runLoad, stopLoad, visitEachOnce, type RunResult } from './load.js';
import { PAGES, SEARCH_QUERIES, type Access, type BenchData, type BenchPage } from './pages.js';
import { measureSearch, type SearchResult } from './search.js';
import { freePort } from '../../src/db/embedded-postgres.js';
import { logTail, residentMb, spawnNode, waitForStatus, watchForeignLoad, watchPeakMemory, type Child } from './processes.js';
import {
  BARE_BESIDE_SECONDS,
  goalsLine,
  goalsMet,
  markdownReport,
  summaryLines,
  terminalTable,
  tableRows,
  volumeLine,
  machineLine,
  settingsLine,
  type BenchReport,
  type PageResult,
} from './report.js';
import { BENCH_ACCOUNTS, BENCH_PASSWORD, seedBenchData, type SeedSummary } from './seed.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const RESULTS_FILE = path.join(ROOT, 'bench', 'ERGEBNISSE.md');
const WARM_RESTARTS = 3;
/** Extra node flags for the app only, e.g. BENCH_APP_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" for a profile. */
const APP_NODE_ARGS = (process.env.BENCH_APP_NODE_ARGS ?? '').split(/\s+/).filter(Boolean);
/**
 * The app starts exactly as `npm start` starts it: the environment settings and node flags of the start script in
 * package.json (memory settings), then scripts/start.mjs.
 */
function startCommand(): { env: Record<string, string>; args: string[] } {
  const script = (JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { scripts: { start: string } }).scripts.start;
  const words = script.split(/\s+/).filter((w) => w && w !== 'exec');
  // Settings in front (NAME=value, e.g. for the C library's memory allocator) go into the app's environment.
  const env: Record<string, string> = {};
  while (words[0] && /^[A-Z_][A-Z0-9_]*=/.test(words[0])) {
    const [name, ...value] = words.shift()!.split('=');
    env[name!] = value.join('=');
  }
  if (words[0] !== 'node') throw new Error(`unexpected start script: ${script}`);
  return { env, args: words.slice(1).map((w) => (w.endsWith('.mjs') ? path.join(ROOT, w) : w)) };
}
const START = startCommand();
const SERVER_ARGS = START.args;

// ---------------------------------------------------------------------------------------------- options

interface Options {
  seconds: number;
  warmupSeconds: number;
  filter: string[] | undefined;
}

function parseOptions(): Options {
  const { values } = parseArgs({
    options: {
      dauer: { type: 'string' },
      aufwaermen: { type: 'string' },
      nur: { type: 'string' },
      hilfe: { type: 'boolean', short: 'h' },
    },
  });
  if (values.hilfe) {
    console.log(
      [
        'npm run bench [-- Optionen]',
        '  --dauer <s>       Sekunden je Messlauf (Standard 5; auch BENCH_DAUER)',
        '  --aufwaermen <s>  Sekunden Aufwärmen je Seite, nicht gezählt (Standard 2; auch BENCH_AUFWAERMEN)',
        '  --nur <text>      nur Seiten, deren Name den Text enthält, mehrere mit Komma (auch BENCH_NUR)',
        'Mit DATABASE_URL misst die Bench auf diesem Server (in einer eigenen, danach gelöschten Datenbank).',
      ].join('\n'),
    );
    process.exit(0);
  }
  const seconds = (value: string | undefined, fallback: number, name: string) => {
    if (value === undefined || value === '') return fallback;
    const n = Number(value.replace(',', '.'));
    if (!Number.isFinite(n) || n < 0.5 || n > 600) throw new Error(`${name} muss eine Zahl zwischen 0,5 und 600 (Sekunden) sein.`);
    return n;
  };
  const filter = values.nur ?? process.env.BENCH_NUR;
  return {
    seconds: seconds(values.dauer ?? process.env.BENCH_DAUER, 5, '--dauer'),
    warmupSeconds: seconds(values.aufwaermen ?? process.env.BENCH_AUFWAERMEN, 2, '--aufwaermen'),
    filter: filter
      ? filter
          .split(',')
          .map((f) => f.trim().toLowerCase())
          .filter(Boolean)
      : undefined,
  };
}

// ---------------------------------------------------------------------------------------------- clean-up

/** Everything to undo, newest first; runs once, on success, failure or Ctrl-C. */
const cleanups: { label: string; run: () => Promise<void> }[] = [];
let cleaning: Promise<void> | undefined;
let aborted = false;

function onCleanup(label: string, run: () => Promise<void>): void {
  cleanups.unshift({ label, run });
}

function cleanUp(): Promise<void> {
  cleaning ??= (async () => {
    for (const { label, run } of cleanups.splice(0)) {
      try {
        await run();
      } catch (error) {
        console.error(`Aufräumen (${label}) fehlgeschlagen: ${(error as Error).message}`);
      }
    }
  })();
  return cleaning;
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (aborted) return;
    aborted = true;
    console.error(`\n${signal}: Messung abgebrochen, räume auf …`);
    stopLoad();
    void cleanUp().finally(() => {
      console.error('Alles beendet und aufgeräumt.');
      process.exit(130);
    });
  });
}

function ensureNotAborted(): void {
  if (aborted) throw new Error('abgebrochen');
}

// ---------------------------------------------------------------------------------------------- helpers

const log = (message: string) => console.log(message);
const ms = (value: number) => `${Math.round(value)} ms`;

/** Environment for an app process: production settings, nothing inherited that would change what is measured. */
function appEnvironment(settings: Record<string, string>): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const name of [
    'DATABASE_URL',
    'DATA_DIR',
    'EMBEDDED_PG_PORT',
    'DB_POOL_MAX',
    'TRUST_PROXY',
    'SMTP_URL',
    'MAIL_FROM',
    'NODE_OPTIONS',
  ]) {
    delete env[name];
  }
  return { ...env, ...START.env, NODE_ENV: 'production', LOG_LEVEL: 'info', SECURE_COOKIES: 'false', HOST: '127.0.0.1', ...settings };
}

function cpuModel(): string {
  try {
    const match = /^model name\s*:\s*(.+)$/m.exec(fs.readFileSync('/proc/cpuinfo', 'utf8'));
    if (match) return match[1]!.trim();
  } catch {
    // not Linux
  }
  return os.cpus()[0]?.model ?? 'unbekannte CPU';
}

function selectPages(filter: string[] | undefined): BenchPage[] {
  if (!filter) return PAGES;
  // A term that is exactly a page name selects that page ("/" is only the home page); otherwise any part of it.
  const matches = (page: BenchPage, term: string) =>
    PAGES.some((p) => p.name.toLowerCase() === term) ? page.name.toLowerCase() === term : page.name.toLowerCase().includes(term);
  const chosen = PAGES.filter((page) => filter.some((term) => matches(page, term)));
  if (chosen.length === 0) {
    throw new Error(`--nur ${filter.join(',')} passt zu keiner Seite. Es gibt: ${[...new Set(PAGES.map((p) => p.name))].join(', ')}`);
  }
  return chosen;
}

/**
 * Warm-up (each address once, then a few seconds; not counted), then one run at 10 and one at 32 connections.
 * With `bareBeside`, the bare route is measured right before and right after the run at 10 connections: the
 * machine's speed drifts by a third within one bench here, so a page is compared with the bare route of its moment.
 */
async function measureTarget(
  label: string,
  target: Parameters<typeof runLoad>[0],
  options: Options,
  bareBeside?: () => Promise<number>,
): Promise<{ at10: RunResult; at32: RunResult; bareRps: number | undefined }> {
  ensureNotAborted();
  process.stdout.write(`  ${label} … `);
  await visitEachOnce(target);
  await runLoad(target, 10, options.warmupSeconds);
  ensureNotAborted();
  const before = await bareBeside?.();
  const at10 = await runLoad(target, 10, options.seconds);
  const after = await bareBeside?.();
  ensureNotAborted();
  const at32 = await runLoad(target, 32, options.seconds);
  const errors = at10.errors + at32.errors;
  const bareRps = before !== undefined && after !== undefined ? (before + after) / 2 : undefined;
  log(
    `${Math.round(at10.rps)} Anfragen/s` +
      (bareRps ? ` (${Math.round((100 * at10.rps) / bareRps)} % von Express pur daneben, ${Math.round(bareRps)})` : '') +
      `, p99 ${at10.p99} / ${at32.p99} ms` +
      (errors ? `, ${errors} Fehler ${JSON.stringify({ ...at10.unexpected, ...at32.unexpected })}` : ''),
  );
  return { at10, at32, bareRps };
}

// ---------------------------------------------------------------------------------------------- main

async function main(): Promise<void> {
  const startedAt = new Date();
  const t0 = performance.now();
  const options = parseOptions();
  const pages = selectPages(options.filter);
  log('Kommunale Erfahrungsbörse: Geschwindigkeitsmessung');
  log('Hinweis: SECURE_COOKIES=false, weil über unverschlüsseltes HTTP auf 127.0.0.1 gemessen wird; sonst Produktivbetrieb.\n');

  log('Übersetze nach dist/ (scripts/build.mjs) …');
  const build = spawnSync(process.execPath, [path.join(ROOT, 'scripts/build.mjs')], { cwd: ROOT, stdio: 'inherit' });
  if (build.status !== 0) throw new Error('build failed');

  const tempDir = fs.mkdtempSync(path.join(os.tmpdir(), 'keb-bench-'));
  fs.chmodSync(tempDir, 0o755); // the embedded PostgreSQL runs as user "postgres" when the bench runs as root
  onCleanup('temporary folder', async () => fs.rmSync(tempDir, { recursive: true, force: true }));
  const appLog = path.join(tempDir, 'app.log');

  // Database: create, migrate, reference data, seed.
  log(process.env.DATABASE_URL ? 'Lege eine eigene Datenbank auf dem Server aus DATABASE_URL an …' : 'Starte eingebettetes PostgreSQL …');
  const database = await createBenchDatabase(tempDir, () => {});
  onCleanup('database', () => database.remove());
  ensureNotAborted();
  const seedStart = performance.now();
  // Seeding writes a gigabyte and VACUUMs it: single statements take longer than the app's 10 s limit (and pg's
  // client-side timeout a little above it), which protect nothing here.
  const db = connectDatabase(database.url, { max: 4, statementTimeoutMillis: 30 * 60_000 });
  let data: BenchData;
  let volume: SeedSummary;
  let postgres: string;
  let search: SearchResult;
  try {
    await migrate(db.pool);
    await loadReferenceData(db.prisma);
    const passwordHash = await hashPassword(BENCH_PASSWORD);
    volume = await seedBenchData(db.pool, { passwordHash, log: (line) => log(line) });
    // 200 alliance pages and 200 public reports spread evenly over the data, and every topic.
    const spread = async (sql: string) => {
      const { rows } = await db.pool.query<{ slug: string }>(sql);
      const step = Math.max(1, Math.floor(rows.length / 200));
      return rows
        .filter((_, i) => i % step === 0)
        .slice(0, 200)
        .map((r) => r.slug);
    };
    data = {
      allianceSlugs: await spread('SELECT slug FROM alliances ORDER BY id'),
      topicSlugs: (await db.pool.query<{ slug: string }>('SELECT slug FROM topics ORDER BY id')).rows.map((r) => r.slug),
      reportSlugs: await spread(
        `SELECT slug FROM reports WHERE type = 'REPORT' AND status = 'PUBLISHED' AND hidden_at IS NULL AND visibility = 'PUBLIC' ORDER BY published_at`,
      ),
      motionSlugs: await spread(
        `SELECT slug FROM reports WHERE type = 'MOTION' AND status = 'PUBLISHED' AND hidden_at IS NULL AND visibility = 'PUBLIC' ORDER BY published_at`,
      ),
      meetingIds: await spread(`SELECT id::text AS slug FROM meetings WHERE is_public ORDER BY starts_at`),
      heldMeetingIds: await spread(
        `SELECT m.id::text AS slug FROM meetings m JOIN protocols p ON p.meeting_id = m.id WHERE m.is_public AND p.published_at IS NOT NULL ORDER BY m.starts_at`,
      ),
    };
    process.stdout.write(`Volltextsuche in den Berichten, ${SEARCH_QUERIES.length} typische Suchen … `);
    search = await measureSearch(db.pool, SEARCH_QUERIES);
    log(`p50 ${ms(search.p50)}, p95 ${ms(search.p95)}`);
    const version = (await db.pool.query<{ server_version: string }>('SHOW server_version')).rows[0]!.server_version;
    postgres = `PostgreSQL ${version.split(' ')[0]}`;
  } finally {
    await db.close();
  }
  log(`Daten angelegt in ${ms(performance.now() - seedStart)}: ${volumeLine(volume)}`);

  // The bare Express route.
  const barePort = await freePort();
  ensureNotAborted();
  const bare = spawnNode([path.join(ROOT, 'scripts/bench/bare-server.mjs')], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(barePort), NODE_ENV: 'production', NODE_OPTIONS: '' },
    logFile: path.join(tempDir, 'bare.log'),
  });
  onCleanup('bare server', () => bare.stop());
  const bareUrl = `http://127.0.0.1:${barePort}`;
  await waitForStatus(`${bareUrl}/`, { child: bare, since: performance.now(), timeoutMs: 15_000 });

  // The app, as in production.
  const appPort = await freePort();
  const appUrl = `http://127.0.0.1:${appPort}`;
  const env = appEnvironment({
    DATABASE_URL: database.url,
    SESSION_SECRET: randomBytes(32).toString('base64url'),
    BASE_URL: `http://localhost:${appPort}`,
    PORT: String(appPort),
  });
  let app: Child | undefined;
  onCleanup('app', async () => app?.stop());
  const startApp = () => {
    ensureNotAborted();
    const since = performance.now();
    app = spawnNode([...APP_NODE_ARGS, ...SERVER_ARGS], { cwd: ROOT, env, logFile: appLog });
    return { child: app, since };
  };
  try {
    log('Starte die App wie npm start …');
    const first = startApp();
    await waitForStatus(`${appUrl}/readyz`, { ...first, timeoutMs: 60_000 });
    await sleep(1_000); // let start-up work settle before calling it idle
    const idleMb = residentMb(first.child.pid);

    // Log in once per role the selected pages need.
    const cookies: Partial<Record<Access, string>> = {};
    for (const access of new Set(pages.map((p) => p.access))) {
      if (access === 'anonymous') continue;
      const login = await logIn(appUrl, BENCH_ACCOUNTS[access].email, BENCH_PASSWORD);
      cookies[access] = login.cookie;
      log(`Angemeldet als ${BENCH_ACCOUNTS[access].email} (Cookie ${login.cookieNames.join(', ')}).`);
    }
    for (const page of pages) {
      for (const url of page.paths(data).slice(0, 3)) await checkPage(appUrl, url, cookies[page.access], page.expectStatus);
    }

    log(`\nLast: je ${options.warmupSeconds} s Aufwärmen, dann je ${options.seconds} s mit 10 und mit 32 Verbindungen`);
    // Other programs' CPU time during load and warm restarts; with DATABASE_URL a local PostgreSQL counts as ours.
    const foreignLoad = watchForeignLoad(
      () => [process.pid, database.serverPid() ?? -1],
      (name) => database.external && name === 'postgres',
    );
    // The bare route is measured before and after the pages: the machine's speed drifts during a run (by up to a
    // third between runs here), and the faster of the two is the stricter reference.
    const bareRuns = [await measureTarget('Express pur (GET /)', { baseUrl: bareUrl, paths: ['/'] }, options)];

    const memory = watchPeakMemory(first.child.pid);
    const bareBeside = async () => (await runLoad({ baseUrl: bareUrl, paths: ['/'] }, 10, BARE_BESIDE_SECONDS)).rps;
    const results: PageResult[] = [];
    for (const page of pages) {
      const paths = page.paths(data);
      const label = `${page.name} (${page.access})`;
      const { bareRps, ...result } = await measureTarget(
        label,
        { baseUrl: appUrl, paths, cookie: cookies[page.access], expectStatus: page.expectStatus },
        options,
        bareBeside,
      );
      results.push({ name: page.name, access: page.access, urls: paths.length, bareRps: bareRps!, ...result });
    }
    const peakMb = memory.stop();
    bareRuns.push(await measureTarget('Express pur (GET /), noch einmal', { baseUrl: bareUrl, paths: ['/'] }, options));
    await bare.stop();
    const bareResult = { ...bareRuns.reduce((a, b) => (b.at10.rps > a.at10.rps ? b : a)), runs: bareRuns.map((r) => r.at10.rps) };

    // Warm restarts: SIGTERM, wait for the exit, start again on the same database, time to the first page.
    log(`\nNeustart, ${WARM_RESTARTS}-mal …`);
    const warmRestartsMs: number[] = [];
    for (let i = 0; i < WARM_RESTARTS; i++) {
      await app!.stop();
      const next = startApp();
      warmRestartsMs.push(await waitForStatus(`${appUrl}/`, { ...next, timeoutMs: 60_000 }));
    }
    log(`  ${warmRestartsMs.map(ms).join(', ')}`);
    const foreignLoadResult = foreignLoad.stop();
    await app!.stop();

    const freshStartMs = await measureFreshStart(tempDir);

    const report: BenchReport = {
      startedAt,
      totalSeconds: (performance.now() - t0) / 1000,
      machine: {
        cpu: cpuModel(),
        cores: os.cpus().length,
        memoryGb: os.totalmem() / 1024 ** 3,
        node: process.version,
        postgres,
        database: database.where,
      },
      settings: {
        seconds: options.seconds,
        warmupSeconds: options.warmupSeconds,
        filter: pages.length < PAGES.length ? options.filter?.join(',') : undefined,
      },
      volume,
      search,
      bare: bareResult,
      pages: results,
      memory: { idleMb, peakMb },
      foreignLoad: foreignLoadResult,
      startup: { warmRestartsMs, freshStartMs },
    };
    printReport(report);
  } catch (error) {
    if (!aborted) console.error(`\nLetzte Zeilen des App-Logs (${appLog}):\n${logTail(appLog)}`);
    throw error;
  }
}

/** A brand-new installation: no DATABASE_URL, an empty DATA_DIR (initdb, migrations, reference data). */
async function measureFreshStart(tempDir: string): Promise<number> {
  log('Erster Start in einem leeren Ordner (initdb, Migrationen, Stammdaten) …');
  const dataDir = path.join(tempDir, 'erststart');
  const logFile = path.join(tempDir, 'erststart.log');
  const [port, pgPort] = [await freePort(), await freePort()];
  ensureNotAborted();
  const since = performance.now();
  const child = spawnNode([...APP_NODE_ARGS, ...SERVER_ARGS], {
    cwd: ROOT,
    env: appEnvironment({
      DATA_DIR: dataDir,
      EMBEDDED_PG_PORT: String(pgPort),
      PORT: String(port),
      BASE_URL: `http://localhost:${port}`,
      SESSION_SECRET: randomBytes(32).toString('base64url'),
    }),
    logFile,
  });
  // The app stops its own PostgreSQL on SIGTERM; if it could not, stop the cluster here.
  onCleanup('first-start app', async () => {
    await child.stop();
    if (fs.existsSync(path.join(dataDir, 'postgres', 'postmaster.pid'))) {
      const { startEmbeddedPostgres } = await import('../../src/db/embedded-postgres.js');
      const cluster = await startEmbeddedPostgres({ dataDir, port: pgPort, takeOwnershipIfRunning: true, log: () => {} });
      await cluster.stop();
    }
  });
  try {
    const elapsed = await waitForStatus(`http://127.0.0.1:${port}/`, { child, since, timeoutMs: 120_000 });
    log(`  ${ms(elapsed)}`);
    return elapsed;
  } catch (error) {
    if (!aborted) console.error(`Letzte Zeilen von ${logFile}:\n${logTail(logFile)}`);
    throw error;
  } finally {
    await child.stop();
  }
}

function printReport(report: BenchReport): void {
  const { met, total } = goalsMet(report);
  log('\n' + terminalTable(tableRows(report)));
  log('');
  for (const line of summaryLines(report)) log(line);
  log('');
  log(goalsLine());
  log(`Erreicht: ${met} von ${total}.`);
  log(`\nRechner: ${machineLine(report)}`);
  log(`Messung: ${settingsLine(report)}`);
  log(`Dauer der ganzen Messung: ${Math.floor(report.totalSeconds / 60)} min ${Math.round(report.totalSeconds % 60)} s`);
  if (report.settings.filter) {
    log(`\nTeilmessung (--nur ${report.settings.filter}): ${path.relative(ROOT, RESULTS_FILE)} bleibt unverändert.`);
  } else {
    fs.mkdirSync(path.dirname(RESULTS_FILE), { recursive: true });
    fs.writeFileSync(RESULTS_FILE, markdownReport(report));
    log(`\nGeschrieben: ${path.relative(ROOT, RESULTS_FILE)}`);
  }
}

let exitCode = 0;
try {
  await main();
} catch (error) {
  exitCode = 1;
  if (!aborted) console.error(`\nMessung fehlgeschlagen: ${(error as Error).message}`);
  if (process.env.BENCH_DEBUG) console.error((error as Error).stack);
} finally {
  await cleanUp(); // after Ctrl-C this waits for the clean-up the signal handler started
}
process.exit(aborted ? 130 : exitCode);
