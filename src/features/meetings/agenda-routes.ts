// /treffen/:id/tagesordnung (the agenda, its items, standing items, publishing), /treffen/:id/vorschlaege
// (proposals and the lead organiser's decisions on them) and /treffen/:id/einladung (the invitation).
// Mounted by routes.ts before /treffen/:id.
import { Router, type Request, type Response } from 'express';
import { z } from 'zod';
import { shownContentVersionOf } from '../../db/content-version.js';
import { formatLongDate } from '../../lib/dates.js';
import { NotFoundError, ValidationError } from '../../lib/errors.js';
import { optionalId } from '../../lib/fields.js';
import { formValues, parseForm } from '../../lib/forms.js';
import { confirmed, requireIdParam, submitForm } from '../../lib/http.js';
import { renderMarkdown } from '../../lib/markdown.js';
import { requireLogin, requireRole } from '../../middleware/auth.js';
import type { Services } from '../../services.js';
import { loadManagedMeeting, loadMeeting, type MeetingAccess } from './access.js';
import {
  addAgendaItem,
  addStandingItems,
  AGENDA_ITEM_NOT_FOUND,
  agendaEndLabel,
  agendaItemSchema,
  clockRange,
  deleteAgendaItem,
  findAgendaItem,
  loadAgenda,
  minutesLabel,
  moveAgendaItem,
  overrunWarning,
  updateAgendaItem,
  type Agenda,
} from './agenda.js';
import { buildInvitation, decisionDetails, publishAgenda } from './invitation.js';
import { PROPOSAL_STATUSES, DECISION_STATUSES } from './labels.js';
import {
  acceptProposal,
  declineProposal,
  declineSchema,
  deferProposal,
  deferSchema,
  deferTargets,
  findProposal,
  groupProposals,
  listProposals,
  mergeProposals,
  mergeSchema,
  PROPOSAL_NOT_FOUND,
  proposalSchema,
  proposalsClosedReason,
  submitProposal,
  type ProposalView,
} from './proposals.js';
import { meetingViewHelpers } from './view-helpers.js';

/** What the agenda views use besides the meeting helpers. */
const agendaHelpers = { clockRange, minutesLabel, decisionDetails, decisionStatuses: DECISION_STATUSES, renderMarkdown };

const parentSchema = z.object({ unter: optionalId(AGENDA_ITEM_NOT_FOUND) });

/** The parent item for a new sub-item (?unter= or the form's hidden field); anything odd answers 404. */
function parentParam(input: unknown): number | undefined {
  const parsed = parentSchema.safeParse(input ?? {});
  if (!parsed.success) throw new NotFoundError(AGENDA_ITEM_NOT_FOUND);
  return parsed.data.unter;
}

