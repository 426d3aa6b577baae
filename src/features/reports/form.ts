// The report form: what it shows (values, topics, alliances, attachments, a preview) and how a submission is
// handled (uploads first, so files stay attached whatever else is wrong; then validation; then saving).
import type { Request } from 'express';
import type { z } from 'zod';
import { type StoredAttachment, uploadedFiles } from '../../lib/attachments.js';
import { TooManyRequestsError, ValidationError } from '../../lib/errors.js';
import { formValues, parseForm, parseQuery } from '../../lib/forms.js';
import { renderMarkdown } from '../../lib/markdown.js';
import { FEDERAL_STATES } from '../../lib/states.js';
import type { CurrentUser } from '../../middleware/auth.js';
import type { Services } from '../../services.js';
import { allianceOptions } from '../alliances/service.js';
import { kindOf } from './kinds.js';
import type { ReportContent } from './page.js';
import {
  attachmentChoiceSchema,
  AUTHOR_DISPLAY_LABELS,
  formActionSchema,
  REPORT_PARTS,
  reportFormSchema,
  VISIBILITY_LABELS,
  type ReportInput,
} from './schema.js';
import { collectAttachments, saveReport, versionData, type SaveAction, type SaveResult } from './write.js';

/** "2025-03" from the first day of a month (as parsed from the form, in UTC). */
const monthOf = (date: Date | null) => (date ? date.toISOString().slice(0, 7) : null);

export interface FormAttachment extends StoredAttachment {
  /** Uploaded with this form and not saved yet: the form sends its id back (hidden field). */
  pending: boolean;
}

/** Form values from a saved version (editing). */
export function valuesFromContent(content: ReportContent): Record<string, unknown> {
  return {
    title: content.title,
    summary: content.summary,
    ...Object.fromEntries(REPORT_PARTS.map(([part]) => [part, content[part]])),
    allianceId: content.alliance?.id ?? '',
    topicIds: content.topics.map((t) => t.id),
    place: content.place ?? '',
    state: content.state ?? '',
    periodFrom: content.periodFrom ?? '',
    periodTo: content.periodTo ?? '',
    visibility: content.visibility,
    authorDisplay: content.authorDisplay,
  };
}

/** A new report starts from the author's alliance: its place and Bundesland; shown in the alliance's name. */
export async function newReportValues(deps: Pick<Services, 'prisma'>, author: CurrentUser): Promise<Record<string, unknown>> {
  const alliance = author.allianceId
    ? await deps.prisma.alliance.findUnique({ where: { id: author.allianceId }, select: { id: true, municipality: true, state: true } })
    : null;
  return {
    allianceId: alliance?.id ?? '',
    place: alliance?.municipality ?? '',
    state: alliance?.state ?? '',
    visibility: 'PUBLIC',
    authorDisplay: 'ALLIANCE',
    topicIds: [],
  };
}

/** A report or motion form page; P is what its preview shows. */
export interface FormPage<P = ReportContent & { partsHtml: { label: string; html: string }[] }> {
  title: string;
  /** Where the form is sent (without the CSRF query, which the view adds). */
  action: string;
  cancelHref: string;
  values: Record<string, unknown>;
  errors: Record<string, string>;
  attachments: FormAttachment[];
  /** Editing a published report: the published text stays until the new version is approved. */
  editingPublished: boolean;
  preview?: P;
}

/** What the report and the motion form both offer: topics, alliances, Bundesländer, visibility, upload limits. */
export async function contributionFormOptions(deps: Pick<Services, 'pool' | 'topics' | 'uploadLimits'>) {
  return {
    topicOptions: (await deps.topics.active()).map((t) => [t.id, t.name]),
    allianceOptions: await allianceOptions(deps),
    states: FEDERAL_STATES,
    visibilityLabels: VISIBILITY_LABELS,
    authorDisplayLabels: AUTHOR_DISPLAY_LABELS,
    uploadLimits: deps.uploadLimits,
  };
}

/** Everything the form view needs besides the page itself. */
export async function formLocals(deps: Pick<Services, 'pool' | 'topics' | 'uploadLimits'>, page: FormPage) {
  return {
    ...page,
    ...(await contributionFormOptions(deps)),
    parts: REPORT_PARTS,
    kind: kindOf('REPORT'),
  };
}

/** The rendered parts of a report, in reading order, without the empty ones. */
export function renderedParts(content: Pick<ReportContent, (typeof REPORT_PARTS)[number][0]>) {
  return REPORT_PARTS.filter(([part]) => content[part]).map(([part, label]) => ({ part, label, html: renderMarkdown(content[part]) }));
}

