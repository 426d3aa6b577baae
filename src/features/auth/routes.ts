import { Router, type Request } from 'express';
import { ValidationError } from '../../lib/errors.js';
import { formValues, parseForm } from '../../lib/forms.js';
import { submitForm } from '../../lib/http.js';
import { safeReturnPath } from '../../middleware/auth.js';
import { destroySession, regenerateSession, startUserSession, withSession } from '../../middleware/session.js';
import type { Services } from '../../services.js';
import { loginSchema, registrationSchema, resetPasswordSchema, resetRequestSchema } from './schema.js';
import { checkLogin, findValidResetToken, registerUser, requestPasswordReset, resetPassword } from './service.js';

const LOGIN_MESSAGES = {
  invalid: 'E-Mail-Adresse oder Passwort stimmen nicht.',
  pending:
    'Dein Konto ist noch nicht freigeschaltet. Sobald eine Administratorin oder ein Administrator es geprüft hat, bekommst du eine E-Mail.',
  disabled: 'Dein Konto ist gesperrt. Bitte wende dich an die Koordinierungsgruppe.',
} as const;

const clientIp = (req: Request) => req.ip ?? 'unknown';

export function authRoutes(deps: Services): Router {
  const router = Router();
  const alliances = () =>
    deps.prisma.alliance.findMany({ where: { archivedAt: null }, orderBy: { name: 'asc' }, select: { id: true, name: true, municipality: true } });

  router.get('/registrieren', withSession, async (req, res) => {
    if (req.user) return res.redirect(303, '/konto');
    res.render('auth/register', { title: 'Registrieren', values: {}, errors: {}, alliances: await alliances() });
  });

  router.post('/registrieren', (req, res) =>
    submitForm(
      res,
      'auth/register',
      async () => ({ title: 'Registrieren', values: formValues(req.body), alliances: await alliances() }),
      async () => {
        const input = parseForm(registrationSchema, req.body);
        await deps.limits.action('registration', { ip: clientIp(req) });
        await registerUser(deps, input);
        res.redirect(303, '/registrieren/danke');
      },
    ),
  );

  router.get('/registrieren/danke', (_req, res) => {
    res.render('auth/registered', { title: 'Registrierung eingegangen', mailDelivered: deps.mailer.delivers });
  });

  router.get('/anmelden', withSession, (req, res) => {
    if (req.user) return res.redirect(303, '/konto');
    res.render('auth/login', {
      title: 'Anmelden',
      values: {},
      errors: {},
      returnTo: safeReturnPath(req.query.weiter),
      loggedOut: req.query.abgemeldet === '1',
    });
  });

  router.post('/anmelden', (req, res) => {
    const returnTo = safeReturnPath(req.body?.weiter);
    return submitForm(
      res,
      'auth/login',
      () => ({ title: 'Anmelden', values: formValues(req.body), returnTo }),
      async () => {
        const { email, password } = parseForm(loginSchema, req.body);
        const ip = clientIp(req);
        await deps.limits.login.check(ip, email);
        const result = await checkLogin(deps.prisma, email, password);
        if (result.outcome !== 'ok') {
          if (result.outcome === 'invalid') await deps.limits.login.failed(ip, email);
          throw new ValidationError({ _form: LOGIN_MESSAGES[result.outcome] });
        }
        await deps.limits.login.succeeded(ip, email, result.user.id);
        await startUserSession(req, result.user.id);
        req.flash('success', `Willkommen, ${result.user.name}!`);
        res.redirect(303, returnTo ?? '/');
      },
    );
  });

  router.post('/abmelden', async (req, res) => {
    await destroySession(req);
    res.clearCookie(req.app.get('session cookie') as string, { path: '/' });
    res.redirect(303, '/anmelden?abgemeldet=1');
  });

  const forgotLocals = (values: Record<string, unknown>) => ({ title: 'Passwort vergessen', values, mailDelivered: deps.mailer.delivers });

  router.get('/passwort-vergessen', withSession, (_req, res) => {
    res.render('auth/forgot', { ...forgotLocals({}), errors: {} });
  });

  router.post('/passwort-vergessen', (req, res) =>
    submitForm(
      res,
      'auth/forgot',
      () => forgotLocals(formValues(req.body)),
      async () => {
        const { email } = parseForm(resetRequestSchema, req.body);
        await deps.limits.action('passwordReset', { ip: clientIp(req), account: email });
        await requestPasswordReset(deps, email);
        req.flash(
          'info',
          `Falls es ein Konto mit ${email} gibt, ist ein Link zum Zurücksetzen unterwegs. Er gilt eine Stunde. Schau auch im Spam-Ordner nach.`,
        );
        res.redirect(303, '/anmelden');
      },
    ),
  );

  router.get('/passwort-zuruecksetzen/:token', withSession, async (req, res) => {
    const valid = await findValidResetToken(deps.prisma, String(req.params.token));
    if (!valid) return res.status(410).render('auth/reset-invalid', { title: 'Link ungültig' });
    res.render('auth/reset', { title: 'Neues Passwort festlegen', token: String(req.params.token), errors: {} });
  });

  router.post('/passwort-zuruecksetzen/:token', (req, res) => {
    const token = String(req.params.token);
    return submitForm(
      res,
      'auth/reset',
      () => ({ title: 'Neues Passwort festlegen', token }),
      async () => {
        const { password } = parseForm(resetPasswordSchema, req.body);
        if (!(await resetPassword(deps, token, password))) {
          res.status(410).render('auth/reset-invalid', { title: 'Link ungültig' });
          return;
        }
        await regenerateSession(req); // whoever was logged in on this browser is logged out, too
        req.flash('success', 'Dein Passwort ist geändert. Du kannst dich jetzt damit anmelden.');
        res.redirect(303, '/anmelden');
      },
    );
  });

  return router;
}
