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
import { createDemoMeetings, removeDemoMeetings } from './demo-meetings.js';
import { createDemoMotions } from './demo-motions.js';
import { createDemoReports, removeDemoReports } from './demo-reports.js';

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
    about:
      'Gegründet, als die Stadt ihre Wohnungsbaugesellschaft verkaufen wollte – der Verkauf wurde per Bürgerentscheid gestoppt. ' +
      'Seitdem arbeiten wir zu **bezahlbarem Wohnen**, einem **Sozialticket** für Bus und Bahn und zur Offenlegung der Stadtwerke-Verträge.\n\n' +
      'Offenes Treffen: jeden zweiten Dienstag im Nachbarschaftszentrum.',
  },
  {
    slug: 'demo-soziale-liste-gelsenkirchen',
    name: 'Soziale Liste Gelsenkirchen (Demo)',
    municipality: 'Gelsenkirchen',
    district: 'kreisfrei',
    state: 'NW',
    foundedYear: 2004,
    councilSeats: 3,
    about:
      'Entstanden aus den Protesten gegen die Hartz-Gesetze. Im Rat mit drei Sitzen, in zwei Bezirksvertretungen.\n\n' +
      '- Haushaltsanträge gegen Kürzungen bei Jugendzentren\n- Anfragen zu Energiesperren und Zwangsräumungen\n- Ratschlag zur Kommunalwahl mit Bündnissen aus dem Ruhrgebiet',
  },
  {
    slug: 'demo-offene-liste-wuppertal',
    name: 'Offene Liste Wuppertal (Demo)',
    municipality: 'Wuppertal',
    district: 'kreisfrei',
    state: 'NW',
    foundedYear: 2013,
    councilSeats: 1,
    about:
      'Eine kleine Liste mit einem Ratsmandat. Schwerpunkt: **Stadtwerke zurück in öffentliche Hand** und Klimaschutz, der sozial gerecht ist. ' +
      'Wir teilen gern unsere Erfahrungen als Einzelmandat ohne Fraktionsstatus.',
  },
  {
    slug: 'demo-stadtbuendnis-leipzig',
    name: 'Stadtbündnis Leipzig (Demo)',
    municipality: 'Leipzig',
    district: 'kreisfrei',
    state: 'SN',
    foundedYear: 2019,
    councilSeats: 0,
    about:
      'Noch nicht im Stadtrat: Wir sammeln gerade Unterstützungsunterschriften für die nächste Wahl. ' +
      'Wer Erfahrung mit Wahlvorschlägen und Unterschriftenlisten hat, meldet sich bitte bei uns.',
  },
  {
    slug: 'demo-wir-in-kiel',
    name: 'Wir in Kiel (Demo)',
    municipality: 'Kiel',
    district: 'kreisfrei',
    state: 'SH',
    foundedYear: 2011,
    councilSeats: 1,
    about:
      'Schulsanierung, Kita-Plätze und ein Hafen, der den Menschen im Stadtteil nützt. Wir arbeiten eng mit Elterninitiativen zusammen.',
  },
  {
    slug: 'demo-alternative-liste-offenbach',
    name: 'Alternative Liste Offenbach (Demo)',
    municipality: 'Offenbach am Main',
    district: 'kreisfrei',
    state: 'HE',
    foundedYear: 2006,
    councilSeats: 2,
    about:
      'Unser Thema seit Jahren: das städtische Klinikum. Wir haben den Verkauf an einen privaten Konzern nicht verhindert, ' +
      'aber die Bedingungen öffentlich gemacht – und daraus viel gelernt, was wir weitergeben.',
  },
  {
    slug: 'demo-buendnis-fuer-augsburg',
    name: 'Bündnis für Augsburg (Demo)',
    municipality: 'Augsburg',
    district: 'kreisfrei',
    state: 'BY',
    foundedYear: 2014,
    councilSeats: 1,
    about:
      'Bürgerbegehren gegen den Verkauf städtischer Wohnungen (erfolgreich), seitdem im Stadtrat. Antifaschistische Stadtteilarbeit in Oberhausen-Nord.',
  },
  {
    slug: 'demo-gemeinsam-fuer-jena',
    name: 'Gemeinsam für Jena (Demo)',
    municipality: 'Jena',
    district: 'kreisfrei',
    state: 'TH',
    foundedYear: 2018,
    councilSeats: 1,
    about:
      'Nahverkehrsplan, Radwege und eine Straßenbahn in die Neubaugebiete. Wir kooperieren mit Umweltverbänden und der Studierendenvertretung.',
  },
];

