// /treffen: meetings and their preparation. This file holds the meetings themselves (lists, year view, calendar,
// create, edit, cancel, overview page); the preparation steps have their own routers, mounted here first so that
// their fixed addresses (/treffen/fristen …) come before /treffen/:id.
import { Router } from 'express';
import { z } from 'zod';
import { shownContentVersionOf } from '../../db/content-version.js';
import { berlinDay, berlinTime } from '../../lib/dates.js';
import { NotFoundError } from '../../lib/errors.js';
import { pageParam, searchParam } from '../../lib/fields.js';
import { formValues, parseForm, parseQuery } from '../../lib/forms.js';
import { submitForm } from '../../lib/http.js';
import { renderMarkdown } from '../../lib/markdown.js';
import { requireRole } from '../../middleware/auth.js';
import { renderShared } from '../../middleware/shared-pages.js';
import type { Services } from '../../services.js';
import { loadMeeting, loadOrganizedMeeting, type MeetingRow } from './access.js';
import { agendaRoutes } from './agenda-routes.js';
import { meetingCalendar } from './calendar.js';
import { clockRange, plannedAgenda } from './agenda.js';
import { dueDay, meetingDeadlines } from './deadlines.js';
import { MEETING_KINDS } from './labels.js';
import { participationRoutes } from './participation-routes.js';
import { protocolRoutes } from './protocol-routes.js';
import { cancelFormSchema, meetingFormSchema } from './schema.js';
import { meetingViewHelpers } from './view-helpers.js';
import { cancelMeeting, createMeeting, listMeetings, meetingPageFacts, organizerChoices, updateMeeting, yearOverview } from './service.js';

/** The form's fields from a stored meeting (times in Berlin). */
function formFromMeeting(m: MeetingRow): Record<string, unknown> {
  const endDay = berlinDay(m.endsAt);
  return {
    ...m,
    date: berlinDay(m.startsAt),
    startTime: berlinTime(m.startsAt),
    endTime: berlinTime(m.endsAt),
    endDate: endDay === berlinDay(m.startsAt) ? '' : endDay,
    visibility: m.isPublic ? 'PUBLIC' : 'INTERNAL',
  };
}

const DEFAULT_FORM = {
  kind: 'KOG_TREFFEN',
  visibility: 'PUBLIC',
  startTime: '14:00',
  endTime: '18:00',
  talkMinutes: '7',
  purpose: 'Für einen nächsten Erfahrungsaustausch und zur gemeinsamen Beratung',
  notes: 'Für Getränke wird gesorgt, wir freuen uns über Kuchenspenden (bitte sagt uns vorher Bescheid).',
};

/** /treffen?seite=2&vergangene=1&q=…; built once (a zod schema costs far more to build than to use). */
const listQuerySchema = z.object({ seite: pageParam, vergangene: z.unknown().optional(), q: searchParam() });

