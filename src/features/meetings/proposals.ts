// Proposals for the agenda (Vorschläge zur Tagesordnung): members submit them until the agenda goes out; the lead
// organiser accepts one (it becomes an agenda item), merges several into one item, defers one to a later meeting
// (it moves there) or declines it with a reason. Every decision is mailed to the proposer.
import { z } from 'zod';
import type { Transaction } from '../../db/database.js';
import { formatLongDate } from '../../lib/dates.js';
import { NotFoundError, ValidationError } from '../../lib/errors.js';
import { id, idList, longText, requiredText } from '../../lib/fields.js';
import { nameForMail } from '../../lib/mail.js';
import type { CurrentUser } from '../../middleware/auth.js';
import type { Services } from '../../services.js';
import type { ProposalStatus } from '../../generated/prisma/enums.js';
import type { MeetingRow } from './access.js';
import { addAgendaItem } from './agenda.js';
import { meetingUrl } from './notify.js';
import { optionalMinutesField } from './schema.js';

export const PROPOSAL_NOT_FOUND = 'Diesen Vorschlag gibt es bei diesem Treffen nicht (mehr).';
const ALREADY_DECIDED = 'Über diesen Vorschlag ist schon entschieden.';

export const proposalSchema = z.object({
  title: requiredText('einen Titel', 300),
  description: longText(10_000),
  requestedMinutes: optionalMinutesField('die gewünschte Zeit', 600),
});
export type ProposalInput = z.output<typeof proposalSchema>;

export const mergeSchema = z.object({
  ids: idList.refine((ids) => new Set(ids).size >= 2, 'Bitte mindestens zwei Vorschläge zum Zusammenfassen ankreuzen.'),
  mergedTitle: requiredText('einen Titel für den gemeinsamen Tagesordnungspunkt', 300),
});

export const declineSchema = z.object({ reason: requiredText('einen Grund für die Ablehnung', 1000, 3) });

export const deferSchema = z.object({ targetMeetingId: id('Bitte das Treffen wählen, auf das der Vorschlag verschoben wird.') });

/** Whether members may still propose, and if not, why (shown instead of the form). */
export function proposalsClosedReason(
  meeting: Pick<MeetingRow, 'status' | 'startsAt' | 'agendaPublishedAt'>,
  now = new Date(),
): string | undefined {
  if (meeting.status === 'CANCELLED') return 'Das Treffen ist abgesagt; Vorschläge zur Tagesordnung sind nicht mehr möglich.';
  if (meeting.startsAt <= now)
    return 'Das Treffen hat schon begonnen oder stattgefunden; Vorschläge zur Tagesordnung sind nicht mehr möglich.';
  if (meeting.agendaPublishedAt)
    return 'Die Tagesordnung ist verschickt; Vorschläge bitte an die Hauptverantwortliche / den Hauptverantwortlichen.';
  return undefined;
}

export interface ProposalView {
  id: number;
  title: string;
  description: string;
  requestedMinutes: number | null;
  status: ProposalStatus;
  reason: string | null;
  createdAt: Date;
  decidedAt: Date | null;
  proposer: { id: number; name: string };
  alliance: { name: string } | null;
  agendaItem: { id: number; title: string } | null;
  deferredFrom: { id: number; title: string; startsAt: Date } | null;
  decidedBy: { name: string } | null;
}

const PROPOSAL_SELECT = {
  id: true,
  title: true,
  description: true,
  requestedMinutes: true,
  status: true,
  reason: true,
  createdAt: true,
  decidedAt: true,
  proposer: { select: { id: true, name: true } },
  alliance: { select: { name: true } },
  agendaItem: { select: { id: true, title: true } },
  deferredFrom: { select: { id: true, title: true, startsAt: true } },
  decidedBy: { select: { name: true } },
} as const;

/** The meeting's proposals (all, or one person's), oldest first. */
export async function listProposals(prisma: Services['prisma'], meetingId: number, proposerId?: number): Promise<ProposalView[]> {
  return prisma.agendaProposal.findMany({
    where: { meetingId, ...(proposerId === undefined ? {} : { proposerId }) },
    select: PROPOSAL_SELECT,
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    take: 500,
  });
}

export const PROPOSAL_GROUPS: ProposalStatus[] = ['OPEN', 'ACCEPTED', 'MERGED', 'DECLINED'];

/** Proposals grouped by status, in PROPOSAL_GROUPS order. */
export function groupProposals(proposals: ProposalView[]): { status: ProposalStatus; proposals: ProposalView[] }[] {
  return PROPOSAL_GROUPS.map((status) => ({ status, proposals: proposals.filter((p) => p.status === status) }));
}

