import { Router, type Request } from 'express';
import { AppError, NotFoundError, ValidationError } from '../../lib/errors.js';
import { parseForm, parseQuery } from '../../lib/forms.js';
import { confirmed, orNotFound, requireIdParam } from '../../lib/http.js';
import { requireRole } from '../../middleware/auth.js';
import type { Services } from '../../services.js';
import { outboxFilterSchema, ROLE_LABELS, roleSchema, STATUS_LABELS, userFilterSchema } from './schema.js';
import { approveUser, changeRole, disableUser, endSessions, findOutboxMail, findUser, listOutbox, listUsers } from './service.js';

/** Back to the list the admin came from (filters and page kept). */
function backToList(req: Request): string {
  const back = (req.body as Record<string, unknown> | undefined)?.zurueck;
  return typeof back === 'string' && /^\/admin\/benutzer(\?[^\s]*)?$/.test(back) ? back : '/admin/benutzer';
}

/** Runs an action and puts its outcome on the next page: success, or the reason it was refused. */
async function flashOutcome(req: Request, run: () => Promise<string>): Promise<void> {
  try {
    req.flash('success', await run());
  } catch (error) {
    if (!(error instanceof AppError) || error instanceof NotFoundError) throw error;
    req.flash('error', error instanceof ValidationError ? Object.values(error.fieldErrors).join(' ') : error.message);
  }
}

export function adminRoutes(deps: Services): Router {
  const router = Router();
  const admin = requireRole('ADMIN');
  const loadUser = (req: Request) => findUser(deps.prisma, requireIdParam(req, 'Dieses Konto gibt es nicht.'));

  router.get('/admin', admin, (_req, res) => res.redirect(303, '/admin/benutzer'));

  router.get('/admin/benutzer', admin, async (req, res) => {
    const filter = parseQuery(userFilterSchema, req.query);
    const result = await listUsers(deps.prisma, { q: filter.q, status: filter.status, role: filter.role, page: filter.seite });
    res.render('admin/users', {
      title: 'Benutzer verwalten',
      ...result,
      filter,
      roleLabels: ROLE_LABELS,
      statusLabels: STATUS_LABELS,
      currentUrl: req.originalUrl,
    });
  });

  router.post('/admin/benutzer/:id/freischalten', admin, async (req, res) => {
    const user = await loadUser(req);
    await flashOutcome(req, async () => `${await approveUser(deps, user.id)} ist freigeschaltet und per E-Mail benachrichtigt.`);
    res.redirect(303, backToList(req));
  });

  router.post('/admin/benutzer/:id/sperren', admin, async (req, res) => {
    const user = await loadUser(req);
    const ask = {
      title: 'Konto sperren?',
      question: `${user.name} kann sich dann nicht mehr anmelden und wird auf allen Geräten abgemeldet. Entsperren geht jederzeit.`,
      button: `${user.name} sperren`,
      cancelHref: backToList(req),
      danger: true,
    };
    if (!confirmed(req, res, ask)) return;
    await flashOutcome(req, async () => `${await disableUser(deps, req.user!.id, user.id)} ist gesperrt und überall abgemeldet.`);
    res.redirect(303, backToList(req));
  });

  router.post('/admin/benutzer/:id/rolle', admin, async (req, res) => {
    const user = await loadUser(req);
    let role: keyof typeof ROLE_LABELS;
    try {
      role = parseForm(roleSchema, req.body).role;
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      req.flash('error', Object.values(error.fieldErrors).join(' '));
      return res.redirect(303, backToList(req));
    }
    if (role === user.role) {
      req.flash('info', `${user.name} hat schon die Rolle „${ROLE_LABELS[role]}“.`);
      return res.redirect(303, backToList(req));
    }
    const ask = {
      title: 'Rolle ändern?',
      question: `${user.name} bekommt die Rolle „${ROLE_LABELS[role]}“ statt „${ROLE_LABELS[user.role]}“.`,
      button: `Rolle von ${user.name} ändern`,
      cancelHref: backToList(req),
    };
    if (!confirmed(req, res, ask)) return;
    await flashOutcome(req, async () => `${await changeRole(deps, req.user!.id, user.id, role)} hat jetzt die Rolle „${ROLE_LABELS[role]}“.`);
    res.redirect(303, backToList(req));
  });

  router.post('/admin/benutzer/:id/sitzungen-beenden', admin, async (req, res) => {
    const user = await loadUser(req);
    const ask = {
      title: 'Überall abmelden?',
      question: `${user.name} wird auf allen Geräten abgemeldet und muss sich neu anmelden.`,
      button: `${user.name} überall abmelden`,
      cancelHref: backToList(req),
    };
    if (!confirmed(req, res, ask)) return;
    await flashOutcome(req, async () => {
      const { name, ended } = await endSessions(deps, user.id);
      return `${name} ist überall abgemeldet (${ended} ${ended === 1 ? 'Sitzung' : 'Sitzungen'} beendet).`;
    });
    res.redirect(303, backToList(req));
  });

  router.get('/admin/postausgang', admin, async (req, res) => {
    const { seite } = parseQuery(outboxFilterSchema, req.query);
    res.render('admin/outbox', { title: 'Postausgang', ...(await listOutbox(deps.prisma, seite)), page: seite, mailDelivered: deps.mailer.delivers });
  });

  router.get('/admin/postausgang/:id', admin, async (req, res) => {
    const mail = await orNotFound(findOutboxMail(deps.prisma, requireIdParam(req, 'Diese Nachricht gibt es nicht.')), 'Diese Nachricht gibt es nicht.');
    res.render('admin/outbox-mail', { title: `Nachricht: ${mail.subject}`, mail });
  });

  return router;
}
