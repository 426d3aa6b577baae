import { Router, type Request } from 'express';
import type { PrismaClient } from '../../db/database.js';
import { NotFoundError } from '../../lib/errors.js';
import { formValues, parseForm } from '../../lib/forms.js';
import { idParam, submitForm } from '../../lib/http.js';
import { requireRole } from '../../middleware/auth.js';
import { NETWORK_CATEGORY_LABELS } from '../networks/schema.js';
import { topicFormSchema } from './schema.js';
import { activeTopics, createTopic, listTopicsForAdmin, setTopicRetired, topicPage, updateTopic } from './service.js';

export function topicRoutes(deps: { prisma: PrismaClient }): Router {
  const router = Router();
  const { prisma } = deps;

  router.get('/themen', async (_req, res) => {
    res.render('topics/index', { title: 'Themen', topics: await activeTopics(prisma) });
  });

  router.get('/themen/:slug', async (req, res) => {
    const page = await topicPage(prisma, req.params.slug, !!req.user);
    res.render('topics/show', { title: page.topic.name, ...page, categoryLabels: NETWORK_CATEGORY_LABELS });
  });

  // Administration of the list
  router.use('/admin/themen', requireRole('ADMIN'));
  const adminPage = async (values: Record<string, unknown> = {}) => ({
    title: 'Themen verwalten',
    topics: await listTopicsForAdmin(prisma),
    values,
  });

  router.get('/admin/themen', async (_req, res) => {
    res.render('admin/topics', { ...(await adminPage()), errors: {} });
  });

  router.post('/admin/themen', (req, res) =>
    submitForm(
      res,
      'admin/topics',
      () => adminPage(formValues(req.body)),
      async () => {
        const topic = await createTopic(prisma, parseForm(topicFormSchema, req.body));
        req.flash('success', `Das Thema „${topic.name}“ ist angelegt.`);
        res.redirect(303, '/admin/themen');
      },
    ),
  );

  async function loadTopic(req: Request) {
    const id = idParam(req);
    const topic = id === undefined ? null : await prisma.topic.findUnique({ where: { id } });
    if (!topic) throw new NotFoundError('Dieses Thema gibt es nicht.');
    return topic;
  }

  router.get('/admin/themen/:id/bearbeiten', async (req, res) => {
    const topic = await loadTopic(req);
    res.render('admin/topic-form', { title: `Thema bearbeiten: ${topic.name}`, topic, values: topic, errors: {} });
  });

  router.post('/admin/themen/:id', async (req, res) => {
    const topic = await loadTopic(req);
    await submitForm(
      res,
      'admin/topic-form',
      () => ({ title: `Thema bearbeiten: ${topic.name}`, topic, values: formValues(req.body) }),
      async () => {
        const saved = await updateTopic(prisma, topic.id, parseForm(topicFormSchema, req.body));
        req.flash('success', `Das Thema „${saved.name}“ ist gespeichert.`);
        res.redirect(303, '/admin/themen');
      },
    );
  });

  router.post('/admin/themen/:id/ausmustern', async (req, res) => {
    const topic = await setTopicRetired(prisma, (await loadTopic(req)).id, true);
    req.flash('success', `„${topic.name}“ wird nicht mehr zur Auswahl angeboten. Die Themenseite bleibt erreichbar.`);
    res.redirect(303, '/admin/themen');
  });

  router.post('/admin/themen/:id/reaktivieren', async (req, res) => {
    const topic = await setTopicRetired(prisma, (await loadTopic(req)).id, false);
    req.flash('success', `„${topic.name}“ wird wieder zur Auswahl angeboten.`);
    res.redirect(303, '/admin/themen');
  });

  return router;
}
