// /treffen/:id/rueckmeldungen (answers, input-talk slots, the organisers' list and CSV) and /treffen/:id/vorlagen
// (materials, their ZIP, sending them out). Mounted by routes.ts before /treffen/:id.
import { Router, type Request, type Response } from 'express';
import { z } from 'zod';
import { shownContentVersionOf } from '../../db/content-version.js';
import { cleanFileName, multipartForm, uploadedFiles } from '../../lib/attachments.js';
import { berlinDay } from '../../lib/dates.js';
import { NotFoundError, ValidationError } from '../../lib/errors.js';
import { longText, optionalId, optionalText } from '../../lib/fields.js';
import { formValues, parseForm } from '../../lib/forms.js';
import { confirmed, requireIdParam, sendKeptFile, submitForm } from '../../lib/http.js';
import { requireLogin, requireRole, type CurrentUser } from '../../middleware/auth.js';
import { renderShared } from '../../middleware/shared-pages.js';
import type { Services } from '../../services.js';
import { loadManagedMeeting, loadMeeting, loadOrganizedMeeting, type MeetingAccess } from './access.js';
import { numberedAgenda } from './agenda.js';
import { rsvpCsv } from './csv.js';
import { dueDay } from './deadlines.js';
import {
  addMaterial,
  deleteMaterial,
  groupMaterials,
  listMaterials,
  MATERIAL_NOT_FOUND,
  materialsArchive,
  publishMaterials,
  writeZip,
} from './materials.js';
import {
  rsvpClosedReason,
  rsvpFormSchema,
  rsvpOverview,
  rsvpPageFacts,
  saveRsvp,
  talkItems,
  type OwnRsvp,
  type RsvpInput,
  type TalkItem,
} from './participation.js';
import { meetingViewHelpers } from './view-helpers.js';

const materialFormSchema = z.object({
  title: optionalText(200),
  agendaItemId: optionalId('Bitte einen Tagesordnungspunkt wählen.'),
  body: longText(50_000),
});

/** The form's fields from a stored answer. */
function rsvpValues(rsvp: OwnRsvp | null, items: TalkItem[], userId: number | undefined): Record<string, unknown> {
  if (!rsvp) return {};
  const slot = items.flatMap((i) => i.slots).find((s) => s.userId === userId);
  return {
    attendance: rsvp.attendance,
    offersTalk: rsvp.offersTalk ? 'ja' : '',
    talkItemId: slot ? String(slot.agendaItemId) : '',
    topic: slot?.topic ?? '',
    bringsCake: rsvp.bringsCake ? 'ja' : '',
    comment: rsvp.comment ?? '',
  };
}

/** The talk part of an answer must name an item (when there is a choice) and a topic, if a slot can be taken. */
function checkTalk(input: RsvpInput, items: TalkItem[], user: CurrentUser): void {
  if (input.attendance === 'NO' || !input.offersTalk || items.length === 0 || user.allianceId === null) return;
  const errors: Record<string, string> = {};
  if (items.length > 1 && !items.some((i) => i.id === input.talkItemId)) {
    errors.talkItemId = 'Bitte wähle den Tagesordnungspunkt, zu dem du beitragen möchtest.';
  }
  if (!input.topic) errors.topic = 'Bitte gib das Thema deines Beitrags an (ein paar Worte genügen).';
  if (Object.keys(errors).length) throw new ValidationError(errors);
}

