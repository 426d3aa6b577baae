// Musteranträge: placeholders, the shared review workflow, "Vorlage verwenden" with real .docx/.odt/.txt
// downloads, remembered values, uses and the success count, and the import of existing collections.
import { readFileSync } from 'node:fs';
import { crc32 } from 'node:zlib';
import { unzipSync, strFromU8 } from 'fflate';
import request from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import { fillText, scanPlaceholders } from '../src/features/motions/placeholders.js';
import { renderTemplateMarkdown } from '../src/features/motions/content.js';
import { docxDocument, filledDocument } from '../src/features/motions/documents.js';
import { filledDocx } from '../src/features/motions/docx-frames.js';
import { createUser, csrfTokenFrom, formBody, sessionAgent, text as decoded, useTestContext } from './support/context.js';
import { completeMotion, decideMotion, motionSlugFrom, publishedMotion, sendMotionForm } from './support/motions.js';
import { waitingVersion } from './support/reports.js';

const ctx = useTestContext();

let author: request.Agent;
let admin: request.Agent;
let member: request.Agent;
let memberId: number;
let allianceId: number;
const visitor = () => request(ctx.app);
/** What a reader sees of a page: its text without tags, spaces collapsed. */
const text = (html: string) =>
  decoded(html.replace(/<\/?(strong|em|a|span|mark|time|code|b)\b[^>]*>/g, '').replace(/<[^>]*>/g, ' ')).replace(/\s+/g, ' ');

beforeAll(async () => {
  allianceId = (
    await ctx.db.prisma.alliance.create({
      data: { slug: 'liste-musterstadt', name: 'Liste Musterstadt', municipality: 'Musterstadt', state: 'NW' },
    })
  ).id;
  const person = await createUser(ctx.db, { name: 'Anna Antrag' });
  await ctx.db.prisma.user.update({ where: { id: person.id }, data: { allianceId } });
  author = await sessionAgent(ctx.app, person.id);
  admin = await sessionAgent(ctx.app, (await createUser(ctx.db, { role: 'ADMIN', name: 'Adam Admin' })).id);
  memberId = (await createUser(ctx.db, { name: 'Mia Mitglied' })).id;
  member = await sessionAgent(ctx.app, memberId);
});

/** The checksum the archive lists for each file, read from its central directory (what Word checks on opening). */
function centralDirectoryCrcs(zip: Buffer): [string, number][] {
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06])); // end of central directory record
  const entries: [string, number][] = [];
  let offset = zip.readUInt32LE(end + 16);
  for (let i = zip.readUInt16LE(end + 10); i > 0; i--) {
    const nameLength = zip.readUInt16LE(offset + 28);
    entries.push([zip.toString('utf8', offset + 46, offset + 46 + nameLength), zip.readUInt32LE(offset + 16)]);
    offset += 46 + nameLength + zip.readUInt16LE(offset + 30) + zip.readUInt16LE(offset + 32);
  }
  return entries;
}

