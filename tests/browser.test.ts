// Every page type in a real browser (Debian's Chromium through playwright-core): nothing scrolls sideways at
// 360 px, no button is cut off at 1280 px, print shows content only, and the confirmation step works without
// JavaScript. Skips where no Chromium is installed; in CI (CI=true) it runs and fails loudly without one.
// UI_SHOTS=/tmp/ui-shots additionally writes a screenshot of every page (and a PDF of the printed alliance page).
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { domainToASCII } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, berlinDay, berlinInstant } from '../src/lib/dates.js';
import { createUser, csrfTokenFrom, formBody, sessionAgent, sessionCookie, useTestContext, type TestContext } from './support/context.js';
import { docx, pdf, png } from './support/files.js';
import { createMeeting } from './support/meetings.js';
import { completeMotion, motionSlugFrom, publishedMotion, sendMotionForm } from './support/motions.js';
import { completeReport, decide, publishedReport, sendReportForm, slugFromRedirect, waitingVersion } from './support/reports.js';

const CHROMIUM = '/usr/bin/chromium';
const NARROW = { width: 360, height: 740 };
const WIDE = { width: 1280, height: 900 };
const SHOTS = process.env.UI_SHOTS;

const ctx = useTestContext();

// The functions below that run in the page (page.evaluate) see the DOM; the project compiles without the DOM
// library, so they declare the little they use.
declare const window: { innerWidth: number; scrollTo(x: number, y: number): void };
declare const document: any;
declare function getComputedStyle(element: unknown, pseudo?: string): any;
type Box = { left: number; right: number; top: number; bottom: number; width: number };

// A web address as people paste it: an umlaut domain (stored as punycode) and a long, percent-encoded path.
const LONG_WEBSITE = new URL(
  'https://www.bürgerbündnis-für-soziale-gerechtigkeit-musterstadt.de/%C3%BCber-uns/arbeitsgruppen/stadtentwicklung/stellungnahme-zum-nahverkehrsplan-2026?quelle=erfahrungsb%C3%B6rse&abschnitt=mobilit%C3%A4tswende',
).href;
const IDN_DOMAIN = domainToASCII('bürgerbündnis-recklinghausen-süd.de');
const PRINT_TOKEN = 'stellungnahme-zum-nahverkehrsplan-2026';
const LONG_NETWORK_URL =
  'https://www.kommunale-netzwerke-für-nachhaltige-entwicklung.example.org/de/mitgliedschaft/kommunen-und-landkreise/uebersicht-aller-regionalgruppen-und-arbeitskreise.html';

async function seed(c: TestContext) {
  const { prisma } = c.db;
  const topic = await prisma.topic.create({
    data: {
      slug: 'oeffentlicher-nahverkehr-und-mobilitaetswende-im-laendlichen-raum',
      name: 'Öffentlicher Personennahverkehr und Mobilitätswende im ländlichen Raum',
      description: 'Sozialticket, Rufbusse, Radwege, Nahverkehrspläne und was Räte dabei mitbestimmen können.',
    },
  });
  const alliance = await prisma.alliance.create({
    data: {
      slug: 'unabhaengiges-buergerbuendnis-fuer-soziale-gerechtigkeit-und-umweltschutz-recklinghausen-sued',
      name: 'Unabhängiges Bürgerbündnis für soziale Gerechtigkeit und Umweltschutz Recklinghausen-Süd (UBSGU)',
      municipality: 'Recklinghausen',
      district: 'Kreis Recklinghausen',
      state: 'NW',
      foundedYear: 1999,
      councilSeats: 4,
      website: LONG_WEBSITE,
      contactEmail: `vorstand.und.geschaeftsstelle@${IDN_DOMAIN}`,
      description:
        'Wir arbeiten seit 1999 im Rat. Unsere Anfragen stehen im [Ratsinformationssystem](https://ratsinfo.example.org/recklinghausen/anfragen).\n\n- Sozialticket\n- Nahverkehr\n- Haushalt',
    },
  });
  const other = await prisma.alliance.create({
    data: { slug: 'linke-liste-musterstadt', name: 'Linke Liste Musterstadt', municipality: 'Musterstadt', state: 'TH' },
  });

  const admin = await createUser(c.db, { role: 'ADMIN', name: 'Dr. Annemarie Hohenzollern-Sigmaringen-Wittelsbach' });
  const organizer = await createUser(c.db, { role: 'ORGANIZER', name: 'Maria-Magdalena Schmidt-Oberhausen von Wolkenstein' });
  const member = await createUser(c.db, { name: 'Karl-Theodor Müller-Lüdenscheidt-Wanne-Eickel' });
  await prisma.user.update({
    where: { id: member.id },
    data: {
      allianceId: alliance.id,
      isDelegate: true,
      listedInDirectory: true,
      publicOnAlliancePage: true,
      mandate: 'COUNCIL',
      directoryNote: 'Seit 2014 im Sozialausschuss und im Ausschuss für Stadtentwicklung, Umwelt, Verkehr und Digitalisierung.',
      competences: { create: [{ topicId: topic.id }] },
      requestedAllianceId: other.id,
      joinRequestedAt: new Date(),
    },
  });
  const colleague = await createUser(c.db, { name: 'Fatma Yılmaz-Schulze' });
  await prisma.user.update({
    where: { id: colleague.id },
    data: { allianceId: alliance.id, listedInDirectory: true, competences: { create: [{ topicId: topic.id }] } },
  });
  // Join requests: an active person and one whose account still waits.
  for (const [name, status] of [
    ['Bartholomäus Wilhelmine Engelbrecht-Kowalczyk', 'ACTIVE'],
    ['Hans-Jürgen Übermuth-Ölmann', 'PENDING'],
  ] as const) {
    const u = await createUser(c.db, {
      name,
      status,
      email: `${name.split(' ')[0]!.toLowerCase()}.sehr-lange-adresse@gemeinde-großbeispielhausen.example.org`,
    });
    await prisma.user.update({
      where: { id: u.id },
      data: {
        requestedAllianceId: alliance.id,
        joinRequestedAt: new Date(),
        allianceNote: 'UBSGU, Ortsgruppe Süd und Arbeitskreis Verkehr',
      },
    });
  }
  const target = await createUser(c.db, { name: 'Zu Sperrende Person mit einem wirklich außergewöhnlich langen Namen' });
  await createUser(c.db, { name: 'Gesperrte Person', status: 'DISABLED' });

  await prisma.network.create({
    data: {
      slug: 'netzwerk-mit-sehr-langer-adresse',
      name: 'Bundesarbeitsgemeinschaft kommunaler Netzwerke für nachhaltige Entwicklung und Bürgerbeteiligung',
      category: 'NATIONAL',
      description: 'Austausch zu Bürgerhaushalten, Beteiligungsverfahren und Klimaschutzkonzepten.',
      reach: '340 Kommunen und Landkreise in allen 16 Bundesländern, Regionalgruppen und Arbeitskreise',
      website: LONG_NETWORK_URL,
      topics: { create: [{ topicId: topic.id }] },
    },
  });

  const mails = [];
  for (const [i, subject] of [
    'Neues Konto wartet auf Freischaltung: Hans-Jürgen Übermuth-Ölmann (UBSGU, Ortsgruppe Süd und Arbeitskreis Verkehr)',
    'Nachricht über die Kommunale Erfahrungsbörse: Frage zum Sozialticket',
    'Deine Beitrittsanfrage an Unabhängiges Bürgerbündnis für soziale Gerechtigkeit',
  ].entries()) {
    mails.push(
      await prisma.outboxMail.create({
        data: {
          recipient: `empfaengerin.nummer${i}.mit.langer.adresse@${IDN_DOMAIN}`,
          replyTo: i === 1 ? 'antwort.bitte.an.diese.adresse@example.org' : null,
          subject,
          body: `Hallo,\n\nhier steht der Text der Nachricht mit einer langen Adresse: ${LONG_NETWORK_URL}\n\nViele Grüße`,
          status: (['STORED', 'SENT', 'FAILED'] as const)[i],
          sentAt: i === 1 ? new Date() : null,
          error: i === 2 ? 'Verbindung zum Mailserver abgelehnt (ECONNREFUSED 127.0.0.1:465)' : null,
        },
      }),
    );
  }
  return { topic, alliance, admin, organizer, member, colleague, target, mail: mails[1]! };
}