export function meetingRoutes(deps: Services): Router {
  const router = Router();
  const organizer = requireRole('ORGANIZER');

  const formLocals = async (title: string, values: Record<string, unknown>, action: string) => ({
    title,
    values,
    action,
    kinds: MEETING_KINDS,
    organizers: await organizerChoices(deps.prisma),
  });

  router.get('/treffen', async (req, res) => {
    const query = parseQuery(listQuerySchema, req.query);
    const past = query.vergangene === '1';
    // The same for every member (middleware/shared-pages.ts).
    await renderShared(req, res, 'meetings/index', async () => ({
      title: query.q ? `Treffen zu „${query.q}“` : past ? 'Vergangene Treffen' : 'Treffen',
      past,
      q: query.q,
      page: query.seite,
      ...(await listMeetings(deps.pool, req.user, { past, page: query.seite, q: query.q })),
      currentYear: Number(berlinDay(new Date()).slice(0, 4)),
      ...meetingViewHelpers,
    }));
  });

  router.get('/treffen.ics', async (req, res) => {
    // Calendar programs subscribe without logging in: public meetings only, from three months back.
    const meetings = await deps.prisma.meeting.findMany({
      where: { isPublic: true, endsAt: { gte: new Date(Date.now() - 90 * 86_400_000) } },
      orderBy: { startsAt: 'asc' },
      take: 500,
    });
    res.type('text/calendar; charset=utf-8').set('Content-Disposition', 'inline; filename="treffen.ics"');
    res.send(meetingCalendar(meetings, deps.baseUrl, 'KOG-Treffen – Kommunale Erfahrungsbörse'));
  });

  router.get('/treffen/neu', organizer, async (req, res) => {
    // Whoever creates the meeting usually leads it; the form lets them pick someone else.
    const values = { ...DEFAULT_FORM, leadOrganizerId: String(req.user!.id) };
    res.render('meetings/form', { ...(await formLocals('Neues Treffen anlegen', values, '/treffen')), errors: {} });
  });

  router.post('/treffen', organizer, (req, res) =>
    submitForm(
      res,
      'meetings/form',
      () => formLocals('Neues Treffen anlegen', formValues(req.body), '/treffen'),
      async () => {
        const meeting = await createMeeting(deps, req.user!, parseForm(meetingFormSchema, req.body));
        req.flash('success', 'Das Treffen ist angelegt. Als Nächstes: die Tagesordnung vorbereiten.');
        res.redirect(303, `/treffen/${meeting.id}`);
      },
    ),
  );

  router.get('/treffen/jahr/:jahr', async (req, res) => {
    const year = /^\d{4}$/.test(String(req.params.jahr)) ? Number(req.params.jahr) : NaN;
    if (!(year >= 2000 && year <= 2100)) throw new NotFoundError('Für dieses Jahr gibt es keine Übersicht.');
    res.render('meetings/year', {
      title: `Treffen im Jahr ${year}`,
      ...(await yearOverview(deps.pool, req.user, year)),
      ...meetingViewHelpers,
    });
  });

  // The preparation steps (their fixed addresses come before /treffen/:id).
  router.use(protocolRoutes(deps));
  router.use(agendaRoutes(deps));
  router.use(participationRoutes(deps));

  router.get('/treffen/:id.ics', async (req, res) => {
    const access = await loadMeeting(deps, req, res);
    if (!access) return;
    res.type('text/calendar; charset=utf-8').attachment(`treffen-${access.meeting.id}.ics`);
    res.send(meetingCalendar([access.meeting], deps.baseUrl, access.meeting.title));
  });

  router.get('/treffen/:id', async (req, res) => {
    const access = await loadMeeting(deps, req, res);
    if (!access) return;
    const { meeting } = access;
    const agendaVisible = meeting.agendaPublishedAt !== null || access.canManage;
    const [{ rsvp, materialCount }, plan] = await Promise.all([
      meetingPageFacts(deps.pool, meeting.id, req.user, shownContentVersionOf(req)),
      agendaVisible ? plannedAgenda(deps.pool, meeting, shownContentVersionOf(req)) : undefined,
    ]);
    // The same page for everyone with the role who has not answered yet and does not lead the meeting.
    const personal = rsvp !== null || req.user?.id === meeting.leadOrganizerId;
    await renderShared(
      req,
      res,
      'meetings/show',
      async () => ({
        title: meeting.title,
        ...access,
        rsvp,
        deadlines: access.isOrganizer && meeting.status !== 'CANCELLED' ? meetingDeadlines(meeting) : [],
        plan,
        materialCount,
        dueOn: { materials: dueDay(meeting, 'MATERIALS'), protocol: dueDay(meeting, 'PROTOCOL') },
        clockRange,
        purposeHtml: renderMarkdown(meeting.purpose),
        notesHtml: renderMarkdown(meeting.notes),
        relatedEventsHtml: renderMarkdown(meeting.relatedEvents),
        ...meetingViewHelpers,
      }),
      { personal },
    );
  });

  router.get('/treffen/:id/bearbeiten', organizer, async (req, res) => {
    const access = await loadOrganizedMeeting(deps, req, res);
    if (!access) return;
    const { meeting } = access;
    res.render('meetings/form', {
      ...(await formLocals(`${meeting.title} bearbeiten`, formFromMeeting(meeting), `/treffen/${meeting.id}`)),
      meeting,
      errors: {},
    });
  });

  router.post('/treffen/:id', organizer, async (req, res) => {
    const access = await loadOrganizedMeeting(deps, req, res);
    if (!access) return;
    const { meeting } = access;
    await submitForm(
      res,
      'meetings/form',
      async () => ({ ...(await formLocals(`${meeting.title} bearbeiten`, formValues(req.body), `/treffen/${meeting.id}`)), meeting }),
      async () => {
        const { notified } = await updateMeeting(deps, meeting, parseForm(meetingFormSchema, req.body));
        req.flash(
          'success',
          notified
            ? `Die Änderungen sind gespeichert; ${notified} angemeldete Personen bekommen eine E-Mail.`
            : 'Die Änderungen sind gespeichert.',
        );
        res.redirect(303, `/treffen/${meeting.id}`);
      },
    );
  });

  router.get('/treffen/:id/absagen', organizer, async (req, res) => {
    const access = await loadOrganizedMeeting(deps, req, res);
    if (!access) return;
    if (access.meeting.status === 'CANCELLED') return res.redirect(303, `/treffen/${access.meeting.id}`);
    res.render('meetings/cancel', {
      title: `${access.meeting.title} absagen`,
      meeting: access.meeting,
      values: {},
      errors: {},
      ...meetingViewHelpers,
    });
  });

  router.post('/treffen/:id/absagen', organizer, async (req, res) => {
    const access = await loadOrganizedMeeting(deps, req, res);
    if (!access) return;
    const { meeting } = access;
    if (meeting.status === 'CANCELLED') return res.redirect(303, `/treffen/${meeting.id}`);
    await submitForm(
      res,
      'meetings/cancel',
      () => ({ title: `${meeting.title} absagen`, meeting, values: formValues(req.body), ...meetingViewHelpers }),
      async () => {
        const { reason } = parseForm(cancelFormSchema, req.body);
        await deps.limits.action('notify', { ip: req.ip ?? 'unknown', account: req.user!.id });
        const { notified } = await cancelMeeting(deps, meeting, reason);
        req.flash('success', `Das Treffen ist abgesagt.${notified ? ` ${notified} angemeldete Personen bekommen eine E-Mail.` : ''}`);
        res.redirect(303, `/treffen/${meeting.id}`);
      },
    );
  });

  return router;
}
