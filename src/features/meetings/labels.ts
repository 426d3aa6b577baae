// German names of the meeting workflow's states and kinds, in one place for forms, pages, mails and exports.
import type { Attendance, DecisionStatus, MeetingKind, MeetingStatus, ProposalStatus } from '../../generated/prisma/enums.js';

export const MEETING_KINDS: Record<MeetingKind, string> = {
  KOG_TREFFEN: 'KOG-Treffen',
  RATSCHLAG: 'Ratschlag',
  PLATTFORM_TREFFEN: 'Plattform-Treffen',
  REGIONALTREFFEN: 'Regionaltreffen',
};

export const MEETING_STATUSES: Record<MeetingStatus, string> = {
  PLANNED: 'geplant',
  INVITED: 'eingeladen',
  HELD: 'durchgeführt',
  CANCELLED: 'abgesagt',
};

export const ATTENDANCES: Record<Attendance, string> = {
  ON_SITE: 'vor Ort',
  ONLINE: 'online',
  MAYBE: 'vielleicht',
  NO: 'nicht dabei',
};

export const PROPOSAL_STATUSES: Record<ProposalStatus, string> = {
  OPEN: 'offen',
  ACCEPTED: 'angenommen',
  MERGED: 'zusammengefasst',
  DECLINED: 'abgelehnt',
};

export const DECISION_STATUSES: Record<DecisionStatus, string> = {
  OPEN: 'offen',
  IN_PROGRESS: 'in Arbeit',
  DONE: 'erledigt',
  DROPPED: 'verworfen',
};

/** Decisions that still need following up (Beschlusskontrolle). */
export const OPEN_DECISION_STATUSES: DecisionStatus[] = ['OPEN', 'IN_PROGRESS'];
