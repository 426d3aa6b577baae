import { Router, type Request } from 'express';
import { formValues, parseForm, parseQuery, submittedIds } from '../../lib/forms.js';
import { confirmed, orNotFound, requireIdParam, submitForm } from '../../lib/http.js';
import { hasRole, requireRole } from '../../middleware/auth.js';
import type { Services } from '../../services.js';
import { CATEGORY_PARAMS, NETWORK_CATEGORY_LABELS, networkFilterSchema, networkFormSchema } from './schema.js';
import { createNetwork, findNetwork, listNetworks, setNetworkRetired, updateNetwork } from './service.js';

const NOT_FOUND = 'Dieses Netzwerk gibt es nicht.';

export function networkRoutes(deps: Services): Router {
  const router = Router();
  const { prisma } = deps;
  const admin = requireRole('ADMIN');

  router.get('/netzwerke', async (req, res) => {
    const filter = parseQuery(networkFilterSchema, req.query);
    const retired = filter.ausgemustert === '1' && hasRole(req.user, 'ADMIN'); // only admins see retired entries
    const [result, topics] = await Promise.all([
      listNetworks(deps.pool, { q: filter.q, kategorie: filter.kategorie, thema: filter.thema, retired, page: filter.seite }),
      deps.topics.active(),
    ]);
    res.render('networks/index', {
      title: retired ? 'Ausgemusterte Netzwerke' : 'Netzwerke',
      ...result,
      filter,
      retired,
      topics,
      categoryLabels: NETWORK_CATEGORY_LABELS,
      categoryParams: CATEGORY_PARAMS,
    });
  });

  const formLocals = async (title: string, action: string, values: Record<string, unknown>) => ({
    title,
    action,
    values,
    topics: await deps.topics.active(),
    categoryLabels: NETWORK_CATEGORY_LABELS,
  });
  const typedValues = (req: Request) => ({ ...formValues(req.body), topicIds: submittedIds(req.body, 'topicIds') });
  const loadNetwork = (req: Request) => orNotFound(findNetwork(prisma, requireIdParam(req, NOT_FOUND)), NOT_FOUND);

  router.get('/netzwerke/neu', admin, async (_req, res) => {
    res.render('networks/form', { ...(await formLocals('Netzwerk eintragen', '/netzwerke/neu', { topicIds: [] })), errors: {} });
  });

  router.post('/netzwerke/neu', admin, (req, res) =>
    submitForm(
      res,
      'networks/form',
      () => formLocals('Netzwerk eintragen', '/netzwerke/neu', typedValues(req)),
      async () => {
        const network = await createNetwork(prisma, parseForm(networkFormSchema, req.body));
        req.flash('success', `„${network.name}“ ist eingetragen.`);
        res.redirect(303, `/netzwerke#${network.slug}`);
      },
    ),
  );

  router.get('/netzwerke/:id/bearbeiten', admin, async (req, res) => {
    const network = await loadNetwork(req);
    const values = { ...network, topicIds: network.topics.map((t) => t.topicId) };
    res.render('networks/form', {
      ...(await formLocals(`${network.name} bearbeiten`, `/netzwerke/${network.id}/bearbeiten`, values)),
      network,
      errors: {},
    });
  });

  router.post('/netzwerke/:id/bearbeiten', admin, async (req, res) => {
    const network = await loadNetwork(req);
    await submitForm(
      res,
      'networks/form',
      async () => ({ ...(await formLocals(`${network.name} bearbeiten`, `/netzwerke/${network.id}/bearbeiten`, typedValues(req))), network }),
      async () => {
        const saved = await updateNetwork(prisma, network.id, parseForm(networkFormSchema, req.body));
        req.flash('success', `„${saved.name}“ ist gespeichert.`);
        res.redirect(303, saved.retiredAt ? '/netzwerke?ausgemustert=1' : `/netzwerke#${saved.slug}`);
      },
    );
  });

  router.post('/netzwerke/:id/ausmustern', admin, async (req, res) => {
    const network = await loadNetwork(req);
    const ask = {
      title: 'Netzwerk ausmustern?',
      question: `„${network.name}“ verschwindet aus dem Verzeichnis. Der Eintrag bleibt gespeichert und kann jederzeit wieder aufgenommen werden.`,
      button: `„${network.name}“ ausmustern`,
      cancelHref: `/netzwerke#${network.slug}`,
      danger: true,
    };
    if (!confirmed(req, res, ask)) return;
    await setNetworkRetired(prisma, network.id, true);
    req.flash('success', `„${network.name}“ ist ausgemustert und erscheint nicht mehr im Verzeichnis.`);
    res.redirect(303, '/netzwerke');
  });

  router.post('/netzwerke/:id/reaktivieren', admin, async (req, res) => {
    const network = await setNetworkRetired(prisma, (await loadNetwork(req)).id, false);
    req.flash('success', `„${network.name}“ steht wieder im Verzeichnis.`);
    res.redirect(303, `/netzwerke#${network.slug}`);
  });

  return router;
}
