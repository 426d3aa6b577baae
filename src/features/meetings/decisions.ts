// Decisions (Beschlüsse) that still need following up. The protocol records them; Beschlusskontrolle in the next
// meeting's agenda and /treffen/beschluesse show the open ones until they are closed.
import { Prisma } from '../../db/database.js';
import { select } from '../../db/sql.js';
import type { Services } from '../../services.js';
import type { DecisionStatus } from '../../generated/prisma/enums.js';

export interface OpenDecision {
  id: number;
  text: string;
  responsible: string;
  dueOn: Date | null;
  status: DecisionStatus;
  meetingId: number;
  meetingTitle: string;
  meetingStartsAt: Date;
}

/** Open and in-progress decisions of meetings that began before `before` (oldest meeting first). */
export async function openDecisionsBefore(pool: Services['pool'], before: Date): Promise<OpenDecision[]> {
  return select<OpenDecision>(
    pool,
    Prisma.sql`SELECT d.id, d.text, d.responsible, d.due_on AS "dueOn", d.status, m.id AS "meetingId", m.title AS "meetingTitle",
        m.starts_at AS "meetingStartsAt"
      FROM decisions d JOIN meetings m ON m.id = d.meeting_id
      WHERE d.status IN ('OPEN', 'IN_PROGRESS') AND m.starts_at < ${before}
      ORDER BY m.starts_at, d.id LIMIT 200`,
  );
}
