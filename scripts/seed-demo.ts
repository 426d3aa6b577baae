// Demo content for a first look: invented alliances across several Bundesländer and invented members.
// Everything is clearly marked: names end in "(Demo)", addresses end in @demo.invalid, slugs start with "demo-".
//   npm run seed:demo               creates (or refreshes) the demo content
//   npm run seed:demo -- --entfernen removes it again
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from '../src/config.js';
import { openDatabase } from '../src/db/setup.js';
import type { PrismaClient } from '../src/db/database.js';
import type { Mandate } from '../src/generated/prisma/enums.js';
import { createLogger } from '../src/lib/logger.js';
import { hashPassword } from '../src/lib/passwords.js';

export const DEMO_PASSWORD = 'Demo-Passwort-2026';
const DEMO_DOMAIN = '@demo.invalid';

const ALLIANCES = [
  {
    slug: 'demo-buergerbuendnis-neustadt',
    name: 'Bürgerbündnis Neustadt (Demo)',
    municipality: 'Neustadt an der Weinstraße',
    district: 'kreisfrei',
    state: 'RP',
    foundedYear: 2008,
    councilSeats: 2,
  },
  {
    slug: 'demo-soziale-liste-gelsenkirchen',
    name: 'Soziale Liste Gelsenkirchen (Demo)',
    municipality: 'Gelsenkirchen',
    district: 'kreisfrei',
    state: 'NW',
    foundedYear: 2004,
    councilSeats: 3,
  },
  {
    slug: 'demo-offene-liste-wuppertal',
    name: 'Offene Liste Wuppertal (Demo)',
    municipality: 'Wuppertal',
    district: 'kreisfrei',
    state: 'NW',
    foundedYear: 2013,
    councilSeats: 1,
  },
  {
    slug: 'demo-stadtbuendnis-leipzig',
    name: 'Stadtbündnis Leipzig (Demo)',
    municipality: 'Leipzig',
    district: 'kreisfrei',
    state: 'SN',
    foundedYear: 2019,
    councilSeats: 0,
  },
  {
    slug: 'demo-wir-in-kiel',
    name: 'Wir in Kiel (Demo)',
    municipality: 'Kiel',
    district: 'kreisfrei',
    state: 'SH',
    foundedYear: 2011,
    councilSeats: 1,
  },
  {
    slug: 'demo-alternative-liste-offenbach',
    name: 'Alternative Liste Offenbach (Demo)',
    municipality: 'Offenbach am Main',
    district: 'kreisfrei',
    state: 'HE',
    foundedYear: 2006,
    councilSeats: 2,
  },
  {
    slug: 'demo-buendnis-fuer-augsburg',
    name: 'Bündnis für Augsburg (Demo)',
    municipality: 'Augsburg',
    district: 'kreisfrei',
    state: 'BY',
    foundedYear: 2014,
    councilSeats: 1,
  },
  {
    slug: 'demo-gemeinsam-fuer-jena',
    name: 'Gemeinsam für Jena (Demo)',
    municipality: 'Jena',
    district: 'kreisfrei',
    state: 'TH',
    foundedYear: 2018,
    councilSeats: 1,
  },
];

const MEMBERS: {
  name: string;
  alliance: string;
  mandate: Mandate;
  competences: string[];
  note: string;
  delegate?: boolean;
  public?: boolean;
}[] = [
  {
    name: 'Anna Beispiel (Demo)',
    alliance: 'demo-buergerbuendnis-neustadt',
    mandate: 'COUNCIL',
    competences: ['wohnen', 'soziales'],
    note: 'Im Sozialausschuss; Sozialticket durchgesetzt.',
    delegate: true,
    public: true,
  },
  {
    name: 'Bernd Muster (Demo)',
    alliance: 'demo-buergerbuendnis-neustadt',
    mandate: 'EXPERT_CITIZEN',
    competences: ['verkehr'],
    note: 'Sachkundiger Bürger im Verkehrsausschuss.',
  },
  {
    name: 'Cem Probe (Demo)',
    alliance: 'demo-soziale-liste-gelsenkirchen',
    mandate: 'COUNCIL',
    competences: ['kommunale-finanzen', 'daseinsvorsorge'],
    note: 'Haushaltsreden und Anfragen zur Kassenlage.',
    delegate: true,
    public: true,
  },
  {
    name: 'Dana Vorlage (Demo)',
    alliance: 'demo-soziale-liste-gelsenkirchen',
    mandate: 'BOROUGH_COUNCIL',
    competences: ['migration', 'antifaschismus'],
    note: 'Bezirksvertretung Nord.',
    public: true,
  },
  {
    name: 'Emil Entwurf (Demo)',
    alliance: 'demo-offene-liste-wuppertal',
    mandate: 'COUNCIL',
    competences: ['umwelt-klima', 'energie'],
    note: 'Stadtwerke zurück in öffentliche Hand.',
    delegate: true,
  },
  {
    name: 'Frieda Fiktiv (Demo)',
    alliance: 'demo-stadtbuendnis-leipzig',
    mandate: 'NONE',
    competences: ['wahlkampf', 'buergerbeteiligung'],
    note: 'Organisiert die Unterschriftensammlung.',
    delegate: true,
    public: true,
  },
  {
    name: 'Gül Gedacht (Demo)',
    alliance: 'demo-wir-in-kiel',
    mandate: 'COUNCIL',
    competences: ['bildung', 'soziales'],
    note: 'Schulsanierung und Kita-Plätze.',
    delegate: true,
  },
  {
    name: 'Hannes Hypothese (Demo)',
    alliance: 'demo-alternative-liste-offenbach',
    mandate: 'DISTRICT_COUNCIL',
    competences: ['gesundheit'],
    note: 'Krankenhaus in kommunaler Hand.',
  },
  {
    name: 'Ida Inszeniert (Demo)',
    alliance: 'demo-buendnis-fuer-augsburg',
    mandate: 'COUNCIL',
    competences: ['wohnen', 'buergerbeteiligung'],
    note: 'Bürgerbegehren gegen den Verkauf städtischer Wohnungen.',
    delegate: true,
    public: true,
  },
  {
    name: 'Jonas Jedermann (Demo)',
    alliance: 'demo-gemeinsam-fuer-jena',
    mandate: 'EXPERT_CITIZEN',
    competences: ['verkehr', 'umwelt-klima'],
    note: 'Nahverkehrsplan und Radwege.',
  },
];

