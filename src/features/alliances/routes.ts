import { Router, type NextFunction, type Request, type Response } from 'express';
import { ForbiddenError, NotFoundError } from '../../lib/errors.js';
import { formValues, parseForm, parseQuery } from '../../lib/forms.js';
import { confirmed, requireIdParam, submitForm } from '../../lib/http.js';
import { renderMarkdown } from '../../lib/markdown.js';
import { FEDERAL_STATES } from '../../lib/states.js';
import { hasRole, requireLogin, requireRole } from '../../middleware/auth.js';
import type { Services } from '../../services.js';
import { newestReports } from '../reports/read.js';
import { motionViewHelpers } from '../motions/routes.js';
import { topMotions } from '../motions/read.js';
import { allianceFilterSchema, allianceFormSchema } from './schema.js';
import {
  alliancePage,
  createAlliance,
  decideJoinRequest,
  findAlliance,
  leaveAlliance,
  listAlliances,
  requestToJoin,
  renamedAlliance,
  setArchived,
  setDelegate,
  updateAlliance,
  withdrawJoinRequest,
} from './service.js';

/** What follows the slug in the requested address ("/bearbeiten?x=1"), taken from the raw, still encoded URL. */
function afterSlug(originalUrl: string): string {
  const rest = originalUrl.slice('/buendnisse/'.length);
  const cut = rest.search(/[/?#]/);
  return cut === -1 ? '' : rest.slice(cut);
}

export function allianceRoutes(deps: Services): Router {
  const router = Router();
  const { prisma } = deps;
  const organizer = requireRole('ORGANIZER');
  /** Join requests are decided by organisers and delegates; the service checks that it is the delegate's own alliance. */
  const joinDecider = (req: Request, res: Response, next: NextFunction) => {
    if (!req.user) return requireLogin(req, res, next);
    if (hasRole(req.user, 'ORGANIZER') || req.user.isDelegate) return next();
    next(new ForbiddenError());
  };

  /** The alliance in :slug; an old slug answers with a permanent redirect, unknown ones with 404. */
  async function loadAlliance(req: Request, res: Response) {
    const found = await findAlliance(prisma, String(req.params.slug));
    if ('movedTo' in found) {
      res.redirect(301, `/buendnisse/${found.movedTo}${afterSlug(req.originalUrl)}`);
      return undefined;
    }
    return found.alliance;
  }

  const formLocals = (title: string, values: Record<string, unknown>, action: string) => ({ title, values, action, states: FEDERAL_STATES });

  router.get('/buendnisse', async (req, res) => {
    const filter = parseQuery(allianceFilterSchema, req.query);
    res.render('alliances/index', {
      title: filter.archiv ? 'Archivierte Bündnisse' : 'Bündnisse',
      ...(await listAlliances(deps.pool, filter)),
      filter,
      states: FEDERAL_STATES,
    });
  });

  router.get('/buendnisse/neu', organizer, (_req, res) => {
    res.render('alliances/form', { ...formLocals('Neues Bündnis eintragen', {}, '/buendnisse'), errors: {} });
  });

  router.post('/buendnisse', organizer, (req, res) =>
    submitForm(
      res,
      'alliances/form',
      () => formLocals('Neues Bündnis eintragen', formValues(req.body), '/buendnisse'),
      async () => {
        const alliance = await createAlliance(prisma, parseForm(allianceFormSchema, req.body));
        req.flash('success', `${alliance.name} ist eingetragen.`);
        res.redirect(303, `/buendnisse/${alliance.slug}`);
      },
    ),
  );

  router.get('/buendnisse/:slug', async (req, res) => {
    const slug = String(req.params.slug);
    const [page, reports, motions] = await Promise.all([
      alliancePage(deps.pool, slug, req.user),
      newestReports(deps.pool, req.user, { limit: 10, allianceSlug: slug }),
      topMotions(deps.pool, req.user, { limit: 5, allianceSlug: slug }),
    ]);
    if (!page) {
      // Renamed: the old address leads to the new one; unknown: 404.
      const movedTo = await renamedAlliance(prisma, String(req.params.slug));
      if (!movedTo) throw new NotFoundError('Dieses Bündnis gibt es nicht (mehr).');
      return res.redirect(301, `/buendnisse/${movedTo}${afterSlug(req.originalUrl)}`);
    }
    res.render('alliances/show', { title: page.alliance.name, ...page, reports, motions, ...motionViewHelpers, descriptionHtml: renderMarkdown(page.alliance.description) });
  });

  router.get('/buendnisse/:slug/bearbeiten', organizer, async (req, res) => {
    const alliance = await loadAlliance(req, res);
    if (!alliance) return;
    res.render('alliances/form', { ...formLocals(`${alliance.name} bearbeiten`, alliance, `/buendnisse/${alliance.slug}`), errors: {} });
  });

  router.post('/buendnisse/:slug', organizer, async (req, res) => {
    const alliance = await loadAlliance(req, res);
    if (!alliance) return;
    await submitForm(
      res,
      'alliances/form',
      () => formLocals(`${alliance.name} bearbeiten`, formValues(req.body), `/buendnisse/${alliance.slug}`),
      async () => {
        const saved = await updateAlliance(prisma, alliance.id, parseForm(allianceFormSchema, req.body));
        req.flash('success', 'Die Änderungen sind gespeichert.');
        res.redirect(303, `/buendnisse/${saved.slug}`);
      },
    );
  });

  router.post('/buendnisse/:slug/archivieren', organizer, async (req, res) => {
    const alliance = await loadAlliance(req, res);
    if (!alliance) return;
    const ask = {
      title: `${alliance.name} archivieren?`,
      question:
        'Das Bündnis erscheint dann nicht mehr in der Liste und nimmt keine Beitrittsanfragen mehr an. Seine Seite und alles, was es geteilt hat, bleiben erhalten. Wiederherstellen geht jederzeit.',
      button: `${alliance.name} archivieren`,
      cancelHref: `/buendnisse/${alliance.slug}`,
      danger: true,
    };
    if (!confirmed(req, res, ask)) return;
    await setArchived(prisma, alliance.id, true);
    req.flash('success', `${alliance.name} ist archiviert.`);
    res.redirect(303, `/buendnisse/${alliance.slug}`);
  });

  router.post('/buendnisse/:slug/wiederherstellen', organizer, async (req, res) => {
    const alliance = await loadAlliance(req, res);
    if (!alliance) return;
    await setArchived(prisma, alliance.id, false);
    req.flash('success', `${alliance.name} steht wieder im Verzeichnis.`);
    res.redirect(303, `/buendnisse/${alliance.slug}`);
  });

  router.post('/buendnisse/:slug/beitreten', requireLogin, async (req, res) => {
    const alliance = await loadAlliance(req, res);
    if (!alliance) return;
    const name = await requestToJoin(deps, req.user!, alliance.id, req.ip ?? 'unknown');
    req.flash(
      'success',
      `Deine Anfrage an ${name} ist gestellt. Sobald eine Delegierte, ein Delegierter oder die KOG sie bestätigt, bekommst du eine E-Mail.`,
    );
    res.redirect(303, `/buendnisse/${alliance.slug}`);
  });

  const decide = (accept: boolean) => async (req: Request, res: Response) => {
    const alliance = await loadAlliance(req, res);
    if (!alliance) return;
    const userId = requireIdParam(req, 'Diese Beitrittsanfrage gibt es nicht (mehr).', 'userId');
    await deps.limits.action('notify', { ip: req.ip ?? 'unknown', account: req.user!.id });
    const name = await decideJoinRequest(deps, req.user!, alliance.id, userId, accept);
    req.flash('success', accept ? `${name} ist jetzt als Mitglied von ${alliance.name} eingetragen.` : `Die Anfrage von ${name} ist abgelehnt.`);
    res.redirect(303, `/buendnisse/${alliance.slug}#beitrittsanfragen`);
  };
  router.post('/buendnisse/:slug/anfragen/:userId/bestaetigen', joinDecider, decide(true));
  router.post('/buendnisse/:slug/anfragen/:userId/ablehnen', joinDecider, decide(false));

  router.post('/buendnisse/:slug/delegierte/:userId', organizer, async (req, res) => {
    const alliance = await loadAlliance(req, res);
    if (!alliance) return;
    const userId = requireIdParam(req, 'Diese Person ist nicht Mitglied dieses Bündnisses.', 'userId');
    const makeDelegate = (req.body as Record<string, unknown>)?.delegiert === 'ja';
    const name = await setDelegate(prisma, req.user!, alliance.id, userId, makeDelegate);
    req.flash('success', makeDelegate ? `${name} ist jetzt Delegierte/r von ${alliance.name} in der KOG.` : `${name} ist nicht mehr Delegierte/r.`);
    res.redirect(303, `/buendnisse/${alliance.slug}#mitglieder`);
  });

  router.post('/konto/buendnis/verlassen', requireLogin, async (req, res) => {
    const ask = {
      title: 'Nicht mehr als Mitglied führen?',
      question: 'Du wirst in der Erfahrungsbörse keinem Bündnis mehr zugeordnet (und bist auch nicht mehr Delegierte/r). Eine neue Zuordnung muss wieder bestätigt werden.',
      button: 'Zuordnung zum Bündnis beenden',
      cancelHref: '/konto#buendnis',
      danger: true,
    };
    if (!confirmed(req, res, ask)) return;
    await leaveAlliance(prisma, req.user!.id);
    req.flash('success', 'Du bist in der Erfahrungsbörse keinem Bündnis mehr zugeordnet.');
    res.redirect(303, '/konto#buendnis');
  });

  router.post('/konto/buendnis/anfrage-zuruecknehmen', requireLogin, async (req, res) => {
    await withdrawJoinRequest(prisma, req.user!.id);
    req.flash('success', 'Deine Beitrittsanfrage ist zurückgenommen.');
    res.redirect(303, '/konto#buendnis');
  });

  return router;
}