// Erfahrungsberichte as volunteers write them: long compound words and titles, every part filled with Markdown
// (headings, lists, a quote, a table, a code block, a long address), files with long names and images.
const REPORT_TITLE =
  'Sozialticket für alle Leistungsberechtigten: Wie wir die Haushaltskonsolidierungskommission und den Kreisausschuss überzeugt haben';
const LONG_WORD = 'Nahverkehrsentwicklungsplanfortschreibungsverfahren';
const RATSINFO_URL =
  'https://ratsinfo.example.org/recklinghausen/vorlagen/2025/haushaltskonsolidierungskonzept-sozialticket-anlage-3-kostenschaetzung-und-finanzierungsvorschlag.pdf';
const REPORT_PARTS = {
  did:
    `Ausgangslage war die **${LONG_WORD}** des Kreises: Das Sozialticket sollte „aus Kostengründen“ entfallen.\n\n` +
    '### Unterschriften vor dem Jobcenter\n\n' +
    '- Infostände an vierzehn Samstagen vor dem Jobcenter und der Tafel\n' +
    '- eine Anfrage zur Zahl der Leistungsberechtigten nach SGB II und SGB XII\n' +
    '- Gespräche mit Sozialverbänden, dem Mieterbund und den Gewerkschaften\n\n' +
    '> Ohne die Zahlen aus der Anfrage hätte uns im Kreisausschuss niemand geglaubt.\n\n' +
    `Die Kostenschätzung steht im Ratsinformationssystem: ${RATSINFO_URL}\n\n` +
    '| Jahr | Leistungsberechtigte | verkaufte Sozialtickets | Kosten für den Kreishaushalt | Anteil am Verkehrsverbund |\n' +
    '|---|---|---|---|---|\n' +
    '| 2024 | 12.480 | 3.150 | 410.000 € | 1,2 % |\n' +
    '| 2025 | 12.910 | 5.870 | 760.000 € | 2,1 % |',
  worked:
    'Die Zahlen aus der Anfrage haben überzeugt, und die **Arbeitsgemeinschaftsvereinbarung** mit den Sozialverbänden gab uns Gewicht. ' +
    'Die Lokalzeitung hat dreimal berichtet.',
  didnt:
    'Der erste Antrag scheiterte im Haupt- und Finanzausschuss, weil wir keinen Deckungsvorschlag hatten. ' +
    'Die Verwaltung nannte das *Kreisumlagenerhöhungsvermeidungsgebot*.',
  tips: '1. Erst Partner suchen, dann den Antrag stellen.\n2. Einen Deckungsvorschlag mitbringen.\n3. Die Betroffenen selbst sprechen lassen.',
  body:
    'Musterantrag zum Übernehmen:\n\n' +
    '```\nDer Kreistag beauftragt die Verwaltung, ab dem 1. Januar 2026 ein Sozialticket zum Preis des Deutschlandtickets abzüglich 50 Prozent anzubieten.\n```\n\n' +
    'Kontakt über das Bündnis.',
};

