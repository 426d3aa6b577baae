// Writing reports: drafts, submission for review, and editing a published report (a new version that goes to
// review while the published one stays visible).
import { enqueueDigest } from '../../jobs/queue.js';
import { pendingUploads, storeUploads, type StoredAttachment, type UploadLimits } from '../../lib/attachments.js';
import { AppError, ForbiddenError, NotFoundError, ValidationError } from '../../lib/errors.js';
import { insertWithFreeSlug, slugFrom } from '../../lib/slugs.js';
import type { CurrentUser } from '../../middleware/auth.js';
import type { Services } from '../../services.js';
import { knownTopicIds } from '../topics/service.js';
import { capital, kindOf, type ContributionType } from './kinds.js';
import { REPORT_PARTS, type ReportInput } from './schema.js';

export type SaveAction = 'entwurf' | 'einreichen';

type Deps = Pick<Services, 'prisma' | 'nudgeWorker'>;

/** New submissions reach the admins as one mail per ten minutes. */
const DIGEST_MS = 10 * 60_000;

/** What a version stores from the form. */
export function versionData(input: ReportInput) {
  return {
    title: input.title,
    summary: input.summary,
    did: input.did,
    worked: input.worked,
    didnt: input.didnt,
    tips: input.tips,
    body: input.body,
    allianceId: input.allianceId ?? null,
    state: input.state ?? null,
    place: input.place ?? null,
    periodFrom: input.periodFrom ?? null,
    periodTo: input.periodTo ?? null,
    visibility: input.visibility,
    authorDisplay: input.authorDisplay,
  };
}

/** A submission must be complete; a draft may be anything with a title. */
function checkComplete(input: ReportInput): void {
  const errors: Record<string, string> = {};
  if (input.summary.length < 20) errors.summary = 'Bitte eine Kurzfassung mit mindestens 20 Zeichen schreiben: Sie erscheint in den Listen.';
  if (!REPORT_PARTS.some(([part]) => input[part].length > 0)) errors.did = 'Bitte mindestens einen der Abschnitte ausfüllen, z. B. „Was haben wir gemacht?“.';
  if (!input.principles) errors.principles = 'Bitte bestätige, dass der Bericht auf der Grundlage der Prinzipien steht.';
  if (Object.keys(errors).length) throw new ValidationError(errors);
}

/** Checks the chosen alliance and topics; place and Bundesland default to the alliance's. */
async function checkReferences(deps: Deps, input: ReportInput): Promise<{ topicIds: number[]; input: ReportInput }> {
  let completed = input;
  if (input.allianceId !== undefined) {
    const alliance = await deps.prisma.alliance.findUnique({ where: { id: input.allianceId }, select: { municipality: true, state: true } });
    if (!alliance) throw new ValidationError({ allianceId: 'Dieses Bündnis gibt es nicht (mehr). Bitte neu wählen.' });
    completed = { ...input, place: input.place ?? alliance.municipality, state: input.state ?? (alliance.state as ReportInput['state']) };
  }
  return { topicIds: await knownTopicIds(deps.prisma, input.topicIds, 'topicIds'), input: completed };
}

export interface SaveResult {
  slug: string;
  submitted: boolean;
}

/**
 * Saves the form as the report's working version (after checking that a submission is complete and that the
 * alliance and topics exist).
 */
export async function saveReport(
  deps: Deps,
  author: CurrentUser,
  reportId: number | undefined,
  given: ReportInput,
  action: SaveAction,
  attachments: StoredAttachment[],
): Promise<SaveResult> {
  if (action === 'einreichen') checkComplete(given);
  const { topicIds, input } = await checkReferences(deps, given);
  return saveContribution(deps, author, 'REPORT', reportId, { fields: versionData(input), topicIds }, action, attachments);
}

/** What a version of a report or a motion stores: its columns (title included), its topics. */
export interface VersionContent {
  fields: { title: string } & Record<string, unknown>;
  topicIds: number[];
}

/**
 * Saves checked content as the working version of a report or a motion: a new contribution, the version under
 * way, or a new version of a published one (which stays visible until the new one is approved). Submitted if
 * asked.
 */
