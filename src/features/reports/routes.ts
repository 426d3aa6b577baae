// Erfahrungsberichte: list and search, the report page, writing (drafts, preview, submission), the author's own
// list, and the admins' hide/restore. Review decisions live in the moderation queue (features/moderation).
import { Router, type Request, type Response } from 'express';
import { multipartForm } from '../../lib/attachments.js';
import { AppError, ForbiddenError } from '../../lib/errors.js';
import { parseForm, parseQuery } from '../../lib/forms.js';
import { confirmed, submitForm, withQuery } from '../../lib/http.js';
import { FEDERAL_STATES } from '../../lib/states.js';
import { hasRole, requireLogin, requireRole, type CurrentUser } from '../../middleware/auth.js';
import { renderShared } from '../../middleware/shared-pages.js';
import { contentVersionOf, shownContentVersionOf } from '../../db/content-version.js';
import type { Services } from '../../services.js';
import { commentsOn } from '../comments/service.js';
import { reportFeed } from './feed.js';
import { formLocals, handleSubmission, newReportValues, renderedParts, valuesFromContent, type FormPage } from './form.js';
import { capital, kindOf, type ContributionType } from './kinds.js';
import { setReportHidden } from './moderation.js';
import { LoginRequired, myReports, reportPage, versionContent, type ReportPage } from './page.js';
import { authorLine, listReports, snippetHtml } from './read.js';
import { filterQuery, hideSchema, reportFilterSchema, STATUS_LABELS, VISIBILITY_LABELS } from './schema.js';
import { deleteUnpublishedReport } from './write.js';

/** How the routes of reports and of motions load the page they work on. */
export function contributionLoaders(deps: Services, type: ContributionType) {
  const kind = kindOf(type);

  /** The page, or a visitor sent to the login for a members-only one (and back afterwards). */
  async function loadPage(req: Request, res: Response): Promise<ReportPage | undefined> {
    try {
      return await reportPage(deps, String(req.params.slug), req.user, type, shownContentVersionOf(req));
    } catch (error) {
      if (!(error instanceof LoginRequired)) throw error;
      // The login page says that the page is for members only, and leads back here afterwards.
      res.redirect(303, `/anmelden?weiter=${encodeURIComponent(req.originalUrl)}`);
      return undefined;
    }
  }

  /** What the logged-in author edits (only the author edits; admins decide, they do not rewrite). */
  async function loadOwn(req: Request, res: Response, purpose: 'edit' | 'delete' = 'edit') {
    const page = await loadPage(req, res);
    if (!page) return undefined;
    if (page.authorId !== req.user!.id) throw new ForbiddenError(`Nur die Autorin oder der Autor kann ${kind.thisAcc} bearbeiten.`);
    if (purpose === 'edit' && page.status === 'REJECTED') {
      throw new AppError(`${capital(kind.this)} wurde abgelehnt und kann nicht mehr bearbeitet werden.`, 409);
    }
    // The author works on the version under way, or starts a new one from the published text.
    const content = page.working && page.working.status !== 'REJECTED' ? await versionContent(deps, page.working.id) : page.content;
    return { page, content };
  }

  return { loadPage, loadOwn };
}

/** Whether the logged-in person wrote one of `items` (a comment, a reported use): then a page shows them their own. */
export function appearsIn<T>(viewer: CurrentUser | undefined, items: T[], authorOf: (item: T) => number): boolean {
  return !!viewer && items.some((item) => authorOf(item) === viewer.id);
}

/** The message after saving: a first draft or submission, or a new version of something published. */
export function savedMessage(type: ContributionType, submitted: boolean, firstTime: boolean): string {
  const kind = kindOf(type);
  if (submitted) {
    return firstTime
      ? `Danke! ${capital(kind.your)} ist eingereicht. Sobald die Moderation ${kind.itAcc} freigibt, ist ${kind.it} veröffentlicht; du bekommst dann eine E-Mail.`
      : 'Die neue Fassung ist eingereicht. Bis die Moderation sie freigibt, bleibt die bisherige Fassung sichtbar.';
  }
  return firstTime
    ? 'Der Entwurf ist gespeichert. Nur du (und die Moderation) können ihn sehen.'
    : 'Die Änderungen sind als Entwurf gespeichert. Veröffentlicht bleibt die bisherige Fassung, bis du die neue einreichst und sie freigegeben ist.';
}

