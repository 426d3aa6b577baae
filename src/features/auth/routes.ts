import { Router } from 'express';
import type pg from 'pg';
import type { PrismaClient } from '../../db/database.js';
import { ValidationError } from '../../lib/errors.js';
import { formValues, parseForm } from '../../lib/forms.js';
import { destroySession, regenerateSession, startUserSession, submitForm } from '../../lib/http.js';
import type { Mailer } from '../../lib/mail.js';
import { safeReturnPath } from '../../middleware/auth.js';
import { SESSION_COOKIE } from '../../middleware/session.js';
import type { AuthLimits } from './limits.js';
import { loginSchema, registrationSchema, resetPasswordSchema, resetRequestSchema } from './schema.js';
import { checkLogin, findValidResetToken, registerUser, requestPasswordReset, resetPassword } from './service.js';

export interface AuthRouteDeps {
  prisma: PrismaClient;
  pool: pg.Pool;
  mailer: Mailer;
  limits: AuthLimits;
  baseUrl: string;
}

const LOGIN_MESSAGES = {
  invalid: 'E-Mail-Adresse oder Passwort stimmen nicht.',
  pending:
    'Dein Konto ist noch nicht freigeschaltet. Sobald eine Administratorin oder ein Administrator es geprüft hat, bekommst du eine E-Mail.',
  disabled: 'Dein Konto ist gesperrt. Bitte wende dich an die Koordinierungsgruppe.',
} as const;

export function authRoutes(deps: AuthRouteDeps): Router {
  const router = Router();
  const alliances = () => deps.prisma.alliance.findMany({ orderBy: { name: 'asc' }, select: { id: true, name: true, municipality: true } });

  router.get('/registrieren', async (req, res) => {
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
        await registerUser(deps, input);
        res.redirect(303, '/registrieren/danke');
      },
    ),
  );

  router.get('/registrieren/danke', (_req, res) => {
    res.render('auth/registered', { title: 'Registrierung eingegangen' });
  });

  router.get('/anmelden', (req, res) => {
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
        const ip = req.ip ?? 'unknown';
        await deps.limits.beforeLogin(ip, email);
        const result = await checkLogin(deps.prisma, email, password);
        if (result.outcome !== 'ok') {
          if (result.outcome === 'invalid') await deps.limits.loginFailed(ip, email);
          throw new ValidationError({ _form: LOGIN_MESSAGES[result.outcome] });
        }
        await deps.limits.loginSucceeded(email);
        await startUserSession(req, result.user.id);
        req.flash('success', `Willkommen, ${result.user.name}!`);
        res.redirect(303, returnTo ?? '/');
      },
    );
  });

  router.post('/abmelden', async (req, res) => {
    await destroySession(req);
    res.clearCookie(SESSION_COOKIE);
    res.redirect(303, '/anmelden?abgemeldet=1');
  });

  router.get('/passwort-vergessen', (_req, res) => {
    res.render('auth/forgot', { title: 'Passwort vergessen', values: {}, errors: {} });
  });

  router.post('/passwort-vergessen', (req, res) =>
    submitForm(
      res,
      'auth/forgot',
      () => ({ title: 'Passwort vergessen', values: formValues(req.body) }),
      async () => {
        const { email } = parseForm(resetRequestSchema, req.body);
        await deps.limits.resetRequested(req.ip ?? 'unknown', email);
        await requestPasswordReset(deps, email);
        req.flash(
          'info',
          `Falls es ein Konto mit ${email} gibt, haben wir dorthin einen Link zum Zurücksetzen geschickt. Er gilt eine Stunde.`,
        );
        res.redirect(303, '/anmelden');
      },
    ),
  );

  router.get('/passwort-zuruecksetzen/:token', async (req, res) => {
    const valid = await findValidResetToken(deps.prisma, req.params.token);
    if (!valid) return res.status(410).render('auth/reset-invalid', { title: 'Link ungültig' });
    res.render('auth/reset', { title: 'Neues Passwort festlegen', token: req.params.token, errors: {} });
  });

  router.post('/passwort-zuruecksetzen/:token', (req, res) => {
    const token = req.params.token;
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