export async function saveContribution(
  deps: Deps,
  author: CurrentUser,
  type: ContributionType,
  reportId: number | undefined,
  content: VersionContent,
  action: SaveAction,
  attachments: StoredAttachment[],
): Promise<SaveResult> {
  const kind = kindOf(type);
  const title = content.fields.title;
  const now = new Date();
  const submitted = action === 'einreichen';
  const status = submitted ? ('SUBMITTED' as const) : ('DRAFT' as const);
  const submission = submitted ? { submittedAt: now, principlesConfirmedAt: now } : { submittedAt: null };

  const versionFields = (number: number) => ({
    number,
    status,
    ...content.fields,
    ...submission,
    createdById: author.id,
    topics: { create: content.topicIds.map((topicId) => ({ topicId })) },
    attachments: { create: attachments.map((a) => ({ attachmentId: a.id })) },
  });
  // The row carries its kind from the start (a motion needs one while it is a draft).
  const rowType = type === 'MOTION' ? { type, motionKind: content.fields.motionKind as never } : {};

  if (reportId === undefined) {
    // Each try is its own transaction: the unique slug decides, and a taken slug leaves nothing behind.
    const slug = await insertWithFreeSlug(slugFrom(title), 'reports_slug_key', (candidate) =>
      deps.prisma.$transaction(async (tx) => {
        const report = await tx.report.create({ data: { slug: candidate, authorId: author.id, status, title, ...rowType } });
        const version = await tx.reportVersion.create({ data: { reportId: report.id, ...versionFields(1) } as never });
        await tx.report.update({ where: { id: report.id }, data: { workingVersionId: version.id } });
        return report.slug;
      }),
    );
    await afterSave(deps, submitted);
    return { slug, submitted };
  }

  const slug = await deps.prisma.$transaction(async (tx) => {
    const report = await tx.report.findUnique({ where: { id: reportId }, include: { workingVersion: true } });
    if (!report || report.type !== type) throw new NotFoundError(`${capital(kind.thisAcc)} gibt es nicht.`);
    if (report.authorId !== author.id) throw new ForbiddenError(`Nur die Autorin oder der Autor kann ${kind.thisAcc} bearbeiten.`);
    if (report.status === 'REJECTED') throw new AppError(`${capital(kind.this)} wurde abgelehnt und kann nicht mehr bearbeitet werden.`, 409);
    const working = report.workingVersion && ['DRAFT', 'SUBMITTED', 'RETURNED'].includes(report.workingVersion.status) ? report.workingVersion : null;
    let versionId: number;
    if (working) {
      await tx.reportVersionTopic.deleteMany({ where: { versionId: working.id } });
      await tx.reportVersionAttachment.deleteMany({ where: { versionId: working.id } });
      const { number: _number, createdById: _createdBy, ...fields } = versionFields(working.number);
      // A returned version keeps the reason until it is submitted again.
      await tx.reportVersion.update({
        where: { id: working.id },
        data: { ...fields, decisionReason: working.status === 'RETURNED' && !submitted ? working.decisionReason : null } as never,
      });
      versionId = working.id;
    } else {
      // A published report: the changes become a new version; the published one stays until this is approved.
      const last = await tx.reportVersion.aggregate({ where: { reportId }, _max: { number: true } });
      versionId = (await tx.reportVersion.create({ data: { reportId, ...versionFields((last._max.number ?? 0) + 1) } as never })).id;
    }
    // Until the first publication the row follows its draft (title, kind and status, for the author's list).
    const neverPublished = report.publishedVersionId === null;
    await tx.report.update({
      where: { id: reportId },
      data: { workingVersionId: versionId, ...(neverPublished ? { status, title, ...rowType } : {}) },
    });
    return report.slug;
  });
  await afterSave(deps, submitted);
  return { slug, submitted };
}

/** A submission is announced to the admins (one digest mail per ten minutes, however many arrive). */
async function afterSave(deps: Deps, submitted: boolean): Promise<void> {
  if (!submitted) return;
  await enqueueDigest(deps.prisma, 'moderation.digest', 'moderation-digest', {}, DIGEST_MS);
  deps.nudgeWorker();
}

/**
 * The attachments a saved version gets: those it had (for a new version of a published report: the published
 * version's), minus the ones ticked for removal, plus files uploaded now and earlier with this form.
 */
export async function collectAttachments(
  deps: Pick<Services, 'prisma' | 'pool'>,
  author: CurrentUser,
  current: StoredAttachment[],
  input: Pick<ReportInput, 'anhang' | 'entfernen'>,
  files: Express.Multer.File[],
  limits: UploadLimits,
): Promise<StoredAttachment[]> {
  const kept = current.filter((a) => !input.entfernen.includes(a.id));
  const earlier = (await pendingUploads(deps.pool, input.anhang, author.id)).filter((a) => !input.entfernen.includes(a.id));
  const already = [...kept, ...earlier].reduce((sum, a) => sum + a.sizeBytes, 0);
  const uploaded = await storeUploads(deps.prisma, files, author.id, limits, already);
  return [...kept, ...earlier, ...uploaded];
}

/** An author may delete a report that was never published (draft, returned or rejected), with all its versions. */
export async function deleteUnpublishedReport(deps: Pick<Services, 'prisma'>, author: CurrentUser, reportId: number): Promise<void> {
  const deleted = await deps.prisma.report.deleteMany({ where: { id: reportId, authorId: author.id, publishedVersionId: null } });
  if (deleted.count !== 1) {
    throw new AppError("Was veröffentlicht ist, kann nicht gelöscht werden. Bitte wende dich an die Moderation, wenn es nicht mehr erscheinen soll.", 409);
  }
}
