// Meldungen: anyone logged in can flag a report or a comment as breaking the movement's principles, once per
// item. Flags land in the moderation queue; a comment flagged by three different members is hidden until an
// admin decides.
import { Prisma, isUniqueViolation } from '../../db/database.js';
import { NotFoundError, ValidationError } from '../../lib/errors.js';
import type { CurrentUser } from '../../middleware/auth.js';
import { setCommentHidden } from '../comments/service.js';
import type { Services } from '../../services.js';
import type { QueueSource } from '../moderation/queue.js';

export const FLAG_REASONS = {
  PARTY_POLITICS: 'parteipolitische Vereinnahmung',
  NOT_ANTIFASCIST: 'nicht antifaschistisch',
  COMMERCIAL: 'kommerziell / finanzielle Abhängigkeit',
  PERSONAL_DATA: 'persönliche Daten',
  UNOBJECTIVE: 'unsachlich / Streitkultur verletzt',
  SPAM: 'Spam',
  OTHER: 'Sonstiges',
} as const;

export type FlagReason = keyof typeof FLAG_REASONS;
export type FlagSubject = { type: 'report' | 'comment'; id: number };

/** From this many different members' flags on, a comment is hidden until an admin decides. */
export const AUTO_HIDE_FLAGS = 3;
export const AUTO_HIDDEN_REASON = 'Mehrfach gemeldet – bis zur Prüfung durch die Moderation ausgeblendet.';

export async function flagItem(
  deps: Pick<Services, 'prisma' | 'limits' | 'nudgeWorker'>,
  reporter: CurrentUser,
  subject: FlagSubject,
  reason: FlagReason,
  note: string | undefined,
  ip: string,
): Promise<'flagged' | 'already'> {
  await deps.limits.action('flag', { ip, account: reporter.id });
  try {
    await deps.prisma.flag.create({ data: { subjectType: subject.type, subjectId: subject.id, reporterId: reporter.id, reason, note: note ?? null } });
  } catch (error) {
    if (isUniqueViolation(error)) return 'already';
    throw error;
  }
  if (subject.type === 'comment') {
    // Conditional update: counted and hidden in one statement, so parallel flags cannot miss the threshold.
    await deps.prisma.$executeRaw`
      UPDATE comments SET hidden_at = now(), hidden_reason = ${AUTO_HIDDEN_REASON}
      WHERE id = ${subject.id} AND hidden_at IS NULL
        AND (SELECT count(DISTINCT reporter_id) FROM flags WHERE subject_type = 'comment' AND subject_id = ${subject.id} AND resolved_at IS NULL) >= ${AUTO_HIDE_FLAGS}`;
  }
  return 'flagged';
}

/** The open flags on an item, for the moderation page. */
export function openFlags(deps: Pick<Services, 'prisma'>, subject: FlagSubject) {
  return deps.prisma.flag.findMany({
    where: { subjectType: subject.type, subjectId: subject.id, resolvedAt: null },
    orderBy: { createdAt: 'asc' },
    include: { reporter: { select: { name: true } } },
  });
}

/** Closes the open flags of an item (after the admin's decision). */
export function resolveFlags(tx: Pick<Services['prisma'], 'flag'>, subject: FlagSubject) {
  return tx.flag.updateMany({ where: { subjectType: subject.type, subjectId: subject.id, resolvedAt: null }, data: { resolvedAt: new Date() } });
}

export const flagSubjectSql = (subject: FlagSubject) => Prisma.sql`subject_type = ${subject.type} AND subject_id = ${subject.id}`;

/** Open flags in the moderation queue, one entry per flagged report or comment. */
export const flagQueueSources: QueueSource[] = [
  {
    kind: 'flag_report',
    label: 'Meldung zu einem Beitrag',
    sql: Prisma.sql`
      SELECT f.subject_id, CASE r.type WHEN 'MOTION' THEN 'Vorlage „' ELSE 'Bericht „' END || r.title || '“' AS title, count(*)::text || CASE WHEN count(*) = 1 THEN ' Meldung' ELSE ' Meldungen' END AS detail,
        array_agg(DISTINCT f.reason::text) AS reasons, min(f.created_at) AS since
      FROM flags f JOIN reports r ON r.id = f.subject_id
      WHERE f.subject_type = 'report' AND f.resolved_at IS NULL GROUP BY f.subject_id, r.type, r.title`,
    href: (id) => `/admin/moderation/meldungen/bericht/${id}`,
  },
  {
    kind: 'flag_comment',
    label: 'Meldung zu einem Kommentar',
    sql: Prisma.sql`
      SELECT f.subject_id, 'Kommentar von ' || u.name || ' zu „' || r.title || '“' AS title,
        count(*)::text || CASE WHEN count(*) = 1 THEN ' Meldung' ELSE ' Meldungen' END
          || CASE WHEN c.hidden_at IS NOT NULL THEN ' · bis zur Entscheidung ausgeblendet' ELSE '' END AS detail,
        array_agg(DISTINCT f.reason::text) AS reasons, min(f.created_at) AS since
      FROM flags f JOIN comments c ON c.id = f.subject_id JOIN users u ON u.id = c.author_id JOIN reports r ON r.id = c.report_id
      WHERE f.subject_type = 'comment' AND f.resolved_at IS NULL GROUP BY f.subject_id, u.name, r.title, c.hidden_at`,
    href: (id) => `/admin/moderation/meldungen/kommentar/${id}`,
  },
];

export type FlagDecision = 'zurueckweisen' | 'ausblenden' | 'einblenden';

/**
 * The admin's decision on a flagged item: dismiss the flags (an automatically hidden comment comes back),
 * hide the item with a reason, or show a hidden comment again. Open flags are closed, the decision recorded.
 */
export async function decideFlags(
  deps: Pick<Services, 'prisma' | 'pool' | 'mailer' | 'baseUrl'>,
  admin: CurrentUser,
  subject: FlagSubject,
  decision: FlagDecision,
  reason: string,
  hideReport: (reason: string) => Promise<unknown>,
): Promise<void> {
  if (decision === 'ausblenden' && reason.length < 5) {
    throw new ValidationError({ begruendung: 'Bitte begründe das Ausblenden: Die Autorin oder der Autor bekommt die Begründung per E-Mail.' });
  }
  if (subject.type === 'report') {
    // Reports are hidden through their own service (it records the decision and tells the author).
    if (decision === 'ausblenden') await hideReport(reason);
    await deps.prisma.$transaction(async (tx) => {
      await resolveFlags(tx, subject);
      if (decision !== 'ausblenden') {
        await tx.moderationDecision.create({ data: { subjectType: 'report', subjectId: subject.id, decision: 'flags_dismissed', reason: reason || null, decidedById: admin.id } });
      }
    });
    return;
  }
  const comment = await deps.prisma.comment.findUnique({ where: { id: subject.id } });
  if (!comment) throw new NotFoundError('Diesen Kommentar gibt es nicht.');
  await deps.prisma.$transaction(async (tx) => {
    await resolveFlags(tx, subject);
    if (decision === 'ausblenden') await setCommentHidden(deps, tx, subject.id, true, reason);
    else if (comment.hiddenAt) await setCommentHidden(deps, tx, subject.id, false, '');
    await tx.moderationDecision.create({
      data: {
        subjectType: 'comment',
        subjectId: subject.id,
        decision: decision === 'ausblenden' ? 'hidden' : decision === 'einblenden' ? 'restored' : 'flags_dismissed',
        reason: reason || null,
        decidedById: admin.id,
      },
    });
  });
}
