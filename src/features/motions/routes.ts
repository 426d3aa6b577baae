// Musteranträge (/antraege): list and search, the template page, writing (the shared workflow of reports),
// "Vorlage verwenden" (fill in the placeholders, print or download), "Verwendung melden", and the admins' import.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Router, type Request, type Response } from 'express';
import { multipartForm, uploadedFiles } from '../../lib/attachments.js';
import { AppError, ValidationError } from '../../lib/errors.js';
import { formValues, parseForm, parseQuery } from '../../lib/forms.js';
import { requireIdParam, sendMadeFile, submitForm, withQuery } from '../../lib/http.js';
import { FEDERAL_STATES, stateName } from '../../lib/states.js';
import { hasRole, requireLogin, requireRole } from '../../middleware/auth.js';
import { renderShared } from '../../middleware/shared-pages.js';
import { contentVersionOf } from '../../db/content-version.js';
import { DOCS_DIR } from '../../paths.js';
import type { Services } from '../../services.js';
import { commentsOn } from '../comments/service.js';
import { contributionFormOptions, handleContributionForm, type FormAttachment, type FormPage } from '../reports/form.js';
import { kindOf } from '../reports/kinds.js';
import { myReports, type ReportContent, type ReportPage } from '../reports/page.js';
import { authorLine, snippetHtml } from '../reports/read.js';
import { appearsIn, contributionAdminRoutes, contributionLoaders, savedMessage } from '../reports/routes.js';
import { STATUS_LABELS } from '../reports/schema.js';
import { addAdoption, adoptionsOf, findOwnAdoption, updateAdoption } from './adoptions.js';
import { motionSections, templateTitleHtml } from './content.js';
import { filledDocument, odtDocument, textDocument } from './documents.js';
import { filledDocx } from './docx-frames.js';
import { motionFeed } from './feed.js';
import {
  decodeFile,
  IMPORT_COLUMNS,
  IMPORT_MAX_BYTES,
  importFormSchema,
  planImport,
  readRecords,
  recentImports,
  runImport,
} from './import.js';
import { fillText, missingNames, placeholderNames, scanPlaceholders } from './placeholders.js';
import { listMotions, motionFacts, motionQuery, successLine } from './read.js';
import {
  ADOPTION_RESULTS,
  adoptionSchema,
  COUNCIL_LEVELS,
  MOTION_KINDS,
  MOTION_SORTS,
  motionFilterSchema,
  motionFormSchema,
  useFormatSchema,
} from './schema.js';
import { rememberedValues, rememberValues, sentValues, valueField } from './template-values.js';
import { motionVersionData, saveMotion } from './write.js';

const KIND = kindOf('MOTION');
/** The example import file (also linked from the README). */
const EXAMPLE_FILE = path.join(DOCS_DIR, 'antraege-beispiel.csv');
const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const ODT_TYPE = 'application/vnd.oasis.opendocument.text';

export const motionViewHelpers = {
  templateTitleHtml,
  motionKinds: MOTION_KINDS,
  councilLevels: COUNCIL_LEVELS,
  adoptionResults: ADOPTION_RESULTS,
  motionFacts,
  successLine,
  stateName,
  kind: KIND,
};

