// The one moderation queue: everything that waits for an admin's decision, oldest first. Each kind of content
// contributes a source (a SQL part with the same columns); motions and meetings add theirs the same way.
import type pg from 'pg';
import { Prisma } from '../../db/database.js';
import { limitRows, select, selectOne } from '../../db/sql.js';

export interface QueueSource {
  kind: string;
  /** What the entry is, for people: "Bericht", "Meldung zu einem Kommentar" … */
  label: string;
  /**
   * Rows waiting for a decision, with exactly these columns: subject_id int, title text, detail text,
   * reasons text[] (flag reasons, or '{}'), since timestamptz (waiting since).
   */
  sql: Prisma.Sql;
  /** The page where an admin decides. */
  href(subjectId: number): string;
}

export interface QueueItem {
  kind: string;
  label: string;
  subjectId: number;
  title: string;
  detail: string;
  reasons: string[];
  since: Date;
  href: string;
}

export const QUEUE_PAGE_SIZE = 50;

function union(sources: QueueSource[]): Prisma.Sql {
  return Prisma.join(
    sources.map((s) => Prisma.sql`SELECT ${s.kind}::text AS kind, q.subject_id, q.title, q.detail, q.reasons, q.since FROM (${s.sql}) q`),
    ' UNION ALL ',
  );
}

export async function moderationQueue(pool: pg.Pool, sources: QueueSource[], page: number) {
  const rows = await select<{
    kind: string;
    subjectId: number;
    title: string;
    detail: string;
    reasons: string[];
    since: Date;
    total: number;
  }>(
    pool,
    Prisma.sql`SELECT kind, subject_id AS "subjectId", title, detail, reasons, since, count(*) OVER ()::int AS total
      FROM (${union(sources)}) queue ORDER BY since, kind, subject_id
      ${limitRows(QUEUE_PAGE_SIZE, (page - 1) * QUEUE_PAGE_SIZE)}`,
  );
  const byKind = new Map(sources.map((s) => [s.kind, s]));
  const total = rows[0]?.total ?? 0;
  return {
    items: rows.map(({ total: _total, ...row }): QueueItem => ({
      ...row,
      label: byKind.get(row.kind)!.label,
      href: byKind.get(row.kind)!.href(row.subjectId),
    })),
    total,
    pages: Math.max(1, Math.ceil(total / QUEUE_PAGE_SIZE)),
  };
}

/** How many entries wait (for the admin navigation). */
export async function queueSize(pool: pg.Pool, sources: QueueSource[]): Promise<number> {
  const row = await selectOne<{ total: number }>(pool, Prisma.sql`SELECT count(*)::int AS total FROM (${union(sources)}) queue`);
  return row?.total ?? 0;
}

export interface DecisionLogEntry {
  subjectType: string;
  subjectId: number;
  decision: string;
  reason: string | null;
  decidedAt: Date;
  adminName: string;
  title: string | null;
  href: string | null;
}

/** The latest decisions, with what they were about (for the record on the queue page). */
export function recentDecisions(pool: pg.Pool, limit: number): Promise<DecisionLogEntry[]> {
  return select<DecisionLogEntry>(
    pool,
    Prisma.sql`
      SELECT d.subject_type AS "subjectType", d.subject_id AS "subjectId", d.decision, d.reason, d.decided_at AS "decidedAt", u.name AS "adminName",
        CASE d.subject_type
          WHEN 'report_version' THEN (SELECT v.title FROM report_versions v WHERE v.id = d.subject_id)
          WHEN 'report' THEN (SELECT r.title FROM reports r WHERE r.id = d.subject_id)
          WHEN 'comment' THEN (SELECT 'Kommentar zu „' || r.title || '“' FROM comments c JOIN reports r ON r.id = c.report_id WHERE c.id = d.subject_id)
          WHEN 'motion_import' THEN (SELECT 'Import „' || i.source_name || '“ (' || i.file_name || ')' FROM motion_imports i WHERE i.id = d.subject_id)
        END AS title,
        CASE d.subject_type
          WHEN 'report_version' THEN (SELECT CASE r.type WHEN 'MOTION' THEN '/admin/moderation/antraege/' ELSE '/admin/moderation/berichte/' END || v.id
                                      FROM report_versions v JOIN reports r ON r.id = v.report_id WHERE v.id = d.subject_id)
          WHEN 'report' THEN (SELECT CASE r.type WHEN 'MOTION' THEN '/antraege/' ELSE '/berichte/' END || r.slug FROM reports r WHERE r.id = d.subject_id)
          WHEN 'comment' THEN '/admin/moderation/meldungen/kommentar/' || d.subject_id
          WHEN 'motion_import' THEN '/admin/antraege/import'
        END AS href
      FROM moderation_decisions d JOIN users u ON u.id = d.decided_by_id
      ORDER BY d.decided_at DESC, d.id DESC ${limitRows(limit)}`,
  );
}

export const DECISION_LABELS: Record<string, string> = {
  published: 'veröffentlicht',
  returned: 'zurück zur Überarbeitung',
  rejected: 'abgelehnt',
  hidden: 'ausgeblendet',
  restored: 'wieder eingeblendet',
  flags_dismissed: 'Meldungen zurückgewiesen',
  imported: 'importiert',
};
