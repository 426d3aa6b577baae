import { Router, type Request } from 'express';
import type { PrismaClient } from '../../db/database.js';
import { NotFoundError } from '../../lib/errors.js';
import { formValues, parseForm, submittedIds } from '../../lib/forms.js';
import { idParam, submitForm } from '../../lib/http.js';
import { hasRole, requireRole } from '../../middleware/auth.js';
import { activeTopics } from '../topics/service.js';
import { CATEGORY_PARAMS, NETWORK_CATEGORY_LABELS, networkFilterSchema, networkFormSchema } from './schema.js';
import { createNetwork, listNetworks, setNetworkRetired, updateNetwork } from './service.js';

export function networkRoutes(deps: { prisma: PrismaClient }): Router {
  const router = Router();
  const { prisma } = deps;

  router.get('/netzwerke', async (req, res) => {
    const filter = networkFilterSchema.parse(req.query);
    const retired = filter.ausgemustert === '1' && hasRole(req.user, 'ADMIN'); // only admins see retired entries
    const result = await listNetworks(prisma, {
      q: filter.q,
      kategorie: filter.kategorie,
      thema: filter.thema,
      retired,
      page: filter.seite,
    });
    res.render('networks/index', {
      title: 'Netzwerke',
      ...result,
      filter,
      retired,
      topics: await activeTopics(prisma),
      categoryLabels: NETWORK_CATEGORY_LABELS,
      categoryParams: CATEGORY_PARAMS,
    });
  });

  router.use(
    ['/netzwerke/neu', '/netzwerke/:id/bearbeiten', '/netzwerke/:id/ausmustern', '/netzwerke/:id/reaktivieren'],
    requireRole('ADMIN'),
  );
  const formLocals = async (title: string, action: string, values: Record<string, unknown>) => ({
    title,
    action,
    values,
    topics: await activeTopics(prisma),
    categoryLabels: NETWORK_CATEGORY_LABELS,
  });

  router.get('/netzwerke/neu', async (_req, res) => {
    res.render('networks/form', { ...(await formLocals('Netzwerk eintragen', '/netzwerke/neu', { topicIds: [] })), errors: {} });
  });

  router.post('/netzwerke/neu', (req, res) =>
    submitForm(
      res,
      'networks/form',
      () => formLocals('Netzwerk eintragen', '/netzwerke/neu', { ...formValues(req.body), topicIds: submittedIds(req.body, 'topicIds') }),
      async () => {
        const network = await createNetwork(prisma, parseForm(networkFormSchema, req.body));
        req.flash('success', `„${network.name}“ ist eingetragen.`);
        res.redirect(303, `/netzwerke#${network.slug}`);
      },
    ),
  );

  async function loadNetwork(req: Request) {
    const id = idParam(req);
    const network = id === undefined ? null : await prisma.network.findUnique({ where: { id }, include: { topics: true } });
    if (!network) throw new NotFoundError('Dieses Netzwerk gibt es nicht.');
    return network;
  }

  router.get('/netzwerke/:id/bearbeiten', async (req, res) => {
    const network = await loadNetwork(req);
    const values = { ...network, topicIds: network.topics.map((t) => t.topicId) };
    res.render('networks/form', {
      ...(await formLocals(`${network.name} bearbeiten`, `/netzwerke/${network.id}/bearbeiten`, values)),
      network,
      errors: {},
    });
  });

  router.post('/netzwerke/:id/bearbeiten', async (req, res) => {
    const network = await loadNetwork(req);
    const action = `/netzwerke/${network.id}/bearbeiten`;
    await submitForm(
      res,
      'networks/form',
      async () => ({
        ...(await formLocals(`${network.name} bearbeiten`, action, {
          ...formValues(req.body),
          topicIds: submittedIds(req.body, 'topicIds'),
        })),
        network,
      }),
      async () => {
        const saved = await updateNetwork(prisma, network.id, parseForm(networkFormSchema, req.body));
        req.flash('success', `„${saved.name}“ ist gespeichert.`);
        res.redirect(303, saved.retiredAt ? '/netzwerke?ausgemustert=1' : `/netzwerke#${saved.slug}`);
      },
    );
  });

  router.post('/netzwerke/:id/ausmustern', async (req, res) => {
    const network = await setNetworkRetired(prisma, (await loadNetwork(req)).id, true);
    req.flash('success', `„${network.name}“ ist ausgemustert und erscheint nicht mehr im Verzeichnis.`);
    res.redirect(303, '/netzwerke');
  });

  router.post('/netzwerke/:id/reaktivieren', async (req, res) => {
    const network = await setNetworkRetired(prisma, (await loadNetwork(req)).id, false);
    req.flash('success', `„${network.name}“ steht wieder im Verzeichnis.`);
    res.redirect(303, `/netzwerke#${network.slug}`);
  });

  return router;
}
