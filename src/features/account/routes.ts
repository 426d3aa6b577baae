import { Router, type Request } from 'express';
import { AppError } from '../../lib/errors.js';
import { formValues, parseForm } from '../../lib/forms.js';
import { confirmed, submitForm } from '../../lib/http.js';
import { requireLogin } from '../../middleware/auth.js';
import { renderOwnCopy } from '../../middleware/shared-pages.js';
import { endSessionsOfUser, startUserSession, userRowVersionOf, withSession } from '../../middleware/session.js';
import { rememberedValues, replaceValues, sentValues, templateValuesFrom, valueField } from '../motions/template-values.js';
import type { Services } from '../../services.js';
import { MANDATE_LABELS, directorySettingsSchema } from '../members/schema.js';
import { saveDirectorySettings } from '../members/service.js';
import { tasksFor } from '../home/tasks.js';
import { shownContentVersionOf } from '../../db/content-version.js';
import { changeEmailSchema, changeNameSchema, changePasswordSchema, notificationsSchema } from './schema.js';
import {
  accountPage,
  changeName,
  changePassword,
  confirmEmailChange,
  findValidEmailChange,
  requestEmailChange,
  setNotifications,
} from './service.js';

/** The forms on /konto, by their action: the one that failed shows its errors and what was typed. */
type AccountForm = '/konto/name' | '/konto/email' | '/konto/passwort' | '/konto/verzeichnis';

