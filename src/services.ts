// What every feature's routes and services may use. createApp builds it once; services take the parts
// they need (e.g. `Pick<Services, 'prisma' | 'mailer'>`), so their dependencies stay visible.
import type pg from 'pg';
import type { Database } from './db/database.js';
import type { Mailer } from './lib/mail.js';
import type { PrismaClient } from './db/database.js';
import type { RateLimits } from './lib/rate-limit.js';
import { DEFAULT_UPLOAD_LIMITS, type UploadLimits } from './lib/attachments.js';
import { createMailer } from './lib/mail.js';
import { createRateLimits } from './lib/rate-limit.js';
import { fileCache, type FileCache } from './lib/file-cache.js';
import { topicDirectory, type TopicDirectory } from './features/topics/service.js';

export interface Services {
  prisma: PrismaClient;
  pool: pg.Pool;
  mailer: Mailer;
  /** Public address of the site, for links in mails (no trailing slash). */
  baseUrl: string;
  limits: RateLimits;
  /** Wakes the job worker after something was queued (no-op in tests, which run jobs themselves). */
  nudgeWorker: () => void;
  /** The topics offered in forms and filters (kept for a few seconds). */
  topics: TopicDirectory;
  /** How long results kept for everyone may be used by a request without a content version (sharedResults); 0 in tests. */
  cacheMs: number;
  /** Attachment sizes (UPLOAD_FILE_MB, UPLOAD_TOTAL_MB). */
  uploadLimits: UploadLimits;
  /** Made files kept on disk (the materials ZIP of a meeting). */
  files: FileCache;
}

/** Room for the kept ZIPs: the materials of a few dozen meetings, or of a few hundred small ones (one open file each). */
const FILE_CACHE = { maxBytes: 256 * 1024 * 1024, maxFiles: 500 };

/** Builds the services an app instance (and its job worker) share. */
export function createServices(deps: {
  db: Database;
  baseUrl: string;
  /** Keys hashes of login addresses (known_logins); the session secret serves. */
  secret: string;
  /** Whether mail is delivered (SMTP_URL) or only kept in the outbox. */
  deliversMail: boolean;
  nudgeWorker?: () => void;
  /** How long reference data (topics) may be kept per instance; 0 in tests. */
  referenceCacheMs?: number;
  uploadLimits?: Partial<UploadLimits>;
}): Services {
  const nudgeWorker = deps.nudgeWorker ?? (() => {});
  return {
    prisma: deps.db.prisma,
    pool: deps.db.pool,
    baseUrl: deps.baseUrl,
    mailer: createMailer({ prisma: deps.db.prisma, delivers: deps.deliversMail, onQueued: nudgeWorker }),
    limits: createRateLimits(deps.db.pool, deps.secret),
    nudgeWorker,
    topics: topicDirectory(deps.db.pool, deps.referenceCacheMs ?? 5000),
    cacheMs: deps.referenceCacheMs ?? 5000,
    uploadLimits: { ...DEFAULT_UPLOAD_LIMITS, ...deps.uploadLimits },
    files: fileCache(FILE_CACHE),
  };
}
