// The results protocol (/treffen/:id/protokoll), its decisions, the follow-up of decisions across meetings
// (/treffen/beschluesse) and the deadlines of all meetings (/treffen/fristen). Mounted before /treffen/:id.
import { Router, type Request, type Response } from 'express';
import { AppError } from '../../lib/errors.js';
import { formValues, parseForm, parseQuery, submittedIds } from '../../lib/forms.js';
import { confirmed, requireIdParam, submitForm } from '../../lib/http.js';
import { hasRole, requireRole, safeReturnPath } from '../../middleware/auth.js';
import { renderShared } from '../../middleware/shared-pages.js';
import { contentVersionOf } from '../../db/content-version.js';
import { sharedResults } from '../../lib/cache.js';
import { berlinDay } from '../../lib/dates.js';
import type { Services } from '../../services.js';
import { loadManagedMeeting, loadMeeting, type MeetingRow } from './access.js';
import { dueDay } from './deadlines.js';
import {
  addDecisionNote,
  createDecision,
  DECISION_NOT_FOUND,
  decisionAllianceChoices,
  decisionFilterSchema,
  decisionFormSchema,
  decisionFormValues,
  deleteDecision,
  findDecision,
  findMeetingDecision,
  listDecisions,
  meetingDecisions,
  meetingsWithDecisions,
  noteFormSchema,
  STATUS_FILTERS,
  updateDecision,
  type DecisionEntry,
} from './decisions.js';
import { DECISION_STATUSES } from './labels.js';
import { meetingViewHelpers } from './view-helpers.js';
import { numberedAgenda } from './agenda.js';
import { findProtocol, protocolFormData, protocolView, publishProtocol, publishRefusal, saveProtocol } from './protocol.js';
import { deadlineOverview } from './reminders.js';

/** What the meeting head and tabs need, plus the decisions' states. */
const viewHelpers = { ...meetingViewHelpers, decisionStatuses: DECISION_STATUSES };

const CANCELLED = 'Das Treffen ist abgesagt – dafür gibt es kein Protokoll.';

/** A cancelled meeting has no protocol to write. */
function assertNotCancelled(meeting: MeetingRow): void {
  if (meeting.status === 'CANCELLED') throw new AppError(CANCELLED, 409);
}

/** After a follow-up note: back to the list the form was on (its filters and page), else to the decision. */
function followUpReturn(body: unknown, fallback: string): string {
  const back = safeReturnPath((body as Record<string, unknown> | undefined)?.weiter);
  return back && /^\/treffen\/beschluesse(?:[/?]|$)/.test(back) ? back : fallback;
}