async function seedReports(c: TestContext, base: Awaited<ReturnType<typeof seed>>) {
  const { prisma } = c.db;
  const author = await sessionAgent(c.app, base.member.id);
  const admin = await sessionAgent(c.app, base.admin.id);
  const colleague = await sessionAgent(c.app, base.colleague.id);
  const organizer = await sessionAgent(c.app, base.organizer.id);
  const topics = await prisma.topic.findMany({ orderBy: { id: 'asc' }, take: 5 });
  const allianceId = String(base.alliance.id);
  const fields = (overrides: Record<string, string | string[]> = {}) =>
    completeReport({ allianceId, place: 'Recklinghausen', state: 'NW', ...overrides });

  // The main report: everything filled, named author, files with long names, two images.
  const reportFields = fields({
    title: REPORT_TITLE,
    summary:
      'Wie wir nach einer Ablehnung im Kreistag mit Sozialverbänden, Mieterbund und Gewerkschaften doch noch eine Mehrheit für das Sozialticket gefunden haben – und was wir beim nächsten Mal anders machen würden.',
    ...REPORT_PARTS,
    periodFrom: '2024-03',
    periodTo: '2025-11',
    topicIds: [String(base.topic.id), ...topics.map((t) => String(t.id))],
    authorDisplay: 'PERSON',
  });
  const files = [
    { name: 'Infostand_vor_dem_Jobcenter_Recklinghausen-Süd_Samstagvormittag.png', content: png(800, 600), type: 'image/png' },
    {
      name: 'Stellungnahme_Nahverkehrsplan_Kreistag_Recklinghausen_2026_endgültige_Fassung_mit_allen_Anlagen.pdf',
      content: pdf('Stellungnahme'),
      type: 'application/pdf',
    },
    { name: 'Flugblatt.png', content: png(600, 900), type: 'image/png' },
    { name: 'Pressemitteilung_Sozialticket.docx', content: docx() },
  ];
  const slug = await publishedReport(c, author, admin, reportFields, files);
  const report = await prisma.report.findUniqueOrThrow({ where: { slug } });

  // Comments, one flagged and hidden by the moderation, one flagged and waiting, a long address.
  const comment = async (who: typeof author, text: string) => {
    const token = await csrfTokenFrom(who, `/berichte/${slug}`);
    const res = await who
      .post(`/berichte/${slug}/kommentare`)
      .type('form')
      .send(formBody({ _csrf: token, text }));
    if (res.status !== 303) throw new Error(`comment failed: ${res.status}`);
    return Number(/#kommentar-(\d+)$/.exec(res.headers.location!)![1]);
  };
  const flag = async (who: typeof author, path: string, reason: string, note = '') => {
    const token = await csrfTokenFrom(who, path);
    const res = await who
      .post(path)
      .type('form')
      .send(formBody({ _csrf: token, reason, note }));
    if (res.status !== 303) throw new Error(`flag failed: ${res.status}`);
  };
  await comment(colleague, `Danke für den ausführlichen Bericht! Habt ihr die [Kostenschätzung](${RATSINFO_URL}) selbst erstellt?`);
  const waitingComment = await comment(
    organizer,
    `Bei uns heißt das **${LONG_WORD}**, und es dauert Jahre.\n\n- Wie viele Unterschriften hattet ihr?\n- Wer hat den Antrag gestellt?\n\nDie Vorlage: ${LONG_NETWORK_URL}`,
  );
  const hiddenComment = await comment(colleague, 'Das ist doch alles Parteipolitik von der Liste XY, wählt lieber uns!');
  const ownComment = await comment(organizer, 'Nachtrag: Unser Kreistag entscheidet im März.');
  await comment(admin, 'Danke, ich habe den Bericht dem Themenbereich Nahverkehr zugeordnet.');
  await flag(organizer, `/kommentare/${hiddenComment}/melden`, 'PARTY_POLITICS');
  {
    const page = `/admin/moderation/meldungen/kommentar/${hiddenComment}`;
    const token = await csrfTokenFrom(admin, page);
    const res = await admin
      .post(page)
      .type('form')
      .send(formBody({ _csrf: token, aktion: 'ausblenden', begruendung: 'Parteipolitische Werbung verletzt Prinzip 4 der KOG.' }));
    if (res.status !== 303) throw new Error(`hiding the comment failed: ${res.status}`);
  }
  await flag(colleague, `/kommentare/${waitingComment}/melden`, 'UNOBJECTIVE', 'Klingt herablassend gegenüber kleinen Kommunen.');
  await flag(
    colleague,
    `/berichte/${slug}/melden`,
    'PERSONAL_DATA',
    'Im Foto vom Infostand sind Gesichter von Passantinnen und Passanten zu erkennen, die vermutlich nicht gefragt wurden.',
  );

  // A new version of the main report waits for review: the decision page shows what changed.
  const edited = await sendReportForm(
    author,
    {
      ...reportFields,
      did: reportFields.did + `\n\nNachtrag: Die **Verkehrsverbundtarifbestimmungsänderungsverordnung** gilt seit Januar; ${RATSINFO_URL}`,
      tips: 'Erst Partner suchen, dann den Antrag stellen – und die Presse früh einladen.',
    },
    [],
    `/berichte/${slug}/bearbeiten`,
  );
  if (edited.status !== 303) throw new Error(`editing failed: ${edited.status}`);
  const versionId = await waitingVersion(c, slug);

  // Members only, with the alliance as author.
  const membersSlug = await publishedReport(
    c,
    colleague,
    admin,
    fields({ title: 'Mieterberatung im Stadtteilbüro', visibility: 'MEMBERS' }),
  );
  // Sent back with a reason; a draft; enough published reports for a second page.
  const returned = slugFromRedirect(await sendReportForm(author, fields({ title: 'Bürgerhaushalt: erster Versuch' })));
  await decide(c, admin, returned, 'zurueck', 'Bitte die Namen der Anwohnerinnen und Anwohner aus dem dritten Abschnitt entfernen.');
  const draft = slugFromRedirect(
    await sendReportForm(author, fields({ title: 'Entwurf: Schulwegsicherung und Elterntaxis', aktion: 'entwurf' })),
  );
  for (let i = 1; i <= 20; i++) {
    await publishedReport(
      c,
      organizer,
      admin,
      completeReport({ title: `Kurzbericht ${i}: Bürgerversammlung zur Schulentwicklungsplanung` }),
    );
  }
  return { slug, reportId: report.id, membersSlug, returned, draft, versionId, waitingComment, ownComment, hiddenComment };
}

const MOTION_TITLE = 'Antrag: Verkehrsverbundtarifbestimmungsänderung und Sozialticket für {{Gemeinde}}';

/** A published model motion with long words and placeholders, two uses, and a motion waiting for review. */
async function seedMotions(c: TestContext, base: Awaited<ReturnType<typeof seed>>) {
  const author = await sessionAgent(c.app, base.member.id);
  const admin = await sessionAgent(c.app, base.admin.id);
  const slug = await publishedMotion(c, author, admin, {
    title: MOTION_TITLE,
    allianceId: String(base.alliance.id),
    topicIds: [String(base.topic.id)],
    states: ['NW', 'BY', 'BW'],
    body: `### Beschlussvorschlag\n\nDer {{Gremium}} der Gemeinde {{Gemeinde}} möge beschließen:\n\n1. Die **${LONG_WORD}** wird geprüft.\n2. Bericht bis zum {{Datum der Sitzung}}; Vorlage: ${RATSINFO_URL}`,
  });
  for (const [municipality, result] of [
    ['Recklinghausen', 'ANGENOMMEN'],
    ['Castrop-Rauxel', 'OFFEN'],
  ] as const) {
    const page = `/antraege/${slug}/verwendungen/neu`;
    const token = await csrfTokenFrom(author, page);
    await author
      .post(page)
      .type('form')
      .send(
        formBody({
          _csrf: token,
          municipality,
          body: 'Kreistag',
          adoptedOn: '2025-05-14',
          result,
          recordUrl: RATSINFO_URL,
          note: 'Mit einer Änderung im zweiten Punkt.',
        }),
      );
  }
  const waiting = motionSlugFrom(
    await sendMotionForm(author, completeMotion({ title: 'Anfrage: Schulsozialarbeit in {{Gemeinde}}', motionKind: 'ANFRAGE' })),
  );
  return { slug, versionId: await waitingVersion(c, waiting) };
}

const MEETING_TITLE = 'Treffen der kommunalpolitischen Plattform zur Haushaltskonsolidierung und Kreisumlagenerhöhung';

/**
 * KOG-Treffen as they look in use, with long names everywhere: one held (protocol, decisions with follow-up notes,
 * materials), one coming with its agenda out (sub-items, input talks, changes, registrations, a file), one whose
 * agenda is still a draft (proposals waiting), an internal and a cancelled one.
 */
async function seedMeetings(c: TestContext, base: Awaited<ReturnType<typeof seed>>) {
  const { prisma } = c.db;
  const lead = base.organizer.id;
  const today = berlinDay(new Date());
  const common = {
    venueName: 'Bürgerhaus Horster Mitte, Großer Saal im Erdgeschoss',
    address: 'Schmalhorststraße 1, 45899 Gelsenkirchen-Horst',
    directions: 'Parkplatz gegenüber am Schloss Horst; vom Hauptbahnhof mit der Straßenbahnlinie 301',
    purpose: 'Für einen nächsten Erfahrungsaustausch und zur gemeinsamen Beratung',
    notes: 'Für Getränke wird gesorgt, wir freuen uns über Kuchenspenden (bitte sagt uns vorher Bescheid).',
    relatedEvents: `Wir laden ebenfalls ein zur bundesweiten Demonstration am Vortag: ${LONG_NETWORK_URL}`,
    signature: `${base.organizer.name}\nKoordinierungsgruppe der kommunalpolitischen Plattform`,
  };
  type ItemExtra = { result?: string; hasInputTalks?: boolean; description?: string; changedAt?: Date; presenter?: string };
  const items = async (meetingId: number, list: [string, number | null, ItemExtra?][], parentId?: number) => {
    const made = [];
    for (const [i, [title, durationMinutes, extra]] of list.entries())
      made.push(await prisma.agendaItem.create({ data: { meetingId, parentId, position: i + 1, title, durationMinutes, ...extra } }));
    return made;
  };

  const pastDay = addDays(today, -30);
  const past = await createMeeting(c.db, lead, {
    ...common,
    day: pastDay,
    title: `${MEETING_TITLE} im Herbst`,
    agendaPublishedAt: berlinInstant(addDays(pastDay, -22), '10:00'),
    materialsPublishedAt: berlinInstant(addDays(pastDay, -8), '10:00'),
  });
  await prisma.meeting.update({ where: { id: past.id }, data: { status: 'HELD' } });
  const [, reports] = await items(past.id, [
    ['Begrüßung', 10, { result: 'Vorstellungsrunde; zwei Bündnisse sind zum ersten Mal dabei.' }],
    ['Berichte aus den Bündnissen', 60, { result: `Die **${LONG_WORD}** beschäftigt drei Bündnisse; Unterlagen: ${RATSINFO_URL}` }],
  ]);
  await items(past.id, [['Auswertung der Wahlkämpfe', 20, { result: 'Gute Erfahrungen mit Infoständen.' }]], reports!.id);
  await prisma.protocol.create({
    data: { meetingId: past.id, summary: 'Ein lebendiger Austausch.', publishedAt: berlinInstant(addDays(pastDay, 5), '20:00') },
  });
  await prisma.meetingAttendee.createMany({
    data: [
      { meetingId: past.id, userId: base.member.id, name: base.member.name },
      { meetingId: past.id, name: 'Gast aus Castrop-Rauxel (Bürgerliste für Transparenz und Bürgerbeteiligung)' },
    ],
  });
  const decision = await prisma.decision.create({
    data: {
      meetingId: past.id,
      agendaItemId: reports!.id,
      text: `Eine gemeinsame Stellungnahme zur ${LONG_WORD} schreiben und an alle Kreistagsfraktionen schicken.`,
      responsible: base.alliance.name,
      responsibleAllianceId: base.alliance.id,
      dueOn: new Date(`${addDays(today, 14)}T00:00:00Z`),
      status: 'IN_PROGRESS',
      notes: { create: { authorId: lead, status: 'IN_PROGRESS', body: `Entwurf liegt vor: ${RATSINFO_URL}` } },
    },
  });
  await prisma.material.create({
    data: { meetingId: past.id, title: 'Gedanken zur Auswertung', body: '- Termin\n- Ort', addedById: lead },
  });

  const nextDay = addDays(today, 30);
  const next = await createMeeting(c.db, lead, {
    ...common,
    day: nextDay,
    title: `${MEETING_TITLE} im Winter`,
    onlineLink: LONG_NETWORK_URL,
    agendaPublishedAt: berlinInstant(addDays(today, -1), '10:00'),
  });
  const [, , talks, law] = await items(next.id, [
    ['Begrüßung', 10],
    ['Beschlusskontrolle', 10],
    ['Berichte aus den Bündnissen', 30, { hasInputTalks: true, description: `Schwerpunkte, Finanzlage, **${LONG_WORD}**.` }],
    [
      'Die Rechtsentwicklung der Bundesregierung, die Auswirkungen auf die Kommunen und die Arbeit der Bündnisse',
      120,
      { changedAt: new Date() },
    ],
    ['Sonstiges / Termin des nächsten Treffens', 15],
  ]);
  await items(
    next.id,
    [
      ['Auswertung des Bündniskongresses und der neuen Grundsätze', 45, { presenter: base.member.name }],
      ['Impulsbeiträge zur Verwirklichung der finanzpolitischen Prinzipien', null],
    ],
    law!.id,
  );
  for (const [who, attendance] of [
    [base.member, 'ON_SITE'],
    [base.colleague, 'ONLINE'],
    [base.admin, 'MAYBE'],
  ] as const) {
    await prisma.rsvp.create({
      data: {
        meetingId: next.id,
        userId: who.id,
        allianceId: who === base.admin ? null : base.alliance.id,
        attendance,
        offersTalk: who === base.member,
        bringsCake: who !== base.colleague,
        comment: who === base.member ? `Wir kommen zu dritt mit dem Zug; Rückfahrt über ${LONG_NETWORK_URL}` : '',
      },
    });
  }
  await prisma.inputTalk.create({
    data: { agendaItemId: talks!.id, allianceId: base.alliance.id, userId: base.member.id, topic: `Auswertung der ${LONG_WORD}` },
  });
  const content = pdf('Vorlage');
  const attachment = await prisma.attachment.create({
    data: {
      fileName: 'Stellungnahme_Nahverkehrsplan_Kreistag_Recklinghausen_2026_endgültige_Fassung_mit_allen_Anlagen.pdf',
      mediaType: 'application/pdf',
      sizeBytes: content.length,
      sha256: createHash('sha256').update(content).digest('hex'),
      content: new Uint8Array(content),
      uploadedById: lead,
    },
  });
  await prisma.material.create({
    data: { meetingId: next.id, agendaItemId: law!.id, title: attachment.fileName, attachmentId: attachment.id, addedById: lead },
  });

  const draft = await createMeeting(c.db, lead, { ...common, day: addDays(today, 60), title: `${MEETING_TITLE} im Frühjahr` });
  const draftItems = await items(draft.id, [
    ['Begrüßung', 10],
    ['Berichte aus den Bündnissen', 45],
    ['Sonstiges', 15],
  ]);
  const proposals = [];
  for (const [title, status] of [
    [`Erfahrungen mit der ${LONG_WORD} im ländlichen Raum`, 'OPEN'],
    ['Wie gewinnen wir junge Leute für die Bündnisarbeit?', 'OPEN'],
    ['Parteitag der Liste XY vorbereiten', 'DECLINED'],
  ] as const) {
    proposals.push(
      await prisma.agendaProposal.create({
        data: {
          meetingId: draft.id,
          proposerId: base.member.id,
          allianceId: base.alliance.id,
          title,
          description: `Wir möchten unsere Erfahrungen vorstellen: ${RATSINFO_URL}`,
          requestedMinutes: 30,
          status,
          reason: status === 'DECLINED' ? 'Parteipolitik gehört nicht auf die Tagesordnung (KOG-Prinzip 4).' : null,
          decidedAt: status === 'DECLINED' ? new Date() : null,
        },
      }),
    );
  }
  const internal = await createMeeting(c.db, lead, {
    ...common,
    day: addDays(today, 90),
    title: 'Regionaltreffen Ruhrgebiet',
    kind: 'REGIONALTREFFEN',
    isPublic: false,
  });
  const cancelled = await createMeeting(c.db, lead, { ...common, day: addDays(today, 20), title: 'Ratschlag in Kassel' });
  await prisma.meeting.update({
    where: { id: cancelled.id },
    data: { status: 'CANCELLED', cancelReason: 'Der Saal ist nicht verfügbar; wir suchen einen neuen Termin.' },
  });
  return {
    past: past.id,
    next: next.id,
    draft: draft.id,
    internal: internal.id,
    cancelled: cancelled.id,
    item: talks!.id,
    draftItems,
    proposal: proposals[0]!.id,
    decision: decision.id,
  };
}

type Who = 'visitor' | 'member' | 'organizer' | 'admin';
interface PageCheck {
  who: Who;
  path: string;
  status?: number;
}

interface LayoutReport {
  scrollWidth: number;
  innerWidth: number;
  offenders: string[];
  clipped: string[];
  overlaps: string[];
  /** Boxes in the page that scroll sideways themselves (a table in a .table-wrap), and tables that stay tables. */
  inner: string[];
}

/**
 * Runs in the page: sideways overflow (with its outermost culprits), cut-off buttons, overlapping header items,
 * boxes that hide their content in a sideways scroll, and data tables that do not turn into cards on a phone.
 */
function measureLayout(): LayoutReport {
  const innerWidth = window.innerWidth;
  const scrollWidth = document.documentElement.scrollWidth;
  const name = (el: any) => {
    const cls = typeof el.className === 'string' && el.className.trim() ? '.' + el.className.trim().split(/\s+/).join('.') : '';
    const text = (el.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 40);
    return `<${el.tagName.toLowerCase()}${el.id ? '#' + el.id : ''}${cls}> "${text}"`;
  };
  const offenders: string[] = [];
  if (scrollWidth > innerWidth) {
    for (const el of Array.from<any>(document.body.querySelectorAll('*'))) {
      const box: Box = el.getBoundingClientRect();
      if (box.width === 0 || box.right <= innerWidth + 0.5) continue;
      const parent = el.parentElement;
      if (parent && parent !== document.body && parent.getBoundingClientRect().right > innerWidth + 0.5) continue; // only the outermost
      offenders.push(`${name(el)} reaches ${Math.round(box.right)} px`);
    }
  }
  const clipped: string[] = [];
  for (const el of Array.from<any>(document.querySelectorAll('main button, main a.button'))) {
    if (el.getClientRects().length === 0) continue; // not displayed
    if (el.closest('details:not([open]) > :not(summary)')) continue; // folded away in a closed <details>
    const box: Box = el.getBoundingClientRect();
    let [left, right, top, bottom] = [0, innerWidth, -Infinity, Infinity];
    for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) {
      const style = getComputedStyle(a);
      const r: Box = a.getBoundingClientRect();
      if (style.overflowX !== 'visible') [left, right] = [Math.max(left, r.left), Math.min(right, r.right)];
      if (style.overflowY !== 'visible') [top, bottom] = [Math.max(top, r.top), Math.min(bottom, r.bottom)];
    }
    if (box.left < left - 0.5 || box.right > right + 0.5 || box.top < top - 0.5 || box.bottom > bottom + 0.5) {
      clipped.push(
        `cut off: ${name(el)} at ${Math.round(box.left)}–${Math.round(box.right)} px, visible area ${Math.round(left)}–${Math.round(right)} px`,
      );
      continue;
    }
    // Nothing lies on top of it (a label, a neighbour): a click in its middle reaches it.
    el.scrollIntoView({ block: 'center', inline: 'nearest' });
    const now: Box = el.getBoundingClientRect();
    const hit = document.elementFromPoint((now.left + now.right) / 2, (now.top + now.bottom) / 2);
    if (!el.contains(hit)) clipped.push(`covered: ${name(el)} lies under ${hit ? name(hit) : 'nothing'}`);
  }
  window.scrollTo(0, 0);
  const overlaps: string[] = [];
  const items = Array.from<any>(document.querySelectorAll('.site-header a, .site-header button')).filter(
    (el) => el.getClientRects().length > 0,
  );
  for (let i = 0; i < items.length; i++) {
    for (let j = i + 1; j < items.length; j++) {
      if (items[i].contains(items[j]) || items[j].contains(items[i])) continue;
      const a: Box = items[i].getBoundingClientRect();
      const b: Box = items[j].getBoundingClientRect();
      if (a.left < b.right - 1 && b.left < a.right - 1 && a.top < b.bottom - 1 && b.top < a.bottom - 1)
        overlaps.push(`${name(items[i])} overlaps ${name(items[j])}`);
    }
  }
  const inner: string[] = [];
  for (const el of Array.from<any>(document.querySelectorAll('main *'))) {
    // Text people wrote (a wide Markdown table) may scroll inside itself; the page's own boxes may not.
    if (el.closest('.prose') || el.tagName === 'TEXTAREA' || el.getClientRects().length === 0) continue;
    const overflowX = getComputedStyle(el).overflowX;
    if ((overflowX === 'auto' || overflowX === 'scroll') && el.scrollWidth > el.clientWidth + 1)
      inner.push(`${name(el)} scrolls sideways inside (${el.scrollWidth} px in ${el.clientWidth} px)`);
  }
  for (const table of Array.from<any>(document.querySelectorAll('main table.table'))) {
    if (!table.classList.contains('table--cards')) inner.push(`${name(table)} is not .table--cards`);
    else if (table.querySelector('tbody td:not([data-label])')) inner.push(`${name(table)} has cells without data-label`);
  }
  return { scrollWidth, innerWidth, offenders, clipped, overlaps, inner };
}