export function accountRoutes(deps: Services): Router {
  const router = Router();
  const ip = (req: Request) => req.ip ?? 'unknown';

  const page = async (req: Request, form?: AccountForm) => {
    const [account, topics] = await Promise.all([accountPage(deps.pool, req.user!.id), deps.topics.active()]);
    const stored = {
      name: account.name,
      email: account.email,
      listedInDirectory: account.listedInDirectory,
      publicOnAlliancePage: account.publicOnAlliancePage,
      mandate: account.mandate,
      directoryNote: account.directoryNote ?? '',
      competenceIds: account.competenceIds,
      notifyComments: account.notifyComments,
    };
    // The form that failed keeps what was typed; the others show the stored values.
    const typed = form ? formValues(req.body) : {};
    if (form === '/konto/verzeichnis') {
      typed.listedInDirectory = typed.listedInDirectory === 'ja';
      typed.publicOnAlliancePage = typed.publicOnAlliancePage === 'ja';
      typed.competenceIds ??= [];
    }
    return {
      title: 'Mein Konto',
      account,
      form,
      values: { ...stored, ...typed },
      topics,
      mandateLabels: MANDATE_LABELS,
      pendingEmail: account.pendingEmail ? { ...account.pendingEmail, expiresAt: new Date(account.pendingEmail.expiresAt) } : null,
      tasks: await tasksFor(deps, req.user!, { requestedAlliance: account.requestedAlliance, contentVersion: shownContentVersionOf(req) }),
      mailDelivered: deps.mailer.delivers,
      templateValues: Object.entries(templateValuesFrom(account.templateValues)),
      valueField,
    };
  };

  router.get('/konto', requireLogin, async (req, res) => {
    // Kept for the session: everything the page shows of the person is in their row (its version) or content (the
    // content version checked by renderOwnCopy); a pending address change touches the row (requestEmailChange).
    const rowVersion = userRowVersionOf(req);
    await renderOwnCopy(req, res, 'account/show', rowVersion === undefined ? undefined : [rowVersion], async () => ({
      ...(await page(req)),
      errors: {},
    }));
  });

  router.post('/konto/benachrichtigungen', requireLogin, async (req, res) => {
    const settings = parseForm(notificationsSchema, req.body);
    await setNotifications(deps, req.user!.id, settings);
    req.flash(
      'success',
      settings.notifyComments
        ? 'Du bekommst E-Mails über neue Kommentare zu deinen Berichten.'
        : 'Du bekommst keine E-Mails mehr über neue Kommentare.',
    );
    res.redirect(303, '/konto#benachrichtigungen');
  });

  router.post('/konto/name', requireLogin, (req, res) =>
    submitForm(
      res,
      'account/show',
      () => page(req, '/konto/name'),
      async () => {
        const { name } = parseForm(changeNameSchema, req.body);
        await changeName(deps, req.user!.id, name);
        req.flash('success', 'Dein Name ist geändert.');
        res.redirect(303, '/konto');
      },
    ),
  );

  router.post('/konto/email', requireLogin, (req, res) =>
    submitForm(
      res,
      'account/show',
      () => page(req, '/konto/email'),
      async () => {
        const { email, currentPassword } = parseForm(changeEmailSchema, req.body);
        await requestEmailChange(deps, req.user!.id, email, currentPassword, ip(req));
        req.flash(
          'success',
          `Fast geschafft: Wir haben einen Bestätigungslink an ${email} geschickt. Die neue Adresse gilt, sobald du ihn öffnest.`,
        );
        res.redirect(303, '/konto#email');
      },
    ),
  );

  router.get('/konto/email-bestaetigen/:token', withSession, async (req, res) => {
    const request = await findValidEmailChange(deps, String(req.params.token));
    if (!request) return res.status(410).render('account/email-invalid', { title: 'Link ungültig' });
    res.render('account/email-confirm', {
      title: 'Neue E-Mail-Adresse bestätigen',
      token: String(req.params.token),
      newEmail: request.newEmail,
    });
  });

  router.post('/konto/email-bestaetigen/:token', async (req, res) => {
    try {
      const newEmail = await confirmEmailChange(deps, String(req.params.token));
      if (!newEmail) return res.status(410).render('account/email-invalid', { title: 'Link ungültig' });
      req.flash('success', `Deine E-Mail-Adresse ist jetzt ${newEmail}.`);
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      req.flash('error', error.message);
    }
    res.redirect(303, req.user ? '/konto#email' : '/anmelden');
  });

  router.post('/konto/passwort', requireLogin, (req, res) =>
    submitForm(
      res,
      'account/show',
      () => page(req, '/konto/passwort'),
      async () => {
        const { currentPassword, password } = parseForm(changePasswordSchema, req.body);
        await changePassword(deps, req.user!.id, currentPassword, password, ip(req));
        await startUserSession(req, req.user!.id);
        req.flash('success', 'Dein Passwort ist geändert. Auf allen anderen Geräten bist du jetzt abgemeldet.');
        res.redirect(303, '/konto');
      },
    ),
  );

  router.post('/konto/verzeichnis', requireLogin, (req, res) =>
    submitForm(
      res,
      'account/show',
      () => page(req, '/konto/verzeichnis'),
      async () => {
        const settings = parseForm(directorySettingsSchema, req.body);
        await saveDirectorySettings(deps.prisma, req.user!.id, settings);
        req.flash(
          'success',
          settings.listedInDirectory
            ? 'Deine Angaben für die Mitgliederliste sind gespeichert.'
            : 'Gespeichert. Du stehst nicht in der Mitgliederliste.',
        );
        res.redirect(303, '/konto#verzeichnis');
      },
    ),
  );

  router.post('/konto/vorlagenwerte', requireLogin, async (req, res) => {
    const names = Object.keys(await rememberedValues(deps, req.user!.id));
    await replaceValues(deps, req.user!.id, sentValues(req.body, names));
    req.flash('success', 'Deine Angaben für Vorlagen sind gespeichert.');
    res.redirect(303, '/konto#vorlagenwerte');
  });

  router.post('/konto/ueberall-abmelden', requireLogin, async (req, res) => {
    const ask = {
      title: 'Auf allen anderen Geräten abmelden?',
      question: 'Alle anderen Sitzungen deines Kontos werden beendet, auf diesem Gerät bleibst du angemeldet.',
      button: 'Auf allen anderen Geräten abmelden',
      cancelHref: '/konto',
    };
    if (!confirmed(req, res, ask)) return;
    await endSessionsOfUser(deps.pool, req.user!.id, req.sessionID);
    req.flash('success', 'Du bist auf allen anderen Geräten abgemeldet.');
    res.redirect(303, '/konto');
  });

  return router;
}
