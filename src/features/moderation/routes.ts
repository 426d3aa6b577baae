// /admin/moderation: the queue, the decision pages for report versions and for flagged content, and the
// count of waiting entries that admins see in the navigation.
import { Router, type NextFunction, type Request, type Response } from 'express';
import { z } from 'zod';
import { Prisma } from '../../db/database.js';
import { select } from '../../db/sql.js';
import { NotFoundError } from '../../lib/errors.js';
import { renderCommentMarkdown } from '../../lib/markdown.js';
import { choice, longText, pageParam } from '../../lib/fields.js';
import { formValues, parseForm, parseQuery } from '../../lib/forms.js';
import { requireIdParam, submitForm } from '../../lib/http.js';
import { hasRole, requireRole } from '../../middleware/auth.js';
import type { Services } from '../../services.js';
import { commentsOn, findComment } from '../comments/service.js';
import { decideFlags, FLAG_REASONS, openFlags, type FlagSubject } from '../flags/service.js';
import { renderedParts } from '../reports/form.js';
import { decideReportVersion, setReportHidden, versionForDecision } from '../reports/moderation.js';
import { capital, kindOf } from '../reports/kinds.js';
import { reportPage } from '../reports/page.js';
import { motionSections } from '../motions/content.js';
import { motionViewHelpers } from '../motions/routes.js';
import { decisionSchema } from '../reports/schema.js';
import { DECISION_LABELS, moderationQueue, queueSize, recentDecisions } from './queue.js';
import { QUEUE_SOURCES } from './sources.js';

const flagDecisionSchema = z.object({
  aktion: choice(['zurueckweisen', 'ausblenden', 'einblenden'], 'Bitte eine Entscheidung wählen.'),
  begruendung: longText(2000),
});

const SUBJECT_TYPES = { bericht: 'report', kommentar: 'comment' } as const;

/** Admins see how many entries wait, in the header and the admin navigation. */
export function moderationCount(deps: Pick<Services, 'pool'>) {
  return async (req: Request, res: Response, next: NextFunction) => {
    if (hasRole(req.user, 'ADMIN') && req.method === 'GET') res.locals.moderationCount = await queueSize(deps.pool, QUEUE_SOURCES);
    next();
  };
}

const pageQuerySchema = z.object({ seite: pageParam });

