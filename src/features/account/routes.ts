import { Router, type Request } from 'express';
import { formValues, parseForm } from '../../lib/forms.js';
import { startUserSession, submitForm } from '../../lib/http.js';
import { requireLogin } from '../../middleware/auth.js';
import { endSessionsOfUser } from '../../middleware/session.js';
import { changeEmailSchema, changeNameSchema, changePasswordSchema } from './schema.js';
import { changeEmail, changeName, changePassword, type AccountDeps } from './service.js';

export function accountRoutes(deps: AccountDeps): Router {
  const router = Router();
  router.use('/konto', requireLogin);

  const page = async (req: Request, form?: string) => {
    const user = await deps.prisma.user.findUniqueOrThrow({ where: { id: req.user!.id }, include: { alliance: true } });
    // The form that failed keeps what was typed; the others show the stored values.
    const typed = form ? formValues(req.body) : {};
    return { title: 'Mein Konto', account: user, form, values: { name: user.name, email: user.email, ...typed } };
  };

  router.get('/konto', async (req, res) => {
    res.render('account/show', { ...(await page(req)), errors: {} });
  });

  router.post('/konto/name', (req, res) =>
    submitForm(res, 'account/show', () => page(req, 'name'), async () => {
      const { name } = parseForm(changeNameSchema, req.body);
      await changeName(deps, req.user!.id, name);
      req.flash('success', 'Dein Name ist geändert.');
      res.redirect(303, '/konto');
    }),
  );

  router.post('/konto/email', (req, res) =>
    submitForm(res, 'account/show', () => page(req, 'email'), async () => {
      const { email, currentPassword } = parseForm(changeEmailSchema, req.body);
      await changeEmail(deps, req.user!.id, email, currentPassword);
      req.flash('success', 'Deine E-Mail-Adresse ist geändert.');
      res.redirect(303, '/konto');
    }),
  );

  router.post('/konto/passwort', (req, res) =>
    submitForm(res, 'account/show', () => page(req, 'password'), async () => {
      const { currentPassword, password } = parseForm(changePasswordSchema, req.body);
      await changePassword(deps, req.user!.id, currentPassword, password);
      await startUserSession(req, req.user!.id);
      req.flash('success', 'Dein Passwort ist geändert. Auf allen anderen Geräten bist du jetzt abgemeldet.');
      res.redirect(303, '/konto');
    }),
  );

  router.post('/konto/ueberall-abmelden', async (req, res) => {
    await endSessionsOfUser(deps.pool, req.user!.id);
    await startUserSession(req, req.user!.id);
    req.flash('success', 'Du bist auf allen anderen Geräten abgemeldet.');
    res.redirect(303, '/konto');
  });

  return router;
}