/**
 * Switches the page to print and reports how many elements of each selector are still visible, and the text that
 * reaches the paper: the visible text plus what print.css adds after links (their targets).
 */
async function printedView(page: Page, selectors: string[]) {
  await page.emulateMedia({ media: 'print' });
  return page.evaluate((list: string[]) => {
    const shown = (selector: string) =>
      Array.from<any>(document.querySelectorAll(selector)).filter((el) => el.getClientRects().length > 0).length;
    const after = Array.from<any>(document.querySelectorAll('a'))
      .filter((a) => a.getClientRects().length > 0)
      .map((a) => ({ href: a.href as string, content: getComputedStyle(a, '::after').content as string }));
    return {
      shown: Object.fromEntries(list.map((s) => [s, shown(s)])) as Record<string, number>,
      text: (document.body.innerText as string) + ' ' + after.map((a) => a.content).join(' '),
      after,
    };
  }, selectors);
}

/** The same selectors, each with 0: what a print view should show of them. */
const nothingOf = (shown: Record<string, number>) => Object.fromEntries(Object.keys(shown).map((s) => [s, 0]));

let shotCounter = 0;
/** With UI_SHOTS: the whole page in screen-sized pieces (easier to look at than one long image). */
async function shoot(page: Page, label: string) {
  if (!SHOTS) return;
  mkdirSync(SHOTS, { recursive: true });
  const file = `${String(++shotCounter).padStart(2, '0')}-${label
    .replace(/[^a-z0-9]+/gi, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 50)}`;
  const { width, height } = page.viewportSize()!;
  const total = await page.evaluate(() => document.documentElement.scrollHeight as number);
  for (let y = 0, part = 1; y < total && part <= 10; y += height, part++) {
    const clip = { x: 0, y, width, height: Math.min(height, total - y) };
    await page.screenshot({ path: path.join(SHOTS, `${file}-${part}.png`), clip, fullPage: true });
  }
}

