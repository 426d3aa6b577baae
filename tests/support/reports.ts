// Helpers for tests that write reports through the real form (multipart, CSRF token in the form's action) and
// decide on them through the moderation pages, as people do.
import type request from 'supertest';
import type { TestContext } from './context.js';
import { csrfTokenFrom, formBody } from './context.js';

export interface Upload {
  name: string;
  content: Buffer;
  /** What the browser claims (the server does not believe it). */
  type?: string;
}

/** The report form's action with its CSRF token, as the page offers it. */
export async function reportFormAction(agent: request.Agent, page: string): Promise<string> {
  const res = await agent.get(page);
  const match = /<form method="post" action="([^"]+\?_csrf=[^"]+)" enctype="multipart\/form-data"/.exec(res.text);
  if (!match) throw new Error(`no report form on ${page} (status ${res.status})`);
  return match[1]!.replace(/&amp;/g, '&');
}

/** Sends the report form from `page` (default: a new report) with these fields and files. */
export async function sendReportForm(agent: request.Agent, fields: Record<string, string | string[]>, files: Upload[] = [], page = '/berichte/neu') {
  const action = await reportFormAction(agent, page);
  let req = agent.post(action);
  for (const [name, value] of Object.entries(fields)) for (const v of Array.isArray(value) ? value : [value]) req = req.field(name, v);
  for (const file of files) req = req.attach('anhaenge', file.content, { filename: file.name, contentType: file.type ?? 'application/octet-stream' });
  return req;
}

/** Everything a submission needs. */
export function completeReport(overrides: Record<string, string | string[]> = {}): Record<string, string | string[]> {
  return {
    title: 'Sozialticket im zweiten Anlauf',
    summary: 'Wie wir nach einer Ablehnung im Rat mit Partnern aus Sozialverbänden doch noch eine Mehrheit gefunden haben.',
    did: 'Wir haben Unterschriften vor dem Jobcenter gesammelt und eine Anfrage zur Zahl der Leistungsberechtigten gestellt.',
    worked: 'Die Zahlen aus der Anfrage haben überzeugt.',
    didnt: '',
    tips: 'Erst Partner suchen, dann den Antrag stellen.',
    body: '',
    visibility: 'PUBLIC',
    authorDisplay: 'ALLIANCE',
    principles: 'ja',
    aktion: 'einreichen',
    ...overrides,
  };
}

/** The slug a successful save redirected to. */
export function slugFromRedirect(res: { status: number; headers: Record<string, string>; text: string }): string {
  if (res.status !== 303) throw new Error(`expected a redirect after saving, got ${res.status}: ${res.text.slice(0, 500)}`);
  return String(res.headers.location).replace('/berichte/', '');
}

/** The version of a report that waits for a decision. */
export async function waitingVersion(ctx: TestContext, slug: string): Promise<number> {
  const version = await ctx.db.prisma.reportVersion.findFirstOrThrow({ where: { report: { slug }, status: 'SUBMITTED' } });
  return version.id;
}

/** An admin decides on the waiting version of a report through the decision page. */
export async function decide(ctx: TestContext, admin: request.Agent, slug: string, entscheidung: 'veroeffentlichen' | 'zurueck' | 'ablehnen', begruendung = '') {
  const page = `/admin/moderation/berichte/${await waitingVersion(ctx, slug)}`;
  const token = await csrfTokenFrom(admin, page);
  return admin.post(page).type('form').send(formBody({ _csrf: token, entscheidung, begruendung }));
}

/** A report written, submitted and published in one go; returns its slug. */
export async function publishedReport(ctx: TestContext, author: request.Agent, admin: request.Agent, overrides: Record<string, string | string[]> = {}, files: Upload[] = []) {
  const slug = slugFromRedirect(await sendReportForm(author, completeReport(overrides), files));
  const decided = await decide(ctx, admin, slug, 'veroeffentlichen');
  if (decided.status !== 303) throw new Error(`publishing failed: ${decided.status} ${decided.text.slice(0, 300)}`);
  return slug;
}