/** The entries of a zip file (.docx, .odt) by name. */
const unzip = (body: Buffer) => unzipSync(new Uint8Array(body));
/** The text of an XML document without its tags. */
const xmlText = (xml: string) =>
  xml
    .replace(/<[^>]+>/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');
const binary = (res: request.Response, callback: (error: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (chunk: Buffer) => chunks.push(chunk));
  res.on('end', () => callback(null, Buffer.concat(chunks)));
};

describe('placeholders', () => {
  it('finds every {{Name}} once, in order, with umlauts and spaces, and names malformed ones', () => {
    const scan = scanPlaceholders(
      'Antrag für {{Gemeinde}}',
      'Der {{ Gremium }} von {{Gemeinde}} am {{Datum der Sitzung}} – {{Größe}} und {{Gemeinde} und {Fraktion}} und {{}}',
    );
    expect(scan.names).toEqual(['Gemeinde', 'Gremium', 'Datum der Sitzung', 'Größe']);
    expect(scan.malformed).toEqual(['{{Gemeinde}', '{Fraktion}}', '{{}}']);
  });

  it('fills values in as text: Markdown, HTML and placeholders in a value stay literal; missing ones stay marked', () => {
    const values = { Gemeinde: '**Bad Äpfelbach** <b>', Gremium: '{{Gemeinde}}' };
    expect(fillText('Der {{Gremium}} in {{Gemeinde}} am {{Datum}}', values)).toBe(
      'Der {{Gemeinde}} in **Bad Äpfelbach** <b> am [Datum: noch ausfüllen]',
    );
    const html = renderTemplateMarkdown('Der {{Gremium}} in **{{Gemeinde}}** am {{Datum}}, [Link]({{Gemeinde}})', values);
    expect(html).toContain('Der {{Gemeinde}} in <strong>**Bad Äpfelbach** &#60;b&#62;</strong>');
    expect(html).toContain('<mark class="placeholder placeholder--missing">[Datum: noch ausfüllen]</mark>');
    expect(html).not.toContain('<b>');
    expect(html).not.toMatch(/href="[^"]*<mark/);
    // The template itself shows its placeholders marked.
    expect(renderTemplateMarkdown('In {{Gemeinde}}')).toContain('<mark class="placeholder">{{Gemeinde}}</mark>');
  });
});

