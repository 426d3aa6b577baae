// Admins decide on submitted report versions (publish, send back, reject) and can hide a published report.
// Every decision is recorded in moderation_decisions and told to the author by mail.
import { diffWords } from 'diff';
import { Prisma } from '../../db/database.js';
import { selectOne } from '../../db/sql.js';
import { NotFoundError, ValidationError } from '../../lib/errors.js';
import { escapeHtml } from '../../lib/html.js';
import { nameForMail } from '../../lib/mail.js';
import type { CurrentUser } from '../../middleware/auth.js';
import type { Services } from '../../services.js';
import type { QueueSource } from '../moderation/queue.js';
import { capital, contributionHref, kindOf } from './kinds.js';
import { versionContent, type ReportContent } from './page.js';
import { REPORT_PARTS } from './schema.js';

type Deps = Pick<Services, 'prisma' | 'pool' | 'mailer' | 'baseUrl'>;

export type Decision = 'veroeffentlichen' | 'zurueck' | 'ablehnen';

const DECISION_NAMES: Record<Decision, string> = { veroeffentlichen: 'published', zurueck: 'returned', ablehnen: 'rejected' };

export async function decideReportVersion(deps: Deps, admin: CurrentUser, versionId: number, decision: Decision, reason: string): Promise<string> {
  if (decision !== 'veroeffentlichen' && reason.length < 5) {
    throw new ValidationError({ begruendung: 'Bitte begründe die Entscheidung (mindestens 5 Zeichen): Die Autorin oder der Autor sieht die Begründung und bekommt sie per E-Mail.' });
  }
  const now = new Date();
  const { report, version } = await deps.prisma.$transaction(async (tx) => {
    // The version must still be waiting: of two admins deciding at once, only one decides.
    const claimed = await tx.reportVersion.updateMany({
      where: { id: versionId, status: 'SUBMITTED' },
      data: {
        status: decision === 'veroeffentlichen' ? 'PUBLISHED' : decision === 'zurueck' ? 'RETURNED' : 'REJECTED',
        decidedAt: now,
        decisionReason: reason || null,
      },
    });
    if (claimed.count !== 1) throw new NotFoundError('Diese Fassung wartet nicht (mehr) auf eine Entscheidung.');
    const version = await tx.reportVersion.findUniqueOrThrow({ where: { id: versionId }, include: { topics: true } });
    const report = await tx.report.findUniqueOrThrow({ where: { id: version.reportId }, include: { author: true } });
    const everPublished = report.publishedVersionId !== null;
    if (decision === 'veroeffentlichen') {
      if (report.publishedVersionId) await tx.reportVersion.update({ where: { id: report.publishedVersionId }, data: { status: 'SUPERSEDED' } });
      await tx.reportTopic.deleteMany({ where: { reportId: report.id } });
      await tx.report.update({
        where: { id: report.id },
        data: {
          status: 'PUBLISHED',
          title: version.title,
          summary: version.summary,
          did: version.did,
          worked: version.worked,
          didnt: version.didnt,
          tips: version.tips,
          body: version.body,
          allianceId: version.allianceId,
          state: version.state,
          place: version.place,
          periodFrom: version.periodFrom,
          periodTo: version.periodTo,
          motionKind: version.motionKind,
          reasoning: version.reasoning,
          councilLevel: version.councilLevel,
          states: version.states,
          visibility: version.visibility,
          authorDisplay: version.authorDisplay,
          publishedVersionId: version.id,
          workingVersionId: null,
          publishedAt: now,
          firstPublishedAt: report.firstPublishedAt ?? now,
          topics: { create: version.topics.map((t) => ({ topicId: t.topicId })) },
        },
      });
    } else if (!everPublished) {
      await tx.report.update({ where: { id: report.id }, data: { status: decision === 'zurueck' ? 'RETURNED' : 'REJECTED' } });
    }
    await tx.moderationDecision.create({
      data: { subjectType: 'report_version', subjectId: versionId, decision: DECISION_NAMES[decision], reason: reason || null, decidedById: admin.id },
    });
    return { report, version };
  });

  const kind = kindOf(report.type);
  const link = `${deps.baseUrl}${contributionHref(report.type, report.slug)}`;
  const hello = `Hallo ${nameForMail(report.author.name)},\n\n`;
  const thanks = report.type === 'MOTION' ? 'Danke, dass du deine Vorlage mit den anderen Bündnissen teilst!' : 'Danke, dass du deine Erfahrungen teilst!';
  const text =
    decision === 'veroeffentlichen'
      ? `${hello}${kind.your} „${version.title}“ ist jetzt veröffentlicht:\n${link}\n\n${thanks}`
      : decision === 'zurueck'
        ? `${hello}${kind.your} „${version.title}“ braucht noch eine Überarbeitung, bevor ${kind.it} veröffentlicht werden kann. Die Begründung:\n\n${reason}\n\nDu kannst ${kind.itAcc} hier bearbeiten und erneut einreichen:\n${link}/bearbeiten`
        : `${hello}${kind.your} „${version.title}“ wird nicht veröffentlicht. Die Begründung:\n\n${reason}\n\nBei Fragen wende dich bitte an die Koordinierungsgruppe.`;
  const Your = capital(kind.your);
  const subject =
    decision === 'veroeffentlichen' ? `${Your} ist veröffentlicht` : decision === 'zurueck' ? `${Your}: bitte überarbeiten` : `${Your} wird nicht veröffentlicht`;
  await deps.mailer.send({ to: report.author.email, subject, text });
  return version.title;
}

