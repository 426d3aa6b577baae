// A small job queue in PostgreSQL: handlers only enqueue, and a worker in every app instance does the work
// (deliver mail, send digests and reminders, clean up). Instances claim due jobs with FOR UPDATE SKIP LOCKED,
// so each job runs on one instance; a failed job is retried with growing pauses; a job whose instance died
// is picked up again when its lock runs out. Nothing here needs more than the tables in schema.prisma.
import type pg from 'pg';
import type { PrismaClient } from '../db/database.js';
import type { Logger } from '../lib/logger.js';

/** PrismaClient or a transaction client: jobs can be enqueued in the same transaction as the change they follow. */
export type Enqueuer = Pick<PrismaClient, '$executeRaw'>;

export interface EnqueueOptions {
  runAt?: Date;
  /** At most one job with this key, ever: a second enqueue with the same key is folded into the first. */
  uniqueKey?: string;
  maxAttempts?: number;
}

/** Adds a job; returns false when a job with the same unique key exists already (the call was folded). */
export async function enqueue(db: Enqueuer, kind: string, payload: object = {}, options: EnqueueOptions = {}): Promise<boolean> {
  const inserted = await db.$executeRaw`
    INSERT INTO jobs (kind, payload, unique_key, run_at, max_attempts)
    VALUES (${kind}, ${JSON.stringify(payload)}::jsonb, ${options.uniqueKey ?? null}, ${options.runAt ?? new Date()}, ${options.maxAttempts ?? 6})
    ON CONFLICT (unique_key) DO NOTHING`;
  return inserted === 1;
}

/**
 * Folds repeated notifications about the same thing into one job per time window: the first call in a window
 * queues a job for the window's end, later calls in the same window change nothing. The payload gets the
 * window (from, until) so the job can collect what happened in it.
 */
export async function enqueueDigest(db: Enqueuer, kind: string, key: string, payload: object, windowMs: number): Promise<void> {
  const until = Math.ceil((Date.now() + 1) / windowMs) * windowMs;
  await enqueue(db, kind, { ...payload, from: new Date(until - windowMs).toISOString(), until: new Date(until).toISOString() }, {
    uniqueKey: `${key}@${until}`,
    runAt: new Date(until),
  });
}

export interface JobRow {
  id: number;
  kind: string;
  payload: Record<string, unknown>;
  attempts: number;
  max_attempts: number;
}

export interface JobHandler {
  run(payload: Record<string, unknown>, job: JobRow): Promise<void>;
  /** Called once when the last attempt failed (e.g. mark a mail as FAILED). */
  giveUp?(payload: Record<string, unknown>, error: Error): Promise<void>;
}

export interface PeriodicJob {
  kind: string;
  everyMs: number;
}

/** How long a claimed job is reserved for its instance; after that another instance may take it over. */
const LOCK_SECONDS = 120;
const BATCH = 10;
/** A single run stops after this many jobs, so the poll loop stays responsive to stop(). */
const MAX_PER_RUN = 500;

/** 30 s, 2 min, 8 min, 32 min, ~2 h, then every 6 h. */
export function retryDelayMs(attempt: number): number {
  return Math.min(6 * 60 * 60_000, 30_000 * 4 ** Math.max(0, attempt - 1));
}

export interface Worker {
  start(): void;
  /** Stops polling and waits for the job that is running. */
  stop(): Promise<void>;
  /** Runs every due job once (and schedules periodic ones); returns how many ran. For tests and scripts. */
  runDueJobs(): Promise<number>;
  /** Look for work now instead of at the next poll (after an enqueue in this process). */
  nudge(): void;
}

