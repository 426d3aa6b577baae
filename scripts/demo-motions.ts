// Demo model motions for a first look (npm run seed:demo): invented templates with placeholders and reported uses.
// Slugs start with "demo-", so removing the demo content removes them with the reports.
import type { PrismaClient } from '../src/db/database.js';

const MARKER = '*Demo-Eintrag: Diese Vorlage zeigt, wie ein Musterantrag in der Erfahrungsbörse aussieht.*';

const MOTIONS = [
  {
    slug: 'demo-antrag-sozialticket',
    title: 'Antrag: Sozialticket für {{Gemeinde}}',
    motionKind: 'ANTRAG' as const,
    councilLevel: 'GEMEINDERAT' as const,
    states: [] as string[],
    alliance: 'demo-buergerbuendnis-neustadt',
    author: 'Anna Beispiel (Demo)',
    topics: ['soziales', 'verkehr'],
    summary:
      'Ein Sozialticket für Bus und Bahn zum halben Preis für alle mit geringem Einkommen; mit Kostenrechnung und Deckungsvorschlag.',
    body:
      '### Beschlussvorschlag\n\nDer {{Gremium}} der Stadt {{Gemeinde}} möge beschließen:\n\n' +
      '1. Die Verwaltung führt zum {{Datum}} ein **Sozialticket** für den Nahverkehr ein.\n' +
      '2. Berechtigt sind alle, die Bürgergeld, Grundsicherung, Wohngeld oder Leistungen nach dem Asylbewerberleistungsgesetz beziehen.\n' +
      '3. Das Ticket kostet höchstens die Hälfte des regulären Monatstickets.',
    reasoning: `${MARKER}\n\nMobilität ist Teilhabe. In {{Gemeinde}} können sich viele Menschen den Nahverkehr nicht leisten; die Kosten trägt zum Teil der Verkehrsverbund.`,
    uses: [
      { municipality: 'Neustadt an der Weinstraße', body: 'Stadtrat', result: 'GEAENDERT_ANGENOMMEN' as const, by: 'Anna Beispiel (Demo)' },
      { municipality: 'Gelsenkirchen', body: 'Rat der Stadt', result: 'ANGENOMMEN' as const, by: 'Cem Probe (Demo)' },
      { municipality: 'Wuppertal', body: 'Rat der Stadt', result: 'OFFEN' as const, by: 'Jonas Jedermann (Demo)' },
    ],
  },
  {
    slug: 'demo-anfrage-energiesperren',
    title: 'Anfrage: Energiesperren in {{Gemeinde}}',
    motionKind: 'ANFRAGE' as const,
    councilLevel: 'GEMEINDERAT' as const,
    states: ['NW'],
    alliance: 'demo-soziale-liste-gelsenkirchen',
    author: 'Cem Probe (Demo)',
    topics: ['energie', 'soziales'],
    summary: 'Wie viele Haushalte waren von Strom- und Gassperren betroffen, und was tun die Stadtwerke dagegen?',
    body:
      'Die {{Fraktion}} bittet die Verwaltung um die Beantwortung folgender Fragen:\n\n' +
      '1. Wie viele Strom- und Gassperren haben die Stadtwerke {{Gemeinde}} im Jahr {{Jahr}} angedroht und durchgeführt?\n' +
      '2. Wie viele Haushalte mit Kindern waren betroffen?\n3. Welche Härtefallregelungen gibt es?',
    reasoning: MARKER,
    uses: [{ municipality: 'Gelsenkirchen', body: 'Rat der Stadt', result: 'ANGENOMMEN' as const, by: 'Cem Probe (Demo)' }],
  },
  {
    slug: 'demo-resolution-hallenbad',
    title: 'Resolution: Das Hallenbad bleibt',
    motionKind: 'RESOLUTION' as const,
    councilLevel: null,
    states: [] as string[],
    alliance: 'demo-offene-liste-wuppertal',
    author: 'Jonas Jedermann (Demo)',
    topics: ['daseinsvorsorge'],
    summary: 'Der Rat spricht sich gegen die Schließung des Hallenbads aus und beauftragt die Verwaltung, Fördermittel zu beantragen.',
    body: 'Der {{Gremium}} spricht sich gegen die Schließung des Hallenbads {{Name des Bads}} aus. Schwimmen lernen ist Daseinsvorsorge.',
    reasoning: MARKER,
    uses: [],
  },
];

export async function createDemoMotions(prisma: PrismaClient, people: Map<string, number>): Promise<number> {
  const alliances = new Map((await prisma.alliance.findMany({ where: { slug: { startsWith: 'demo-' } } })).map((a) => [a.slug, a.id]));
  const topics = new Map((await prisma.topic.findMany()).map((t) => [t.slug, t.id]));
  for (const [i, m] of MOTIONS.entries()) {
    const authorId = people.get(m.author)!;
    const when = new Date(Date.now() - (i + 2) * 3 * 24 * 60 * 60_000);
    const topicIds = m.topics.map((slug) => topics.get(slug)).filter((id): id is number => id !== undefined);
    const content = {
      title: m.title,
      summary: m.summary,
      body: m.body,
      reasoning: m.reasoning,
      motionKind: m.motionKind,
      councilLevel: m.councilLevel,
      states: m.states,
      allianceId: alliances.get(m.alliance) ?? null,
      visibility: 'PUBLIC' as const,
      authorDisplay: 'ALLIANCE' as const,
    };
    const motion = await prisma.report.create({
      data: {
        slug: m.slug,
        type: 'MOTION',
        authorId,
        status: 'PUBLISHED',
        ...content,
        firstPublishedAt: when,
        publishedAt: when,
        createdAt: when,
        topics: { create: topicIds.map((topicId) => ({ topicId })) },
      },
    });
    const version = await prisma.reportVersion.create({
      data: {
        reportId: motion.id,
        number: 1,
        status: 'PUBLISHED',
        ...content,
        createdById: authorId,
        submittedAt: when,
        principlesConfirmedAt: when,
        decidedAt: when,
        createdAt: when,
        topics: { create: topicIds.map((topicId) => ({ topicId })) },
      },
    });
    const successes = m.uses.filter((u) => u.result === 'ANGENOMMEN' || u.result === 'GEAENDERT_ANGENOMMEN');
    await prisma.report.update({
      where: { id: motion.id },
      data: {
        publishedVersionId: version.id,
        useCount: m.uses.length,
        successCount: successes.length,
        successPlaces: new Set(successes.map((u) => u.municipality)).size,
      },
    });
    for (const use of m.uses) {
      await prisma.adoption.create({
        data: {
          motionId: motion.id,
          reporterId: people.get(use.by)!,
          municipality: use.municipality,
          body: use.body,
          result: use.result,
          adoptedOn: when,
        },
      });
    }
  }
  return MOTIONS.length;
}