export function reportRoutes(deps: Services): Router {
  const router = Router();
  const upload = multipartForm(deps.uploadLimits);
  const { loadPage, loadOwn: loadOwnReport } = contributionLoaders(deps, 'REPORT');

  // The list reads the same for every member: its main part is kept (middleware/shared-pages.ts).
  router.get('/berichte', async (req, res) => {
    const filter = parseQuery(reportFilterSchema, req.query);
    await renderShared(req, res, 'reports/index', async () => {
      const result = await listReports(deps, filter, req.user, contentVersionOf(req));
      const topics = await deps.topics.all();
      const alliance = filter.buendnis
        ? await deps.prisma.alliance.findUnique({ where: { slug: filter.buendnis }, select: { name: true } })
        : null;
      const query = filterQuery(filter);
      return {
        title: filter.q ? `Berichte zu „${filter.q}“` : 'Erfahrungsberichte',
        ...result,
        filter,
        query,
        allianceName: alliance?.name,
        topics,
        topicNames: new Map(topics.map((t) => [t.id, t])),
        states: FEDERAL_STATES,
        years: Array.from({ length: new Date().getFullYear() - 2009 }, (_, i) => new Date().getFullYear() - i),
        snippetHtml,
        authorLine,
        feeds: [{ title: 'Erfahrungsberichte (Atom-Feed)', href: withQuery('/berichte.atom', query) }],
        feedHref: withQuery('/berichte.atom', query),
      };
    });
  });

  router.get('/berichte.atom', async (req, res) => {
    const filter = parseQuery(reportFilterSchema, req.query);
    res.type('application/atom+xml; charset=utf-8').send(await reportFeed(deps, filter));
  });

  const newForm = (values: Record<string, unknown>): FormPage => ({
    title: 'Neuer Erfahrungsbericht',
    action: '/berichte/neu',
    cancelHref: '/berichte/meine',
    values,
    errors: {},
    attachments: [],
    editingPublished: false,
  });

  router.get('/berichte/neu', requireLogin, async (req, res) => {
    res.render('reports/form', await formLocals(deps, newForm(await newReportValues(deps, req.user!))));
  });

  router.post('/berichte/neu', requireLogin, upload, async (req, res) => {
    const outcome = await handleSubmission(deps, req, req.user!, undefined);
    if (outcome.kind === 'form') {
      const { status, ...shown } = outcome;
      return res.status(status).render('reports/form', await formLocals(deps, { ...newForm(shown.values), ...shown }));
    }
    req.flash('success', savedMessage('REPORT', outcome.result.submitted, true));
    res.redirect(303, `/berichte/${outcome.result.slug}`);
  });

  router.get('/berichte/meine', requireLogin, async (req, res) => {
    res.render('contributions/mine', {
      title: 'Meine Berichte',
      kind: kindOf('REPORT'),
      newLabel: 'Bericht schreiben',
      emptyText: 'Du hast noch keinen Bericht geschrieben.',
      emptyHint: 'Was habt ihr vor Ort ausprobiert? Andere Bündnisse lernen davon – gerade auch aus dem, was nicht geklappt hat.',
      reports: await myReports(deps, req.user!.id),
      statusLabels: STATUS_LABELS,
    });
  });

  router.get('/berichte/:slug', async (req, res) => {
    const viewer = req.user;
    // The comments load alongside the report; they are shown only under what is published.
    const [page, allComments] = await Promise.all([
      loadPage(req, res),
      commentsOn(deps, String(req.params.slug), viewer, contentVersionOf(req)),
    ]);
    if (!page) return;
    const comments = page.unpublished ? [] : allComments;
    const isAuthor = viewer?.id === page.authorId;
    // The same page for every member who has written neither the report nor a comment on it.
    await renderShared(
      req,
      res,
      'reports/show',
      async () => ({
        title: page.content.title,
        page,
        content: page.content,
        parts: renderedParts(page.content),
        comments,
        isAuthor,
        isAdmin: hasRole(viewer, 'ADMIN'),
        kind: kindOf('REPORT'),
        statusLabels: STATUS_LABELS,
        visibilityLabels: VISIBILITY_LABELS,
        authorName: page.content.authorDisplay === 'PERSON' ? page.authorName : null,
      }),
      { formsWithToken: true, personal: isAuthor || appearsIn(viewer, comments, (c) => c.authorId) },
    );
  });

  const editForm = (page: ReportPage, values: Record<string, unknown>, attachments: FormPage['attachments']): FormPage => ({
    title: `„${page.content.title}“ bearbeiten`,
    action: `/berichte/${page.slug}/bearbeiten`,
    cancelHref: `/berichte/${page.slug}`,
    values,
    errors: {},
    attachments,
    editingPublished: !page.unpublished,
  });

  router.get('/berichte/:slug/bearbeiten', requireLogin, async (req, res) => {
    const own = await loadOwnReport(req, res);
    if (!own) return;
    const attachments = own.content.attachments.map((a) => ({ ...a, pending: false }));
    res.render('reports/form', await formLocals(deps, editForm(own.page, valuesFromContent(own.content), attachments)));
  });

  router.post('/berichte/:slug/bearbeiten', requireLogin, upload, async (req, res) => {
    const own = await loadOwnReport(req, res);
    if (!own) return;
    const outcome = await handleSubmission(deps, req, req.user!, { id: own.page.id, current: own.content.attachments });
    if (outcome.kind === 'form') {
      const { status, ...shown } = outcome;
      return res
        .status(status)
        .render('reports/form', await formLocals(deps, { ...editForm(own.page, shown.values, shown.attachments), ...shown }));
    }
    req.flash('success', savedMessage('REPORT', outcome.result.submitted, own.page.unpublished));
    res.redirect(303, `/berichte/${outcome.result.slug}`);
  });

  contributionAdminRoutes(router, deps, 'REPORT', loadOwnReport);

  return router;
}

