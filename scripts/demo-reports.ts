// Demo reports for a first look: published ones (public, members-only, with and without the author's name),
// one waiting for review, one draft, and a short discussion. Titles end in "(Demo)", slugs start with "demo-".
import type { PrismaClient } from '../src/db/database.js';

interface DemoReport {
  slug: string;
  author: string;
  alliance: string;
  status: 'PUBLISHED' | 'SUBMITTED' | 'DRAFT';
  visibility?: 'PUBLIC' | 'MEMBERS';
  authorDisplay?: 'PERSON' | 'ALLIANCE';
  title: string;
  summary: string;
  did: string;
  worked?: string;
  didnt?: string;
  tips?: string;
  topics: string[];
  periodFrom?: string;
  periodTo?: string;
  daysAgo: number;
}

const MARKER = '*Demo-Eintrag: Diesen Bericht gibt es nicht. Er zeigt, wie ein Erfahrungsbericht in der Erfahrungsbörse aussieht.*';

const REPORTS: DemoReport[] = [
  {
    slug: 'demo-sozialticket-im-zweiten-anlauf',
    author: 'Anna Beispiel (Demo)',
    alliance: 'demo-buergerbuendnis-neustadt',
    status: 'PUBLISHED',
    title: 'Sozialticket im zweiten Anlauf durchgesetzt (Demo)',
    summary: 'Unser erster Antrag auf ein Sozialticket scheiterte 2022 im Rat. Mit einer Unterschriftensammlung, Zahlen aus dem Jobcenter und Partnern aus Sozialverbänden kam die Mehrheit ein Jahr später.',
    did:
      'Nach der Ablehnung haben wir nicht sofort einen neuen Antrag gestellt, sondern ein **Bündnis für Mobilität** mit Sozialverband, Mieterverein und zwei Kirchengemeinden gegründet.\n\n' +
      '- 2 400 Unterschriften in drei Monaten, vor allem vor dem Jobcenter und an Haltestellen\n- eine Anfrage zur Zahl der Leistungsberechtigten ohne Monatskarte\n- eine Einwohnerfragestunde mit zehn Betroffenen',
    worked: 'Die Zahlen aus unserer Anfrage: Fast 40 % der Leistungsberechtigten hatten keine Zeitkarte. Das hat auch Ratsmitglieder anderer Fraktionen überzeugt.',
    didnt: 'Die Verkehrsbetriebe haben lange mit Mindereinnahmen argumentiert. Eine eigene Kostenrechnung hätten wir früher gebraucht.',
    tips: '1. Erst Partner suchen, dann den Antrag stellen.\n2. Die Kostenfrage selbst beantworten, bevor die Verwaltung es tut.\n3. Betroffene selbst sprechen lassen – nicht über sie reden.',
    topics: ['verkehr', 'soziales'],
    periodFrom: '2022-09',
    periodTo: '2023-11',
    daysAgo: 40,
  },
  {
    slug: 'demo-buergerbegehren-hallenbad',
    author: 'Ida Inszeniert (Demo)',
    alliance: 'demo-buendnis-fuer-augsburg',
    status: 'PUBLISHED',
    authorDisplay: 'PERSON',
    title: 'Bürgerbegehren rettet das Hallenbad im Stadtteil (Demo)',
    summary: 'Die Stadt wollte das einzige Hallenbad im Norden schließen. 11 000 Unterschriften später hat der Rat den Beschluss zurückgenommen – ohne dass es zum Bürgerentscheid kam.',
    did: 'Wir haben innerhalb von sechs Wochen die nötigen Unterschriften gesammelt, mit Ständen vor Schulen, Sportvereinen und beim Wochenmarkt.',
    worked: 'Die Schwimmvereine und Eltern von Grundschulkindern waren die stärksten Partner: Schwimmunterricht war das Argument, das alle verstanden.',
    didnt: 'Die formalen Anforderungen (Kostendeckungsvorschlag!) haben uns fast ausgebremst. Ohne Hilfe eines Verwaltungsjuristen wäre das Begehren unzulässig gewesen.',
    tips: 'Die Gemeindeordnung eures Landes genau lesen und das Begehren vorab von der Verwaltung auf Zulässigkeit prüfen lassen.',
    topics: ['buergerbeteiligung', 'daseinsvorsorge'],
    periodFrom: '2024-03',
    periodTo: '2024-07',
    daysAgo: 20,
  },
  {
    slug: 'demo-haushaltsrede-ohne-fraktionsstatus',
    author: 'Emil Entwurf (Demo)',
    alliance: 'demo-offene-liste-wuppertal',
    status: 'PUBLISHED',
    visibility: 'MEMBERS',
    title: 'Als Einzelmandat im Haushaltsverfahren mitreden (Demo)',
    summary: 'Ohne Fraktionsstatus gibt es kaum Redezeit und keine Ausschusssitze. Wie wir trotzdem Änderungsanträge zum Haushalt eingebracht und zwei davon durchgebracht haben.',
    did: 'Wir haben frühzeitig Akteneinsicht beantragt und unsere Änderungsanträge mit anderen kleinen Gruppen im Rat abgestimmt.',
    worked: 'Gemeinsame Anträge mit anderen Einzelmandaten bekamen mehr Aufmerksamkeit als unsere eigenen.',
    didnt: 'Die Fristen für Änderungsanträge waren knapp; einmal kamen wir einen Tag zu spät.',
    tips: 'Den Sitzungskalender des ganzen Haushaltsjahres zu Beginn in einen gemeinsamen Kalender eintragen.',
    topics: ['kommunale-finanzen'],
    periodFrom: '2024-09',
    periodTo: '2024-12',
    daysAgo: 10,
  },
  {
    slug: 'demo-mieterversammlung-im-plattenbau',
    author: 'Quentin Quelle (Demo)',
    alliance: 'demo-stadtbuendnis-leipzig',
    status: 'SUBMITTED',
    title: 'Mieterversammlung im Plattenbau: 200 Leute an einem Abend (Demo)',
    summary: 'Nach Mieterhöhungen der städtischen Wohnungsgesellschaft haben wir eine Versammlung im Hof organisiert. Wie wir eingeladen haben und was daraus wurde.',
    did: 'Einladungen in drei Sprachen in jeden Briefkasten, Aushänge in allen Hauseingängen, Gespräche an der Haustür an zwei Samstagen.',
    worked: 'Die Gespräche an der Haustür: Fast alle, die kamen, hatten vorher mit jemandem von uns gesprochen.',
    topics: ['wohnen'],
    periodFrom: '2025-04',
    daysAgo: 2,
  },
  {
    slug: 'demo-entwurf-kita-plaetze',
    author: 'Gül Gedacht (Demo)',
    alliance: 'demo-wir-in-kiel',
    status: 'DRAFT',
    title: 'Kita-Plätze: Anfrage mit Folgen (Demo)',
    summary: '',
    did: 'Noch in Arbeit …',
    topics: ['bildung'],
    daysAgo: 1,
  },
];