export function agendaRoutes(deps: Services): Router {
  const router = Router();
  const organizer = requireRole('ORGANIZER');
  const notifyLimit = (req: Request) => deps.limits.action('notify', { ip: req.ip ?? 'unknown', account: req.user!.id });
  const base = (access: MeetingAccess) => `/treffen/${access.meeting.id}`;

  // ------------------------------------------------------------------------------------------------------------
  // Agenda

  async function renderAgenda(req: Request, res: Response, access: MeetingAccess, status = 200, errors: Record<string, string> = {}) {
    const { meeting, canManage } = access;
    const published = meeting.agendaPublishedAt !== null;
    // Before it goes out, the agenda is a draft of the lead organiser's.
    const agenda: Agenda | undefined =
      published || canManage
        ? await loadAgenda(deps, meeting, { forVisitor: !req.user, contentVersion: shownContentVersionOf(req) })
        : undefined;
    const [openProposals, memberCount] = canManage
      ? await Promise.all([
          deps.prisma.agendaProposal.count({ where: { meetingId: meeting.id, status: 'OPEN' } }),
          published ? 0 : deps.prisma.user.count({ where: { status: 'ACTIVE' } }),
        ])
      : [0, 0];
    res.status(status).render('meetings/agenda', {
      title: `Tagesordnung: ${meeting.title}`,
      ...access,
      published,
      agenda,
      overrun: agenda && agenda.plan.items.length ? overrunWarning(agenda.plan, meeting) : undefined,
      endLabel: agenda && agenda.plan.items.length ? agendaEndLabel(agenda.plan) : undefined,
      proposalsClosed: proposalsClosedReason(meeting),
      openProposals,
      memberCount,
      errors,
      scripts: canManage ? ['js/agenda.js'] : [],
      ...meetingViewHelpers,
      ...agendaHelpers,
    });
  }

  router.get('/treffen/:id/tagesordnung', async (req, res) => {
    const access = await loadMeeting(deps, req, res);
    if (!access) return;
    await renderAgenda(req, res, access);
  });

  const itemFormLocals = async (access: MeetingAccess, values: Record<string, unknown>, item?: { id: number; parentId: number | null }) => {
    const parentId = item ? item.parentId : Number(values.unter) || null;
    const parent = parentId ? await findAgendaItem(deps.prisma, access.meeting.id, parentId) : undefined;
    const heading = item ? 'Tagesordnungspunkt bearbeiten' : parent ? `Unterpunkt zu „${parent.title}“` : 'Tagesordnungspunkt hinzufügen';
    return {
      title: `${heading}: ${access.meeting.title}`,
      heading,
      ...access,
      values,
      parent,
      isSubItem: !!parent,
      action: item ? `${base(access)}/tagesordnung/${item.id}` : `${base(access)}/tagesordnung`,
      ...meetingViewHelpers,
    };
  };

  router.get('/treffen/:id/tagesordnung/neu', organizer, async (req, res) => {
    const access = await loadManagedMeeting(deps, req, res);
    if (!access) return;
    const unter = parentParam(req.query);
    if (unter) {
      const parent = await findAgendaItem(deps.prisma, access.meeting.id, unter);
      if (parent.parentId !== null) throw new NotFoundError(AGENDA_ITEM_NOT_FOUND);
    }
    res.render('meetings/agenda-form', { ...(await itemFormLocals(access, { unter: unter ? String(unter) : '' })), errors: {} });
  });

  router.post('/treffen/:id/tagesordnung', organizer, async (req, res) => {
    const access = await loadManagedMeeting(deps, req, res);
    if (!access) return;
    const unter = parentParam(req.body);
    if (unter) await findAgendaItem(deps.prisma, access.meeting.id, unter);
    await submitForm(
      res,
      'meetings/agenda-form',
      () => itemFormLocals(access, formValues(req.body)),
      async () => {
        const item = await addAgendaItem(deps, access.meeting.id, parseForm(agendaItemSchema, req.body), unter ?? null);
        req.flash('success', unter ? 'Der Unterpunkt ist angelegt.' : 'Der Tagesordnungspunkt ist angelegt.');
        res.redirect(303, `${base(access)}/tagesordnung#top-${unter ?? item.id}`);
      },
    );
  });

  router.post('/treffen/:id/tagesordnung/standardpunkte', organizer, async (req, res) => {
    const access = await loadManagedMeeting(deps, req, res);
    if (!access) return;
    const added = await addStandingItems(deps, access.meeting.id);
    req.flash(added ? 'success' : 'error', added ? 'Die Standardpunkte sind übernommen.' : 'Die Tagesordnung hat schon Punkte.');
    res.redirect(303, `${base(access)}/tagesordnung`);
  });

  router.post('/treffen/:id/tagesordnung/veroeffentlichen', organizer, async (req, res) => {
    const access = await loadManagedMeeting(deps, req, res);
    if (!access) return;
    const { meeting } = access;
    if (meeting.agendaPublishedAt) {
      req.flash('success', `Die Tagesordnung ist schon am ${formatLongDate(meeting.agendaPublishedAt)} verschickt worden.`);
      return res.redirect(303, `${base(access)}/tagesordnung`);
    }
    const members = await deps.prisma.user.count({ where: { status: 'ACTIVE' } });
    const ask = {
      title: 'Tagesordnung veröffentlichen und Einladung verschicken?',
      question: `Die Einladung mit dieser Tagesordnung geht per E-Mail an alle ${members.toLocaleString('de-DE')} freigeschalteten Mitglieder. Spätere Änderungen werden auf der Tagesordnung markiert, und wer sich angemeldet hat, bekommt Bescheid.`,
      button: 'Veröffentlichen und Einladung verschicken',
      cancelHref: `${base(access)}/tagesordnung`,
    };
    if (!confirmed(req, res, ask)) return;
    try {
      await notifyLimit(req);
      const { sent, alreadyPublished } = await publishAgenda(deps, meeting);
      req.flash(
        'success',
        alreadyPublished
          ? 'Die Tagesordnung war schon verschickt.'
          : `Die Tagesordnung ist veröffentlicht; die Einladung geht an ${sent.toLocaleString('de-DE')} Mitglieder.`,
      );
      res.redirect(303, `${base(access)}/tagesordnung`);
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      await renderAgenda(req, res, access, 422, error.fieldErrors);
    }
  });

  /** The item in :itemId of this meeting (404 for another meeting's). */
  const loadItem = async (req: Request, access: MeetingAccess) =>
    findAgendaItem(deps.prisma, access.meeting.id, requireIdParam(req, AGENDA_ITEM_NOT_FOUND, 'itemId'));

  router.get('/treffen/:id/tagesordnung/:itemId/bearbeiten', organizer, async (req, res) => {
    const access = await loadManagedMeeting(deps, req, res);
    if (!access) return;
    const item = await loadItem(req, access);
    const values = {
      ...item,
      durationMinutes: item.durationMinutes ?? '',
      presenter: item.presenter ?? '',
      hasInputTalks: item.hasInputTalks ? 'ja' : '',
    };
    res.render('meetings/agenda-form', { ...(await itemFormLocals(access, values, item)), item, errors: {} });
  });

  router.post('/treffen/:id/tagesordnung/:itemId', organizer, async (req, res) => {
    const access = await loadManagedMeeting(deps, req, res);
    if (!access) return;
    const item = await loadItem(req, access);
    await submitForm(
      res,
      'meetings/agenda-form',
      async () => ({ ...(await itemFormLocals(access, formValues(req.body), item)), item }),
      async () => {
        await updateAgendaItem(deps, access.meeting.id, item.id, parseForm(agendaItemSchema, req.body));
        req.flash('success', 'Die Änderungen sind gespeichert.');
        res.redirect(303, `${base(access)}/tagesordnung#top-${item.parentId ?? item.id}`);
      },
    );
  });

  router.post('/treffen/:id/tagesordnung/:itemId/loeschen', organizer, async (req, res) => {
    const access = await loadManagedMeeting(deps, req, res);
    if (!access) return;
    const item = await loadItem(req, access);
    const ask = {
      title: `„${item.title}“ löschen?`,
      question: item.parentId
        ? 'Der Unterpunkt verschwindet aus der Tagesordnung.'
        : 'Der Punkt verschwindet mit seinen Unterpunkten und den Anmeldungen für Impulsbeiträge aus der Tagesordnung; die übrigen Punkte rücken nach.',
      button: `„${item.title}“ löschen`,
      cancelHref: `${base(access)}/tagesordnung#top-${item.parentId ?? item.id}`,
      danger: true,
    };
    if (!confirmed(req, res, ask)) return;
    await deleteAgendaItem(deps, access.meeting.id, item.id);
    req.flash('success', `„${item.title}“ ist gelöscht.`);
    res.redirect(303, `${base(access)}/tagesordnung${item.parentId ? `#top-${item.parentId}` : ''}`);
  });

  const move = (direction: 'up' | 'down') => async (req: Request, res: Response) => {
    const access = await loadManagedMeeting(deps, req, res);
    if (!access) return;
    const item = await loadItem(req, access);
    const moved = await moveAgendaItem(deps, access.meeting.id, item.id, direction);
    req.flash(
      moved ? 'success' : 'error',
      moved
        ? `„${item.title}“ ist ${direction === 'up' ? 'nach oben' : 'nach unten'} verschoben.`
        : `„${item.title}“ steht schon ${direction === 'up' ? 'oben' : 'unten'}.`,
    );
    res.redirect(303, `${base(access)}/tagesordnung#top-${item.id}`);
  };
  router.post('/treffen/:id/tagesordnung/:itemId/hoch', organizer, move('up'));
  router.post('/treffen/:id/tagesordnung/:itemId/runter', organizer, move('down'));

  // ------------------------------------------------------------------------------------------------------------
  // Proposals

  async function renderProposals(req: Request, res: Response, access: MeetingAccess, status = 200, extra: Record<string, unknown> = {}) {
    const { meeting, canManage } = access;
    const proposals = req.user ? await listProposals(deps.prisma, meeting.id, canManage ? undefined : req.user.id) : [];
    const alliance = req.user?.allianceId
      ? await deps.prisma.alliance.findUnique({ where: { id: req.user.allianceId }, select: { name: true } })
      : null;
    res.status(status).render('meetings/proposals', {
      title: `Vorschläge zur Tagesordnung: ${meeting.title}`,
      ...access,
      proposals,
      groups: canManage ? groupProposals(proposals) : [],
      closedReason: proposalsClosedReason(meeting),
      allianceName: alliance?.name,
      proposalStatuses: PROPOSAL_STATUSES,
      values: {},
      errors: {},
      ...extra,
      ...meetingViewHelpers,
      ...agendaHelpers,
    });
  }

  router.get('/treffen/:id/vorschlaege', async (req, res) => {
    const access = await loadMeeting(deps, req, res);
    if (!access) return;
    await renderProposals(req, res, access);
  });

  /** A failed form on the proposals page: the page again, 422, with what was typed. */
  const proposalsForm = async (req: Request, res: Response, access: MeetingAccess, action: () => Promise<void>) => {
    try {
      await action();
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      await renderProposals(req, res, access, 422, { values: formValues(req.body), errors: error.fieldErrors });
    }
  };

  router.post('/treffen/:id/vorschlaege', requireLogin, async (req, res) => {
    const access = await loadMeeting(deps, req, res);
    if (!access) return;
    await proposalsForm(req, res, access, async () => {
      const input = parseForm(proposalSchema, req.body);
      await deps.limits.action('meeting', { ip: req.ip ?? 'unknown', account: req.user!.id });
      await submitProposal(deps, access.meeting, req.user!, input);
      req.flash('success', 'Danke! Dein Vorschlag ist eingereicht. Du bekommst eine E-Mail, sobald darüber entschieden ist.');
      res.redirect(303, `${base(access)}/vorschlaege#eigene`);
    });
  });

  router.post('/treffen/:id/vorschlaege/zusammenfassen', organizer, async (req, res) => {
    const access = await loadManagedMeeting(deps, req, res);
    if (!access) return;
    await proposalsForm(req, res, access, async () => {
      const { ids, mergedTitle } = parseForm(mergeSchema, req.body);
      await notifyLimit(req);
      const count = await mergeProposals(deps, access.meeting, req.user!, ids, mergedTitle);
      req.flash('success', `${count} Vorschläge sind zu „${mergedTitle}“ zusammengefasst und stehen auf der Tagesordnung.`);
      res.redirect(303, `${base(access)}/vorschlaege`);
    });
  });

  const proposalId = (req: Request) => requireIdParam(req, PROPOSAL_NOT_FOUND, 'proposalId');

  router.post('/treffen/:id/vorschlaege/:proposalId/annehmen', organizer, async (req, res) => {
    const access = await loadManagedMeeting(deps, req, res);
    if (!access) return;
    const id = proposalId(req);
    await proposalsForm(req, res, access, async () => {
      await findProposal(deps.prisma, access.meeting.id, id);
      await notifyLimit(req);
      const title = await acceptProposal(deps, access.meeting, req.user!, id);
      req.flash('success', `„${title}“ steht jetzt als letzter Punkt auf der Tagesordnung.`);
      res.redirect(303, `${base(access)}/vorschlaege`);
    });
  });

  const decisionLocals = async (access: MeetingAccess, proposal: ProposalView, heading: string, values: Record<string, unknown>) => ({
    title: `${heading}: ${proposal.title}`,
    heading,
    ...access,
    proposal,
    values,
    targets: await deferTargets(deps.prisma, access.meeting),
    ...meetingViewHelpers,
    ...agendaHelpers,
  });

  /** The decline and defer pages: only for proposals that are still open. */
  const openProposalOf = async (req: Request, access: MeetingAccess) => {
    const proposal = await findProposal(deps.prisma, access.meeting.id, proposalId(req));
    return proposal.status === 'OPEN' ? proposal : undefined;
  };

  /**
   * Declining and deferring: a page with a small form (reason, or the meeting to defer to), then the decision and a
   * mail to the proposer. Only open proposals; a decided one leads back to the list.
   */
  function proposalDecisionRoutes(
    path: string,
    view: string,
    heading: string,
    decide: (req: Request, access: MeetingAccess, proposal: ProposalView) => Promise<string>,
  ) {
    const load = async (req: Request, res: Response) => {
      const access = await loadManagedMeeting(deps, req, res);
      if (!access) return undefined;
      const proposal = await openProposalOf(req, access);
      if (!proposal) {
        res.redirect(303, `${base(access)}/vorschlaege`);
        return undefined;
      }
      return { access, proposal };
    };
    router.get(`/treffen/:id/vorschlaege/:proposalId/${path}`, organizer, async (req, res) => {
      const found = await load(req, res);
      if (found) res.render(view, { ...(await decisionLocals(found.access, found.proposal, heading, {})), errors: {} });
    });
    router.post(`/treffen/:id/vorschlaege/:proposalId/${path}`, organizer, async (req, res) => {
      const found = await load(req, res);
      if (!found) return;
      const { access, proposal } = found;
      await submitForm(
        res,
        view,
        () => decisionLocals(access, proposal, heading, formValues(req.body)),
        async () => {
          const message = await decide(req, access, proposal);
          req.flash('success', message);
          res.redirect(303, `${base(access)}/vorschlaege`);
        },
      );
    });
  }

  proposalDecisionRoutes('ablehnen', 'meetings/proposal-decline', 'Vorschlag ablehnen', async (req, access, proposal) => {
    const { reason } = parseForm(declineSchema, req.body);
    await notifyLimit(req);
    const title = await declineProposal(deps, access.meeting, req.user!, proposal.id, reason);
    return `„${title}“ ist abgelehnt; ${proposal.proposer.name} bekommt die Begründung per E-Mail.`;
  });

  proposalDecisionRoutes('verschieben', 'meetings/proposal-defer', 'Vorschlag verschieben', async (req, access, proposal) => {
    const { targetMeetingId } = parseForm(deferSchema, req.body);
    await notifyLimit(req);
    const { title, target } = await deferProposal(deps, access.meeting, req.user!, proposal.id, targetMeetingId);
    return `„${title}“ ist auf das Treffen am ${formatLongDate(target.startsAt)} verschoben.`;
  });

  // ------------------------------------------------------------------------------------------------------------
  // Invitation

  router.get('/treffen/:id/einladung', async (req, res) => {
    const access = await loadMeeting(deps, req, res);
    if (!access) return;
    const { meeting, canManage } = access;
    if (!meeting.agendaPublishedAt && !canManage) {
      return res.render('meetings/invitation-pending', { title: `Einladung: ${meeting.title}`, ...access, ...meetingViewHelpers });
    }
    const invitation = buildInvitation(
      meeting,
      await loadAgenda(deps, meeting, { forVisitor: !req.user, contentVersion: shownContentVersionOf(req) }),
      deps.baseUrl,
    );
    res.render('meetings/invitation', {
      title: `Einladung: ${meeting.title}`,
      ...access,
      invitation,
      notesHtml: renderMarkdown(invitation.notes),
      relatedEventsHtml: renderMarkdown(invitation.relatedEvents),
      ...meetingViewHelpers,
      ...agendaHelpers,
    });
  });

  return router;
}