export function createWorker(deps: {
  pool: pg.Pool;
  logger: Logger;
  handlers: Record<string, JobHandler>;
  periodic?: PeriodicJob[];
  pollMs?: number;
  now?: () => Date;
}): Worker {
  const { pool, logger, handlers } = deps;
  const now = deps.now ?? (() => new Date());
  const pollMs = deps.pollMs ?? 2000;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<unknown> = Promise.resolve();
  let stopped = true;
  let databaseAway = false;

  async function schedulePeriodic(): Promise<void> {
    for (const { kind, everyMs } of deps.periodic ?? []) {
      const bucket = new Date(Math.floor(now().getTime() / everyMs) * everyMs);
      await pool.query(
        `INSERT INTO jobs (kind, unique_key, run_at) VALUES ($1, $2, $3) ON CONFLICT (unique_key) DO NOTHING`,
        [kind, `${kind}@${bucket.toISOString()}`, bucket],
      );
    }
  }

  async function claim(): Promise<JobRow[]> {
    const { rows } = await pool.query<JobRow>(
      `UPDATE jobs SET attempts = attempts + 1, locked_until = $1::timestamptz + make_interval(secs => $2)
       WHERE id IN (
         SELECT id FROM jobs
         WHERE done_at IS NULL AND failed_at IS NULL AND run_at <= $1 AND (locked_until IS NULL OR locked_until < $1)
         ORDER BY run_at, id LIMIT $3 FOR UPDATE SKIP LOCKED)
       RETURNING id, kind, payload, attempts, max_attempts`,
      [now(), LOCK_SECONDS, BATCH],
    );
    return rows;
  }

  async function runJob(job: JobRow): Promise<void> {
    const handler = handlers[job.kind];
    try {
      if (!handler) throw new Error(`no handler for job kind "${job.kind}"`);
      await handler.run(job.payload, job);
      await pool.query('UPDATE jobs SET done_at = $2, locked_until = NULL, last_error = NULL WHERE id = $1', [job.id, now()]);
    } catch (error) {
      // Recording the failure needs the database; if it is away, that throws and the whole run stops. The job
      // stays locked until its lock runs out and is tried again then.
      const err = error instanceof Error ? error : new Error(String(error));
      const lastAttempt = job.attempts >= job.max_attempts;
      logger.warn({ jobId: job.id, kind: job.kind, attempt: job.attempts, error: err.message }, lastAttempt ? 'job failed for good' : 'job failed, will retry');
      if (lastAttempt) {
        await pool.query('UPDATE jobs SET failed_at = $2, locked_until = NULL, last_error = $3 WHERE id = $1', [job.id, now(), err.message.slice(0, 2000)]);
        await handler?.giveUp?.(job.payload, err).catch((e: Error) => logger.warn({ jobId: job.id, error: e.message }, 'giving up on job failed'));
      } else {
        await pool.query('UPDATE jobs SET run_at = $2, locked_until = NULL, last_error = $3 WHERE id = $1', [
          job.id,
          new Date(now().getTime() + retryDelayMs(job.attempts)),
          err.message.slice(0, 2000),
        ]);
      }
    }
  }

  async function runDueJobs(): Promise<number> {
    await schedulePeriodic();
    let count = 0;
    // Jobs may queue further jobs (a reset request queues its mail): keep going while there is work, within reason.
    while (count < MAX_PER_RUN) {
      const jobs = await claim();
      if (jobs.length === 0) break;
      for (const job of jobs) await runJob(job);
      count += jobs.length;
    }
    return count;
  }

  async function tick(): Promise<void> {
    timer = undefined;
    try {
      await runDueJobs();
      if (databaseAway) logger.info('job worker: database reachable again');
      databaseAway = false;
    } catch (error) {
      // Said once per outage, not every poll.
      if (!databaseAway) logger.warn({ error: (error as Error).message }, 'job worker: database not reachable, retrying');
      databaseAway = true;
    }
    if (!stopped) timer = setTimeout(() => (running = tick()), pollMs).unref();
  }

  return {
    start() {
      if (!stopped) return;
      stopped = false;
      timer = setTimeout(() => (running = tick()), 0);
    },
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      timer = undefined;
      await running;
    },
    runDueJobs,
    nudge() {
      if (stopped || !timer) return; // a tick is running and will look again
      clearTimeout(timer);
      timer = setTimeout(() => (running = tick()), 0);
    },
  };
}