const COMMENTS = [
  { report: 'demo-sozialticket-im-zweiten-anlauf', author: 'Cem Probe (Demo)', body: 'Danke für den Bericht! Habt ihr die **Kostenrechnung** selbst gemacht oder mit Hilfe? Wir stehen in Gelsenkirchen gerade an derselben Stelle.' },
  { report: 'demo-sozialticket-im-zweiten-anlauf', author: 'Anna Beispiel (Demo)', body: 'Mit Hilfe eines Verkehrsplaners aus dem Sozialverband. Schreib mich gern über die Mitgliederliste an, dann schicke ich dir unsere Tabelle.' },
  { report: 'demo-buergerbegehren-hallenbad', author: 'Jonas Jedermann (Demo)', body: 'Sehr hilfreich, besonders der Hinweis zum Kostendeckungsvorschlag.' },
];

const monthDate = (month: string | undefined) => (month ? new Date(`${month}-01T00:00:00Z`) : null);

export async function removeDemoReports(prisma: PrismaClient, demoAuthorIds: number[]): Promise<void> {
  await prisma.report.deleteMany({ where: { OR: [{ slug: { startsWith: 'demo-' } }, { authorId: { in: demoAuthorIds } }] } });
  await prisma.comment.deleteMany({ where: { authorId: { in: demoAuthorIds } } });
  await prisma.moderationDecision.deleteMany({ where: { decidedById: { in: demoAuthorIds } } });
  await prisma.attachment.deleteMany({ where: { uploadedById: { in: demoAuthorIds } } });
}

export async function createDemoReports(prisma: PrismaClient, people: Map<string, number>): Promise<number> {
  await prisma.report.deleteMany({ where: { slug: { startsWith: 'demo-' } } });
  const alliances = new Map((await prisma.alliance.findMany({ where: { slug: { startsWith: 'demo-' } } })).map((a) => [a.slug, a]));
  const topics = new Map((await prisma.topic.findMany()).map((t) => [t.slug, t.id]));
  for (const r of REPORTS) {
    const alliance = alliances.get(r.alliance)!;
    const authorId = people.get(r.author)!;
    const when = new Date(Date.now() - r.daysAgo * 24 * 60 * 60_000);
    const content = {
      title: r.title,
      summary: r.summary,
      did: `${MARKER}\n\n${r.did}`,
      worked: r.worked ?? '',
      didnt: r.didnt ?? '',
      tips: r.tips ?? '',
      body: '',
      allianceId: alliance.id,
      state: alliance.state,
      place: alliance.municipality,
      periodFrom: monthDate(r.periodFrom),
      periodTo: monthDate(r.periodTo),
      visibility: r.visibility ?? 'PUBLIC',
      authorDisplay: r.authorDisplay ?? 'ALLIANCE',
    };
    const topicIds = r.topics.map((slug) => topics.get(slug)).filter((id): id is number => id !== undefined);
    const published = r.status === 'PUBLISHED';
    const report = await prisma.report.create({
      data: {
        slug: r.slug,
        authorId,
        status: r.status,
        ...(published ? content : { title: r.title }),
        firstPublishedAt: published ? when : null,
        publishedAt: published ? when : null,
        createdAt: when,
        topics: published ? { create: topicIds.map((topicId) => ({ topicId })) } : undefined,
      },
    });
    const version = await prisma.reportVersion.create({
      data: {
        reportId: report.id,
        number: 1,
        status: r.status,
        ...content,
        createdById: authorId,
        submittedAt: r.status === 'DRAFT' ? null : when,
        principlesConfirmedAt: r.status === 'DRAFT' ? null : when,
        decidedAt: published ? when : null,
        createdAt: when,
        topics: { create: topicIds.map((topicId) => ({ topicId })) },
      },
    });
    await prisma.report.update({ where: { id: report.id }, data: published ? { publishedVersionId: version.id } : { workingVersionId: version.id } });
  }
  const reports = new Map((await prisma.report.findMany({ where: { slug: { startsWith: 'demo-' } } })).map((r) => [r.slug, r.id]));
  for (const [i, c] of COMMENTS.entries()) {
    await prisma.comment.create({
      data: { reportId: reports.get(c.report)!, authorId: people.get(c.author)!, body: c.body, createdAt: new Date(Date.now() - (5 - i) * 24 * 60 * 60_000) },
    });
  }
  return REPORTS.length;
}
