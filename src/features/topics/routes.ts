import { Router, type Request } from 'express';
import { formValues, parseForm } from '../../lib/forms.js';
import { confirmed, orNotFound, requireIdParam, submitForm } from '../../lib/http.js';
import { sharedResults } from '../../lib/cache.js';
import { requireRole, type CurrentUser } from '../../middleware/auth.js';
import { renderShared } from '../../middleware/shared-pages.js';
import { contentVersionOf } from '../../db/content-version.js';
import type { Services } from '../../services.js';
import { newestReports } from '../reports/read.js';
import { motionViewHelpers } from '../motions/routes.js';
import { topMotions } from '../motions/read.js';
import { NETWORK_CATEGORY_LABELS } from '../networks/schema.js';
import { topicFormSchema } from './schema.js';
import { createTopic, findTopic, listTopicsForAdmin, setTopicRetired, topicPage, updateTopic } from './service.js';

const NOT_FOUND = 'Dieses Thema gibt es nicht.';

export function topicRoutes(deps: Services): Router {
  const router = Router();
  const { prisma } = deps;
  const admin = requireRole('ADMIN');

  router.get('/themen', async (_req, res) => {
    res.render('topics/index', { title: 'Themen', topics: await deps.topics.active() });
  });

  // What a topic page lists is the same for every member: kept while the content stays the same (sharedResults).
  // Visitors get the page from the page cache instead.
  const topicPages = sharedResults<Awaited<ReturnType<typeof loadTopicPage>>>(100);
  // The topic first: for an unknown slug, the lists would search all reports for it in vain.
  const loadTopicPage = async (slug: string, viewer: CurrentUser | undefined) => {
    const page = await topicPage(deps.pool, slug, !!viewer);
    return Promise.all([
      page,
      newestReports(deps.pool, viewer, { limit: 10, topicSlug: slug }),
      topMotions(deps.pool, viewer, { limit: 5, topicSlug: slug }),
    ]);
  };

  router.get('/themen/:slug', async (req, res) => {
    const slug = String(req.params.slug);
    // Members get the rendered main part kept for everyone logged in with their role (middleware/shared-pages.ts).
    await renderShared(req, res, 'topics/show', async () => {
      const [page, reports, motions] = req.user
        ? await topicPages(deps.pool, [slug], { contentVersion: contentVersionOf(req), ttlMs: 0 }, () => loadTopicPage(slug, req.user))
        : await loadTopicPage(slug, undefined);
      return { title: page.topic.name, ...page, reports, motions, ...motionViewHelpers, categoryLabels: NETWORK_CATEGORY_LABELS };
    });
  });

  // Administration of the list
  const adminPage = async (values: Record<string, unknown> = {}) => ({
    title: 'Themen verwalten',
    topics: await listTopicsForAdmin(prisma),
    values,
  });
  const loadTopic = (req: Request) => orNotFound(findTopic(prisma, requireIdParam(req, NOT_FOUND)), NOT_FOUND);

  router.get('/admin/themen', admin, async (_req, res) => {
    res.render('admin/topics', { ...(await adminPage()), errors: {} });
  });

  router.post('/admin/themen', admin, (req, res) =>
    submitForm(
      res,
      'admin/topics',
      () => adminPage(formValues(req.body)),
      async () => {
        const topic = await createTopic(prisma, parseForm(topicFormSchema, req.body));
        deps.topics.changed();
        req.flash('success', `Das Thema „${topic.name}“ ist angelegt.`);
        res.redirect(303, '/admin/themen');
      },
    ),
  );

  router.get('/admin/themen/:id/bearbeiten', admin, async (req, res) => {
    const topic = await loadTopic(req);
    res.render('admin/topic-form', { title: `Thema bearbeiten: ${topic.name}`, topic, values: topic, errors: {} });
  });

  router.post('/admin/themen/:id', admin, async (req, res) => {
    const topic = await loadTopic(req);
    await submitForm(
      res,
      'admin/topic-form',
      () => ({ title: `Thema bearbeiten: ${topic.name}`, topic, values: formValues(req.body) }),
      async () => {
        const saved = await updateTopic(prisma, topic.id, parseForm(topicFormSchema, req.body));
        deps.topics.changed();
        req.flash('success', `Das Thema „${saved.name}“ ist gespeichert.`);
        res.redirect(303, '/admin/themen');
      },
    );
  });

  router.post('/admin/themen/:id/ausmustern', admin, async (req, res) => {
    const topic = await loadTopic(req);
    const ask = {
      title: 'Thema ausmustern?',
      question: `„${topic.name}“ wird nicht mehr zur Auswahl angeboten. Bestehende Zuordnungen und die Themenseite bleiben erhalten; reaktivieren geht jederzeit.`,
      button: `„${topic.name}“ ausmustern`,
      cancelHref: '/admin/themen',
      danger: true,
    };
    if (!confirmed(req, res, ask)) return;
    await setTopicRetired(prisma, topic.id, true);
    deps.topics.changed();
    req.flash('success', `„${topic.name}“ wird nicht mehr zur Auswahl angeboten. Die Themenseite bleibt erreichbar.`);
    res.redirect(303, '/admin/themen');
  });

  router.post('/admin/themen/:id/reaktivieren', admin, async (req, res) => {
    const topic = await setTopicRetired(prisma, (await loadTopic(req)).id, false);
    deps.topics.changed();
    req.flash('success', `„${topic.name}“ wird wieder zur Auswahl angeboten.`);
    res.redirect(303, '/admin/themen');
  });

  return router;
}