describe('writing and reviewing a model motion', () => {
  it('the form lists the placeholders it found and warns about malformed ones; a malformed one blocks the submission', async () => {
    const preview = await sendMotionForm(
      author,
      completeMotion({ body: 'Der {{Gremium}} in {{Gemeinde} möge beschließen, dass alles besser wird.', aktion: 'vorschau' }),
    );
    expect(preview.status).toBe(200);
    expect(text(preview.text)).toContain('Gefundene Platzhalter: Gemeinde, Gremium');
    expect(text(preview.text)).toContain('Nicht richtig geschlossen: {{Gemeinde}');
    const refused = await sendMotionForm(
      author,
      completeMotion({ body: 'Der {{Gremium}} in {{Gemeinde} möge beschließen, dass alles besser wird.' }),
    );
    expect(refused.status).toBe(422);
    expect(text(refused.text)).toContain('Diese Platzhalter sind nicht richtig geschlossen: {{Gemeinde}');
    // Nothing typed is lost.
    expect(refused.text).toContain('Der {{Gremium}} in {{Gemeinde} möge');
  });

  it('goes through the one moderation queue: waiting, then published, then listed, searchable and in the feed – not among the reports', async () => {
    const slug = motionSlugFrom(
      await sendMotionForm(
        author,
        completeMotion({
          allianceId: String(allianceId),
          title: 'Antrag: Transparenzsatzung für {{Gemeinde}}',
          summary: 'Eine Transparenzsatzung macht Verwaltungsvorgänge öffentlich.',
        }),
      ),
    );
    expect(slug).toBe('antrag-transparenzsatzung-fuer-gemeinde');
    expect((await visitor().get(`/antraege/${slug}`)).status).toBe(404);
    const queue = text((await admin.get('/admin/moderation')).text);
    expect(queue).toContain('Musterantrag');
    expect(queue).toContain('Neue Vorlage von Anna Antrag');
    const decisionPage = await admin.get(`/admin/moderation/antraege/${await waitingVersion(ctx, slug)}`);
    expect(text(decisionPage.text)).toContain('Neue Vorlage prüfen');
    expect(decisionPage.text).toContain('<mark class="placeholder">{{Gemeinde}}</mark>');
    expect((await decideMotion(ctx, admin, slug, 'veroeffentlichen')).status).toBe(303);
    const mail = await ctx.db.prisma.outboxMail.findFirstOrThrow({ where: { subject: 'Deine Vorlage ist veröffentlicht' } });
    expect(mail.body).toContain(`/antraege/${slug}`);

    const page = await visitor().get(`/antraege/${slug}`);
    expect(page.status).toBe(200);
    expect(text(page.text)).toContain('Art Antrag Ebene Gemeinderat/Stadtrat Passt für alle Bundesländer');
    expect(text(page.text)).toContain('Vorlage verwenden');
    expect(text((await visitor().get('/antraege')).text)).toContain('Antrag: Transparenzsatzung für {{Gemeinde}}');
    expect(text((await visitor().get('/antraege?q=Transparenzsatzung')).text)).toContain('1 Vorlage gefunden');
    expect(text((await visitor().get('/suche?q=Transparenzsatzung')).text)).toContain('Musteranträge');
    expect((await visitor().get('/antraege.atom?art=ANTRAG')).text).toContain('Transparenzsatzung');
    expect((await visitor().get('/antraege.atom?art=ANFRAGE')).text).not.toContain('Transparenzsatzung');
    expect(text((await visitor().get('/berichte')).text)).not.toContain('Transparenzsatzung');
    expect((await visitor().get(`/berichte/${slug}`)).status).toBe(404);
    expect(text((await visitor().get('/buendnisse/liste-musterstadt')).text)).toContain('Transparenzsatzung');
  });

  it('comments, flags and hiding work as for reports, at the motion’s own address', async () => {
    const slug = await publishedMotion(ctx, author, admin, { title: 'Anfrage zu Leerständen', motionKind: 'ANFRAGE' });
    const token = await csrfTokenFrom(member, `/antraege/${slug}`);
    const comment = await member
      .post(`/antraege/${slug}/kommentare`)
      .type('form')
      .send({ _csrf: token, text: 'Haben wir bei uns auch gestellt.' });
    expect(comment.status).toBe(303);
    expect(comment.headers.location).toMatch(new RegExp(`^/antraege/${slug}#kommentar-\\d+$`));
    const flag = await member
      .post(`/antraege/${slug}/melden`)
      .type('form')
      .send({ _csrf: await csrfTokenFrom(member, `/antraege/${slug}/melden`), reason: 'SPAM', note: '' });
    expect(flag.status).toBe(303);
    expect(text((await admin.get('/admin/moderation')).text)).toContain('Vorlage „Anfrage zu Leerständen“');
    const hide = await admin
      .post(`/antraege/${slug}/ausblenden`)
      .type('form')
      .send({ _csrf: await csrfTokenFrom(admin, `/antraege/${slug}/ausblenden`), begruendung: 'Parteiwerbung im Text.' });
    expect(hide.status).toBe(303);
    expect((await visitor().get(`/antraege/${slug}`)).status).toBe(410);
    expect(text((await visitor().get('/antraege')).text)).not.toContain('Anfrage zu Leerständen');
  });

  it('members-only templates are hidden from visitors everywhere, also their use page', async () => {
    const slug = await publishedMotion(ctx, author, admin, {
      title: 'Interne Stellungnahme zum Haushalt',
      motionKind: 'STELLUNGNAHME',
      visibility: 'MEMBERS',
    });
    expect((await visitor().get(`/antraege/${slug}`)).status).toBe(303);
    expect((await visitor().get(`/antraege/${slug}/verwenden`)).status).toBe(303);
    expect(text((await visitor().get('/antraege')).text)).not.toContain('Interne Stellungnahme');
    expect(text((await member.get('/antraege')).text)).toContain('Interne Stellungnahme');
  });
});

