// The shared attachment store, through the report form: types decided by content, limits, files that stay
// attached when a form comes back, download headers and names, and who may read a file.
import { createHash } from 'node:crypto';
import request from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildApp, createUser, sessionAgent, text, useTestContext } from './support/context.js';
import { docx, HTML_PAGE, odt, pdf, png, SVG_IMAGE, ZIP_ARCHIVE } from './support/files.js';
import { completeReport, decide, reportFormAction, sendReportForm, slugFromRedirect } from './support/reports.js';

const ctx = useTestContext();

let author: request.Agent;
let authorId: number;
let admin: request.Agent;
let member: request.Agent;
const visitor = () => request(ctx.app);

beforeAll(async () => {
  const person = await createUser(ctx.db, { name: 'Ada Anhang' });
  authorId = person.id;
  author = await sessionAgent(ctx.app, person.id);
  admin = await sessionAgent(ctx.app, (await createUser(ctx.db, { role: 'ADMIN' })).id);
  member = await sessionAgent(ctx.app, (await createUser(ctx.db)).id);
});

const attachmentIds = (html: string) => [...html.matchAll(/href="\/anhaenge\/(\d+)\//g)].map((m) => Number(m[1]));
const storedFiles = () => ctx.db.prisma.attachment.count({ where: { uploadedById: authorId } });

describe('uploading', () => {
  it('takes PDF, images and office documents, and lists them with type and size', async () => {
    const res = await sendReportForm(author, completeReport({ title: 'Mit Anhängen', aktion: 'entwurf' }), [
      { name: 'Beschluss des Rats.pdf', content: pdf() },
      { name: 'Foto vom Infostand.png', content: png(40, 30) },
      { name: 'Antrag.docx', content: docx() },
      { name: 'Flyer.odt', content: odt() },
    ]);
    const slug = slugFromRedirect(res);
    const page = await author.get(`/berichte/${slug}`);
    for (const name of ['Beschluss des Rats.pdf', 'Foto vom Infostand.png', 'Antrag.docx', 'Flyer.odt'])
      expect(text(page.text)).toContain(name);
    expect(page.text).toContain('PDF,');
    expect(page.text).toContain('Word-Dokument,');
    expect(page.text).toContain('OpenDocument-Text,');
    expect(page.text).toMatch(/PNG-Bild, 1 KB/);
    // Images also show as a thumbnail.
    expect(page.text).toMatch(/<img src="\/anhaenge\/\d+\/vorschau"/);
  });

  it('decides the type by content: a renamed HTML page, an SVG or a zip is refused with a clear message, and nothing is stored', async () => {
    for (const [name, content, claimed] of [
      ['Protokoll.pdf', HTML_PAGE, 'application/pdf'],
      ['Logo.png', SVG_IMAGE, 'image/png'],
      ['bild.svg', SVG_IMAGE, 'image/svg+xml'],
      ['Unterlagen.docx', ZIP_ARCHIVE, 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
    ] as const) {
      const before = await storedFiles();
      const res = await sendReportForm(author, completeReport({ title: `Falsche Datei ${name}`, aktion: 'entwurf' }), [
        { name, content, type: claimed },
      ]);
      expect(res.status, name).toBe(422);
      expect(text(res.text), name).toContain(`„${name}“ hat keinen erlaubten Dateityp`);
      expect(text(res.text), name).toContain('Geprüft wird der Inhalt, nicht die Endung.');
      expect(res.text).toContain(`value="Falsche Datei ${name}"`);
      expect(await storedFiles(), name).toBe(before);
    }
  });

  it('an upload that fails validation stays attached: the next send needs no second upload', async () => {
    const first = await sendReportForm(author, completeReport({ title: '', aktion: 'einreichen' }), [
      { name: 'Übersicht März.pdf', content: pdf('März') },
    ]);
    expect(first.status).toBe(422);
    expect(text(first.text)).toContain('Übersicht März.pdf');
    const pending = [...first.text.matchAll(/<input type="hidden" name="anhang" value="(\d+)">/g)].map((m) => m[1]!);
    expect(pending).toHaveLength(1);
    const second = await sendReportForm(author, completeReport({ title: 'Jetzt mit Titel', anhang: pending }));
    const slug = slugFromRedirect(second);
    const version = await ctx.db.prisma.reportVersion.findFirstOrThrow({
      where: { report: { slug } },
      include: { attachments: { include: { attachment: true } } },
    });
    expect(version.attachments.map((a) => a.attachment.fileName)).toEqual(['Übersicht März.pdf']);
  });

  it('someone else’s upload cannot be claimed by sending its id', async () => {
    const first = await sendReportForm(author, completeReport({ title: '', aktion: 'entwurf' }), [{ name: 'privat.pdf', content: pdf() }]);
    const id = /name="anhang" value="(\d+)"/.exec(first.text)![1]!;
    const stolen = await sendReportForm(member, completeReport({ title: 'Fremder Anhang', aktion: 'entwurf', anhang: id }));
    const slug = slugFromRedirect(stolen);
    expect(await ctx.db.prisma.reportVersionAttachment.count({ where: { version: { report: { slug } } } })).toBe(0);
    // Nor can they download it before it belongs to anything.
    expect((await member.get(`/anhaenge/${id}/privat.pdf`)).status).toBe(404);
    expect((await author.get(`/anhaenge/${id}/privat.pdf`)).status).toBe(200);
  });

  it('files can be taken off again when editing', async () => {
    const slug = slugFromRedirect(
      await sendReportForm(author, completeReport({ title: 'Zwei Dateien', aktion: 'entwurf' }), [
        { name: 'eins.pdf', content: pdf('1') },
        { name: 'zwei.pdf', content: pdf('2') },
      ]),
    );
    const [one] = attachmentIds((await author.get(`/berichte/${slug}`)).text);
    const res = await sendReportForm(
      author,
      completeReport({ title: 'Zwei Dateien', aktion: 'entwurf', entfernen: String(one) }),
      [],
      `/berichte/${slug}/bearbeiten`,
    );
    expect(res.status).toBe(303);
    const page = text((await author.get(`/berichte/${slug}`)).text);
    expect(page).not.toContain('eins.pdf');
    expect(page).toContain('zwei.pdf');
  });

  it('needs a login and the form’s token: nothing is read or stored otherwise', async () => {
    const before = await ctx.db.prisma.attachment.count();
    // A visitor with a valid token (from the login form) is sent to the login before the upload is read.
    const stranger = request.agent(ctx.app);
    const token = /name="_csrf" value="([^"]+)"/.exec((await stranger.get('/anmelden')).text)![1]!;
    const anonymous = await stranger.post(`/berichte/neu?_csrf=${token}`).attach('anhaenge', pdf(), 'x.pdf').field('title', 'Ohne Konto');
    expect(anonymous.status).toBe(303);
    expect(anonymous.headers.location).toMatch(/^\/anmelden/);
    expect((await visitor().post('/berichte/neu').attach('anhaenge', pdf(), 'x.pdf')).status).toBe(403);
    const noToken = await member.post('/berichte/neu').attach('anhaenge', pdf(), 'x.pdf').field('title', 'Ohne Token');
    expect(noToken.status).toBe(403);
    const action = await reportFormAction(member, '/berichte/neu');
    const wrongToken = await member
      .post(action.replace(/_csrf=[^&]+/, '_csrf=falsch'))
      .attach('anhaenge', pdf(), 'x.pdf')
      .field('title', 'Falscher Token');
    expect(wrongToken.status).toBe(403);
    expect(await ctx.db.prisma.attachment.count()).toBe(before);
  });

  it('a form whose session expired comes back with its text; the files must be chosen again', async () => {
    const action = await reportFormAction(member, '/berichte/neu');
    const res = await member
      .post(action.replace(/_csrf=[^&]+/, '_csrf=abgelaufen'))
      .set('Referer', 'http://127.0.0.1/berichte/neu')
      .set('Host', '127.0.0.1')
      .field('title', 'Langer Text, lange getippt')
      .field('did', 'Eine Stunde Arbeit')
      .attach('anhaenge', pdf(), 'x.pdf');
    expect(res.status).toBe(303);
    expect(res.headers.location).toBe('/berichte/neu');
    const again = await member.get('/berichte/neu');
    expect(again.text).toContain('value="Langer Text, lange getippt"');
    expect(again.text).toContain('Eine Stunde Arbeit');
    expect(text(again.text)).toContain('Ausgewählte Dateien bitte noch einmal auswählen.');
  });
});

describe('limits', () => {
  const small = () => buildApp(ctx.db, { uploadLimits: { fileBytes: 2048, totalBytes: 3000 } });

  it('a file over the size limit is named, the rest of the form is kept, nothing is stored', async () => {
    const app = small();
    const agent = await sessionAgent(app, authorId);
    const before = await storedFiles();
    const big = Buffer.concat([pdf(), Buffer.alloc(4096, 0x20)]);
    const res = await sendReportForm(agent, completeReport({ title: 'Zu groß', did: 'Text nach der Datei bleibt', aktion: 'entwurf' }), [
      { name: 'Großes Dokument.pdf', content: big },
    ]);
    expect(res.status).toBe(422);
    expect(text(res.text)).toContain('„Großes Dokument.pdf“ ist größer als 2 KB');
    expect(res.text).toContain('value="Zu groß"');
    expect(res.text).toContain('Text nach der Datei bleibt');
    expect(await storedFiles()).toBe(before);
  });

  it('all files of a report together stay under the total limit', async () => {
    const app = small();
    const agent = await sessionAgent(app, authorId);
    const file = Buffer.concat([pdf(), Buffer.alloc(1600, 0x20)]);
    const res = await sendReportForm(agent, completeReport({ title: 'Zu viel', aktion: 'entwurf' }), [
      { name: 'a.pdf', content: file },
      { name: 'b.pdf', content: file },
    ]);
    expect(res.status).toBe(422);
    expect(text(res.text)).toContain('Alle Anhänge zusammen dürfen höchstens 3 KB groß sein.');
    // Added one after another, the same holds.
    const slug = slugFromRedirect(
      await sendReportForm(agent, completeReport({ title: 'Nacheinander', aktion: 'entwurf' }), [{ name: 'a.pdf', content: file }]),
    );
    const second = await sendReportForm(
      agent,
      completeReport({ title: 'Nacheinander', aktion: 'entwurf' }),
      [{ name: 'b.pdf', content: file }],
      `/berichte/${slug}/bearbeiten`,
    );
    expect(second.status).toBe(422);
  });

  it('an empty file is refused', async () => {
    const res = await sendReportForm(author, completeReport({ title: 'Leer', aktion: 'entwurf' }), [
      { name: 'leer.pdf', content: Buffer.alloc(0) },
    ]);
    expect(res.status).toBe(422);
    expect(text(res.text)).toContain('„leer.pdf“ ist leer.');
  });

  it('a broken multipart body is a 400, not a crash', async () => {
    const action = await reportFormAction(author, '/berichte/neu');
    const res = await author
      .post(action)
      .set('Content-Type', 'multipart/form-data; boundary=xyz')
      .send('--xyz\r\nContent-Disposition: form-data; name="title"\r\n\r\nabgeschnitten');
    expect([400, 422]).toContain(res.status);
    expect(res.text).not.toMatch(/at .*\.js:\d+/);
  });
});

describe('downloading', () => {
  let slug: string;
  let pdfId: number;
  let pngId: number;
  beforeAll(async () => {
    slug = slugFromRedirect(
      await sendReportForm(author, completeReport({ title: 'Öffentlich mit Dateien' }), [
        { name: 'Gründung – Überblick (März).pdf', content: pdf() },
        { name: 'Straßenfest.png', content: png() },
      ]),
    );
    await decide(ctx, admin, slug, 'veroeffentlichen');
    [pdfId, pngId] = attachmentIds((await visitor().get(`/berichte/${slug}`)).text) as [number, number];
  });

  it('as an attachment, with its original name (umlauts intact, RFC 6266), its checked type and nosniff', async () => {
    const res = await visitor().get(`/anhaenge/${pdfId}/egal.pdf`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-disposition']).toMatch(
      /^attachment; filename="Gr.ndung . .berblick \(M.rz\)\.pdf"; filename\*=UTF-8''Gr%C3%BCndung%20%E2%80%93%20%C3%9Cberblick%20%28M%C3%A4rz%29\.pdf$/,
    );
    expect(res.headers['content-security-policy']).toContain('sandbox');
    expect(Buffer.compare(res.body as Buffer, pdf())).toBe(0);
    // Its checksum is its ETag: a browser whose copy is current gets 304 and no bytes.
    expect(res.headers.etag).toBe(`"${createHash('sha256').update(pdf()).digest('hex')}"`);
    const again = await visitor().get(`/anhaenge/${pdfId}/egal.pdf`).set('If-None-Match', res.headers.etag!);
    expect(again.status).toBe(304);
    expect(again.headers['cache-control']).toBe('public, max-age=300');
    expect(again.body).toEqual({});
    expect((await visitor().get(`/anhaenge/${pdfId}/egal.pdf`).set('If-None-Match', '"anders"')).status).toBe(200);
  });

  it('images show inline as thumbnails; other files have no preview', async () => {
    const thumb = await visitor().get(`/anhaenge/${pngId}/vorschau`);
    expect(thumb.status).toBe(200);
    expect(thumb.headers['content-type']).toBe('image/png');
    expect(thumb.headers['content-disposition']).toBe('inline');
    expect((await visitor().get(`/anhaenge/${pdfId}/vorschau`)).status).toBe(404);
  });

  it('files of drafts, of members-only and of hidden reports follow their report', async () => {
    const draft = slugFromRedirect(
      await sendReportForm(author, completeReport({ title: 'Entwurf mit Datei', aktion: 'entwurf' }), [{ name: 'd.pdf', content: pdf() }]),
    );
    const [draftFile] = attachmentIds((await author.get(`/berichte/${draft}`)).text);
    expect((await visitor().get(`/anhaenge/${draftFile}/d.pdf`)).status).toBe(404);
    expect((await member.get(`/anhaenge/${draftFile}/d.pdf`)).status).toBe(404);
    expect((await admin.get(`/anhaenge/${draftFile}/d.pdf`)).status).toBe(200);

    const internal = slugFromRedirect(
      await sendReportForm(author, completeReport({ title: 'Intern mit Datei', visibility: 'MEMBERS' }), [
        { name: 'i.pdf', content: pdf() },
      ]),
    );
    await decide(ctx, admin, internal, 'veroeffentlichen');
    const [internalFile] = attachmentIds((await member.get(`/berichte/${internal}`)).text);
    const res = await visitor().get(`/anhaenge/${internalFile}/i.pdf`);
    expect(res.status).toBe(303);
    expect(res.headers.location).toBe(`/anmelden?weiter=${encodeURIComponent(`/anhaenge/${internalFile}/i.pdf`)}`);
    expect((await member.get(`/anhaenge/${internalFile}/i.pdf`)).status).toBe(200);

    await ctx.db.prisma.report.update({ where: { slug }, data: { hiddenAt: new Date(), hiddenReason: 'Test' } });
    expect((await member.get(`/anhaenge/${pdfId}/x.pdf`)).status).toBe(404);
    expect((await author.get(`/anhaenge/${pdfId}/x.pdf`)).status).toBe(200);
    await ctx.db.prisma.report.update({ where: { slug }, data: { hiddenAt: null, hiddenReason: null } });
  });

  it('unknown and malformed ids are a plain 404', async () => {
    for (const path of ['/anhaenge/2147483647/x.pdf', '/anhaenge/99999999999/x.pdf', '/anhaenge/abc/x.pdf', '/anhaenge/-1/vorschau']) {
      expect((await visitor().get(path)).status, path).toBe(404);
    }
  });
});

describe('clean-up', () => {
  it('removes files nobody linked for a day, and keeps everything linked', async () => {
    const first = await sendReportForm(author, completeReport({ title: '', aktion: 'entwurf' }), [
      { name: 'vergessen.pdf', content: pdf() },
    ]);
    const id = Number(/name="anhang" value="(\d+)"/.exec(first.text)![1]);
    const linked = await ctx.db.prisma.attachment.count({ where: { reportVersions: { some: {} } } });
    await ctx.db.prisma.attachment.updateMany({ data: { createdAt: new Date(Date.now() - 2 * 24 * 3600_000) } });
    await ctx.db.pool.query(`INSERT INTO jobs (kind, payload, run_at) VALUES ('maintenance.cleanup', '{}', now())`);
    await ctx.runJobs();
    expect(await ctx.db.prisma.attachment.findUnique({ where: { id } })).toBeNull();
    expect(await ctx.db.prisma.attachment.count()).toBe(linked);
  });
});
