// Opens the database the configuration names: DATABASE_URL, or the embedded PostgreSQL under DATA_DIR.
// Applies pending migrations and loads reference data, so every entry point (server, admin command, demo data)
// sees the current schema.
import type { Config } from '../config.js';
import type { Logger } from '../lib/logger.js';
import { connectDatabase, type Database } from './database.js';
import { ensureDatabase, startEmbeddedPostgres, type EmbeddedPostgres } from './embedded-postgres.js';
import { migrate } from './migrator.js';
import { loadReferenceData, referenceDataMissing } from './reference-data.js';

export const EMBEDDED_DATABASE_NAME = 'erfahrungsboerse';

export interface OpenDatabase {
  db: Database;
  embedded: EmbeddedPostgres | undefined;
  /** Closes the pool, then stops the embedded server if this process owns it. */
  close(): Promise<void>;
}

export async function openDatabase(
  config: Pick<Config, 'databaseUrl' | 'dataDir' | 'embeddedPgPort' | 'dbPoolMax'>,
  logger: Logger,
  options: { ownEmbeddedServer: boolean },
): Promise<OpenDatabase> {
  let embedded: EmbeddedPostgres | undefined;
  let url = config.databaseUrl;
  if (!url) {
    embedded = await startEmbeddedPostgres({
      dataDir: config.dataDir,
      port: config.embeddedPgPort,
      takeOwnershipIfRunning: options.ownEmbeddedServer,
      log: (message) => logger.info(message),
    });
    await ensureDatabase(embedded.urlFor('postgres'), EMBEDDED_DATABASE_NAME);
    url = embedded.urlFor(EMBEDDED_DATABASE_NAME);
  }
  // An outage is logged once by the error handler; a lost idle connection is only worth a debug line (and only
  // its message: the error object of an idle client carries the whole client with it).
  const db = connectDatabase(url, { max: config.dbPoolMax, onIdleError: (err) => logger.debug(`idle database connection lost: ${err.message}`) });
  try {
    await migrate(db.pool, { log: (message) => logger.info(message) });
    if (await referenceDataMissing(db.pool)) await loadReferenceData(db.prisma, (message) => logger.info(message));
  } catch (error) {
    await db.close();
    await embedded?.stop();
    throw error;
  }
  return {
    db,
    embedded,
    async close() {
      await db.close();
      await embedded?.stop();
    },
  };
}