describe('using a template', () => {
  let slug: string;
  beforeAll(async () => {
    slug = await publishedMotion(ctx, author, admin, { title: 'Antrag: Sozialticket für {{Gemeinde}}' });
  });

  it('a visitor fills in the placeholders; what is left empty is pointed out and stays marked', async () => {
    const form = await visitor().get(`/antraege/${slug}/verwenden`);
    expect(form.status).toBe(200);
    for (const name of ['Gemeinde', 'Gremium', 'Datum']) expect(form.text).toContain(`name="wert:${name}"`);
    const filled = await visitor()
      .get(`/antraege/${slug}/verwenden`)
      .query({ 'wert:Gemeinde': 'Bad Äpfelbach', 'wert:Gremium': '<script>alert(1)</script>', format: 'ansehen' });
    expect(filled.status).toBe(200);
    expect(text(filled.text)).toContain('Noch nicht ausgefüllt: Datum.');
    expect(text(filled.text)).toContain('Antrag: Sozialticket für Bad Äpfelbach');
    expect(filled.text).toContain('Der &#60;script&#62;alert(1)&#60;/script&#62; der Gemeinde Bad Äpfelbach');
    expect(filled.text).toContain('[Datum: noch ausfüllen]');
    // "Angaben ändern" goes back to the form with what was typed (a visitor's values live only in the address).
    const back = /<a href="([^"]+)">« Angaben ändern<\/a>/.exec(filled.text)![1]!.replace(/&amp;/g, '&');
    const again = await visitor().get(back);
    expect(again.text).toMatch(/name="wert:Gemeinde" type="text" value="Bad Äpfelbach"/);
  });

  it('downloads a real Word document with the values, the formatting and the missing placeholder marked', async () => {
    const res = await visitor()
      .get(`/antraege/${slug}/verwenden`)
      .query({ 'wert:Gemeinde': 'Bad Äpfelbach', 'wert:Gremium': '**Rat** {{Datum}}', format: 'docx' })
      .buffer(true)
      .parse(binary);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(res.headers['content-disposition']).toBe(`attachment; filename=${slug}.docx`);
    const files = unzip(res.body as Buffer);
    const xml = strFromU8(files['word/document.xml']!);
    const words = xmlText(xml);
    expect(words).toContain('Antrag: Sozialticket für Bad Äpfelbach');
    expect(words).toContain('Der **Rat** {{Datum}} der Gemeinde Bad Äpfelbach möge beschließen:');
    expect(words).toContain('[Datum: noch ausfüllen]');
    expect(words).toContain('Begründung');
    expect(xml).toMatch(/<w:b\/>[\s\S]*?Sozialticket/); // bold carried over
    expect(xml).toContain('<w:highlight w:val="yellow"/>');
    expect(xml).toContain('<w:numPr>'); // the numbered list stays a list
  });

  it('a Word download built from a kept frame is the library’s own document, whatever the values', async () => {
    const motion = {
      title: 'Antrag für {{Gemeinde}}',
      body: '## {{Gremium}}\n\nDer **{{Gremium}}** in _{{Gemeinde}}_ beschließt:\n\n1. {{Datum}}\n2. Bericht\n\n- Punkt {{Gemeinde}}\n',
      reasoning: 'Weil {{Gemeinde}} es braucht.',
    };
    const names = ['Gemeinde', 'Gremium', 'Datum'];
    const parts = async (document: Promise<Buffer>) =>
      Object.fromEntries(
        Object.entries(unzipSync(new Uint8Array(await document))).map(([name, bytes]) => [
          name,
          strFromU8(bytes).replace(/(<dcterms:\w+ [^>]*>)[^<]*/g, '$1'),
        ]),
      );
    const tries: Record<string, string>[] = [
      { Gemeinde: 'Bad <Äpfel> & "Söhne" \'s\u0001', Gremium: 'Rat' },
      { Gemeinde: 'Köln', Gremium: '**Stadtrat** {{Datum}}' }, // the same frame, other values
      { Gemeinde: 'Köln', Gremium: 'Rat', Datum: '1. Mai' }, // nothing missing: another frame
      { Gremium: 'Rat' },
    ];
    for (const values of tries) {
      const direct = await parts(docxDocument(filledDocument(motion, 'Antrag', values, names)));
      const framedFile = await filledDocx(motion, 'Antrag', values, names);
      const framed = await parts(Promise.resolve(framedFile));
      // Word refuses a file whose checksums do not match what it unpacks.
      const unpacked = unzipSync(new Uint8Array(framedFile));
      const listed = centralDirectoryCrcs(framedFile);
      expect(listed).toHaveLength(Object.keys(unpacked).length);
      for (const [name, crc] of listed) expect(crc, name).toBe(crc32(unpacked[name]!));
      expect(Object.keys(framed).sort()).toEqual(Object.keys(direct).sort());
      for (const name of Object.keys(direct)) expect(framed[name], name).toBe(direct[name]);
    }
    // The time stamps are the download's own.
    const core = strFromU8(unzipSync(new Uint8Array(await filledDocx(motion, 'Antrag', tries[0]!, names)))['docProps/core.xml']!);
    const created = new Date(/<dcterms:created [^>]*>([^<]+)</.exec(core)![1]!).getTime();
    expect(Math.abs(Date.now() - created)).toBeLessThan(60_000);
  });

  it('downloads an OpenDocument text and a plain text file', async () => {
    const odt = await visitor()
      .get(`/antraege/${slug}/verwenden`)
      .query({ 'wert:Gemeinde': 'Köln', format: 'odt' })
      .buffer(true)
      .parse(binary);
    expect(odt.status).toBe(200);
    expect(odt.headers['content-type']).toBe('application/vnd.oasis.opendocument.text');
    expect(odt.headers['content-disposition']).toBe(`attachment; filename=${slug}.odt`);
    const files = unzip(odt.body as Buffer);
    expect(strFromU8(files.mimetype!)).toBe('application/vnd.oasis.opendocument.text');
    const content = xmlText(strFromU8(files['content.xml']!));
    expect(content).toContain('Antrag: Sozialticket für Köln');
    expect(content).toContain('der Gemeinde Köln möge beschließen');
    expect(content).toContain('[Gremium: noch ausfüllen]');

    const txt = await visitor()
      .get(`/antraege/${slug}/verwenden`)
      .query({ 'wert:Gemeinde': 'Köln', 'wert:Gremium': 'Rat', 'wert:Datum': '1.5.2027', format: 'txt' });
    expect(txt.headers['content-type']).toBe('text/plain; charset=utf-8');
    expect(txt.headers['content-disposition']).toBe(`attachment; filename=${slug}.txt`);
    expect(txt.text).toContain('Der Rat der Gemeinde Köln möge beschließen:\r\n');
    expect(txt.text).toContain('2. Bericht bis zum 1.5.2027.');
    expect(txt.text).not.toContain('noch ausfüllen');
  });

  it('a member’s values are remembered for the next template and can be changed on /konto', async () => {
    const token = await csrfTokenFrom(member, `/antraege/${slug}/verwenden`);
    const res = await member
      .post(`/antraege/${slug}/verwenden`)
      .type('form')
      .send(formBody({ _csrf: token, 'wert:Gemeinde': 'Musterstadt', 'wert:Gremium': 'Stadtrat', format: 'ansehen' }));
    expect(res.status).toBe(200);
    const other = await publishedMotion(ctx, author, admin, {
      title: 'Anfrage an den {{Gremium}}',
      motionKind: 'ANFRAGE',
      body: 'Der {{Gremium}} in {{Gemeinde}} wird gefragt, wie es weitergeht.',
    });
    const form = await member.get(`/antraege/${other}/verwenden`);
    expect(form.text).toMatch(/name="wert:Gemeinde" type="text" value="Musterstadt"/);
    expect(form.text).toMatch(/name="wert:Gremium" type="text" value="Stadtrat"/);
    const account = await member.get('/konto');
    expect(account.text).toMatch(/name="wert:Gemeinde" type="text" value="Musterstadt"/);
    const saved = await member
      .post('/konto/vorlagenwerte')
      .type('form')
      .send(formBody({ _csrf: await csrfTokenFrom(member, '/konto'), 'wert:Gemeinde': 'Neustadt', 'wert:Gremium': '' }));
    expect(saved.status).toBe(303);
    const stored = await ctx.db.prisma.user.findUniqueOrThrow({ where: { id: memberId }, select: { templateValues: true } });
    expect(stored.templateValues).toEqual({ Gemeinde: 'Neustadt' });
    // A visitor's values are never stored, and a visitor cannot post.
    expect((await visitor().post(`/antraege/${slug}/verwenden`).type('form').send({ 'wert:Gemeinde': 'X' })).status).toBe(403);
  });
});