/**
 * Routes reports and motions share: the author deletes a never-published one (after a confirmation), admins hide
 * a published one with a reason or show it again.
 */
export function contributionAdminRoutes(
  router: Router,
  deps: Services,
  type: ContributionType,
  loadOwn: (req: Request, res: Response, purpose: 'delete') => Promise<{ page: ReportPage; content: { title: string } } | undefined>,
): void {
  const admin = requireRole('ADMIN');
  const kind = kindOf(type);
  const path = kind.path;

  router.post(`${path}/:slug/loeschen`, requireLogin, async (req, res) => {
    const own = await loadOwn(req, res, 'delete');
    if (!own) return;
    const ask = {
      title: `„${own.content.title}“ löschen?`,
      question: `${capital(kind.the)} wird mit allen Fassungen und Anhängen gelöscht. Das lässt sich nicht rückgängig machen.`,
      button: `${kind.noun} endgültig löschen`,
      cancelHref: `${path}/${own.page.slug}`,
      danger: true,
    };
    if (!confirmed(req, res, ask)) return;
    await deleteUnpublishedReport(deps, req.user!, own.page.id);
    req.flash('success', `„${own.content.title}“ ist gelöscht.`);
    res.redirect(303, `${path}/meine`);
  });

  const hideLocals = (page: ReportPage) => ({ title: `„${page.content.title}“ ausblenden`, page, kind });

  router.post(`${path}/:slug/ausblenden`, admin, async (req, res) => {
    const page = await reportPage(deps, String(req.params.slug), req.user, type);
    await submitForm(
      res,
      'contributions/hide',
      () => ({ ...hideLocals(page), values: req.body }),
      async () => {
        const { begruendung } = parseForm(hideSchema, req.body);
        const title = await setReportHidden(deps, req.user!, page.id, true, begruendung);
        req.flash('success', `„${title}“ ist ausgeblendet. Die Autorin oder der Autor bekommt die Begründung per E-Mail.`);
        res.redirect(303, `${path}/${page.slug}`);
      },
    );
  });

  router.get(`${path}/:slug/ausblenden`, admin, async (req, res) => {
    const page = await reportPage(deps, String(req.params.slug), req.user, type);
    res.render('contributions/hide', { ...hideLocals(page), values: {}, errors: {} });
  });

  router.post(`${path}/:slug/einblenden`, admin, async (req, res) => {
    const page = await reportPage(deps, String(req.params.slug), req.user, type);
    const title = await setReportHidden(deps, req.user!, page.id, false, '');
    req.flash('success', `„${title}“ ist wieder sichtbar.`);
    res.redirect(303, `${path}/${page.slug}`);
  });
}