export function motionRoutes(deps: Services): Router {
  const router = Router();
  const upload = multipartForm(deps.uploadLimits);
  const admin = requireRole('ADMIN');

  const { loadPage, loadOwn } = contributionLoaders(deps, 'MOTION');

  /** A published motion for using and reporting back (drafts have no uses). */
  async function loadPublished(req: Request, res: Response): Promise<ReportPage | undefined> {
    const page = await loadPage(req, res);
    if (page?.unpublished) throw new AppError('Diese Vorlage ist noch nicht veröffentlicht.', 409);
    return page;
  }

  // The list reads the same for every member (an admin sees the import button): its main part is kept
  // (middleware/shared-pages.ts).
  router.get('/antraege', async (req, res) => {
    const filter = parseQuery(motionFilterSchema, req.query);
    await renderShared(req, res, 'motions/index', async () => {
      const [result, topics] = await Promise.all([listMotions(deps, filter, req.user, contentVersionOf(req)), deps.topics.all()]);
      const alliance = filter.buendnis
        ? await deps.prisma.alliance.findUnique({ where: { slug: filter.buendnis }, select: { name: true } })
        : null;
      const query = motionQuery(filter);
      const feedHref = withQuery('/antraege.atom', query);
      return {
        title: filter.q ? `Vorlagen zu „${filter.q}“` : 'Musteranträge',
        ...result,
        ...motionViewHelpers,
        filter,
        query,
        allianceName: alliance?.name,
        topics,
        states: FEDERAL_STATES,
        sorts: MOTION_SORTS,
        snippetHtml,
        authorLine,
        feeds: [{ title: 'Musteranträge (Atom-Feed)', href: feedHref }],
        feedHref,
      };
    });
  });

  router.get('/antraege.atom', async (req, res) => {
    res.type('application/atom+xml; charset=utf-8').send(await motionFeed(deps, parseQuery(motionFilterSchema, req.query)));
  });

  // Writing: the form, preview, drafts and submission work as for reports.
  const formLocals = async (page: FormPage<unknown>) => {
    const values = page.values as Record<string, string>;
    return {
      ...page,
      ...motionViewHelpers,
      placeholders: scanPlaceholders(String(values.title ?? ''), String(values.body ?? ''), String(values.reasoning ?? '')),
      ...(await contributionFormOptions(deps)),
    };
  };

  const preview = async (input: Parameters<typeof motionVersionData>[0], attachments: FormAttachment[] | ReportContent['attachments']) => {
    const alliance = input.allianceId
      ? await deps.prisma.alliance.findUnique({ where: { id: input.allianceId }, select: { id: true, slug: true, name: true } })
      : null;
    const topics = (await deps.topics.all()).filter((t) => input.topicIds.includes(t.id)).map(({ id, slug, name }) => ({ id, slug, name }));
    const { allianceId: _a, ...fields } = motionVersionData(input);
    const content = {
      ...fields,
      did: '',
      worked: '',
      didnt: '',
      tips: '',
      place: null,
      state: null,
      periodFrom: null,
      periodTo: null,
      alliance,
      topics,
      attachments,
    };
    return { ...content, sections: motionSections(content) };
  };

  const submission = (req: Request, motion: { id: number; current: ReportContent['attachments'] } | undefined) =>
    handleContributionForm(deps, req, req.user!, motion?.current ?? [], {
      schema: motionFormSchema,
      preview,
      save: (input, action, attachments) => saveMotion(deps, req.user!, motion?.id, input, action, attachments),
    });

  const newForm = (values: Record<string, unknown>) => ({
    title: 'Neue Vorlage',
    action: '/antraege/neu',
    cancelHref: '/antraege/meine',
    values,
    errors: {},
    attachments: [] as FormAttachment[],
    editingPublished: false,
  });

  router.get('/antraege/neu', requireLogin, async (req, res) => {
    const values = {
      allianceId: req.user!.allianceId ?? '',
      visibility: 'PUBLIC',
      authorDisplay: 'ALLIANCE',
      motionKind: 'ANTRAG',
      topicIds: [],
      states: [],
    };
    res.render('motions/form', await formLocals(newForm(values)));
  });

  router.post('/antraege/neu', requireLogin, upload, async (req, res) => {
    const outcome = await submission(req, undefined);
    if (outcome.kind === 'form') {
      const { status, ...shown } = outcome;
      return res.status(status).render('motions/form', await formLocals({ ...newForm(shown.values), ...shown }));
    }
    req.flash('success', savedMessage('MOTION', outcome.result.submitted, true));
    res.redirect(303, `/antraege/${outcome.result.slug}`);
  });

  router.get('/antraege/meine', requireLogin, async (req, res) => {
    res.render('contributions/mine', {
      title: 'Meine Vorlagen',
      kind: KIND,
      newLabel: 'Vorlage einstellen',
      emptyText: 'Du hast noch keine Vorlage eingestellt.',
      emptyHint:
        'Ein Antrag oder eine Anfrage, die bei euch funktioniert hat, hilft anderen Bündnissen, gut vorbereitet in die nächste Sitzung zu gehen.',
      reports: await myReports(deps, req.user!.id, 'MOTION'),
      statusLabels: STATUS_LABELS,
    });
  });

  router.get('/antraege/:slug', async (req, res) => {
    const viewer = req.user;
    const [page, allComments] = await Promise.all([
      loadPage(req, res),
      commentsOn(deps, String(req.params.slug), viewer, contentVersionOf(req)),
    ]);
    if (!page) return;
    const adoptions = page.unpublished ? [] : await adoptionsOf(deps, page.id, contentVersionOf(req));
    const comments = page.unpublished ? [] : allComments;
    const isAuthor = viewer?.id === page.authorId;
    // The same page for every member who has not written the motion, a comment or a reported use shown on it.
    const personal = isAuthor || appearsIn(viewer, comments, (c) => c.authorId) || appearsIn(viewer, adoptions, (a) => a.reporterId);
    await renderShared(
      req,
      res,
      'motions/show',
      async () => ({
        title: page.content.title,
        page,
        content: page.content,
        sections: motionSections(page.content),
        placeholders: placeholderNames(page.content.title, page.content.body, page.content.reasoning),
        comments,
        adoptions,
        success: successLine(page.uses),
        useCount: page.uses.useCount,
        isAuthor,
        isAdmin: hasRole(viewer, 'ADMIN'),
        statusLabels: STATUS_LABELS,
        authorName: page.content.authorDisplay === 'PERSON' ? page.authorName : null,
        ...motionViewHelpers,
      }),
      { formsWithToken: true, personal },
    );
  });

  const editForm = (page: ReportPage, values: Record<string, unknown>, attachments: FormAttachment[]) => ({
    title: `„${page.content.title}“ bearbeiten`,
    action: `/antraege/${page.slug}/bearbeiten`,
    cancelHref: `/antraege/${page.slug}`,
    values,
    errors: {},
    attachments,
    editingPublished: !page.unpublished,
  });

  router.get('/antraege/:slug/bearbeiten', requireLogin, async (req, res) => {
    const own = await loadOwn(req, res);
    if (!own) return;
    const c = own.content;
    const values = {
      title: c.title,
      motionKind: c.motionKind ?? 'ANTRAG',
      summary: c.summary,
      body: c.body,
      reasoning: c.reasoning,
      councilLevel: c.councilLevel ?? '',
      states: c.states,
      allianceId: c.alliance?.id ?? '',
      topicIds: c.topics.map((t) => t.id),
      visibility: c.visibility,
      authorDisplay: c.authorDisplay,
    };
    res.render(
      'motions/form',
      await formLocals(
        editForm(
          own.page,
          values,
          c.attachments.map((a) => ({ ...a, pending: false })),
        ),
      ),
    );
  });

  router.post('/antraege/:slug/bearbeiten', requireLogin, upload, async (req, res) => {
    const own = await loadOwn(req, res);
    if (!own) return;
    const outcome = await submission(req, { id: own.page.id, current: own.content.attachments });
    if (outcome.kind === 'form') {
      const { status, ...shown } = outcome;
      return res
        .status(status)
        .render('motions/form', await formLocals({ ...editForm(own.page, shown.values, shown.attachments), ...shown }));
    }
    req.flash('success', savedMessage('MOTION', outcome.result.submitted, own.page.unpublished));
    res.redirect(303, `/antraege/${outcome.result.slug}`);
  });

  contributionAdminRoutes(router, deps, 'MOTION', loadOwn);

  // "Vorlage verwenden": visitors fill in with a GET form (nothing is stored); members send theirs with POST,
  // and their values are remembered for the next template.
  async function useTemplate(req: Request, res: Response, source: unknown, remember: boolean) {
    const page = await loadPublished(req, res);
    if (!page) return;
    const content = page.content;
    const names = placeholderNames(content.title, content.body, content.reasoning);
    const format = parseQuery(useFormatSchema, source).format;
    const subtitle = motionFacts(content);
    if (!format) {
      // Values sent back from the result page (visitors: in the address) come first, then the remembered ones.
      const sent = sentValues(source, names);
      const remembered = req.user ? await rememberedValues(deps, req.user.id) : {};
      const values = Object.fromEntries(names.map((n) => [valueField(n), sent[n] ?? remembered[n] ?? '']));
      return res.render('motions/use', {
        title: `Vorlage verwenden: ${content.title}`,
        page,
        content,
        names,
        values,
        errors: {},
        valueField,
        ...motionViewHelpers,
      });
    }
    const values = sentValues(source, names);
    if (remember && req.user) await rememberValues(deps, req.user.id, values);
    // Each format builds only what it shows: the page renders HTML, the documents their block model.
    const fileBase = page.slug.slice(0, 60);
    if (format === 'txt') return sendMadeFile(res, `${fileBase}.txt`, 'text/plain; charset=utf-8', textDocument(content, subtitle, values));
    if (format === 'docx') return sendMadeFile(res, `${fileBase}.docx`, DOCX_TYPE, await filledDocx(content, subtitle, values, names));
    if (format === 'odt')
      return sendMadeFile(res, `${fileBase}.odt`, ODT_TYPE, await odtDocument(filledDocument(content, subtitle, values, names)));
    const filledTitle = fillText(content.title, values);
    res.render('motions/filled', {
      title: filledTitle,
      page,
      filledTitle,
      missing: missingNames(names, values),
      subtitle,
      sections: motionSections(content, values),
      names,
      values,
      valueField,
      method: remember ? 'post' : 'get',
      ...motionViewHelpers,
    });
  }

  router.get('/antraege/:slug/verwenden', async (req, res) => useTemplate(req, res, req.query, false));
  router.post('/antraege/:slug/verwenden', requireLogin, async (req, res) => useTemplate(req, res, req.body, true));

  // "Verwendung melden"
  const adoptionLocals = (page: ReportPage, extra: Record<string, unknown>) => ({
    page,
    results: Object.entries(ADOPTION_RESULTS),
    ...extra,
  });

  router.get('/antraege/:slug/verwendungen/neu', requireLogin, async (req, res) => {
    const page = await loadPublished(req, res);
    if (!page) return;
    res.render(
      'motions/adoption-form',
      adoptionLocals(page, { title: 'Verwendung melden', action: `/antraege/${page.slug}/verwendungen/neu`, values: {}, errors: {} }),
    );
  });

  router.post('/antraege/:slug/verwendungen/neu', requireLogin, async (req, res) => {
    const page = await loadPublished(req, res);
    if (!page) return;
    await submitForm(
      res,
      'motions/adoption-form',
      () =>
        adoptionLocals(page, {
          title: 'Verwendung melden',
          action: `/antraege/${page.slug}/verwendungen/neu`,
          values: formValues(req.body),
        }),
      async () => {
        await deps.limits.action('reportSave', { ip: req.ip ?? 'unknown', account: req.user!.id });
        const id = await addAdoption(deps, req.user!, page.id, parseForm(adoptionSchema, req.body));
        req.flash(
          'success',
          'Danke! Deine Rückmeldung steht jetzt bei der Vorlage. Ist das Ergebnis noch offen, kannst du es später ergänzen.',
        );
        res.redirect(303, `/antraege/${page.slug}#verwendung-${id}`);
      },
    );
  });

  router.get('/antraege/:slug/verwendungen/:id/bearbeiten', requireLogin, async (req, res) => {
    const page = await loadPublished(req, res);
    if (!page) return;
    const adoption = await findOwnAdoption(deps, req.user!, requireIdParam(req, 'Diese Verwendung gibt es nicht.'), page.id);
    const values = {
      municipality: adoption.municipality,
      body: adoption.body,
      adoptedOn: adoption.adoptedOn ? adoption.adoptedOn.toISOString().slice(0, 10) : '',
      result: adoption.result,
      recordUrl: adoption.recordUrl ?? '',
      note: adoption.note ?? '',
    };
    res.render('motions/adoption-form', adoptionLocals(page, { title: 'Verwendung ändern', action: req.originalUrl, values, errors: {} }));
  });

  router.post('/antraege/:slug/verwendungen/:id/bearbeiten', requireLogin, async (req, res) => {
    const page = await loadPublished(req, res);
    if (!page) return;
    const adoptionId = requireIdParam(req, 'Diese Verwendung gibt es nicht.');
    const own = await findOwnAdoption(deps, req.user!, adoptionId, page.id);
    await submitForm(
      res,
      'motions/adoption-form',
      () => adoptionLocals(page, { title: 'Verwendung ändern', action: req.originalUrl, values: formValues(req.body) }),
      async () => {
        await updateAdoption(deps, own, parseForm(adoptionSchema, req.body));
        req.flash('success', 'Die Verwendung ist geändert.');
        res.redirect(303, `/antraege/${page.slug}#verwendung-${adoptionId}`);
      },
    );
  });

  // Import of existing collections (admins). The file is read in memory; a dry run comes first.
  // One file, read in memory (not stored); a larger one arrives marked as too large.
  const importUpload = multipartForm({ fileBytes: IMPORT_MAX_BYTES, totalBytes: IMPORT_MAX_BYTES, files: 1 }, 'datei');
  const importLocals = async (extra: Record<string, unknown>) => ({
    title: 'Musteranträge importieren',
    ...motionViewHelpers,
    columns: IMPORT_COLUMNS,
    imports: await recentImports(deps),
    values: {},
    errors: {},
    ...extra,
  });

  router.get('/admin/antraege/import/beispiel.csv', admin, (_req, res) => {
    res.attachment('antraege-beispiel.csv').type('text/csv; charset=utf-8').send(readFileSync(EXAMPLE_FILE));
  });

  router.get('/admin/antraege/import', admin, async (_req, res) => {
    res.render('motions/import', await importLocals({}));
  });

  router.post('/admin/antraege/import', admin, importUpload, async (req, res) => {
    const values = formValues(req.body, ['datei']);
    const fail = async (errors: Record<string, string>) => res.status(422).render('motions/import', await importLocals({ values, errors }));
    try {
      if (req.uploadProblem) return await fail({ datei: req.uploadProblem });
      const { quelle } = parseForm(importFormSchema, req.body);
      const file = uploadedFiles(req)[0];
      if (file?.tooLarge) return await fail({ datei: `Die Datei ist größer als ${IMPORT_MAX_BYTES / 1024 / 1024} MB.` });
      if (!file || file.size === 0) return await fail({ datei: 'Bitte eine CSV- oder JSON-Datei wählen.' });
      const fileName = file.originalname.normalize('NFC').slice(0, 200);
      const plan = await planImport(deps, readRecords(decodeFile(file.buffer), fileName));
      const run = (req.body as Record<string, unknown>).aktion === 'importieren';
      if (run && plan.invalid.length === 0) {
        await runImport(deps, req.user!, plan, { fileName, sourceName: quelle });
        req.flash(
          'success',
          `Import abgeschlossen: ${plan.create.length} Vorlagen neu angelegt, ${plan.matched.length} waren schon vorhanden.`,
        );
        return res.redirect(303, '/admin/antraege/import');
      }
      res.status(plan.invalid.length ? 422 : 200).render('motions/import', await importLocals({ values, plan, fileName, ran: run }));
    } catch (error) {
      if (error instanceof ValidationError) return await fail(error.fieldErrors);
      throw error;
    }
  });

  return router;
}