export function moderationRoutes(deps: Services): Router {
  const router = Router();
  const admin = requireRole('ADMIN');

  router.get('/admin/moderation', admin, async (req, res) => {
    const page = parseQuery(pageQuerySchema, req.query).seite;
    res.render('moderation/index', {
      title: 'Moderation',
      ...(await moderationQueue(deps.pool, QUEUE_SOURCES, page)),
      page,
      decisions: await recentDecisions(deps.pool, 15),
      decisionLabels: DECISION_LABELS,
      reasonLabels: FLAG_REASONS,
    });
  });

  /** The history of a report: every version with its decision (for the decision page). */
  const versionHistory = (reportId: number) =>
    select<{
      id: number;
      number: number;
      status: string;
      submittedAt: Date | null;
      decidedAt: Date | null;
      decisionReason: string | null;
      createdAt: Date;
    }>(
      deps.pool,
      Prisma.sql`SELECT id, number, status::text AS status, submitted_at AS "submittedAt", decided_at AS "decidedAt", decision_reason AS "decisionReason",
        created_at AS "createdAt" FROM report_versions WHERE report_id = ${reportId} ORDER BY number DESC`,
    );

  const versionLocals = async (versionId: number) => {
    const found = await versionForDecision(deps, versionId);
    return {
      title: `${found.type === 'MOTION' ? 'Vorlage' : 'Bericht'} prüfen: ${found.version.title}`,
      ...motionViewHelpers,
      ...found,
      kind: kindOf(found.type),
      parts: renderedParts(found.version),
      motionSections: found.type === 'MOTION' ? motionSections(found.version) : [],
      history: await versionHistory(found.reportId),
    };
  };

  // Versions of reports and of model motions are decided alike (version ids are shared; each kind has its address).
  for (const reviewPath of ['/admin/moderation/berichte/:id', '/admin/moderation/antraege/:id']) {
    router.get(reviewPath, admin, async (req, res) => {
      res.render('moderation/report-version', {
        ...(await versionLocals(requireIdParam(req, 'Diese Fassung gibt es nicht.'))),
        values: {},
        errors: {},
      });
    });

    router.post(reviewPath, admin, async (req, res) => {
      const versionId = requireIdParam(req, 'Diese Fassung gibt es nicht.');
      await submitForm(
        res,
        'moderation/report-version',
        async () => ({ ...(await versionLocals(versionId)), values: formValues(req.body) }),
        async () => {
          const { entscheidung, begruendung } = parseForm(decisionSchema, req.body);
          const title = await decideReportVersion(deps, req.user!, versionId, entscheidung, begruendung);
          const done = {
            veroeffentlichen: 'ist veröffentlicht',
            zurueck: 'ist zur Überarbeitung zurückgegeben',
            ablehnen: 'ist abgelehnt',
          }[entscheidung];
          req.flash('success', `„${title}“ ${done}. Die Autorin oder der Autor bekommt eine E-Mail.`);
          res.redirect(303, '/admin/moderation');
        },
      );
    });
  }

  /** A flagged (or any) report or comment with its open flags. */
  async function flaggedItem(req: Request) {
    const type = SUBJECT_TYPES[String(req.params.type) as keyof typeof SUBJECT_TYPES];
    const id = requireIdParam(req, 'Diesen Beitrag gibt es nicht.');
    if (!type) throw new NotFoundError();
    const subject: FlagSubject = { type, id };
    const flags = await openFlags(deps, subject);
    if (type === 'report') {
      const row = await deps.prisma.report.findUnique({ where: { id }, select: { slug: true } });
      if (!row) throw new NotFoundError('Diesen Beitrag gibt es nicht.');
      const page = await reportPage(deps, row.slug, req.user, undefined);
      const parts = page.type === 'MOTION' ? motionSections(page.content) : renderedParts(page.content);
      return { subject, flags, report: page, kind: kindOf(page.type), parts, comment: undefined };
    }
    const comment = await findComment(deps, id);
    const page = await reportPage(deps, comment.report!.slug, req.user, undefined);
    const shown = (await commentsOn(deps, page.id, req.user)).find((c) => c.id === id)!;
    return {
      subject,
      flags,
      report: page,
      kind: kindOf(page.type),
      parts: [],
      comment: { ...shown, html: renderCommentMarkdown(comment.body) },
    };
  }

  const flagLocals = async (req: Request) => ({
    title: 'Meldungen prüfen',
    ...(await flaggedItem(req)),
    reasonLabels: FLAG_REASONS,
    action: req.originalUrl,
  });

  router.get('/admin/moderation/meldungen/:type/:id', admin, async (req, res) => {
    res.render('moderation/flags', { ...(await flagLocals(req)), values: {}, errors: {} });
  });

  router.post('/admin/moderation/meldungen/:type/:id', admin, async (req, res) => {
    const found = await flaggedItem(req);
    await submitForm(
      res,
      'moderation/flags',
      async () => ({ ...(await flagLocals(req)), values: formValues(req.body) }),
      async () => {
        const { aktion, begruendung } = parseForm(flagDecisionSchema, req.body);
        await decideFlags(deps, req.user!, found.subject, aktion, begruendung, (reason) =>
          setReportHidden(deps, req.user!, found.subject.id, true, reason),
        );
        const what = found.subject.type === 'report' ? capital(found.kind.the) : 'Der Kommentar';
        const done = {
          zurueckweisen: 'Die Meldungen sind zurückgewiesen.',
          ausblenden: `${what} ist ausgeblendet.`,
          einblenden: `${what} ist wieder sichtbar.`,
        }[aktion];
        req.flash('success', done);
        res.redirect(303, '/admin/moderation');
      },
    );
  });

  return router;
}