/** Layout problems of the loaded page at both widths, as readable lines (empty: all good). */
async function layoutProblems(page: Page, label: string): Promise<string[]> {
  const problems: string[] = [];
  for (const size of [NARROW, WIDE]) {
    await page.setViewportSize(size);
    const report = await page.evaluate(measureLayout);
    const at = `${label} at ${size.width} px`;
    if (report.scrollWidth > report.innerWidth) {
      problems.push(`${at} scrolls sideways (${report.scrollWidth} px wide): ${report.offenders.join('; ') || 'no single culprit found'}`);
    }
    for (const line of report.clipped) problems.push(`${at}: ${line}`);
    for (const line of report.overlaps) problems.push(`${at}: header ${line}`);
    for (const line of report.inner) problems.push(`${at}: ${line}`);
    await shoot(page, `${label}-${size.width}`);
  }
  return problems;
}

describe.runIf(existsSync(CHROMIUM) || process.env.CI === 'true')('pages in a real browser (Chromium)', () => {
  let browser: Browser;
  let server: Server;
  let base: string;
  let data: Awaited<ReturnType<typeof seed>>;
  let reports: Awaited<ReturnType<typeof seedReports>>;
  let motions: Awaited<ReturnType<typeof seedMotions>>;
  let meetings: Awaited<ReturnType<typeof seedMeetings>>;
  const contexts = new Map<Who, BrowserContext>();

  async function contextFor(who: Who, options: { javaScriptEnabled?: boolean } = {}): Promise<BrowserContext> {
    const context = await browser.newContext({ viewport: NARROW, locale: 'de-DE', ...options });
    context.setDefaultTimeout(10_000);
    const userId = { visitor: undefined, member: data.member.id, organizer: data.organizer.id, admin: data.admin.id }[who];
    if (userId !== undefined) {
      const cookie = await sessionCookie(ctx.app, userId);
      await context.addCookies([{ ...cookie, url: base }]);
    }
    return context;
  }

  beforeAll(async () => {
    if (!existsSync(CHROMIUM))
      throw new Error(`CI=true but no Chromium at ${CHROMIUM}: install Debian's package (apt-get install -y chromium)`);
    data = await seed(ctx);
    reports = await seedReports(ctx, data);
    motions = await seedMotions(ctx, data);
    meetings = await seedMeetings(ctx, data);
    server = ctx.app.listen(0, '127.0.0.1');
    await new Promise<void>((resolve, reject) => server.once('listening', resolve).once('error', reject));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
    for (const who of ['visitor', 'member', 'organizer', 'admin'] as const) contexts.set(who, await contextFor(who));
  });

  afterAll(async () => {
    await browser?.close();
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  });

  /** Visits each page with its person's browser; collects every layout problem, so one run names them all. */
  async function checkPages(pages: PageCheck[]) {
    const problems: string[] = [];
    for (const check of pages) {
      const page = await contexts.get(check.who)!.newPage();
      try {
        const response = await page.goto(base + check.path);
        expect(response?.status(), `${check.who} ${check.path}`).toBe(check.status ?? 200);
        problems.push(...(await layoutProblems(page, `${check.who} ${check.path}`)));
      } finally {
        await page.close();
      }
    }
    expect(problems).toEqual([]);
  }

  it('public pages fit a 360 px phone and a 1280 px screen, for visitors', { timeout: 60_000 }, async () => {
    await checkPages(
      [
        '/',
        '/prinzipien',
        '/buendnisse',
        `/buendnisse/${data.alliance.slug}`,
        '/netzwerke',
        '/themen',
        `/themen/${data.topic.slug}`,
        '/anmelden',
        '/registrieren',
        '/passwort-vergessen',
      ].map((p) => ({ who: 'visitor' as const, path: p })),
    );
    await checkPages([{ who: 'visitor', path: '/gibt-es-nicht', status: 404 }]);
  });

  it('member, organiser and admin pages fit both widths', { timeout: 60_000 }, async () => {
    await checkPages([
      { who: 'member', path: '/' },
      { who: 'member', path: '/konto' },
      { who: 'member', path: '/mitglieder' },
      { who: 'member', path: `/mitglieder/${data.colleague.id}/kontakt` },
      { who: 'member', path: `/buendnisse/${data.alliance.slug}` },
      { who: 'member', path: `/themen/${data.topic.slug}` },
      { who: 'organizer', path: '/' },
      { who: 'organizer', path: `/buendnisse/${data.alliance.slug}` },
      { who: 'organizer', path: '/buendnisse/neu' },
      { who: 'admin', path: '/konto' },
      { who: 'admin', path: '/admin/benutzer' },
      { who: 'admin', path: '/admin/themen' },
      { who: 'admin', path: '/admin/postausgang' },
      { who: 'admin', path: `/admin/postausgang/${data.mail.id}` },
      { who: 'admin', path: '/netzwerke' },
      { who: 'admin', path: '/netzwerke?ausgemustert=1' },
      { who: 'admin', path: '/netzwerke/neu' },
    ]);
  });

  it('shortens a long name in the header instead of letting it push the navigation around', async () => {
    const page = await contexts.get('admin')!.newPage();
    await page.goto(base + '/');
    const name = page.locator('.site-header .user-name');
    expect(await name.getAttribute('title')).toBe(data.admin.name);
    const { clipped, overflow } = await name.evaluate((el: any) => ({
      clipped: el.scrollWidth > el.clientWidth,
      overflow: getComputedStyle(el).textOverflow,
    }));
    expect(clipped).toBe(true);
    expect(overflow).toBe('ellipsis');
    await page.close();
  });

  it('a failed registration shows the error summary, focused and outlined, without sideways scrolling', async () => {
    const page = await contexts.get('visitor')!.newPage();
    await page.goto(base + '/registrieren');
    const [response] = await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: 'Konto beantragen' }).click()]);
    expect(response?.status()).toBe(422);
    const summary = page.locator('.error-summary');
    await expect.poll(() => summary.evaluate((el: unknown) => el === document.activeElement)).toBe(true);
    const style = await summary.evaluate((el: unknown) => {
      const s = getComputedStyle(el);
      return { outline: s.outlineStyle, border: s.borderTopWidth };
    });
    expect(style.outline).not.toBe('none');
    expect(parseFloat(style.border)).toBeGreaterThanOrEqual(3);
    expect(await page.locator('.error-summary__list a').count()).toBeGreaterThan(1);
    expect(await layoutProblems(page, 'visitor /registrieren (failed)')).toEqual([]);
    await page.close();
  });

  it('prints an alliance page as content only: no navigation, forms, buttons or join requests; its web address once', async () => {
    const page = await contexts.get('organizer')!.newPage();
    await page.setViewportSize(WIDE);
    await page.goto(`${base}/buendnisse/${data.alliance.slug}`);
    expect(await page.locator('#beitrittsanfragen').isVisible()).toBe(true); // on screen the organiser decides requests
    const printed = await printedView(page, [
      '.site-header',
      '.main-nav',
      '.user-nav',
      '.site-footer',
      '.footer-links',
      '.breadcrumb',
      'form',
      'button',
      '.button',
      '.no-print',
      '#beitrittsanfragen',
      '#mitmachen',
    ]);
    expect(printed.shown).toEqual(nothingOf(printed.shown));
    expect(printed.text.split(PRINT_TOKEN).length - 1, 'the web address is printed once').toBe(1);
    expect(printed.text).toContain(data.alliance.name);
    // Other external links still show their target on paper.
    const ratsinfo = printed.after.find((a) => a.href.startsWith('https://ratsinfo.example.org/'));
    expect(ratsinfo?.content).toContain('ratsinfo.example.org');
    if (SHOTS) await page.pdf({ path: path.join(SHOTS, 'print-alliance.pdf'), format: 'A4', printBackground: true });
    await page.close();
  });

  it('the confirmation step works without JavaScript and fits both widths', async () => {
    const context = await contextFor('admin', { javaScriptEnabled: false });
    try {
      const page = await context.newPage();
      await page.goto(`${base}/admin/benutzer?q=${encodeURIComponent('Zu Sperrende')}`);
      await Promise.all([
        page.waitForNavigation(),
        page.locator(`form[action="/admin/benutzer/${data.target.id}/sperren"] button`).click(),
      ]);
      expect(new URL(page.url()).pathname).toBe(`/admin/benutzer/${data.target.id}/sperren`);
      await expect(page.locator('h1').textContent()).resolves.toBe('Konto sperren?');
      expect(await layoutProblems(page, 'admin confirmation (no JavaScript)')).toEqual([]);
      await Promise.all([page.waitForNavigation(), page.getByRole('link', { name: 'Abbrechen' }).click()]);
      expect(new URL(page.url()).pathname).toBe('/admin/benutzer');
      expect((await ctx.db.prisma.user.findUniqueOrThrow({ where: { id: data.target.id } })).status).toBe('ACTIVE');
    } finally {
      await context.close();
    }
  });
  it('report lists, search and the report page fit both widths, for visitors and members', { timeout: 120_000 }, async () => {
    const topic = encodeURIComponent(data.topic.slug);
    await checkPages([
      { who: 'visitor', path: '/berichte' },
      { who: 'visitor', path: '/berichte?seite=2' },
      { who: 'visitor', path: '/berichte?q=Sozialticket' },
      { who: 'visitor', path: `/berichte?q=Sozialticket&thema=${topic}&land=NW&jahr=${new Date().getFullYear()}` },
      { who: 'visitor', path: '/berichte?q=Kreisumlagenerh%C3%B6hungsvermeidungsgebotsausnahme' },
      { who: 'visitor', path: `/berichte?buendnis=${data.alliance.slug}` },
      { who: 'visitor', path: `/berichte/${reports.slug}` },
      { who: 'visitor', path: '/suche' },
      { who: 'visitor', path: '/suche?q=Sozialticket' },
      { who: 'visitor', path: '/suche?q=B%C3%BCndnis' },
      { who: 'visitor', path: '/suche?q=gibtesnirgendwo' },
      { who: 'member', path: '/berichte' },
      { who: 'member', path: `/berichte/${reports.slug}` },
      { who: 'member', path: `/berichte/${reports.membersSlug}` },
      { who: 'member', path: `/berichte/${reports.returned}` },
      { who: 'member', path: `/berichte/${reports.draft}` },
      { who: 'member', path: '/berichte/meine' },
      { who: 'organizer', path: `/berichte/${reports.slug}` },
      { who: 'organizer', path: `/berichte/${reports.slug}/melden` },
      { who: 'organizer', path: `/kommentare/${reports.ownComment}/bearbeiten` },
      { who: 'member', path: `/kommentare/${reports.waitingComment}/melden` },
    ]);
  });

  it(
    'model motions: list, template page, using it, reporting back, the form and the import fit both widths',
    { timeout: 120_000 },
    async () => {
      const filled = `/antraege/${motions.slug}/verwenden?format=ansehen&wert%3AGemeinde=${encodeURIComponent(LONG_WORD)}`;
      await checkPages([
        { who: 'visitor', path: '/antraege' },
        { who: 'visitor', path: '/antraege?q=Sozialticket&sortierung=erfolg&bewaehrt=ja' },
        { who: 'visitor', path: `/antraege/${motions.slug}` },
        { who: 'visitor', path: `/antraege/${motions.slug}/verwenden` },
        { who: 'visitor', path: filled },
        { who: 'visitor', path: `/themen/${data.topic.slug}` },
        { who: 'member', path: '/antraege/neu' },
        { who: 'member', path: '/antraege/meine' },
        { who: 'member', path: `/antraege/${motions.slug}` },
        { who: 'member', path: `/antraege/${motions.slug}/verwendungen/neu` },
        { who: 'admin', path: '/admin/antraege/import' },
        { who: 'admin', path: `/admin/moderation/antraege/${motions.versionId}` },
      ]);
    },
  );

  it('prints a filled-in template as the document only: no navigation, buttons, notices or template details', async () => {
    const page = await contexts.get('visitor')!.newPage();
    await page.setViewportSize(WIDE);
    await page.goto(`${base}/antraege/${motions.slug}/verwenden?format=ansehen&wert%3AGemeinde=Recklinghausen`);
    expect(await page.locator('.notice').isVisible()).toBe(true);
    const printed = await printedView(page, ['.site-header', '.site-footer', '.breadcrumb', 'form', 'button', '.notice', '.no-print']);
    expect(printed.shown).toEqual(nothingOf(printed.shown));
    expect(printed.text).toContain('Antrag: Verkehrsverbundtarifbestimmungsänderung und Sozialticket für Recklinghausen');
    expect(printed.text).toContain('[Gremium: noch ausfüllen]');
    expect(printed.text).toContain('Begründung');
    expect(printed.text).not.toContain('Gemeinderat/Stadtrat');
    await page.close();
  });

  it('the report form and the moderation pages fit both widths', { timeout: 120_000 }, async () => {
    await checkPages([
      { who: 'member', path: '/berichte/neu' },
      { who: 'member', path: `/berichte/${reports.slug}/bearbeiten` },
      { who: 'member', path: `/berichte/${reports.returned}/bearbeiten` },
      { who: 'admin', path: '/' },
      { who: 'admin', path: '/admin/moderation' },
      { who: 'admin', path: `/admin/moderation/berichte/${reports.versionId}` },
      { who: 'admin', path: `/admin/moderation/meldungen/bericht/${reports.reportId}` },
      { who: 'admin', path: `/admin/moderation/meldungen/kommentar/${reports.waitingComment}` },
      { who: 'admin', path: `/admin/moderation/meldungen/kommentar/${reports.hiddenComment}` },
      { who: 'admin', path: `/berichte/${reports.slug}` },
      { who: 'admin', path: `/berichte/${reports.slug}/ausblenden` },
      { who: 'admin', path: `/buendnisse/${data.alliance.slug}` },
      { who: 'admin', path: `/themen/${data.topic.slug}` },
    ]);
  });

  it('the moderation diff wraps long words and addresses instead of widening the page', async () => {
    const page = await contexts.get('admin')!.newPage();
    await page.goto(`${base}/admin/moderation/berichte/${reports.versionId}`);
    expect(await page.locator('.diff ins').count()).toBeGreaterThan(0);
    for (const size of [NARROW, WIDE]) {
      await page.setViewportSize(size);
      const widest = await page.evaluate(() =>
        Math.max(
          ...Array.from<any>(document.querySelectorAll('.diff, .diff ins, .diff del')).map((el) => el.getBoundingClientRect().right),
        ),
      );
      expect(widest).toBeLessThanOrEqual(size.width);
    }
    await page.close();
  });

  it('the header keeps all its entries tidy for an admin with waiting moderation', async () => {
    const page = await contexts.get('admin')!.newPage();
    await page.goto(base + '/berichte');
    expect(await page.locator('.site-header .count').textContent()).toMatch(/^\d+$/);
    for (const size of [NARROW, WIDE]) {
      await page.setViewportSize(size);
      const rows = await page.evaluate(() => {
        const tops = (selector: string) =>
          new Set(
            Array.from<any>(document.querySelectorAll(selector)).map((el) => {
              const box = el.getBoundingClientRect();
              return Math.round((box.top + box.bottom) / 2); // items of one row share their middle
            }),
          );
        return { main: tops('.main-nav li').size, user: tops('.user-nav li').size };
      });
      // On a screen the sections and the account links take one row each; on a phone at most two each.
      expect(rows.main, `main navigation rows at ${size.width} px`).toBeLessThanOrEqual(size === NARROW ? 2 : 1);
      expect(rows.user, `account navigation rows at ${size.width} px`).toBeLessThanOrEqual(size === NARROW ? 2 : 1);
    }
    await page.close();
  });

  it('prints a report as content only: no navigation, forms, buttons or moderation links; comments stay', async () => {
    const page = await contexts.get('admin')!.newPage();
    await page.setViewportSize(WIDE);
    await page.goto(`${base}/berichte/${reports.slug}`);
    expect(await page.locator('.comment-form').isVisible()).toBe(true);
    const hidden = [
      '.site-header',
      '.main-nav',
      '.user-nav',
      '.site-footer',
      '.breadcrumb',
      'form',
      'button',
      '.button',
      'textarea',
      '.no-print',
      '.comment__actions',
      '.report-actions',
    ];
    const printed = await printedView(page, [...hidden, '.comment', '.attachment__thumb img']);
    const { ['.comment']: comments, ['.attachment__thumb img']: images, ...shown } = printed.shown;
    expect(shown).toEqual(nothingOf(shown));
    expect(comments).toBeGreaterThan(2);
    expect(images).toBe(2);
    expect(printed.text).toContain(REPORT_TITLE);
    expect(printed.text).toContain('Tipps zur Übertragung');
    expect(printed.text).not.toContain('Melden');
    if (SHOTS) {
      await page.pdf({ path: path.join(SHOTS, 'print-report.pdf'), format: 'A4', printBackground: true });
      await page.setViewportSize({ width: 794, height: 1123 }); // A4 at 96 dpi, for a look without a PDF viewer
      await shoot(page, 'print report');
    }
    await page.close();
  });

  it('"Vorschau" works without JavaScript: the preview box above the form, the text kept, nothing saved', async () => {
    const context = await contextFor('member', { javaScriptEnabled: false });
    try {
      const page = await context.newPage();
      await page.goto(`${base}/berichte/neu`);
      await page.getByLabel('Titel').fill('Vorschau ohne JavaScript: Quartiersmanagementbeteiligungsverfahren');
      await page.getByLabel('Was haben wir gemacht?').fill(`**Fett** und eine Liste:\n\n- eins\n- ${LONG_WORD}`);
      const [response] = await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: 'Vorschau', exact: true }).click()]);
      expect(response?.status()).toBe(200);
      const preview = page.locator('.preview');
      await expect(preview.locator('.report__title').textContent()).resolves.toContain('Quartiersmanagementbeteiligungsverfahren');
      expect(await preview.locator('strong').first().textContent()).toBe('Fett');
      const order = await page.evaluate(() => {
        const box = document.querySelector('.preview').getBoundingClientRect();
        const form = document.querySelector('#bericht-formular').getBoundingClientRect();
        return box.bottom <= form.top;
      });
      expect(order, 'the preview comes before the form').toBe(true);
      await expect(page.getByLabel('Titel').inputValue()).resolves.toContain('Quartiersmanagement');
      expect(await ctx.db.prisma.report.count({ where: { title: { startsWith: 'Vorschau ohne JavaScript' } } })).toBe(0);
      expect(await layoutProblems(page, 'member report preview (no JavaScript)')).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('a failed report submission shows the error summary, focused, with links to the fields', async () => {
    for (const javaScriptEnabled of [true, false]) {
      const context = await contextFor('member', { javaScriptEnabled });
      try {
        const page = await context.newPage();
        await page.goto(`${base}/berichte/neu`);
        await page.getByLabel('Titel').fill('Zu kurz');
        const [response] = await Promise.all([
          page.waitForNavigation(),
          page.getByRole('button', { name: 'Zur Freigabe einreichen' }).click(),
        ]);
        expect(response?.status()).toBe(422);
        const summary = page.locator('.error-summary');
        await expect.poll(() => summary.evaluate((el: unknown) => el === document.activeElement)).toBe(true);
        const links = page.locator('.error-summary__list a');
        expect(await links.count()).toBeGreaterThan(1);
        // Every link leads to something on the page that takes the focus.
        for (const href of await links.evaluateAll((els: any[]) => els.map((a) => a.getAttribute('href') as string))) {
          expect(await page.locator(href).count(), href).toBe(1);
        }
        if (!javaScriptEnabled) expect(await layoutProblems(page, 'member report form (failed)')).toEqual([]);
      } finally {
        await context.close();
      }
    }
  });

  it('deleting a draft asks on a page of its own without JavaScript; cancelling keeps it, confirming deletes it', async () => {
    const slug = slugFromRedirect(
      await sendReportForm(
        await sessionAgent(ctx.app, data.member.id),
        completeReport({ title: 'Wird gelöscht: Entwurf zum Winterdienst', aktion: 'entwurf' }),
      ),
    );
    const context = await contextFor('member', { javaScriptEnabled: false });
    try {
      const page = await context.newPage();
      const ask = async () => {
        await page.goto(`${base}/berichte/${slug}`);
        await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: 'Bericht löschen' }).click()]);
        expect(new URL(page.url()).pathname).toBe(`/berichte/${slug}/loeschen`);
        await expect(page.locator('h1').textContent()).resolves.toBe('„Wird gelöscht: Entwurf zum Winterdienst“ löschen?');
      };
      await ask();
      expect(await layoutProblems(page, 'member delete confirmation (no JavaScript)')).toEqual([]);
      await Promise.all([page.waitForNavigation(), page.getByRole('link', { name: 'Abbrechen' }).click()]);
      expect(new URL(page.url()).pathname).toBe(`/berichte/${slug}`);
      expect(await ctx.db.prisma.report.count({ where: { slug } })).toBe(1);
      await ask();
      await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: 'Bericht endgültig löschen' }).click()]);
      expect(new URL(page.url()).pathname).toBe('/berichte/meine');
      expect(await ctx.db.prisma.report.count({ where: { slug } })).toBe(0);
    } finally {
      await context.close();
    }
  });
  it('meeting pages fit both widths for visitors and members', { timeout: 180_000 }, async () => {
    const { past, next, draft, internal, cancelled, decision } = meetings;
    const year = new Date().getFullYear();
    const forAll = [
      '/treffen',
      '/treffen?vergangene=1',
      '/treffen?q=Haushaltskonsolidierung',
      `/treffen/jahr/${year}`,
      '/treffen/beschluesse',
      ...[past, next, draft, cancelled].flatMap((id) =>
        ['', '/tagesordnung', '/vorschlaege', '/einladung', '/vorlagen', '/rueckmeldungen', '/protokoll'].map((p) => `/treffen/${id}${p}`),
      ),
    ];
    await checkPages([
      ...forAll.map((path) => ({ who: 'visitor' as const, path })),
      ...[...forAll, `/treffen/${internal}`, `/treffen/beschluesse/${decision}`].map((path) => ({ who: 'member' as const, path })),
    ]);
  });

  it('meeting pages fit both widths for the lead organiser, with every control', { timeout: 180_000 }, async () => {
    const { past, next, draft, cancelled, item, proposal, decision } = meetings;
    const paths = [
      '/',
      '/treffen',
      `/treffen/jahr/${new Date().getFullYear()}`,
      '/treffen/beschluesse',
      '/treffen/beschluesse?status=alle',
      `/treffen/beschluesse/${decision}`,
      '/treffen/fristen',
      '/treffen/neu',
      ...[next, draft].flatMap((id) =>
        ['', '/tagesordnung', '/vorschlaege', '/einladung', '/vorlagen', '/rueckmeldungen', '/rueckmeldungen/liste'].map(
          (p) => `/treffen/${id}${p}`,
        ),
      ),
      `/treffen/${next}/bearbeiten`,
      `/treffen/${next}/absagen`,
      `/treffen/${next}/tagesordnung/neu`,
      `/treffen/${next}/tagesordnung/neu?unter=${item}`,
      `/treffen/${next}/tagesordnung/${item}/bearbeiten`,
      `/treffen/${draft}/vorschlaege/${proposal}/ablehnen`,
      `/treffen/${draft}/vorschlaege/${proposal}/verschieben`,
      `/treffen/${past}`,
      `/treffen/${past}/protokoll`,
      `/treffen/${past}/protokoll/bearbeiten`,
      `/treffen/${past}/protokoll/beschluesse/neu`,
      `/treffen/${past}/protokoll/beschluesse/${decision}/bearbeiten`,
      `/treffen/${cancelled}`,
      `/treffen/${cancelled}/vorlagen`,
    ];
    await checkPages(paths.map((path) => ({ who: 'organizer' as const, path })));
  });

  it('prints the invitation, the agenda and the protocol as content only; the invitation with its agenda', async () => {
    const page = await contexts.get('organizer')!.newPage();
    await page.setViewportSize(WIDE);
    const hidden = [
      '.site-header',
      '.site-footer',
      '.breadcrumb',
      '.sub-nav',
      'form',
      'button',
      '.button',
      '.no-print',
      '.agenda-controls',
    ];
    for (const [url, expected] of [
      [
        `/treffen/${meetings.next}/einladung`,
        [
          'TOP 1 Begrüßung (10 Minuten)',
          'Auswertung des Bündniskongresses und der neuen Grundsätze (45 Minuten)',
          'Für Getränke wird gesorgt',
          'Koordinierungsgruppe der kommunalpolitischen Plattform',
        ],
      ],
      [`/treffen/${meetings.draft}/tagesordnung`, [`Tagesordnung – ${MEETING_TITLE} im Frühjahr`, 'TOP 3 Sonstiges']],
      [`/treffen/${meetings.past}/protokoll`, ['Ergebnisprotokoll', 'Eine gemeinsame Stellungnahme']],
    ] as const) {
      await page.emulateMedia({ media: 'screen' });
      await page.goto(base + url);
      expect(await page.locator('main .button, main button').count(), `${url} has controls on screen`).toBeGreaterThan(0);
      const printed = await printedView(page, hidden);
      expect(printed.shown, url).toEqual(nothingOf(printed.shown));
      for (const line of expected) expect(printed.text.replace(/\s+/g, ' '), url).toContain(line);
      if (SHOTS) await page.pdf({ path: path.join(SHOTS, `print-${url.split('/').pop()}.pdf`), format: 'A4' });
    }
    await page.close();
  });

  it('moves agenda items up and down, without JavaScript and with it; the page still fits', { timeout: 60_000 }, async () => {
    const [first, second] = meetings.draftItems;
    const titles = (page: Page) => page.locator('.agenda-item__title').allTextContents();
    for (const javaScriptEnabled of [false, true]) {
      const context = await contextFor('organizer', { javaScriptEnabled });
      try {
        const page = await context.newPage();
        await page.goto(`${base}/treffen/${meetings.draft}/tagesordnung`);
        expect(await titles(page)).toEqual(['TOP 1 Begrüßung', 'TOP 2 Berichte aus den Bündnissen', 'TOP 3 Sonstiges']);
        for (const [item, direction, order] of [
          [second!, 'hoch', ['TOP 1 Berichte aus den Bündnissen', 'TOP 2 Begrüßung', 'TOP 3 Sonstiges']],
          [first!, 'hoch', ['TOP 1 Begrüßung', 'TOP 2 Berichte aus den Bündnissen', 'TOP 3 Sonstiges']],
        ] as const) {
          const button = page.locator(`form[action$="/tagesordnung/${item.id}/${direction}"] button`);
          if (javaScriptEnabled) await button.click();
          else await Promise.all([page.waitForNavigation(), button.click()]);
          await expect.poll(() => titles(page)).toEqual(order);
        }
        if (!javaScriptEnabled) {
          expect(new URL(page.url()).hash).toBe(`#top-${first!.id}`);
          expect(await page.locator('.flash').textContent()).toContain('„Begrüßung“ ist nach oben verschoben.');
          expect(await layoutProblems(page, 'lead agenda after moving (no JavaScript)')).toEqual([]);
        } else {
          // The focus stays with the moved item: at the top its "up" button is disabled, so "down" has it.
          await expect
            .poll(() => page.evaluate(() => document.activeElement?.closest('form')?.getAttribute('action')))
            .toContain(`/${first!.id}/runter`);
        }
      } finally {
        await context.close();
      }
    }
  });
});
