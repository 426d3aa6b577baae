// The page of one report, and who may see what of it.
import { Prisma } from '../../db/database.js';
import { select, selectOne } from '../../db/sql.js';
import { sharedResults } from '../../lib/cache.js';
import type { StoredAttachment } from '../../lib/attachments.js';
import { AppError, NotFoundError } from '../../lib/errors.js';
import { hasRole, type CurrentUser } from '../../middleware/auth.js';
import type { AttachmentAccess } from '../attachments/routes.js';
import type { Services } from '../../services.js';
import { isEditorOf } from './read.js';
import { capital, kindOf, type ContributionType } from './kinds.js';
import type { ReportPart } from './schema.js';

/** The text of a report as readers see it (the published version) or as its author works on it (a draft). */
export interface ReportContent extends Record<ReportPart, string> {
  title: string;
  summary: string;
  place: string | null;
  state: string | null;
  /** "2025-03": the month the experience began / ended. */
  periodFrom: string | null;
  periodTo: string | null;
  visibility: 'PUBLIC' | 'MEMBERS';
  authorDisplay: 'PERSON' | 'ALLIANCE';
  alliance: { id: number; slug: string; name: string } | null;
  topics: { id: number; slug: string; name: string }[];
  attachments: StoredAttachment[];
  /** Model motions only (empty for reports): kind, Begründung, council level, Bundesländer (none: all). */
  motionKind: string | null;
  reasoning: string;
  councilLevel: string | null;
  states: string[];
}

export interface ReportPage {
  id: number;
  slug: string;
  type: ContributionType;
  /** Imported model motions: the collection they came from. */
  sourceName: string | null;
  /** Model motions: reported uses, successful ones, and municipalities with a success (0 for reports). */
  uses: { useCount: number; successCount: number; successPlaces: number };
  authorId: number;
  authorName: string;
  status: 'DRAFT' | 'SUBMITTED' | 'RETURNED' | 'REJECTED' | 'PUBLISHED';
  firstPublishedAt: Date | null;
  publishedAt: Date | null;
  hiddenAt: Date | null;
  hiddenReason: string | null;
  /** What readers see; for a report never published, the author's current version. */
  content: ReportContent;
  /** True when `content` is not published (a draft or a version under review, shown to its author or an admin). */
  unpublished: boolean;
  /** The version the author works on, if any (for editors only). */
  working: { id: number; number: number; status: string; decisionReason: string | null; submittedAt: Date | null } | null;
}

export class LoginRequired extends AppError {
  constructor(type: ContributionType = 'REPORT') {
    super(`${capital(kindOf(type).this)} ist nur für angemeldete Mitglieder.`, 401);
  }
}

export class ReportRemoved extends AppError {
  constructor(type: ContributionType = 'REPORT') {
    const kind = kindOf(type);
    super(`${capital(kind.this)} wurde von der Moderation entfernt, weil ${kind.it} nicht den Prinzipien der Zusammenarbeit entsprach.`, 410);
  }
}

/** "Diesen Bericht gibt es nicht." / "Diese Vorlage …" / "Diesen Beitrag …" (any kind). */
export function notFoundMessage(type: ContributionType | undefined): string {
  return type ? `${capital(kindOf(type).thisAcc)} gibt es nicht.` : 'Diesen Beitrag gibt es nicht.';
}

interface Row {
  id: number;
  slug: string;
  type: ContributionType;
  sourceName: string | null;
  useCount: number;
  successCount: number;
  successPlaces: number;
  authorId: number;
  authorName: string;
  status: ReportPage['status'];
  firstPublishedAt: Date | null;
  publishedAt: Date | null;
  hiddenAt: Date | null;
  hiddenReason: string | null;
  publishedVersionId: number | null;
  workingVersionId: number | null;
}

