// The XSS corpus through every field of a model motion: the form and its preview, the decision page, the
// template page, list, search, feed, "Vorlage verwenden" (values as typed), uses, /konto and the import.
import type request from 'supertest';
import supertest from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import { createUser, csrfTokenFrom, formBody, sessionAgent, useTestContext } from './support/context.js';
import { completeMotion, decideMotion, motionSlugFrom, sendMotionForm } from './support/motions.js';
import { waitingVersion } from './support/reports.js';
import { injectedMarkup, XSS_CORPUS } from './support/xss.js';

const ctx = useTestContext();
const clean = (where: string, html: string) => expect(injectedMarkup(html), where).toEqual([]);

describe('every field of a model motion', () => {
  let admin: request.Agent;
  beforeAll(async () => {
    admin = await sessionAgent(ctx.app, (await createUser(ctx.db, { role: 'ADMIN' })).id);
  });

  it('reaches every page, download form, feed and the import only as text', { timeout: 240_000 }, async () => {
    let author = await sessionAgent(ctx.app, (await createUser(ctx.db)).id);
    let published = 0;
    for (const [i, vector] of XSS_CORPUS.entries()) {
      if (i % 20 === 19) author = await sessionAgent(ctx.app, (await createUser(ctx.db)).id);
      const tag = `m${i}x`;
      const fields = completeMotion({
        title: `${tag} ${vector} {{Gemeinde}}`.slice(0, 200),
        summary: `${tag} Kurzfassung mit genug Text ${vector}`.slice(0, 500),
        body: `Der {{Gremium}} beschließt: ${vector}\n\n**${vector}** [${vector}](${vector})`,
        reasoning: `- ${vector}\n\n<div>${vector}</div>`,
      });
      // The preview also names a placeholder made of the vector as malformed (it cannot be saved).
      const malformed = `${fields.body} {{${vector.slice(0, 30)}}}`;
      clean(`motion preview ${tag}`, (await sendMotionForm(author, { ...fields, body: malformed, aktion: 'vorschau' })).text);
      const saved = await sendMotionForm(author, fields);
      if (saved.status !== 303) {
        clean(`motion form ${tag}`, saved.text);
        continue;
      }
      const slug = motionSlugFrom(saved);
      clean(`decision page ${tag}`, (await admin.get(`/admin/moderation/antraege/${await waitingVersion(ctx, slug)}`)).text);
      expect((await decideMotion(ctx, admin, slug, 'veroeffentlichen')).status, `publish ${tag}`).toBe(303);
      published += 1;
      for (const page of [`/antraege/${slug}`, `/antraege?q=${tag}`, `/suche?q=${tag}`, '/antraege', `/antraege/${slug}/verwenden`]) {
        clean(`${page} ${tag}`, (await supertest(ctx.app).get(page)).text);
      }
      const filled = await supertest(ctx.app)
        .get(`/antraege/${slug}/verwenden`)
        .query({ 'wert:Gemeinde': vector, 'wert:Gremium': `**${vector}**`, format: 'ansehen' });
      clean(`filled template ${tag}`, filled.text);
      const feed = (await supertest(ctx.app).get(`/antraege.atom?q=${tag}`)).text;
      for (const [, html] of feed.matchAll(/<!\[CDATA\[([\s\S]*?)\]\]>/g)) clean(`feed ${tag}`, html!);

      // A member remembers the vector as a value (shown again in the form and on /konto) and reports a use.
      const token = await csrfTokenFrom(author, `/antraege/${slug}/verwenden`);
      const used = await author
        .post(`/antraege/${slug}/verwenden`)
        .type('form')
        .send(formBody({ _csrf: token, 'wert:Gemeinde': vector.slice(0, 500), format: 'ansehen' }));
      clean(`member filled ${tag}`, used.text);
      clean(`konto ${tag}`, (await author.get('/konto')).text);
      const usePage = `/antraege/${slug}/verwendungen/neu`;
      const adoption = await author
        .post(usePage)
        .type('form')
        .send(
          formBody({
            _csrf: await csrfTokenFrom(author, usePage),
            municipality: vector.slice(0, 100),
            body: vector.slice(0, 100),
            result: 'ANGENOMMEN',
            recordUrl: vector.slice(0, 400),
            note: vector,
          }),
        );
      clean(`use ${tag}`, adoption.status === 303 ? (await supertest(ctx.app).get(`/antraege/${slug}`)).text : adoption.text);
    }
    expect(published).toBeGreaterThan(XSS_CORPUS.length * 0.9);

    // The import: every vector as a title, a text and a reason for refusal.
    const rows = XSS_CORPUS.map((vector, i) =>
      JSON.stringify({
        quelle_id: `x-${i}`,
        titel: `Import ${vector}`.slice(0, 200),
        art: 'Antrag',
        text: `Text ${vector} mit genug Zeichen`,
        themen: vector.slice(0, 50),
      }),
    );
    const page = await admin.get('/admin/antraege/import');
    const action = /action="(\/admin\/antraege\/import\?_csrf=[^"]+)"/.exec(page.text)![1]!.replace(/&amp;/g, '&');
    const dry = await admin
      .post(action)
      .field('quelle', 'Sammlung <script>alert(1)</script>')
      .field('aktion', 'probelauf')
      .attach('datei', Buffer.from(`[${rows.join(',')}]`), { filename: '<img src=x onerror=alert(1)>.json' });
    clean('import dry run', dry.text);
  });
});
