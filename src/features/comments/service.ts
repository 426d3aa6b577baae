// Discussion under published reports (KOG principle 5: comradely, factual, democratic debate). Approved members
// comment in limited Markdown; authors may correct their comment for 15 minutes, after that it stays as written.
import { Prisma } from '../../db/database.js';
import { select } from '../../db/sql.js';
import { sharedResults } from '../../lib/cache.js';
import { AppError, ForbiddenError, NotFoundError } from '../../lib/errors.js';
import { nameForMail } from '../../lib/mail.js';
import { renderCommentMarkdown } from '../../lib/markdown.js';
import { hasRole, type CurrentUser } from '../../middleware/auth.js';
import { contributionHref, kindOf } from '../reports/kinds.js';
import type { Services } from '../../services.js';
import { enqueueDigest } from '../../jobs/queue.js';

export const EDIT_WINDOW_MS = 15 * 60_000;

export interface CommentView {
  id: number;
  authorName: string;
  authorId: number;
  html: string;
  createdAt: Date;
  editedAt: Date | null;
  hidden: boolean;
  hiddenReason: string | null;
  /** The viewer may still correct it (own comment, within 15 minutes). */
  editable: boolean;
}

export function canEditComment(viewer: CurrentUser | undefined, comment: { authorId: number; createdAt: Date; hiddenAt?: Date | null }, now = Date.now()): boolean {
  return !!viewer && viewer.id === comment.authorId && !comment.hiddenAt && now - comment.createdAt.getTime() < EDIT_WINDOW_MS;
}

type CommentRow = { id: number; authorId: number; authorName: string; body: string; createdAt: Date; editedAt: Date | null; hiddenAt: Date | null; hiddenReason: string | null };

/**
 * The comments under a report as stored, with their text as HTML: the same for everyone, kept while the content stays
 * the same (sharedResults).
 */
const commentRows = sharedResults<(CommentRow & { html: string })[]>(1000);

/**
 * The comments under a report (by id, or by slug so the page can load them alongside the report), oldest first;
 * hidden ones keep their place but not their text (admins see it). With the request's content version the stored
 * comments may come from memory; who may edit which is decided per request.
 */
export async function commentsOn(
  deps: Pick<Services, 'pool'>,
  report: number | string,
  viewer: CurrentUser | undefined,
  contentVersion?: number,
): Promise<CommentView[]> {
  const reportId = typeof report === 'number' ? Prisma.sql`${report}` : Prisma.sql`(SELECT id FROM reports WHERE slug = ${report})`;
  const rows = await commentRows(deps.pool, [report], { contentVersion, ttlMs: 0 }, async () => {
    const stored = await select<CommentRow>(
      deps.pool,
      Prisma.sql`SELECT c.id, c.author_id AS "authorId", u.name AS "authorName", c.body, c.created_at AS "createdAt", c.edited_at AS "editedAt",
          c.hidden_at AS "hiddenAt", c.hidden_reason AS "hiddenReason"
        FROM comments c JOIN users u ON u.id = c.author_id WHERE c.report_id = ${reportId} ORDER BY c.created_at, c.id`,
    );
    return stored.map((c) => ({ ...c, html: renderCommentMarkdown(c.body) }));
  });
  const admin = hasRole(viewer, 'ADMIN');
  return rows.map((c) => ({
    id: c.id,
    authorId: c.authorId,
    authorName: c.authorName,
    html: c.hiddenAt && !admin ? '' : c.html,
    createdAt: c.createdAt,
    editedAt: c.editedAt,
    hidden: !!c.hiddenAt,
    hiddenReason: c.hiddenReason,
    editable: canEditComment(viewer, c),
  }));
}

async function commentableReport(deps: Pick<Services, 'prisma'>, reportId: number) {
  const report = await deps.prisma.report.findUnique({ where: { id: reportId }, include: { author: true } });
  if (!report || report.status !== 'PUBLISHED' || report.hiddenAt) throw new NotFoundError('Diesen Beitrag gibt es nicht (mehr).');
  return report;
}

/** Mails about new comments on a report are collected for five minutes: a lively discussion sends one mail, not ten. */
const NOTIFY_WINDOW_MS = 5 * 60_000;

export async function addComment(
  deps: Pick<Services, 'prisma' | 'limits' | 'nudgeWorker'>,
  author: CurrentUser,
  reportId: number,
  body: string,
  ip: string,
): Promise<number> {
  const report = await commentableReport(deps, reportId);
  await deps.limits.action('comment', { ip, account: author.id });
  const comment = await deps.prisma.$transaction(async (tx) => {
    const created = await tx.comment.create({ data: { reportId, authorId: author.id, body } });
    if (report.authorId !== author.id) await enqueueDigest(tx, 'comments.notify-author', `comments-notify:${reportId}`, { reportId }, NOTIFY_WINDOW_MS);
    return created;
  });
  deps.nudgeWorker();
  return comment.id;
}