const VERSION_CONTENT = Prisma.sql`
  v.title, v.summary, v.did, v.worked, v.didnt, v.tips, v.body, v.place, v.state, to_char(v.period_from, 'YYYY-MM') AS "periodFrom", to_char(v.period_to, 'YYYY-MM') AS "periodTo",
  v.visibility::text AS visibility, v.author_display::text AS "authorDisplay",
  v.motion_kind::text AS "motionKind", v.reasoning, v.council_level::text AS "councilLevel", v.states,
  (SELECT json_build_object('id', a.id, 'slug', a.slug, 'name', a.name) FROM alliances a WHERE a.id = v.alliance_id) AS alliance,
  coalesce((SELECT json_agg(json_build_object('id', t.id, 'slug', t.slug, 'name', t.name) ORDER BY t.name)
            FROM report_version_topics vt JOIN topics t ON t.id = vt.topic_id WHERE vt.version_id = v.id), '[]') AS topics,
  coalesce((SELECT json_agg(json_build_object('id', f.id, 'fileName', f.file_name, 'mediaType', f.media_type, 'sizeBytes', f.size_bytes) ORDER BY f.id)
            FROM report_version_attachments va JOIN attachments f ON f.id = va.attachment_id WHERE va.version_id = v.id), '[]') AS attachments`;

/** One version's content (with alliance, topics and attachments). */
export async function versionContent(deps: Pick<Services, 'pool'>, versionId: number): Promise<ReportContent & { id: number; number: number; status: string; decisionReason: string | null; submittedAt: Date | null; createdAt: Date }> {
  const row = await selectOne<ReportContent & { id: number; number: number; status: string; decisionReason: string | null; submittedAt: Date | null; createdAt: Date }>(
    deps.pool,
    Prisma.sql`SELECT v.id, v.number, v.status::text AS status, v.decision_reason AS "decisionReason", v.submitted_at AS "submittedAt",
      v.created_at AS "createdAt", ${VERSION_CONTENT} FROM report_versions v WHERE v.id = ${versionId}`,
  );
  if (!row) throw new NotFoundError('Diese Fassung gibt es nicht.');
  return row;
}

type PageRow = Row & ReportContent & { working: (Omit<NonNullable<ReportPage['working']>, 'submittedAt'> & { submittedAt: string | null }) | null };

/**
 * Contributions as stored, by slug and type: the same for everyone, so kept while the content stays the same
 * (sharedResults). What the viewer may see of one is decided per request.
 */
const pageRows = sharedResults<PageRow | undefined>(1000);

/**
 * The contribution under this slug as the viewer may see it: a report, a model motion, or (type undefined) either.
 * Throws NotFoundError (no such contribution, or a draft of someone else), LoginRequired (members only) or
 * ReportRemoved (hidden by the moderation). With the request's content version (contentVersionOf) the stored
 * contribution may come from memory.
 */