/** Takes a published report off every list, search, feed and page; its address says that it was removed. */
export async function setReportHidden(deps: Deps, admin: CurrentUser, reportId: number, hidden: boolean, reason: string): Promise<string> {
  const report = await deps.prisma.report.findUnique({ where: { id: reportId }, include: { author: true } });
  if (!report || report.status !== 'PUBLISHED') throw new NotFoundError('Diesen veröffentlichten Beitrag gibt es nicht.');
  const kind = kindOf(report.type);
  const Your = capital(kind.your);
  await deps.prisma.$transaction([
    deps.prisma.report.update({ where: { id: reportId }, data: hidden ? { hiddenAt: new Date(), hiddenReason: reason } : { hiddenAt: null, hiddenReason: null } }),
    deps.prisma.moderationDecision.create({
      data: { subjectType: 'report', subjectId: reportId, decision: hidden ? 'hidden' : 'restored', reason: reason || null, decidedById: admin.id },
    }),
  ]);
  await deps.mailer.send({
    to: report.author.email,
    subject: hidden ? `${Your} wurde ausgeblendet` : `${Your} ist wieder sichtbar`,
    text: hidden
      ? `Hallo ${nameForMail(report.author.name)},\n\n${kind.your} „${report.title}“ wurde von der Moderation ausgeblendet. Die Begründung:\n\n${reason}\n\nBei Fragen wende dich bitte an die Koordinierungsgruppe.`
      : `Hallo ${nameForMail(report.author.name)},\n\n${kind.your} „${report.title}“ ist wieder für alle sichtbar:\n${deps.baseUrl}${contributionHref(report.type, report.slug)}`,
  });
  return report.title;
}

export interface FieldChange {
  label: string;
  /** Escaped HTML with <ins>/<del> for what was added and removed. */
  html: string;
}

/** Word-level changes between the published version and a new one, field by field (only fields that changed). */
export function versionChanges(before: ReportContent, after: ReportContent): FieldChange[] {
  const describe = (c: ReportContent) => ({
    title: c.title,
    summary: c.summary,
    ...Object.fromEntries(REPORT_PARTS.map(([part]) => [part, c[part]])),
    topics: c.topics.map((t) => t.name).join(', '),
    alliance: c.alliance?.name ?? '',
    place: [c.place, c.state].filter(Boolean).join(', '),
    period: [c.periodFrom, c.periodTo].map((m) => m ?? '…').join(' – '),
    motion: [c.motionKind ?? '', c.councilLevel ?? '', c.states.join(' ')].join(' · '),
    reasoning: c.reasoning,
    visibility: c.visibility === 'PUBLIC' ? 'öffentlich' : 'nur Mitglieder',
    author: c.authorDisplay === 'PERSON' ? 'mit Namen' : 'im Namen des Bündnisses',
    attachments: c.attachments.map((a) => a.fileName).join(', '),
  });
  const labels: Record<string, string> = {
    title: 'Titel',
    summary: 'Kurzfassung',
    ...Object.fromEntries(REPORT_PARTS),
    topics: 'Themen',
    alliance: 'Bündnis',
    place: 'Ort',
    period: 'Zeitraum',
    motion: 'Art · Ebene · Bundesländer',
    reasoning: 'Begründung',
    visibility: 'Sichtbarkeit',
    author: 'Autor/in',
    attachments: 'Anhänge',
  };
  const old = describe(before) as Record<string, string>;
  const now = describe(after) as Record<string, string>;
  return Object.keys(labels)
    .filter((key) => old[key] !== now[key])
    .map((key) => ({
      label: labels[key]!,
      html: diffWords(old[key] ?? '', now[key] ?? '')
        .map((part) => (part.added ? `<ins>${escapeHtml(part.value)}</ins>` : part.removed ? `<del>${escapeHtml(part.value)}</del>` : escapeHtml(part.value)))
        .join(''),
    }));
}