export function protocolRoutes(deps: Services): Router {
  const router = Router();

  /** A meeting the viewer manages whose protocol can still be written (not cancelled). */
  async function managedOpenMeeting(req: Request, res: Response): Promise<MeetingRow | undefined> {
    const access = await loadManagedMeeting(deps, req, res);
    if (access) assertNotCancelled(access.meeting);
    return access?.meeting;
  }
  const organizer = requireRole('ORGANIZER');

  // --- Deadlines of all meetings ------------------------------------------------------------------------------

  // The same for every organiser all day long, until a meeting changes (sharedResults).
  const overviews = sharedResults<Awaited<ReturnType<typeof deadlineOverview>>>(4);
  router.get('/treffen/fristen', organizer, async (req, res) => {
    await renderShared(req, res, 'meetings/deadlines-overview', async () => {
      const now = new Date();
      const groups = await overviews(deps.pool, [berlinDay(now)], { contentVersion: contentVersionOf(req), ttlMs: 0 }, () =>
        deadlineOverview(deps.pool, now),
      );
      return { title: 'Fristen aller Treffen', groups };
    });
  });

  // --- Decision follow-up ------------------------------------------------------------------------------------

  // The same for every member; organisers get forms and so their own page (middleware/shared-pages.ts).
  router.get('/treffen/beschluesse', async (req, res) => {
    const filter = parseQuery(decisionFilterSchema, req.query);
    await renderShared(req, res, 'meetings/decisions', async () => {
      const source = { ...deps, contentVersion: contentVersionOf(req) };
      const [list, meetings] = await Promise.all([listDecisions(source, req.user, filter), meetingsWithDecisions(source, req.user)]);
      return {
        title: 'Beschlüsse',
        filter,
        ...list,
        meetings,
        statusFilters: STATUS_FILTERS,
        decisionStatuses: DECISION_STATUSES,
        canFollowUp: hasRole(req.user, 'ORGANIZER'),
        currentUrl: req.originalUrl,
      };
    });
  });

  const decisionLocals = (decision: DecisionEntry, req: Request, values: Record<string, unknown> = { status: decision.status }) => ({
    title: 'Beschluss',
    decision,
    values,
    errors: {},
    decisionStatuses: DECISION_STATUSES,
    canFollowUp: hasRole(req.user, 'ORGANIZER'),
    // After a failed note the way back to the list stays as it was.
    currentUrl: followUpReturn(req.body, ''),
  });

  /** The decision in :id as the viewer may see it (undefined: sent to the login). */
  async function loadDecision(req: Request, res: Response): Promise<DecisionEntry | undefined> {
    const found = await findDecision(deps.pool, req.user, requireIdParam(req, DECISION_NOT_FOUND));
    if (found === 'login') {
      res.redirect(303, `/anmelden?weiter=${encodeURIComponent(req.originalUrl)}`);
      return undefined;
    }
    return found;
  }

  router.get('/treffen/beschluesse/:id', async (req, res) => {
    const decision = await loadDecision(req, res);
    if (!decision) return;
    res.render('meetings/decision', decisionLocals(decision, req));
  });

  router.post('/treffen/beschluesse/:id/verlauf', organizer, async (req, res) => {
    const decision = await loadDecision(req, res);
    if (!decision) return;
    await submitForm(
      res,
      'meetings/decision',
      () => decisionLocals(decision, req, formValues(req.body)),
      async () => {
        const note = parseForm(noteFormSchema, req.body);
        await addDecisionNote(deps.prisma, req.user!, decision.id, note);
        req.flash('success', `Der Verlauf ist ergänzt; der Beschluss steht jetzt auf „${DECISION_STATUSES[note.status]}“.`);
        res.redirect(303, followUpReturn(req.body, `/treffen/beschluesse/${decision.id}`));
      },
    );
  });

  // --- The protocol -----------------------------------------------------------------------------------------

  router.get('/treffen/:id/protokoll', async (req, res) => {
    const access = await loadMeeting(deps, req, res);
    if (!access) return;
    const { meeting } = access;
    const published = !!meeting.protocolPublishedAt;
    // Before publication only the lead organiser and admins see the draft.
    const view = meeting.status !== 'CANCELLED' && (published || access.canManage) ? await protocolView(deps, meeting) : undefined;
    res.render('meetings/protocol', {
      title: `Ergebnisprotokoll: ${meeting.title}`,
      ...access,
      published,
      view,
      dueOn: dueDay(meeting, 'PROTOCOL'),
      ...viewHelpers,
    });
  });

  /** The editing page; `form` holds what was sent after an error. */
  async function editLocals(meeting: MeetingRow, form?: Record<string, unknown>) {
    const [data, outline, decisions, alliances, protocol] = await Promise.all([
      protocolFormData(deps.prisma, meeting.id),
      numberedAgenda(deps.pool, meeting.id),
      meetingDecisions(deps.pool, meeting.id),
      decisionAllianceChoices(deps.pool, meeting.id),
      findProtocol(deps.prisma, meeting.id),
    ]);
    const values = form ?? {
      summary: data.summary,
      guests: data.guests,
      ...Object.fromEntries(outline.map((i) => [`result_${i.id}`, i.result])),
    };
    const itemLabels = new Map(outline.map((i) => [i.id, `TOP ${i.number} ${i.title}`]));
    return {
      title: `Protokoll bearbeiten: ${meeting.title}`,
      meeting,
      options: data.options,
      present: form ? submittedIds(form, 'attendees') : data.present,
      values,
      items: outline,
      decisions: decisions.map((d) => ({ ...d, itemLabel: d.agendaItemId ? (itemLabels.get(d.agendaItemId) ?? null) : null })),
      alliances,
      decisionValues: { status: 'OPEN' },
      protocol,
      refusal: publishRefusal(meeting, protocol),
      dueOn: dueDay(meeting, 'PROTOCOL'),
      ...viewHelpers,
    };
  }

  router.get('/treffen/:id/protokoll/bearbeiten', organizer, async (req, res) => {
    const access = await loadManagedMeeting(deps, req, res);
    if (!access) return;
    assertNotCancelled(access.meeting);
    res.render('meetings/protocol-form', { ...(await editLocals(access.meeting)), errors: {} });
  });

  router.post('/treffen/:id/protokoll', organizer, async (req, res) => {
    const meeting = await managedOpenMeeting(req, res);
    if (!meeting) return;
    await submitForm(
      res,
      'meetings/protocol-form',
      () => editLocals(meeting, formValues(req.body)),
      async () => {
        await saveProtocol(deps, meeting.id, (req.body ?? {}) as Record<string, unknown>);
        req.flash(
          'success',
          meeting.protocolPublishedAt
            ? 'Das Protokoll ist gespeichert; die Änderungen sind sofort sichtbar.'
            : 'Das Protokoll ist gespeichert.',
        );
        res.redirect(303, `/treffen/${meeting.id}/protokoll/bearbeiten`);
      },
    );
  });

  router.post('/treffen/:id/protokoll/veroeffentlichen', organizer, async (req, res) => {
    const access = await loadManagedMeeting(deps, req, res);
    if (!access) return;
    const { meeting } = access;
    const protocol = await findProtocol(deps.prisma, meeting.id);
    if (protocol?.publishedAt) {
      req.flash('info', 'Das Protokoll ist schon veröffentlicht.');
      return res.redirect(303, `/treffen/${meeting.id}/protokoll`);
    }
    const refusal = publishRefusal(meeting, protocol);
    if (refusal) {
      req.flash('error', refusal);
      return res.redirect(303, `/treffen/${meeting.id}/protokoll/bearbeiten`);
    }
    const ask = {
      title: 'Protokoll veröffentlichen?',
      question:
        'Das Protokoll wird für alle sichtbar, die das Treffen sehen dürfen, und alle Teilnehmenden bekommen eine E-Mail. Das Datum der Veröffentlichung zählt für die Frist; spätere Änderungen bleiben möglich.',
      button: 'Protokoll veröffentlichen',
      cancelHref: `/treffen/${meeting.id}/protokoll/bearbeiten`,
    };
    if (!confirmed(req, res, ask)) return;
    await deps.limits.action('notify', { ip: req.ip ?? 'unknown', account: req.user!.id });
    const { notified } = await publishProtocol(deps, meeting);
    req.flash(
      'success',
      `Das Protokoll ist veröffentlicht.${notified ? ` ${notified} ${notified === 1 ? 'Person bekommt' : 'Personen bekommen'} eine E-Mail.` : ''}`,
    );
    res.redirect(303, `/treffen/${meeting.id}/protokoll`);
  });

  // --- Decisions of a protocol ------------------------------------------------------------------------------

  async function decisionFormLocals(meeting: MeetingRow, heading: string, action: string, values: Record<string, unknown>) {
    const [alliances, items] = await Promise.all([decisionAllianceChoices(deps.pool, meeting.id), numberedAgenda(deps.pool, meeting.id)]);
    return { title: `${heading}: ${meeting.title}`, heading, meeting, action, values, alliances, items, ...viewHelpers };
  }

  router.get('/treffen/:id/protokoll/beschluesse/neu', organizer, async (req, res) => {
    const access = await loadManagedMeeting(deps, req, res);
    if (!access) return;
    assertNotCancelled(access.meeting);
    const { meeting } = access;
    res.render('meetings/decision-form', {
      ...(await decisionFormLocals(meeting, 'Beschluss hinzufügen', `/treffen/${meeting.id}/protokoll/beschluesse`, { status: 'OPEN' })),
      errors: {},
    });
  });

  router.post('/treffen/:id/protokoll/beschluesse', organizer, async (req, res) => {
    const meeting = await managedOpenMeeting(req, res);
    if (!meeting) return;
    await submitForm(
      res,
      'meetings/decision-form',
      () => decisionFormLocals(meeting, 'Beschluss hinzufügen', `/treffen/${meeting.id}/protokoll/beschluesse`, formValues(req.body)),
      async () => {
        await createDecision(deps, meeting.id, parseForm(decisionFormSchema, req.body));
        req.flash('success', 'Der Beschluss ist eingetragen.');
        res.redirect(303, `/treffen/${meeting.id}/protokoll/bearbeiten#beschluesse`);
      },
    );
  });

  /** The decision in :decisionId of a meeting the viewer manages (404 when it belongs to another meeting). */
  async function managedDecision(req: Request, res: Response) {
    const meeting = await managedOpenMeeting(req, res);
    if (!meeting) return undefined;
    const decision = await findMeetingDecision(deps.pool, meeting.id, requireIdParam(req, DECISION_NOT_FOUND, 'decisionId'));
    return { meeting, decision };
  }

  router.get('/treffen/:id/protokoll/beschluesse/:decisionId/bearbeiten', organizer, async (req, res) => {
    const found = await managedDecision(req, res);
    if (!found) return;
    const { meeting, decision } = found;
    res.render('meetings/decision-form', {
      ...(await decisionFormLocals(
        meeting,
        'Beschluss bearbeiten',
        `/treffen/${meeting.id}/protokoll/beschluesse/${decision.id}`,
        decisionFormValues(decision),
      )),
      decision,
      errors: {},
    });
  });

  router.post('/treffen/:id/protokoll/beschluesse/:decisionId', organizer, async (req, res) => {
    const found = await managedDecision(req, res);
    if (!found) return;
    const { meeting, decision } = found;
    const action = `/treffen/${meeting.id}/protokoll/beschluesse/${decision.id}`;
    await submitForm(
      res,
      'meetings/decision-form',
      async () => ({ ...(await decisionFormLocals(meeting, 'Beschluss bearbeiten', action, formValues(req.body))), decision }),
      async () => {
        await updateDecision(deps, meeting.id, decision.id, parseForm(decisionFormSchema, req.body));
        req.flash('success', 'Der Beschluss ist gespeichert.');
        res.redirect(303, `/treffen/${meeting.id}/protokoll/bearbeiten#beschluesse`);
      },
    );
  });

  router.post('/treffen/:id/protokoll/beschluesse/:decisionId/loeschen', organizer, async (req, res) => {
    const found = await managedDecision(req, res);
    if (!found) return;
    const { meeting, decision } = found;
    const short = decision.text.length > 80 ? `${decision.text.slice(0, 77)}…` : decision.text;
    const ask = {
      title: 'Beschluss löschen?',
      question: `„${short}“ wird aus dem Protokoll entfernt, mit seinem Verlauf. Das lässt sich nicht rückgängig machen.`,
      button: 'Beschluss löschen',
      cancelHref: `/treffen/${meeting.id}/protokoll/bearbeiten#beschluesse`,
      danger: true,
    };
    if (!confirmed(req, res, ask)) return;
    await deleteDecision(deps.prisma, meeting.id, decision.id);
    req.flash('success', 'Der Beschluss ist gelöscht.');
    res.redirect(303, `/treffen/${meeting.id}/protokoll/bearbeiten#beschluesse`);
  });

  return router;
}