type DemoPerson = {
  name: string;
  alliance?: string;
  role?: 'MEMBER' | 'ORGANIZER' | 'ADMIN';
  mandate: Mandate;
  competences: string[];
  note: string;
  delegate?: boolean;
  public?: boolean;
  listed?: boolean;
  /** Asks to join this alliance (an open request for delegates and organisers to decide). */
  wants?: string;
  pending?: boolean;
};

const PEOPLE: DemoPerson[] = [
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
    name: 'Carla Kladde (Demo)',
    alliance: 'demo-buergerbuendnis-neustadt',
    mandate: 'NONE',
    competences: ['wahlkampf'],
    note: 'Pressearbeit und Flugblätter.',
    public: true,
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
    name: 'Ole Ordner (Demo)',
    alliance: 'demo-soziale-liste-gelsenkirchen',
    mandate: 'COUNCIL',
    competences: ['bildung'],
    note: 'Schulausschuss, Offener Ganztag.',
    delegate: true,
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
    name: 'Paula Platzhalter (Demo)',
    alliance: 'demo-offene-liste-wuppertal',
    mandate: 'NONE',
    competences: ['buergerbeteiligung'],
    note: 'Einwohnerfragestunde vorbereitet.',
    public: true,
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
    name: 'Quentin Quelle (Demo)',
    alliance: 'demo-stadtbuendnis-leipzig',
    mandate: 'NONE',
    competences: ['wohnen'],
    note: 'Mieterinitiative im Leipziger Osten.',
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
    name: 'Rosa Randnotiz (Demo)',
    alliance: 'demo-wir-in-kiel',
    mandate: 'EXPERT_CITIZEN',
    competences: ['bildung', 'soziales'],
    note: 'Jugendhilfeausschuss.',
    public: true,
  },
  {
    name: 'Hannes Hypothese (Demo)',
    alliance: 'demo-alternative-liste-offenbach',
    mandate: 'DISTRICT_COUNCIL',
    competences: ['gesundheit'],
    note: 'Krankenhaus in kommunaler Hand.',
    delegate: true,
    public: true,
  },
  {
    name: 'Sven Stichwort (Demo)',
    alliance: 'demo-alternative-liste-offenbach',
    mandate: 'COUNCIL',
    competences: ['kommunale-finanzen'],
    note: 'Rechnungsprüfungsausschuss.',
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
    name: 'Tarek Textprobe (Demo)',
    alliance: 'demo-buendnis-fuer-augsburg',
    mandate: 'NONE',
    competences: ['antifaschismus'],
    note: 'Stadtteilarbeit Oberhausen-Nord.',
  },
  {
    name: 'Jonas Jedermann (Demo)',
    alliance: 'demo-gemeinsam-fuer-jena',
    mandate: 'EXPERT_CITIZEN',
    competences: ['verkehr', 'umwelt-klima'],
    note: 'Nahverkehrsplan und Radwege.',
    delegate: true,
  },
  {
    name: 'Uta Umbruch (Demo)',
    alliance: 'demo-gemeinsam-fuer-jena',
    mandate: 'COUNCIL',
    competences: ['verkehr'],
    note: 'Straßenbahn in die Neubaugebiete.',
    public: true,
  },
  // KOG: an organiser and an admin for a first look at their pages
  {
    name: 'Olga Organisiert (Demo)',
    role: 'ORGANIZER',
    alliance: 'demo-soziale-liste-gelsenkirchen',
    mandate: 'NONE',
    competences: ['wahlkampf'],
    note: 'Koordinierungsgruppe: bereitet die KOG-Treffen vor.',
    public: true,
  },
  {
    name: 'Arne Admin (Demo)',
    role: 'ADMIN',
    mandate: 'NONE',
    competences: [],
    note: 'Schaltet Konten frei und moderiert.',
    listed: false,
  },
  // Open requests, so that delegates, organisers and admins see what waits for them
  {
    name: 'Vera Vorschlag (Demo)',
    mandate: 'NONE',
    competences: ['soziales'],
    note: 'Neu dabei.',
    wants: 'demo-buergerbuendnis-neustadt',
    listed: false,
  },
  {
    name: 'Willi Wartend (Demo)',
    mandate: 'NONE',
    competences: [],
    note: '',
    wants: 'demo-offene-liste-wuppertal',
    listed: false,
    pending: true,
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
  const demoPeople = await prisma.user.findMany({ where: { email: { endsWith: DEMO_DOMAIN } }, select: { id: true } });
  await removeDemoMeetings(
    prisma,
    demoPeople.map((p) => p.id),
  );
  await removeDemoReports(
    prisma,
    demoPeople.map((p) => p.id),
  );
  await prisma.user.deleteMany({ where: { email: { endsWith: DEMO_DOMAIN } } });
  await prisma.alliance.deleteMany({ where: { slug: { startsWith: 'demo-' } } });
}