export function participationRoutes(deps: Services): Router {
  const router = Router();
  const organizer = requireRole('ORGANIZER');
  const upload = multipartForm({ ...deps.uploadLimits, files: 1 }, 'datei');
  /** Reads the upload only after the person was found to be allowed to add materials. */
  const readUpload = (req: Request, res: Response) =>
    new Promise<void>((resolve, reject) => upload(req, res, (error?: unknown) => (error ? reject(error) : resolve())));

  // ---------------------------------------------------------------------------------------------------------
  // Rückmeldungen

  async function rsvpLocals(req: Request, access: MeetingAccess, values?: Record<string, unknown>) {
    const viewer = req.user;
    const { meeting } = access;
    const [items, { rsvp, allianceName: alliance, counts }] = await Promise.all([
      talkItems(deps.pool, meeting.id, shownContentVersionOf(req)),
      rsvpPageFacts(deps.pool, meeting.id, viewer, access.isOrganizer, shownContentVersionOf(req)),
    ]);
    return {
      title: `Rückmeldungen – ${meeting.title}`,
      ...access,
      rsvp,
      items,
      allianceName: alliance,
      closedReason: rsvpClosedReason(meeting),
      counts,
      values: values ?? rsvpValues(rsvp, items, viewer?.id),
      errors: {},
      ...meetingViewHelpers,
    };
  }

  router.get('/treffen/:id/rueckmeldungen.csv', organizer, async (req, res) => {
    const access = await loadOrganizedMeeting(deps, req, res);
    if (!access) return;
    const { meeting } = access;
    const { rows } = await rsvpOverview(deps.pool, meeting.id);
    res.set('Cache-Control', 'no-store');
    res.type('text/csv; charset=utf-8');
    // An ASCII name, quoted: every browser and mail program keeps it as it is.
    res.set('Content-Disposition', `attachment; filename="rueckmeldungen-treffen-${meeting.id}-${berlinDay(meeting.startsAt)}.csv"`);
    res.send(rsvpCsv(rows));
  });

  router.get('/treffen/:id/rueckmeldungen/liste', organizer, async (req, res) => {
    const access = await loadOrganizedMeeting(deps, req, res);
    if (!access) return;
    res.render('meetings/rsvp-list', {
      title: `Alle Rückmeldungen – ${access.meeting.title}`,
      ...access,
      ...(await rsvpOverview(deps.pool, access.meeting.id)),
      ...meetingViewHelpers,
    });
  });

  router.get('/treffen/:id/rueckmeldungen', async (req, res) => {
    const access = await loadMeeting(deps, req, res);
    if (!access) return;
    res.render('meetings/rsvp', await rsvpLocals(req, access));
  });

  router.post('/treffen/:id/rueckmeldungen', requireLogin, async (req, res) => {
    const access = await loadMeeting(deps, req, res);
    if (!access) return;
    const { meeting } = access;
    const user = req.user!;
    if (rsvpClosedReason(meeting)) return res.status(409).render('meetings/rsvp', await rsvpLocals(req, access));
    await submitForm(
      res,
      'meetings/rsvp',
      () => rsvpLocals(req, access, formValues(req.body)),
      async () => {
        const input = parseForm(rsvpFormSchema, req.body);
        const items = await talkItems(deps.pool, meeting.id);
        checkTalk(input, items, user);
        await deps.limits.action('meeting', { ip: req.ip ?? 'unknown', account: user.id });
        const { notice } = await saveRsvp(deps, meeting.id, user, input, items);
        req.flash(
          'success',
          input.attendance === 'NO'
            ? 'Danke für deine Rückmeldung – schade, dass du nicht dabei bist.'
            : 'Danke, deine Rückmeldung ist gespeichert.',
        );
        if (notice) req.flash('error', notice);
        res.redirect(303, `/treffen/${meeting.id}/rueckmeldungen`);
      },
    );
  });

  // ---------------------------------------------------------------------------------------------------------
  // Vorlagen

  async function materialLocals(access: MeetingAccess, values: Record<string, unknown> = {}) {
    const { meeting } = access;
    const [materials, agenda] = await Promise.all([listMaterials(deps.pool, meeting.id), numberedAgenda(deps.pool, meeting.id)]);
    return {
      title: `Vorlagen – ${meeting.title}`,
      ...access,
      groups: groupMaterials(meeting, materials, agenda),
      materialCount: materials.length,
      agenda,
      materialsDue: dueDay(meeting, 'MATERIALS'),
      uploadLimits: deps.uploadLimits,
      values,
      errors: {},
      ...meetingViewHelpers,
    };
  }

  // Before any /treffen/:id/vorlagen/… address.
  router.get('/treffen/:id/vorlagen.zip', async (req, res) => {
    const access = await loadMeeting(deps, req, res);
    if (!access) return;
    const { meeting } = access;
    const archive = await materialsArchive(deps, meeting.id, shownContentVersionOf(req));
    if (!archive) throw new NotFoundError('Zu diesem Treffen gibt es noch keine Vorlagen, also auch kein ZIP zum Herunterladen.');
    res.set({
      'Content-Type': 'application/zip',
      'Content-Disposition': `attachment; filename="vorlagen-treffen-${meeting.id}.zip"`,
      'Cache-Control': 'private, no-store',
      'X-Content-Type-Options': 'nosniff',
    });
    if (req.method === 'HEAD') return void res.end();
    // Made once while the materials stay the same; everyone after that gets the kept file.
    const file = await deps.files.open(archive.key, (out) => writeZip(deps.pool, out, archive.entries));
    await sendKeptFile(res, file);
  });

  router.get('/treffen/:id/vorlagen', async (req, res) => {
    const access = await loadMeeting(deps, req, res);
    if (!access) return;
    // The lead organiser (and admins) get forms; everyone else of a role the same page (middleware/shared-pages.ts).
    if (access.canManage) return res.render('meetings/materials', await materialLocals(access));
    await renderShared(req, res, 'meetings/materials', () => materialLocals(access));
  });

  router.post('/treffen/:id/vorlagen', organizer, async (req, res) => {
    const access = await loadManagedMeeting(deps, req, res);
    if (!access) return;
    const { meeting } = access;
    await readUpload(req, res);
    await submitForm(
      res,
      'meetings/materials',
      () => materialLocals(access, formValues(req.body)),
      async () => {
        const errors: Record<string, string> = {};
        let input: z.output<typeof materialFormSchema> | undefined;
        try {
          input = parseForm(materialFormSchema, req.body);
        } catch (error) {
          if (!(error instanceof ValidationError)) throw error;
          Object.assign(errors, error.fieldErrors);
        }
        const file = uploadedFiles(req)[0];
        if (req.uploadProblem) errors.datei = req.uploadProblem;
        else if (!file && !input?.body && !errors.body) errors.datei = 'Bitte eine Datei wählen oder einen Text eingeben.';
        if (input && !file && input.body && !input.title) errors.title = 'Bitte einen Titel für den Text angeben.';
        const agenda = await numberedAgenda(deps.pool, meeting.id);
        if (input?.agendaItemId !== undefined && !agenda.some((i) => i.id === input.agendaItemId)) {
          errors.agendaItemId = 'Diesen Tagesordnungspunkt gibt es bei diesem Treffen nicht (mehr).';
        }
        if (!input || Object.keys(errors).length) throw new ValidationError(errors);
        if (file) await deps.limits.action('upload', { ip: req.ip ?? 'unknown', account: req.user!.id });
        const fileName = file ? cleanFileName(file.originalname) : '';
        const title = input.title ?? (fileName.replace(/\.[^.]{1,10}$/, '') || fileName);
        await addMaterial(
          deps,
          meeting.id,
          req.user!,
          { title: title.slice(0, 200), body: input.body, agendaItemId: input.agendaItemId ?? null },
          file,
        );
        req.flash(
          'success',
          meeting.materialsPublishedAt
            ? `„${title}“ ist bei den Vorlagen. Sie sind schon verschickt: mit „Vorlagen verschicken“ erfahren alle Angemeldeten von der neuen.`
            : `„${title}“ ist bei den Vorlagen.`,
        );
        res.redirect(303, `/treffen/${meeting.id}/vorlagen`);
      },
    );
  });

  router.post('/treffen/:id/vorlagen/verschicken', organizer, async (req, res) => {
    const access = await loadManagedMeeting(deps, req, res);
    if (!access) return;
    const { meeting } = access;
    const ask = {
      title: 'Vorlagen verschicken?',
      question: meeting.materialsPublishedAt
        ? 'Alle, die sich zurückgemeldet haben, bekommen noch einmal eine E-Mail mit der Liste der Vorlagen und dem Link zum ZIP.'
        : 'Alle, die sich zurückgemeldet haben, bekommen eine E-Mail mit der Liste der Vorlagen und dem Link zum ZIP. Das Datum zählt für die Frist.',
      button: 'Vorlagen jetzt verschicken',
      cancelHref: `/treffen/${meeting.id}/vorlagen`,
    };
    if (!confirmed(req, res, ask)) return;
    await deps.limits.action('notify', { ip: req.ip ?? 'unknown', account: req.user!.id });
    const { notified } = await publishMaterials(deps, meeting);
    req.flash(
      'success',
      notified
        ? `Die Vorlagen sind verschickt: ${notified} angemeldete Personen bekommen eine E-Mail.`
        : 'Die Vorlagen sind als verschickt vermerkt. Bisher hat sich niemand angemeldet, der eine E-Mail bekäme.',
    );
    res.redirect(303, `/treffen/${meeting.id}/vorlagen`);
  });

  router.post('/treffen/:id/vorlagen/:materialId/loeschen', organizer, async (req, res) => {
    const access = await loadManagedMeeting(deps, req, res);
    if (!access) return;
    const { meeting } = access;
    const materialId = requireIdParam(req, MATERIAL_NOT_FOUND, 'materialId');
    const material = await deps.prisma.material.findFirst({ where: { id: materialId, meetingId: meeting.id }, select: { title: true } });
    if (!material) throw new NotFoundError(MATERIAL_NOT_FOUND);
    const ask = {
      title: 'Vorlage löschen?',
      question: `„${material.title}“ wird mit der Datei gelöscht und ist auch aus dem ZIP verschwunden. Das lässt sich nicht rückgängig machen.`,
      button: `„${material.title}“ löschen`,
      cancelHref: `/treffen/${meeting.id}/vorlagen`,
      danger: true,
    };
    if (!confirmed(req, res, ask)) return;
    const title = await deleteMaterial(deps.prisma, meeting.id, materialId);
    if (title === undefined) throw new NotFoundError(MATERIAL_NOT_FOUND);
    req.flash('success', `„${title}“ ist gelöscht.`);
    res.redirect(303, `/treffen/${meeting.id}/vorlagen`);
  });

  return router;
}