export async function reportPage(
  deps: Pick<Services, 'pool'>,
  slug: string,
  viewer: CurrentUser | undefined,
  type: ContributionType | undefined = 'REPORT',
  contentVersion?: number,
): Promise<ReportPage> {
  // One query: the report, the version it shows (the published one, else the one its author works on) and the
  // state of the version under way.
  const row = await pageRows(deps.pool, [slug, type ?? null], { contentVersion, ttlMs: 0 }, () =>
    selectOne<PageRow>(
      deps.pool,
      Prisma.sql`
        SELECT r.id, r.slug, r.type::text AS type, r.source_name AS "sourceName",
          r.use_count AS "useCount", r.success_count AS "successCount", r.success_places AS "successPlaces", r.author_id AS "authorId", u.name AS "authorName", r.status::text AS status,
          r.first_published_at AS "firstPublishedAt", r.published_at AS "publishedAt", r.hidden_at AS "hiddenAt", r.hidden_reason AS "hiddenReason",
          r.published_version_id AS "publishedVersionId", r.working_version_id AS "workingVersionId",
          (SELECT json_build_object('id', w.id, 'number', w.number, 'status', w.status, 'decisionReason', w.decision_reason, 'submittedAt', w.submitted_at)
            FROM report_versions w WHERE w.id = r.working_version_id) AS working,
          ${VERSION_CONTENT}
        FROM reports r JOIN users u ON u.id = r.author_id
        JOIN report_versions v ON v.id = CASE WHEN r.status = 'PUBLISHED' AND r.published_version_id IS NOT NULL THEN r.published_version_id ELSE r.working_version_id END
        WHERE r.slug = ${slug} ${type ? Prisma.sql`AND r.type = ${type}::contribution_type` : Prisma.empty}`,
    ),
  );
  if (!row) throw new NotFoundError(notFoundMessage(type));
  const editor = isEditorOf(viewer, row);
  const published = row.status === 'PUBLISHED' && row.publishedVersionId !== null;
  if (!published && !editor) throw new NotFoundError(notFoundMessage(type));
  if (row.hiddenAt && !editor) throw new ReportRemoved(row.type);
  if (row.visibility === 'MEMBERS' && !viewer) throw new LoginRequired(row.type);
  const { id, slug: reportSlug, type: rowType, sourceName, useCount, successCount, successPlaces, authorId, authorName, status, firstPublishedAt, publishedAt, hiddenAt, hiddenReason, publishedVersionId: _p, workingVersionId: _w, working, ...content } =
    row;
  return {
    id,
    slug: reportSlug,
    type: rowType,
    sourceName,
    uses: { useCount, successCount, successPlaces },
    authorId,
    authorName,
    status,
    firstPublishedAt,
    publishedAt,
    hiddenAt,
    hiddenReason,
    content,
    unpublished: !published,
    working: editor && working ? { ...working, submittedAt: working.submittedAt ? new Date(working.submittedAt) : null } : null,
  };
}

/** The author's own reports with where each stands (for /berichte/meine). */
export function myReports(deps: Pick<Services, 'pool'>, authorId: number, type: ContributionType = 'REPORT') {
  return select<{
    slug: string;
    title: string;
    status: string;
    publishedAt: Date | null;
    hiddenAt: Date | null;
    workingStatus: string | null;
    workingReason: string | null;
    updatedAt: Date;
  }>(
    deps.pool,
    Prisma.sql`
      SELECT r.slug, coalesce(w.title, r.title) AS title, r.status::text AS status, r.published_at AS "publishedAt", r.hidden_at AS "hiddenAt",
        w.status::text AS "workingStatus", w.decision_reason AS "workingReason", greatest(r.updated_at, w.updated_at) AS "updatedAt"
      FROM reports r LEFT JOIN report_versions w ON w.id = r.working_version_id
      WHERE r.author_id = ${authorId} AND r.type = ${type}::contribution_type
      ORDER BY greatest(r.updated_at, w.updated_at) DESC`,
  );
}

/**
 * Attachments of reports: readable with the published version of a report the viewer may read (members-only
 * ones after login); every version's files for the report's author and admins.
 */
export const reportAttachmentAccess: AttachmentAccess = async (pool, attachmentId, viewer) => {
  const row = await selectOne<{ linked: boolean; published: boolean; membersOnly: boolean; editor: boolean }>(
    pool,
    Prisma.sql`
      SELECT true AS linked,
        bool_or(r.published_version_id = va.version_id AND r.status = 'PUBLISHED' AND r.hidden_at IS NULL) AS published,
        bool_or(r.visibility = 'MEMBERS') AS "membersOnly",
        bool_or(r.author_id = ${viewer?.id ?? 0}) AS editor
      FROM report_version_attachments va JOIN report_versions v ON v.id = va.version_id JOIN reports r ON r.id = v.report_id
      WHERE va.attachment_id = ${attachmentId}
      HAVING count(*) > 0`,
  );
  if (!row) return undefined;
  if (row.editor || hasRole(viewer, 'ADMIN')) return 'read';
  if (!row.published) return 'none';
  return row.membersOnly && !viewer ? 'login' : 'read';
};