export async function createDemoContent(
  prisma: PrismaClient,
): Promise<{ alliances: number; members: number; reports: number; motions: number; meetings: number }> {
  const marker = '*Demo-Eintrag: Dieses Bündnis gibt es nicht. Es zeigt, wie ein Eintrag in der Erfahrungsbörse aussieht.*';
  for (const { about, ...a } of ALLIANCES) {
    const data = { ...a, description: `${marker}\n\n${about}`, website: null, contactEmail: `kontakt@${a.slug}.demo.invalid` };
    await prisma.alliance.upsert({ where: { slug: a.slug }, create: data, update: data });
  }
  const alliances = new Map((await prisma.alliance.findMany({ where: { slug: { startsWith: 'demo-' } } })).map((a) => [a.slug, a.id]));
  const topics = new Map((await prisma.topic.findMany()).map((t) => [t.slug, t.id]));
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const people = new Map<string, number>();
  for (const m of PEOPLE) {
    const data = {
      name: m.name,
      passwordHash,
      role: m.role ?? 'MEMBER',
      status: m.pending ? ('PENDING' as const) : ('ACTIVE' as const),
      allianceId: m.alliance ? alliances.get(m.alliance)! : null,
      requestedAllianceId: m.wants ? alliances.get(m.wants)! : null,
      joinRequestedAt: m.wants ? new Date() : null,
      isDelegate: m.delegate ?? false,
      listedInDirectory: m.listed ?? true,
      publicOnAlliancePage: m.public ?? false,
      mandate: m.mandate,
      directoryNote: m.note || null,
      principlesAcceptedAt: new Date(),
      approvedAt: m.pending ? null : new Date(),
    };
    const user = await prisma.user.upsert({ where: { email: email(m.name) }, create: { ...data, email: email(m.name) }, update: data });
    await prisma.userCompetence.deleteMany({ where: { userId: user.id } });
    const ids = m.competences.map((slug) => topics.get(slug)).filter((id): id is number => id !== undefined);
    await prisma.userCompetence.createMany({ data: ids.map((topicId) => ({ userId: user.id, topicId })) });
    people.set(m.name, user.id);
  }
  const reports = await createDemoReports(prisma, people);
  const motions = await createDemoMotions(prisma, people);
  const meetings = await createDemoMeetings(prisma, people);
  return { alliances: ALLIANCES.length, members: PEOPLE.length, reports, motions, meetings };
}

/** The demo logins to print: one per role. */
export function demoLogins(): { role: string; email: string }[] {
  const first = (role: DemoPerson['role']) => PEOPLE.find((p) => (p.role ?? 'MEMBER') === role && !p.pending && p.alliance)!;
  return [
    { role: 'Mitglied (Delegierte)', email: email(first('MEMBER').name) },
    { role: 'Organisatorin (KOG)', email: email(first('ORGANIZER').name) },
    { role: 'Administrator', email: email(PEOPLE.find((p) => p.role === 'ADMIN')!.name) },
  ];
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
    const { alliances, members, reports, motions, meetings } = await createDemoContent(db.prisma);
    console.log(
      `Demo-Inhalte angelegt: ${alliances} Bündnisse, ${members} Personen, ${reports} Berichte, ${motions} Musteranträge und ${meetings} Treffen, alle als Demo gekennzeichnet.`,
    );
    console.log(`Anmelden (Passwort für alle: ${DEMO_PASSWORD}):`);
    for (const login of demoLogins()) console.log(`  ${login.role.padEnd(24)} ${login.email}`);
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