describe('uses and the success count', () => {
  it('uses are listed, counted ("2-mal angenommen in 2 Kommunen"), an open one is updated later, and the list sorts by success', async () => {
    const popular = await publishedMotion(ctx, author, admin, {
      title: 'Antrag: Baumschutzsatzung',
      body: 'Die Gemeinde {{Gemeinde}} erlässt eine Baumschutzsatzung nach Muster.',
    });
    const quiet = await publishedMotion(ctx, author, admin, {
      title: 'Antrag: Bänke im Park',
      body: 'Die Gemeinde {{Gemeinde}} stellt mehr Bänke im Stadtpark auf.',
    });
    const report = async (agent: request.Agent, fields: Record<string, string>) => {
      const page = `/antraege/${popular}/verwendungen/neu`;
      return agent
        .post(page)
        .type('form')
        .send(formBody({ _csrf: await csrfTokenFrom(agent, page), ...fields }));
    };
    expect(
      (
        await report(member, {
          municipality: 'Köln',
          body: 'Rat',
          adoptedOn: '12.03.2025',
          result: 'ANGENOMMEN',
          recordUrl: 'ratsinfo.koeln.de/vorlage/1',
          note: '',
        })
      ).status,
    ).toBe(303);
    expect(
      (
        await report(member, {
          municipality: 'köln',
          body: 'Bezirksvertretung',
          adoptedOn: '',
          result: 'GEAENDERT_ANGENOMMEN',
          recordUrl: '',
          note: 'mit Änderungen',
        })
      ).status,
    ).toBe(303);
    const open = await report(author, { municipality: 'Bonn', body: 'Rat', adoptedOn: '', result: 'OFFEN', recordUrl: '', note: '' });
    expect(open.status).toBe(303);
    const invalid = await report(member, {
      municipality: '',
      body: 'Rat',
      adoptedOn: '31.02.2025',
      result: 'VIELLEICHT',
      recordUrl: '',
      note: '',
    });
    expect(invalid.status).toBe(422);
    expect(text(invalid.text)).toContain('Bitte ein Datum wie 14.03.2025 angeben.');
    expect(text(invalid.text)).toContain('Bitte das Ergebnis wählen.');

    let page = text((await visitor().get(`/antraege/${popular}`)).text);
    expect(page).toContain('2-mal angenommen in 1 Kommune');
    expect(page).toContain('Bonn, Rat: noch offen');
    // The open one is decided: whoever reported it updates it; nobody else can.
    const adoptionId = /#verwendung-(\d+)/.exec(open.headers.location!)![1];
    const edit = `/antraege/${popular}/verwendungen/${adoptionId}/bearbeiten`;
    expect((await member.get(edit)).status).toBe(403);
    const updated = await author
      .post(edit)
      .type('form')
      .send(
        formBody({
          _csrf: await csrfTokenFrom(author, edit),
          municipality: 'Bonn',
          body: 'Rat',
          adoptedOn: '2025-06-01',
          result: 'ANGENOMMEN',
          recordUrl: '',
          note: '',
        }),
      );
    expect(updated.status).toBe(303);
    page = text((await visitor().get(`/antraege/${popular}`)).text);
    expect(page).toContain('3-mal angenommen in 2 Kommunen');

    const bySuccess = text((await visitor().get('/antraege?sortierung=erfolg')).text);
    expect(bySuccess.indexOf('Antrag: Baumschutzsatzung')).toBeLessThan(bySuccess.indexOf('Antrag: Bänke im Park'));
    const proven = text((await visitor().get('/antraege?bewaehrt=ja')).text);
    expect(proven).toContain('Antrag: Baumschutzsatzung');
    expect(proven).not.toContain('Antrag: Bänke im Park');
    expect(quiet).toBeTruthy();
  });
});

