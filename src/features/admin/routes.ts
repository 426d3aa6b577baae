import { Router, type Request, type Response } from 'express';
import { AppError, NotFoundError, ValidationError } from '../../lib/errors.js';
import { pageNumber, parseForm } from '../../lib/forms.js';
import { idParam } from '../../lib/http.js';
import { requireRole } from '../../middleware/auth.js';
import { ROLE_LABELS, roleSchema, STATUS_LABELS, userFilterSchema } from './schema.js';
import { approveUser, changeRole, disableUser, endSessions, listOutbox, listUsers, type AdminDeps } from './service.js';

/** Back to the list the admin came from (filters and page kept). */
function backToList(req: Request): string {
  const back = (req.body as Record<string, unknown> | undefined)?.zurueck;
  return typeof back === 'string' && /^\/admin\/benutzer(\?[^\s]*)?$/.test(back) ? back : '/admin/benutzer';
}

function userId(req: Request): number {
  const id = idParam(req);
  if (id === undefined) throw new NotFoundError('Dieses Konto gibt es nicht.');
  return id;
}

export function adminRoutes(deps: AdminDeps): Router {
  const router = Router();
  router.use('/admin', requireRole('ADMIN'));

  router.get('/admin', (_req, res) => res.redirect(303, '/admin/benutzer'));

  router.get('/admin/benutzer', async (req, res) => {
    const filter = userFilterSchema.parse(req.query);
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

  // Each action answers with a message on the list; refusals (e.g. on one's own account) too.
  const action = (run: (req: Request) => Promise<string>) => async (req: Request, res: Response) => {
    try {
      req.flash('success', await run(req));
    } catch (error) {
      if (error instanceof AppError && !(error instanceof NotFoundError)) {
        req.flash('error', error instanceof ValidationError ? Object.values(error.fieldErrors).join(' ') : error.message);
      } else {
        throw error;
      }
    }
    res.redirect(303, backToList(req));
  };

  router.post(
    '/admin/benutzer/:id/freischalten',
    action(async (req) => `${await approveUser(deps, userId(req))} ist freigeschaltet und per E-Mail benachrichtigt.`),
  );
  router.post(
    '/admin/benutzer/:id/sperren',
    action(async (req) => `${await disableUser(deps, req.user!.id, userId(req))} ist gesperrt und überall abgemeldet.`),
  );
  router.post(
    '/admin/benutzer/:id/rolle',
    action(async (req) => {
      const { role } = parseForm(roleSchema, req.body);
      const name = await changeRole(deps, req.user!.id, userId(req), role);
      return `${name} hat jetzt die Rolle „${ROLE_LABELS[role]}“.`;
    }),
  );
  router.post(
    '/admin/benutzer/:id/sitzungen-beenden',
    action(async (req) => {
      const { name, ended } = await endSessions(deps, userId(req));
      return `${name} ist überall abgemeldet (${ended} ${ended === 1 ? 'Sitzung' : 'Sitzungen'} beendet).`;
    }),
  );

  router.get('/admin/postausgang', async (req, res) => {
    const page = pageNumber(req.query.seite);
    res.render('admin/outbox', { title: 'Postausgang', ...(await listOutbox(deps.prisma, page)), page });
  });

  router.get('/admin/postausgang/:id', async (req, res) => {
    const id = idParam(req);
    const mail = id === undefined ? null : await deps.prisma.outboxMail.findUnique({ where: { id } });
    if (!mail) throw new NotFoundError('Diese Nachricht gibt es nicht.');
    res.render('admin/outbox-mail', { title: `Nachricht: ${mail.subject}`, mail });
  });

  return router;
}
