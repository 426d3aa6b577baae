// Entry point of `npm start`: configuration → database → app → listen; graceful shutdown on Ctrl-C / SIGTERM.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { createApp } from './app.js';
import { ConfigError, loadConfig, type Config } from './config.js';
import { openDatabase } from './db/setup.js';
import { createLogger } from './lib/logger.js';
import { createMailer } from './lib/mail.js';
import { createSessionStore } from './middleware/session.js';

const SHUTDOWN_GRACE_MS = 10_000;

/** Without SESSION_SECRET (development only) a generated secret is kept in DATA_DIR, so logins survive restarts. */
async function sessionSecret(config: Config): Promise<string> {
  if (config.sessionSecret) return config.sessionSecret;
  const file = path.join(config.dataDir, 'session-secret');
  try {
    return (await fs.readFile(file, 'utf8')).trim();
  } catch {
    const secret = randomBytes(32).toString('base64url');
    await fs.mkdir(config.dataDir, { recursive: true });
    await fs.writeFile(file, secret, { mode: 0o600 });
    return secret;
  }
}

async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config.logLevel, { pretty: config.env !== 'production' && process.stdout.isTTY });
  const { db, close: closeDatabase } = await openDatabase(config, logger, { ownEmbeddedServer: true });

  const sessionStore = createSessionStore(db.pool, { pruneExpired: true });
  const app = createApp({
    config,
    db,
    logger,
    mailer: createMailer({ prisma: db.prisma, logger, smtpUrl: config.smtpUrl, from: config.mailFrom }),
    sessionStore,
    sessionSecret: await sessionSecret(config),
  });

  // Expired rate-limit counters are only clutter; remove them now and then.
  const cleanup = setInterval(() => {
    db.pool
      .query('DELETE FROM rate_limits WHERE expire < $1', [Date.now()])
      .catch((err: Error) => logger.warn({ err }, 'rate limit cleanup failed'));
  }, 15 * 60_000);
  cleanup.unref();

  const server = app.listen(config.port, config.host);
  await new Promise<void>((resolve, reject) => {
    server.once('listening', resolve);
    server.once('error', reject);
  });
  const shownHost = config.host === '0.0.0.0' || config.host === '127.0.0.1' ? 'localhost' : config.host;
  logger.info(`Kommunale Erfahrungsbörse läuft auf http://${shownHost}:${config.port} (Beenden mit Strg+C)`);

  let shuttingDown = false;
  const shutdown = async (signal: string) => {
    if (shuttingDown) return;
    shuttingDown = true;
    logger.info(`${signal} empfangen: beende laufende Anfragen und fahre herunter …`);
    clearInterval(cleanup);
    // Stop accepting; requests in flight finish. Connections still busy after the grace period are cut.
    const force = setTimeout(() => server.closeAllConnections(), SHUTDOWN_GRACE_MS);
    await new Promise<void>((resolve) => server.close(() => resolve()));
    clearTimeout(force);
    (sessionStore as unknown as { close?: () => void }).close?.();
    await closeDatabase();
    logger.info('Heruntergefahren.');
    logger.flush?.();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
}

main().catch((error: unknown) => {
  // One readable line instead of a stack trace; LOG_LEVEL=debug shows the details.
  const message = error instanceof Error ? error.message : String(error);
  console.error(error instanceof ConfigError ? message : `Start fehlgeschlagen / start-up failed: ${message}`);
  if (process.env.LOG_LEVEL === 'debug' && error instanceof Error) console.error(error.stack);
  process.exit(1);
});