/** A member proposes an item, for their own alliance (if they have one). */
export async function submitProposal(deps: Pick<Services, 'prisma'>, meeting: MeetingRow, user: CurrentUser, input: ProposalInput) {
  const closed = proposalsClosedReason(meeting);
  if (closed) throw new ValidationError({ _form: closed });
  return deps.prisma.agendaProposal.create({
    data: {
      meetingId: meeting.id,
      proposerId: user.id,
      allianceId: user.allianceId,
      title: input.title,
      description: input.description,
      requestedMinutes: input.requestedMinutes ?? null,
    },
    select: { id: true },
  });
}

/** Later meetings a proposal can move to: upcoming, not cancelled, not this one. */
export async function deferTargets(prisma: Services['prisma'], meeting: Pick<MeetingRow, 'id'>, now = new Date()) {
  return prisma.meeting.findMany({
    where: { id: { not: meeting.id }, status: { not: 'CANCELLED' }, startsAt: { gt: now } },
    select: { id: true, title: true, startsAt: true, endsAt: true },
    orderBy: [{ startsAt: 'asc' }, { id: 'asc' }],
    take: 50,
  });
}

type DecideDeps = Pick<Services, 'prisma' | 'mailer' | 'baseUrl'>;

/** The proposal of this meeting (404 for another meeting's), still open. */
async function openProposal(tx: Transaction, meetingId: number, proposalId: number) {
  const proposal = await tx.agendaProposal.findFirst({
    where: { id: proposalId, meetingId },
    select: {
      id: true,
      title: true,
      description: true,
      requestedMinutes: true,
      status: true,
      alliance: { select: { name: true } },
      proposer: { select: { email: true, name: true, status: true } },
    },
  });
  if (!proposal) throw new NotFoundError(PROPOSAL_NOT_FOUND);
  if (proposal.status !== 'OPEN') throw new ValidationError({ _form: ALREADY_DECIDED });
  return proposal;
}

/** Records the decision, only while the proposal is still open (a second click in another tab changes nothing). */
async function decide(tx: Transaction, meetingId: number, proposalIds: number[], data: Record<string, unknown>): Promise<void> {
  const { count } = await tx.agendaProposal.updateMany({ where: { id: { in: proposalIds }, meetingId, status: 'OPEN' }, data });
  if (count !== proposalIds.length) throw new ValidationError({ _form: ALREADY_DECIDED });
}

/** One mail to the proposer (accounts that were disabled meanwhile get none). */
async function mailProposer(
  deps: DecideDeps,
  tx: Transaction,
  proposer: { email: string; name: string; status: string },
  subject: string,
  body: string,
): Promise<void> {
  if (proposer.status !== 'ACTIVE') return;
  await deps.mailer.send({ to: proposer.email, subject, text: `Hallo ${nameForMail(proposer.name)},\n\n${body}` }, tx);
}

const onMeeting = (meeting: Pick<MeetingRow, 'title' | 'startsAt'>) => `„${meeting.title}“ am ${formatLongDate(meeting.startsAt)}`;

export async function acceptProposal(deps: DecideDeps, meeting: MeetingRow, decider: CurrentUser, proposalId: number): Promise<string> {
  return deps.prisma.$transaction(async (tx) => {
    const proposal = await openProposal(tx, meeting.id, proposalId);
    const item = await addAgendaItem(
      deps,
      meeting.id,
      {
        title: proposal.title,
        description: proposal.description,
        durationMinutes: proposal.requestedMinutes ?? undefined,
        presenter: proposal.alliance?.name,
        hasInputTalks: false,
      },
      null,
      tx,
    );
    await decide(tx, meeting.id, [proposal.id], {
      status: 'ACCEPTED',
      agendaItemId: item.id,
      decidedById: decider.id,
      decidedAt: new Date(),
    });
    await mailProposer(
      deps,
      tx,
      proposal.proposer,
      `Dein Vorschlag ist angenommen: ${proposal.title}`,
      `dein Vorschlag „${proposal.title}“ steht jetzt auf der Tagesordnung für ${onMeeting(meeting)}.\n\n` +
        `Tagesordnung: ${meetingUrl(deps.baseUrl, meeting.id, 'tagesordnung')}`,
    );
    return proposal.title;
  });
}

