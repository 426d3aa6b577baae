// Every kind of background job the app knows, and the periodic ones. Features contribute their handlers here.
import { Prisma } from '../db/database.js';
import { unlinked } from '../lib/attachments.js';
import type { Logger } from '../lib/logger.js';
import { mailDelivery } from '../lib/mail.js';
import type { Services } from '../services.js';
import { authJobs } from '../features/auth/jobs.js';
import { sendJoinRequestDigest } from '../features/alliances/service.js';
import { notifyAuthorOfComments } from '../features/comments/service.js';
import { sendModerationDigest } from '../features/reports/moderation.js';
import { meetingJobs, MEETING_PERIODIC_JOBS } from '../features/meetings/reminders.js';
import { agendaJobs } from '../features/meetings/agenda.js';
import type { JobHandler, PeriodicJob } from './queue.js';

export const PERIODIC_JOBS: PeriodicJob[] = [{ kind: 'maintenance.cleanup', everyMs: 15 * 60_000 }, ...MEETING_PERIODIC_JOBS];

export function jobHandlers(services: Services, options: { logger: Logger; smtp?: { url: string; from: string } | undefined }): Record<string, JobHandler> {
  const { prisma, pool } = services;
  return {
    ...(options.smtp ? { mail: mailDelivery({ prisma, smtpUrl: options.smtp.url, from: options.smtp.from, logger: options.logger }) } : {}),
    ...authJobs(services),
    ...meetingJobs(services),
    ...agendaJobs(services),
    'alliances.join-requests-digest': {
      run: (payload) => sendJoinRequestDigest(services, Number(payload.allianceId)),
    },
    'moderation.digest': { run: () => sendModerationDigest(services) },
    'comments.notify-author': { run: (payload) => notifyAuthorOfComments(services, payload) },
    // Expired counters, tokens and finished jobs are only clutter.
    'maintenance.cleanup': {
      async run() {
        await pool.query('DELETE FROM rate_limits WHERE expire < $1', [Date.now()]);
        await pool.query(`DELETE FROM jobs WHERE (done_at < now() - interval '14 days') OR (failed_at < now() - interval '60 days')`);
        await pool.query(`DELETE FROM password_reset_tokens WHERE expires_at < now() - interval '7 days'`);
        await pool.query(`DELETE FROM email_change_requests WHERE expires_at < now() - interval '7 days'`);
        await pool.query(`DELETE FROM known_logins WHERE last_login_at < now() - interval '180 days'`);
        await pool.query(`DELETE FROM "session" WHERE expire < now()`);
        // Files uploaded with a form that was never saved (or taken off again) are kept for a day, then removed.
        const stale = Prisma.sql`DELETE FROM attachments a WHERE a.created_at < now() - interval '1 day' AND ${unlinked('a')}`;
        await pool.query(stale.text, stale.values);
      },
    },
  };
}