/**
 * A version for the decision page, with what changed: a waiting version against the published one it would
 * replace; an earlier version against the one before it.
 */
export async function versionForDecision(deps: Pick<Services, 'pool'>, versionId: number) {
  const version = await versionContent(deps, versionId);
  const row = await selectOne<{ reportId: number; slug: string; type: 'REPORT' | 'MOTION'; publishedVersionId: number | null; previousVersionId: number | null; authorName: string; authorEmail: string }>(
    deps.pool,
    Prisma.sql`SELECT r.id AS "reportId", r.slug, r.type::text AS type, r.published_version_id AS "publishedVersionId", u.name AS "authorName", u.email AS "authorEmail",
        (SELECT p.id FROM report_versions p WHERE p.report_id = v.report_id AND p.number < v.number ORDER BY p.number DESC LIMIT 1) AS "previousVersionId"
      FROM report_versions v JOIN reports r ON r.id = v.report_id JOIN users u ON u.id = r.author_id WHERE v.id = ${versionId}`,
  );
  if (!row) throw new NotFoundError('Diese Fassung gibt es nicht.');
  const compareWith = version.status === 'SUBMITTED' ? row.publishedVersionId : row.previousVersionId;
  const before = compareWith && compareWith !== versionId ? await versionContent(deps, compareWith) : null;
  return {
    version,
    ...row,
    published: version.status === 'SUBMITTED' ? before : null,
    comparedWith: before ? { number: before.number, published: compareWith === row.publishedVersionId } : null,
    changes: before ? versionChanges(before, version) : [],
  };
}

/** Submitted versions in the moderation queue: new reports or motions, and new versions of published ones. */
function versionQueueSource(type: 'REPORT' | 'MOTION', kindName: string, newOne: string, newVersion: string): QueueSource {
  return {
    kind: kindName,
    label: kindOf(type).label,
    sql: Prisma.sql`
      SELECT v.id AS subject_id, v.title,
        CASE WHEN r.published_version_id IS NOT NULL THEN ${newVersion} ELSE ${newOne} END
          || ' von ' || u.name || coalesce(' (' || a.name || ')', '') AS detail,
        '{}'::text[] AS reasons, v.submitted_at AS since
      FROM report_versions v JOIN reports r ON r.id = v.report_id JOIN users u ON u.id = r.author_id LEFT JOIN alliances a ON a.id = v.alliance_id
      WHERE v.status = 'SUBMITTED' AND r.type = ${type}::contribution_type`,
    href: (versionId) => `${kindOf(type).reviewPath}/${versionId}`,
  };
}

export const reportQueueSource = versionQueueSource('REPORT', 'report_version', 'Neuer Bericht', 'Neue Fassung eines veröffentlichten Berichts');
export const motionQueueSource = versionQueueSource('MOTION', 'motion_version', 'Neue Vorlage', 'Neue Fassung einer veröffentlichten Vorlage');

/** The admins' mail about waiting reports: one per ten minutes at most, however many were submitted. */
export async function sendModerationDigest(deps: Pick<Services, 'prisma' | 'pool' | 'mailer' | 'baseUrl'>): Promise<void> {
  const waiting = await deps.prisma.reportVersion.findMany({
    where: { status: 'SUBMITTED' },
    orderBy: { submittedAt: 'asc' },
    select: { title: true, number: true, report: { select: { type: true } } },
    take: 50,
  });
  if (waiting.length === 0) return;
  const admins = await deps.prisma.user.findMany({ where: { role: 'ADMIN', status: 'ACTIVE' }, select: { email: true } });
  const list = waiting.map((v) => `- ${kindOf(v.report.type).label}: ${v.title}${v.number > 1 ? ' (neue Fassung)' : ''}`).join('\n');
  for (const { email } of admins) {
    await deps.mailer.send({
      to: email,
      subject: waiting.length === 1 ? 'Ein Beitrag wartet auf Freigabe' : `${waiting.length} Beiträge warten auf Freigabe`,
      text: `Diese Beiträge warten auf eine Entscheidung der Moderation:\n\n${list}\n\nZur Moderation:\n${deps.baseUrl}/admin/moderation`,
    });
  }
}
