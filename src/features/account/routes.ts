import { Router, type Request } from 'express';
import { formValues, parseForm, submittedIds } from '../../lib/forms.js';
import { startUserSession, submitForm } from '../../lib/http.js';
import { requireLogin } from '../../middleware/auth.js';
import { endSessionsOfUser } from '../../middleware/session.js';
import { MANDATE_LABELS, directorySettingsSchema } from '../members/schema.js';
import { saveDirectorySettings } from '../members/service.js';
import { activeTopics } from '../topics/service.js';
import { changeEmailSchema, changeNameSchema, changePasswordSchema } from './schema.js';
import { changeEmail, changeName, changePassword, type AccountDeps } from './service.js';

export function accountRoutes(deps: AccountDeps): Router {
  const router = Router();
  router.use('/konto', requireLogin);

  const page = async (req: Request, form?: string) => {
    const user = await deps.prisma.user.findUniqueOrThrow({
      where: { id: req.user!.id },
      include: { alliance: true, requestedAlliance: true, competences: { select: { topicId: true } } },
    });
    const stored = {
      name: user.name,
      email: user.email,
      listedInDirectory: user.listedInDirectory,
      publicOnAlliancePage: user.publicOnAlliancePage,
      mandate: user.mandate,
      directoryNote: user.directoryNote ?? '',
      competenceIds: user.competences.map((c) => c.topicId),
    };
    // The form that failed keeps what was typed; the others show the stored values.
    const typed = form ? formValues(req.body) : {};
    if (form === 'directory') {
      typed.competenceIds = submittedIds(req.body, 'competenceIds');
      typed.listedInDirectory = typed.listedInDirectory === 'ja';
      typed.publicOnAlliancePage = typed.publicOnAlliancePage === 'ja';
    }
    return {
      title: 'Mein Konto',
      account: user,
      form,
      values: { ...stored, ...typed },
      topics: await activeTopics(deps.prisma),
      mandateLabels: MANDATE_LABELS,
    };
  };

  router.get('/konto', async (req, res) => {
    res.render('account/show', { ...(await page(req)), errors: {} });
  });

  router.post('/konto/name', (req, res) =>
    submitForm(
      res,
      'account/show',
      () => page(req, 'name'),
      async () => {
        const { name } = parseForm(changeNameSchema, req.body);
        await changeName(deps, req.user!.id, name);
        req.flash('success', 'Dein Name ist geändert.');
        res.redirect(303, '/konto');
      },
    ),
  );

  router.post('/konto/email', (req, res) =>
    submitForm(
      res,
      'account/show',
      () => page(req, 'email'),
      async () => {
        const { email, currentPassword } = parseForm(changeEmailSchema, req.body);
        await changeEmail(deps, req.user!.id, email, currentPassword);
        req.flash('success', 'Deine E-Mail-Adresse ist geändert.');
        res.redirect(303, '/konto');
      },
    ),
  );

  router.post('/konto/passwort', (req, res) =>
    submitForm(
      res,
      'account/show',
      () => page(req, 'password'),
      async () => {
        const { currentPassword, password } = parseForm(changePasswordSchema, req.body);
        await changePassword(deps, req.user!.id, currentPassword, password);
        await startUserSession(req, req.user!.id);
        req.flash('success', 'Dein Passwort ist geändert. Auf allen anderen Geräten bist du jetzt abgemeldet.');
        res.redirect(303, '/konto');
      },
    ),
  );

  router.post('/konto/verzeichnis', (req, res) =>
    submitForm(
      res,
      'account/show',
      () => page(req, 'directory'),
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

  router.post('/konto/ueberall-abmelden', async (req, res) => {
    await endSessionsOfUser(deps.pool, req.user!.id);
    await startUserSession(req, req.user!.id);
    req.flash('success', 'Du bist auf allen anderen Geräten abgemeldet.');
    res.redirect(303, '/konto');
  });

  return router;
}