/** Several proposals become one agenda item whose description lists them; each is marked MERGED. */
export async function mergeProposals(
  deps: DecideDeps,
  meeting: MeetingRow,
  decider: CurrentUser,
  proposalIds: number[],
  title: string,
): Promise<number> {
  const ids = [...new Set(proposalIds)];
  return deps.prisma.$transaction(async (tx) => {
    const proposals = [];
    for (const proposalId of ids) proposals.push(await openProposal(tx, meeting.id, proposalId));
    const minutes = proposals.reduce((sum, p) => sum + (p.requestedMinutes ?? 0), 0);
    const description = [
      'Zusammengefasst aus den Vorschlägen:',
      '',
      ...proposals.map((p) => `- ${p.title}${p.alliance ? ` (${p.alliance.name})` : ''}`),
    ].join('\n');
    const item = await addAgendaItem(
      deps,
      meeting.id,
      { title, description, durationMinutes: minutes > 0 ? Math.min(minutes, 600) : undefined, presenter: undefined, hasInputTalks: false },
      null,
      tx,
    );
    await decide(tx, meeting.id, ids, { status: 'MERGED', agendaItemId: item.id, decidedById: decider.id, decidedAt: new Date() });
    for (const p of proposals) {
      await mailProposer(
        deps,
        tx,
        p.proposer,
        `Dein Vorschlag ist aufgenommen: ${p.title}`,
        `dein Vorschlag „${p.title}“ ist mit anderen Vorschlägen zu einem Tagesordnungspunkt zusammengefasst: „${title}“ (${onMeeting(meeting)}).\n\n` +
          `Tagesordnung: ${meetingUrl(deps.baseUrl, meeting.id, 'tagesordnung')}`,
      );
    }
    return proposals.length;
  });
}

/** Moves the proposal to a later meeting, where it stays open ("verschoben vom Treffen am …"). */
export async function deferProposal(
  deps: DecideDeps,
  meeting: MeetingRow,
  decider: CurrentUser,
  proposalId: number,
  targetMeetingId: number,
): Promise<{ title: string; target: { id: number; title: string; startsAt: Date } }> {
  const target = (await deferTargets(deps.prisma, meeting)).find((m) => m.id === targetMeetingId);
  if (!target) throw new ValidationError({ targetMeetingId: 'Bitte ein späteres Treffen wählen, das nicht abgesagt ist.' });
  return deps.prisma.$transaction(async (tx) => {
    const proposal = await openProposal(tx, meeting.id, proposalId);
    await decide(tx, meeting.id, [proposal.id], {
      meetingId: target.id,
      deferredFromId: meeting.id,
      decidedById: decider.id,
      decidedAt: new Date(),
    });
    await mailProposer(
      deps,
      tx,
      proposal.proposer,
      `Dein Vorschlag ist verschoben: ${proposal.title}`,
      `dein Vorschlag „${proposal.title}“ für ${onMeeting(meeting)} ist auf das Treffen ${onMeeting(target)} verschoben. ` +
        `Dort wird er bei der Vorbereitung der Tagesordnung beraten.\n\n` +
        `Vorschläge dieses Treffens: ${meetingUrl(deps.baseUrl, target.id, 'vorschlaege')}`,
    );
    return { title: proposal.title, target };
  });
}

export async function declineProposal(
  deps: DecideDeps,
  meeting: MeetingRow,
  decider: CurrentUser,
  proposalId: number,
  reason: string,
): Promise<string> {
  return deps.prisma.$transaction(async (tx) => {
    const proposal = await openProposal(tx, meeting.id, proposalId);
    await decide(tx, meeting.id, [proposal.id], { status: 'DECLINED', reason, decidedById: decider.id, decidedAt: new Date() });
    await mailProposer(
      deps,
      tx,
      proposal.proposer,
      `Dein Vorschlag ist abgelehnt: ${proposal.title}`,
      `dein Vorschlag „${proposal.title}“ für ${onMeeting(meeting)} kommt nicht auf die Tagesordnung.\n\n` +
        `Begründung: ${reason}\n\nDeine Vorschläge: ${meetingUrl(deps.baseUrl, meeting.id, 'vorschlaege')}`,
    );
    return proposal.title;
  });
}

/** A proposal of this meeting for the decline/defer pages (404 for another meeting's). */
export async function findProposal(prisma: Services['prisma'], meetingId: number, proposalId: number): Promise<ProposalView> {
  const proposal = await prisma.agendaProposal.findFirst({ where: { id: proposalId, meetingId }, select: PROPOSAL_SELECT });
  if (!proposal) throw new NotFoundError(PROPOSAL_NOT_FOUND);
  return proposal;
}
