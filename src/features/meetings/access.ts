// Who may see and run a meeting. Visitors see public meetings; members see internal ones too. Organisers create
// meetings and follow all of them (deadlines, registrations); the lead organiser of a meeting and admins prepare
// it (agenda, proposals, materials, protocol).
import type { Request, Response } from 'express';
import { Prisma } from '../../db/database.js';
import { shownContentVersionOf } from '../../db/content-version.js';
import { selectOne } from '../../db/sql.js';
import { sharedResults } from '../../lib/cache.js';
import { ForbiddenError, NotFoundError } from '../../lib/errors.js';
import { requireIdParam } from '../../lib/http.js';
import { hasRole, type CurrentUser } from '../../middleware/auth.js';
import type { Services } from '../../services.js';
import type { MeetingKind, MeetingStatus } from '../../generated/prisma/enums.js';

export const MEETING_NOT_FOUND = 'Dieses Treffen gibt es nicht (mehr).';

export interface MeetingRow {
  id: number;
  kind: MeetingKind;
  title: string;
  startsAt: Date;
  endsAt: Date;
  venueName: string | null;
  address: string | null;
  directions: string | null;
  onlineLink: string | null;
  leadOrganizerId: number;
  leadOrganizerName: string;
  isPublic: boolean;
  status: MeetingStatus;
  cancelReason: string | null;
  purpose: string;
  notes: string;
  relatedEvents: string;
  signature: string;
  talkMinutes: number;
  agendaPublishedAt: Date | null;
  agendaChangedAt: Date | null;
  materialsPublishedAt: Date | null;
  protocolPublishedAt: Date | null;
  updatedAt: Date;
}

export interface MeetingAccess {
  meeting: MeetingRow;
  /** Lead organiser of this meeting, or admin: prepares agenda, materials and protocol. */
  canManage: boolean;
  /** Organiser or admin: sees registrations and deadlines of every meeting. */
  isOrganizer: boolean;
}

export function canManage(viewer: CurrentUser | undefined, meeting: Pick<MeetingRow, 'leadOrganizerId'>): boolean {
  return !!viewer && (hasRole(viewer, 'ADMIN') || viewer.id === meeting.leadOrganizerId);
}

/** Meetings as stored: the same for everyone, kept while the content stays the same (sharedResults). */
const meetingRows = sharedResults<MeetingRow | undefined>(500);

/** The meeting with this id; with a content version (shownContentVersionOf) it may come from memory. */
export async function findMeeting(pool: Services['pool'], id: number, contentVersion?: number): Promise<MeetingRow | undefined> {
  return meetingRows(pool, [id], { contentVersion, ttlMs: 0 }, () =>
    selectOne<MeetingRow>(
      pool,
      Prisma.sql`SELECT m.id, m.kind, m.title, m.starts_at AS "startsAt", m.ends_at AS "endsAt", m.venue_name AS "venueName", m.address,
          m.directions, m.online_link AS "onlineLink", m.lead_organizer_id AS "leadOrganizerId", u.name AS "leadOrganizerName",
          m.is_public AS "isPublic", m.status, m.cancel_reason AS "cancelReason", m.purpose, m.notes, m.related_events AS "relatedEvents",
          m.signature, m.talk_minutes AS "talkMinutes", m.agenda_published_at AS "agendaPublishedAt", m.agenda_changed_at AS "agendaChangedAt",
          m.materials_published_at AS "materialsPublishedAt", p.published_at AS "protocolPublishedAt", m.updated_at AS "updatedAt"
        FROM meetings m JOIN users u ON u.id = m.lead_organizer_id LEFT JOIN protocols p ON p.meeting_id = m.id
        WHERE m.id = ${id}`,
    ),
  );
}

/**
 * The meeting in :id as the viewer may see it. Unknown ids answer 404; a visitor asking for an internal meeting
 * goes to the login and comes back afterwards (returns undefined then: the response is sent).
 */
export async function loadMeeting(deps: Pick<Services, 'pool'>, req: Request, res: Response): Promise<MeetingAccess | undefined> {
  const meeting = await findMeeting(deps.pool, requireIdParam(req, MEETING_NOT_FOUND), shownContentVersionOf(req));
  if (!meeting) throw new NotFoundError(MEETING_NOT_FOUND);
  if (!meeting.isPublic && !req.user) {
    res.redirect(303, `/anmelden?weiter=${encodeURIComponent(req.originalUrl)}`);
    return undefined;
  }
  const access = { meeting, canManage: canManage(req.user, meeting), isOrganizer: hasRole(req.user, 'ORGANIZER') };
  res.locals.meetingAccess = access;
  return access;
}

/** As loadMeeting, for the lead organiser and admins only. */
export async function loadManagedMeeting(deps: Pick<Services, 'pool'>, req: Request, res: Response): Promise<MeetingAccess | undefined> {
  const access = await loadMeeting(deps, req, res);
  if (access && !access.canManage)
    throw new ForbiddenError('Das darf nur die oder der Hauptverantwortliche dieses Treffens (oder ein Admin).');
  return access;
}

/** As loadMeeting, for organisers and admins only. */
export async function loadOrganizedMeeting(deps: Pick<Services, 'pool'>, req: Request, res: Response): Promise<MeetingAccess | undefined> {
  const access = await loadMeeting(deps, req, res);
  if (access && !access.isOrganizer) throw new ForbiddenError('Das sehen nur Organisatorinnen und Organisatoren der KOG.');
  return access;
}
