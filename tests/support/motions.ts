// Helpers for tests that write model motions through the real form and publish them through the moderation
// pages, as people do.
import type request from 'supertest';
import type { TestContext } from './context.js';
import { csrfTokenFrom, formBody } from './context.js';
import { sendReportForm, waitingVersion, type Upload } from './reports.js';

/** Everything a submission of a motion needs. */
export function completeMotion(overrides: Record<string, string | string[]> = {}): Record<string, string | string[]> {
  return {
    title: 'Antrag: Sozialticket für {{Gemeinde}}',
    motionKind: 'ANTRAG',
    summary: 'Ein Sozialticket für den Nahverkehr, das Menschen mit wenig Geld mobil hält.',
    body: '### Beschlussvorschlag\n\nDer {{Gremium}} der Gemeinde {{Gemeinde}} möge beschließen:\n\n1. Die Verwaltung prüft ein **Sozialticket**.\n2. Bericht bis zum {{Datum}}.',
    reasoning: 'Viele Menschen in {{Gemeinde}} können sich den Nahverkehr nicht leisten.',
    councilLevel: 'GEMEINDERAT',
    visibility: 'PUBLIC',
    authorDisplay: 'ALLIANCE',
    principles: 'ja',
    aktion: 'einreichen',
    ...overrides,
  };
}

export function sendMotionForm(
  agent: request.Agent,
  fields: Record<string, string | string[]>,
  files: Upload[] = [],
  page = '/antraege/neu',
) {
  return sendReportForm(agent, fields, files, page);
}

export function motionSlugFrom(res: { status: number; headers: Record<string, string>; text: string }): string {
  if (res.status !== 303) throw new Error(`expected a redirect after saving, got ${res.status}: ${res.text.slice(0, 500)}`);
  return String(res.headers.location).replace('/antraege/', '');
}

export async function decideMotion(
  ctx: TestContext,
  admin: request.Agent,
  slug: string,
  entscheidung: 'veroeffentlichen' | 'zurueck' | 'ablehnen',
  begruendung = '',
) {
  const page = `/admin/moderation/antraege/${await waitingVersion(ctx, slug)}`;
  const token = await csrfTokenFrom(admin, page);
  return admin
    .post(page)
    .type('form')
    .send(formBody({ _csrf: token, entscheidung, begruendung }));
}

export async function publishedMotion(
  ctx: TestContext,
  author: request.Agent,
  admin: request.Agent,
  overrides: Record<string, string | string[]> = {},
) {
  const slug = motionSlugFrom(await sendMotionForm(author, completeMotion(overrides)));
  const decided = await decideMotion(ctx, admin, slug, 'veroeffentlichen');
  if (decided.status !== 303) throw new Error(`publishing failed: ${decided.status} ${decided.text.slice(0, 300)}`);
  return slug;
}