export type SubmissionOutcome<P = FormPage['preview']> =
  | { kind: 'saved'; result: SaveResult }
  | {
      kind: 'form';
      status: number;
      values: Record<string, unknown>;
      errors: Record<string, string>;
      attachments: FormAttachment[];
      preview?: P;
    };

/** What differs between the report form and the motion form: what it parses, previews and saves. */
export interface ContributionForm<I, P> {
  schema: z.ZodType<I>;
  preview(input: I, attachments: StoredAttachment[]): Promise<P>;
  save(input: I, action: SaveAction, attachments: StoredAttachment[]): Promise<SaveResult>;
}

/**
 * Handles a sent report or motion form. Files are stored before anything else is checked, so they stay attached
 * when the form comes back with an error or as a preview; a refused file is named next to the upload field.
 */
export async function handleContributionForm<I, P>(
  deps: Services,
  req: Request,
  author: CurrentUser,
  current: StoredAttachment[],
  form: ContributionForm<I, P>,
): Promise<SubmissionOutcome<P>> {
  const body = (req.body ?? {}) as Record<string, unknown>;
  const action = parseQuery(formActionSchema, body).aktion ?? 'entwurf';
  const errors: Record<string, string> = {};
  const files = uploadedFiles(req);
  if (req.uploadProblem) errors.anhaenge = req.uploadProblem;

  const choice = parseQuery(attachmentChoiceSchema, body);
  let attachments: StoredAttachment[] = [];
  try {
    for (let i = 0; i < files.length; i++) await deps.limits.action('upload', { ip: req.ip ?? 'unknown', account: author.id });
    attachments = await collectAttachments(deps, author, current, choice, req.uploadProblem ? [] : files, deps.uploadLimits);
  } catch (error) {
    if (error instanceof ValidationError) Object.assign(errors, error.fieldErrors);
    else if (error instanceof TooManyRequestsError) errors.anhaenge = error.message;
    else throw error;
    attachments = await collectAttachments(deps, author, current, choice, [], deps.uploadLimits);
  }
  const currentIds = new Set(current.map((a) => a.id));
  const shown = attachments.map((a) => ({ ...a, pending: !currentIds.has(a.id) }));
  const values = formValues(body, ['aktion', 'anhang', 'entfernen']);

  let input: I | undefined;
  try {
    input = parseForm(form.schema, body);
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    Object.assign(errors, error.fieldErrors);
  }
  if (!input || Object.keys(errors).length > 0) return { kind: 'form', status: 422, values, errors, attachments: shown };

  if (action === 'vorschau') {
    return { kind: 'form', status: 200, values, errors, attachments: shown, preview: await form.preview(input, attachments) };
  }
  try {
    await deps.limits.action('reportSave', { ip: req.ip ?? 'unknown', account: author.id });
    return { kind: 'saved', result: await form.save(input, action, attachments) };
  } catch (error) {
    if (error instanceof ValidationError) return { kind: 'form', status: 422, values, errors: error.fieldErrors, attachments: shown };
    if (error instanceof TooManyRequestsError)
      return { kind: 'form', status: 429, values, errors: { _form: error.message }, attachments: shown };
    throw error;
  }
}

/** The report form's submission. */
export function handleSubmission(
  deps: Services,
  req: Request,
  author: CurrentUser,
  report: { id: number; current: StoredAttachment[] } | undefined,
) {
  return handleContributionForm(deps, req, author, report?.current ?? [], {
    schema: reportFormSchema,
    preview: (input, attachments) => previewOf(deps, input, attachments),
    save: (input, action, attachments) => saveReport(deps, author, report?.id, input, action, attachments),
  });
}

/** A report has none of a model motion's fields. */
const NO_MOTION_FIELDS = { motionKind: null, reasoning: '', councilLevel: null, states: [] };

/** The report as readers would see it, from the form's input. */
async function previewOf(
  deps: Pick<Services, 'prisma' | 'topics'>,
  input: ReportInput,
  attachments: StoredAttachment[],
): Promise<FormPage['preview']> {
  const alliance = input.allianceId
    ? await deps.prisma.alliance.findUnique({ where: { id: input.allianceId }, select: { id: true, slug: true, name: true } })
    : null;
  const topics = (await deps.topics.all()).filter((t) => input.topicIds.includes(t.id)).map(({ id, slug, name }) => ({ id, slug, name }));
  const { allianceId: _allianceId, periodFrom, periodTo, ...fields } = versionData(input);
  const content: ReportContent = {
    ...fields,
    ...NO_MOTION_FIELDS,
    periodFrom: monthOf(periodFrom),
    periodTo: monthOf(periodTo),
    alliance,
    topics,
    attachments,
  };
  return { ...content, partsHtml: renderedParts(content) };
}