describe('importing a collection', () => {
  const importPage = '/admin/antraege/import';
  const send = async (
    file: Buffer | string,
    name: string,
    aktion: 'probelauf' | 'importieren',
    quelle = 'LAG Kommunalpolitik NRW – Sammlung',
  ) => {
    const page = await admin.get(importPage);
    const action = /action="(\/admin\/antraege\/import\?_csrf=[^"]+)"/.exec(page.text)![1]!.replace(/&amp;/g, '&');
    return admin
      .post(action)
      .field('quelle', quelle)
      .field('aktion', aktion)
      .attach('datei', Buffer.from(file), { filename: name, contentType: 'text/csv' });
  };
  const example = readFileSync('docs/antraege-beispiel.csv');

  it('a dry run shows what would be created and creates nothing; the import publishes with the source and is idempotent', async () => {
    const before = await ctx.db.prisma.report.count({ where: { type: 'MOTION' } });
    const dry = await send(example, 'antraege.csv', 'probelauf');
    expect(dry.status).toBe(200);
    expect(text(dry.text)).toContain('3 Zeilen in „antraege.csv“: 3 neu, 0 schon vorhanden (bleiben, wie sie sind), 0 fehlerhaft.');
    expect(await ctx.db.prisma.report.count({ where: { type: 'MOTION' } })).toBe(before);

    const run = await send(example, 'antraege.csv', 'importieren');
    expect(run.status).toBe(303);
    expect(await ctx.db.prisma.report.count({ where: { type: 'MOTION' } })).toBe(before + 3);
    const imported = await ctx.db.prisma.report.findFirstOrThrow({
      where: { sourceKey: 'lag-003' },
      include: { topics: true, publishedVersion: true, import: true },
    });
    expect(imported).toMatchObject({
      status: 'PUBLISHED',
      motionKind: 'HAUSHALTSANTRAG',
      councilLevel: 'KREISTAG',
      states: ['NW', 'BY'],
      visibility: 'MEMBERS',
      sourceName: 'LAG Kommunalpolitik NRW – Sammlung',
    });
    expect(imported.topics).toHaveLength(1);
    expect(imported.publishedVersion!.status).toBe('PUBLISHED');
    expect(imported.import!.fileName).toBe('antraege.csv');
    const page = await visitor().get('/antraege/anfrage-zur-schulsozialarbeit-in-gemeinde');
    expect(text(page.text)).toContain('Quelle LAG Kommunalpolitik NRW – Sammlung');
    expect(page.text).toContain('<ol>');

    const again = await send(example, 'antraege.csv', 'importieren');
    expect(again.status).toBe(303);
    expect(await ctx.db.prisma.report.count({ where: { type: 'MOTION' } })).toBe(before + 3);
    expect(text((await admin.get(importPage)).text)).toContain('0 neu, 3 schon vorhanden');
  });

  it('names every invalid row with its line number and reason, and imports nothing while there are any', async () => {
    const csv = [
      'quelle_id,titel,art,text,themen,laender',
      'x-1,Gute Zeile,Antrag,Ein Text der lang genug ist für eine Vorlage.,Verkehr,',
      'x-2,Falsche Art,Beschwerde,Ein Text der lang genug ist für eine Vorlage.,,',
      'x-1,Doppelter Schlüssel,Antrag,Ein Text der lang genug ist für eine Vorlage.,Gibtsnicht,Mars',
      ',Ohne Schlüssel,Anfrage,kurz,,',
    ].join('\r\n');
    const res = await send(csv, 'fehler.csv', 'importieren');
    expect(res.status).toBe(422);
    const page = text(res.text);
    expect(page).toMatch(/3 Art „Beschwerde“ unbekannt/);
    expect(page).toMatch(/4 quelle_id „x-1“ steht schon in Zeile 2; Thema „Gibtsnicht“ gibt es nicht; Bundesland „Mars“ unbekannt/);
    expect(page).toMatch(/5 quelle_id fehlt; Text fehlt oder ist kürzer als 20 Zeichen/);
    expect(await ctx.db.prisma.report.count({ where: { sourceKey: 'x-1' } })).toBe(0);
  });

  it('broken files get a clear German error: wrong encoding, missing column, unclosed quote; BOM, CRLF and JSON work', async () => {
    const latin1 = Buffer.from(
      'quelle_id;titel;art;text\r\nl-1;Anfrage zur Müllabfuhr;Anfrage;Wie oft wird der Müll abgeholt?\r\n',
      'latin1',
    );
    expect(text((await send(latin1, 'ansi.csv', 'probelauf')).text)).toContain('Die Datei ist nicht in UTF-8 gespeichert');
    const missing = await send('quelle_id;titel;text\nm-1;Titel;Text der lang genug ist\n', 'ohne-art.csv', 'probelauf');
    expect(missing.status).toBe(422);
    expect(text(missing.text)).toContain('Es fehlen Spalten: art.');
    const pipe = await send('quelle_id|titel|art|text\nm-1|Titel|Antrag|Text\n', 'pipe.csv', 'probelauf');
    expect(text(pipe.text)).toContain('Das Trennzeichen wurde nicht erkannt');
    const quote = await send('quelle_id;titel;art;text\nq-1;"Titel;Antrag;Text der lang genug ist\n', 'quote.csv', 'probelauf');
    expect(quote.status).toBe(422);
    expect(text(quote.text)).toContain('Die CSV-Datei ist fehlerhaft');
    const bom = await send(
      Buffer.concat([
        Buffer.from([0xef, 0xbb, 0xbf]),
        Buffer.from('quelle_id;titel;art;text\r\nb-1;Anfrage mit BOM;Anfrage;Ein Text der lang genug ist für eine Vorlage.\r\n'),
      ]),
      'bom.csv',
      'probelauf',
    );
    expect(text(bom.text)).toContain('1 neu');
    const json = await send(
      JSON.stringify([
        {
          quelle_id: 'j-1',
          titel: 'Resolution aus JSON',
          art: 'resolution',
          text: 'Ein Text der lang genug ist für eine Vorlage.',
          themen: ['Verkehr', 'Wohnen'],
        },
      ]),
      'liste.json',
      'importieren',
    );
    expect(json.status).toBe(303);
    expect(await ctx.db.prisma.reportTopic.count({ where: { report: { sourceKey: 'j-1' } } })).toBe(2);
    expect(text((await send('{kaputt', 'kaputt.json', 'probelauf')).text)).toContain('Die JSON-Datei lässt sich nicht lesen');
  });

  it('a row that fails in the database mid-way rolls the whole import back', async () => {
    await ctx.db.pool.query(`CREATE FUNCTION refuse_row() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN
      IF NEW.title = 'Bricht ab' THEN RAISE EXCEPTION 'test: refused'; END IF; RETURN NEW; END $$`);
    await ctx.db.pool.query('CREATE TRIGGER refuse_row BEFORE INSERT ON reports FOR EACH ROW EXECUTE FUNCTION refuse_row()');
    try {
      const csv =
        'quelle_id;titel;art;text\nr-1;Erste Zeile gut;Antrag;Ein Text der lang genug ist für eine Vorlage.\nr-2;Bricht ab;Antrag;Ein Text der lang genug ist für eine Vorlage.\n';
      const res = await send(csv, 'abbruch.csv', 'importieren');
      expect(res.status).toBe(500);
      expect(await ctx.db.prisma.report.count({ where: { sourceKey: { in: ['r-1', 'r-2'] } } })).toBe(0);
      expect(await ctx.db.prisma.motionImport.count({ where: { fileName: 'abbruch.csv' } })).toBe(0);
    } finally {
      await ctx.db.pool.query('DROP TRIGGER refuse_row ON reports; DROP FUNCTION refuse_row()');
    }
  });

  it('imports 10 000 rows in one go', { timeout: 60_000 }, async () => {
    const rows = Array.from(
      { length: 10_000 },
      (_, i) =>
        `gross-${i};Vorlage Nummer ${i} für {{Gemeinde}};Antrag;Der Rat von {{Gemeinde}} beschließt Punkt ${i} der Liste.;Verkehr;NW`,
    );
    const res = await send(['quelle_id;titel;art;text;themen;laender', ...rows].join('\n'), 'gross.csv', 'importieren');
    expect(res.status).toBe(303);
    expect(await ctx.db.prisma.report.count({ where: { sourceKey: { startsWith: 'gross-' } } })).toBe(10_000);
    expect(
      await ctx.db.prisma.reportVersion.count({ where: { report: { sourceKey: { startsWith: 'gross-' } }, status: 'PUBLISHED' } }),
    ).toBe(10_000);
  });

  it('only admins reach the import', async () => {
    expect((await member.get(importPage)).status).toBe(403);
    expect((await visitor().get(importPage)).status).toBe(303);
  });
});