/** Worker: one mail to the report's author about the comments of one window (if they want such mails). */
export async function notifyAuthorOfComments(deps: Pick<Services, 'prisma' | 'mailer' | 'baseUrl'>, payload: Record<string, unknown>): Promise<void> {
  const report = await deps.prisma.report.findUnique({ where: { id: Number(payload.reportId) }, include: { author: true } });
  if (!report || !report.author.notifyComments || report.author.status !== 'ACTIVE' || report.hiddenAt) return;
  const comments = await deps.prisma.comment.findMany({
    where: {
      reportId: report.id,
      authorId: { not: report.authorId },
      hiddenAt: null,
      createdAt: { gte: new Date(String(payload.from)), lt: new Date(String(payload.until)) },
    },
    orderBy: { createdAt: 'asc' },
    include: { author: { select: { name: true } } },
  });
  if (comments.length === 0) return;
  const names = [...new Set(comments.map((c) => nameForMail(c.author.name)))].join(', ');
  await deps.mailer.send({
    to: report.author.email,
    subject: comments.length === 1 ? `Neuer Kommentar zu „${report.title}“` : `${comments.length} neue Kommentare zu „${report.title}“`,
    text:
      `Hallo ${nameForMail(report.author.name)},\n\n${names} ${comments.length === 1 ? 'hat' : 'haben'} ${kindOf(report.type).yourAcc} „${report.title}“ kommentiert:\n` +
      `${deps.baseUrl}${contributionHref(report.type, report.slug)}#kommentar-${comments[0]!.id}\n\n` +
      `Diese Benachrichtigungen kannst du in deinem Konto abschalten: ${deps.baseUrl}/konto#benachrichtigungen`,
  });
}

export async function editComment(deps: Pick<Services, 'prisma'>, editor: CurrentUser, commentId: number, body: string): Promise<void> {
  const comment = await deps.prisma.comment.findUnique({ where: { id: commentId } });
  if (!comment) throw new NotFoundError('Diesen Kommentar gibt es nicht.');
  if (comment.authorId !== editor.id) throw new ForbiddenError('Nur wer einen Kommentar geschrieben hat, kann ihn ändern.');
  if (!canEditComment(editor, comment)) {
    throw new AppError('Ein Kommentar lässt sich nur in den ersten 15 Minuten ändern. Danach bleibt er, wie er ist – du kannst einen neuen schreiben.', 409);
  }
  // The window is checked again in the update: a request that arrives a moment too late changes nothing.
  const changed = await deps.prisma.comment.updateMany({
    where: { id: commentId, authorId: editor.id, hiddenAt: null, createdAt: { gt: new Date(Date.now() - EDIT_WINDOW_MS) } },
    data: { body, editedAt: new Date() },
  });
  if (changed.count !== 1) throw new AppError('Die 15 Minuten zum Ändern sind gerade abgelaufen.', 409);
}

export async function findComment(deps: Pick<Services, 'prisma'>, commentId: number) {
  const comment = await deps.prisma.comment.findUnique({ where: { id: commentId }, include: { report: { select: { id: true, slug: true, title: true, type: true } } } });
  if (!comment?.report) throw new NotFoundError('Diesen Kommentar gibt es nicht.');
  return comment;
}

/** An admin hides a comment (its place stays, its text is gone for readers) or shows it again; the author is told. */
export async function setCommentHidden(
  deps: Pick<Services, 'prisma' | 'mailer' | 'baseUrl'>,
  tx: Pick<Services['prisma'], 'comment'>,
  commentId: number,
  hidden: boolean,
  reason: string,
): Promise<void> {
  const comment = await tx.comment.update({
    where: { id: commentId },
    data: hidden ? { hiddenAt: new Date(), hiddenReason: reason } : { hiddenAt: null, hiddenReason: null },
    include: { author: true, report: { select: { title: true, slug: true, type: true } } },
  });
  if (hidden && comment.report) {
    await deps.mailer.send({
      to: comment.author.email,
      subject: 'Dein Kommentar wurde ausgeblendet',
      text:
        `Hallo ${nameForMail(comment.author.name)},\n\ndein Kommentar zu „${comment.report.title}“ wurde von der Moderation ausgeblendet. Die Begründung:\n\n${reason}\n\n` +
        `${deps.baseUrl}${contributionHref(comment.report.type, comment.report.slug)}#kommentar-${comment.id}\n\nBei Fragen wende dich bitte an die Koordinierungsgruppe.`,
    });
  }
}
