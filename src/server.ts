// Entry point of `npm start`: configuration → database → app and job worker → listen; graceful shutdown.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { createApp } from './app.js';
import { ConfigError, loadConfig, type Config } from './config.js';
import { openDatabase } from './db/setup.js';
import { jobHandlers, PERIODIC_JOBS } from './jobs/handlers.js';
import { createWorker } from './jobs/queue.js';
import { createLogger, type Logger } from './lib/logger.js';
import { createSessionStore } from './middleware/session.js';
import { createServices } from './services.js';

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

/**
 * Counts requests whose handler has not answered yet. A request whose client hung up is still being worked on
 * (its handler may still query the database) until the handler ends its response, even though its connection,
 * and so the server, may already be closed.
 */
function trackRequestsInFlight(server: Server): () => Promise<void> {
  let inFlight = 0;
  let whenIdle: (() => void) | undefined;
  server.on('request', (_req: IncomingMessage, res: ServerResponse) => {
    inFlight++;
    let answered = false;
    const done = () => {
      if (answered) return;
      answered = true;
      if (--inFlight === 0) whenIdle?.();
    };
    res.once('finish', done);
    res.once('close', () => {
      if (res.writableEnded) return done();
      const end = res.end.bind(res) as (...args: unknown[]) => ServerResponse;
      res.end = ((...args: unknown[]) => {
        done();
        return end(...args);
      }) as ServerResponse['end'];
    });
  });
  return () => (inFlight === 0 ? Promise.resolve() : new Promise<void>((resolve) => (whenIdle = resolve)));
}

/**
 * Stops taking work without dropping any: every response from now on says `Connection: close`, idle keep-alive
 * connections are closed at once, requests in flight finish, and only then the caller closes the database.
 * Connections still busy after the grace period are cut.
 */
async function drain(server: Server, allAnswered: () => Promise<void>, markShuttingDown: () => void, logger: Logger): Promise<void> {
  markShuttingDown();
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  server.closeIdleConnections();
  // A keep-alive connection that becomes idle after its last response is closed as well.
  const idleSweep = setInterval(() => server.closeIdleConnections(), 100);
  const force = setTimeout(() => {
    logger.warn(`Nach ${SHUTDOWN_GRACE_MS / 1000} s Wartezeit werden die übrigen Verbindungen abgebrochen.`);
    server.closeAllConnections();
  }, SHUTDOWN_GRACE_MS);
  // Handlers of requests whose client already left get the rest of the grace period too.
  await Promise.race([Promise.all([closed, allAnswered()]), sleep(SHUTDOWN_GRACE_MS + 1000, undefined, { ref: false })]);
  clearInterval(idleSweep);
  clearTimeout(force);
}

async function main(): Promise<void> {
  const config = loadConfig();
  const logger: Logger = createLogger(config.logLevel, {
    pretty: config.env !== 'production' && process.stdout.isTTY,
    async: config.env === 'production',
  });
  const { db, close: closeDatabase } = await openDatabase(config, logger, { ownEmbeddedServer: true });
  const secret = await sessionSecret(config);

  let nudge = () => {};
  const services = createServices({ db, baseUrl: config.baseUrl, secret, deliversMail: !!config.smtpUrl,
    nudgeWorker: () => nudge(),
    uploadLimits: { fileBytes: config.uploadFileBytes, totalBytes: config.uploadTotalBytes },
  });
  const worker = createWorker({
    pool: db.pool,
    logger,
    handlers: jobHandlers(services, { logger, smtp: config.smtpUrl ? { url: config.smtpUrl, from: config.mailFrom } : undefined }),
    periodic: PERIODIC_JOBS,
  });
  nudge = () => worker.nudge();

  const sessionStore = createSessionStore(db.pool, { pruneExpired: false }); // the clean-up job prunes
  const app = createApp({ config, db, logger, services, sessionStore, sessionSecret: secret });

  const server = app.listen(config.port, config.host);
  const allAnswered = trackRequestsInFlight(server);
  await new Promise<void>((resolve, reject) => {
    server.once('listening', resolve);
    server.once('error', reject);
  });
  worker.start();
  const shownHost = config.host === '0.0.0.0' || config.host === '127.0.0.1' ? 'localhost' : config.host;
  logger.info(`Kommunale Erfahrungsbörse läuft auf http://${shownHost}:${config.port} (Beenden mit Strg+C)`);
  if (!config.smtpUrl) logger.info('Kein SMTP_URL gesetzt: E-Mails landen nur im Postausgang (/admin/postausgang).');

  let shuttingDown = false;
  const shutdown = async (signal: string) => {
    if (shuttingDown) return;
    shuttingDown = true;
    logger.info(`${signal} empfangen: beende laufende Anfragen und fahre herunter …`);
    await drain(server, allAnswered, () => (app.locals.shuttingDown = true), logger);
    await worker.stop();
    (sessionStore as unknown as { close?: () => void }).close?.();
    await closeDatabase();
    logger.info('Heruntergefahren.');
    logger.flush(() => process.exit(0));
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
}

main().catch((error: unknown) => {
  // One readable line instead of a stack trace; LOG_LEVEL=debug shows the details.
  const message = error instanceof Error ? error.message : String(error);
  console.error(error instanceof ConfigError ? message : `Start fehlgeschlagen: ${message}`);
  if (process.env.LOG_LEVEL === 'debug' && error instanceof Error) console.error(error.stack);
  process.exit(1);
});