function email(name: string): string {
  const local = name
    .replace(' (Demo)', '')
    .toLowerCase()
    .replace(/ü/g, 'ue')
    .replace(/ö/g, 'oe')
    .replace(/ä/g, 'ae')
    .replace(/[^a-z]+/g, '.');
  return `${local}${DEMO_DOMAIN}`;
}

export async function removeDemoContent(prisma: PrismaClient): Promise<void> {
  await prisma.user.deleteMany({ where: { email: { endsWith: DEMO_DOMAIN } } });
  await prisma.alliance.deleteMany({ where: { slug: { startsWith: 'demo-' } } });
}

export async function createDemoContent(prisma: PrismaClient): Promise<{ alliances: number; members: number }> {
  const description = (name: string) =>
    `*Demo-Eintrag: Dieses Bündnis gibt es nicht. Es zeigt, wie ein Eintrag in der Erfahrungsbörse aussieht.*\n\n` +
    `${name.replace(' (Demo)', '')} tritt überparteilich zur Kommunalwahl an und arbeitet zu **Wohnen**, **Nahverkehr** und **sozialer Gerechtigkeit** vor Ort.`;
  for (const a of ALLIANCES) {
    const data = { ...a, description: description(a.name), website: null, contactEmail: `kontakt@${a.slug}.demo.invalid` };
    await prisma.alliance.upsert({ where: { slug: a.slug }, create: data, update: data });
  }
  const alliances = new Map((await prisma.alliance.findMany({ where: { slug: { startsWith: 'demo-' } } })).map((a) => [a.slug, a.id]));
  const topics = new Map((await prisma.topic.findMany()).map((t) => [t.slug, t.id]));
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  for (const m of MEMBERS) {
    const data = {
      name: m.name,
      passwordHash,
      status: 'ACTIVE' as const,
      allianceId: alliances.get(m.alliance)!,
      isDelegate: m.delegate ?? false,
      listedInDirectory: true,
      publicOnAlliancePage: m.public ?? false,
      mandate: m.mandate,
      directoryNote: m.note,
      principlesAcceptedAt: new Date(),
      approvedAt: new Date(),
    };
    const user = await prisma.user.upsert({ where: { email: email(m.name) }, create: { ...data, email: email(m.name) }, update: data });
    await prisma.userCompetence.deleteMany({ where: { userId: user.id } });
    const ids = m.competences.map((slug) => topics.get(slug)).filter((id): id is number => id !== undefined);
    await prisma.userCompetence.createMany({ data: ids.map((topicId) => ({ userId: user.id, topicId })) });
  }
  return { alliances: ALLIANCES.length, members: MEMBERS.length };
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { entfernen: { type: 'boolean', default: false } } });
  const config = loadConfig();
  if (config.env === 'production') {
    console.error('Demo-Inhalte gehören nicht in den Produktivbetrieb (NODE_ENV=production). Abbruch.');
    process.exit(2);
  }
  const { db, close } = await openDatabase(config, createLogger('warn'), { ownEmbeddedServer: false });
  try {
    if (values.entfernen) {
      await removeDemoContent(db.prisma);
      console.log('Demo-Inhalte entfernt.');
      return;
    }
    const { alliances, members } = await createDemoContent(db.prisma);
    console.log(`Demo-Inhalte angelegt: ${alliances} Bündnisse und ${members} Mitglieder, alle mit „(Demo)“ im Namen.`);
    console.log(`Anmelden als Demo-Mitglied: ${email(MEMBERS[0]!.name)} / ${DEMO_PASSWORD}`);
    console.log('Entfernen mit: npm run seed:demo -- --entfernen');
  } finally {
    await close();
  }
}

// Run only as a command, not when a test imports the functions.
if (import.meta.url === `file://${process.argv[1]}`) {
  main().catch((error: unknown) => {
    console.error(error instanceof ConfigError ? error.message : `Fehler: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });
}
