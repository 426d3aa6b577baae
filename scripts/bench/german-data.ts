// Word lists for German-looking benchmark data: names of people, places and alliances, and Markdown
// descriptions of about 1 KB. Everything is invented; real town names appear only as places.
import type { FederalStateCode } from '../../src/lib/states.js';
import type { Random } from './random.js';

/** A word list written compactly: entries separated by commas or line breaks. */
function list(text: string): string[] {
  return text
    .split(/[,\n]/)
    .map((entry) => entry.trim())
    .filter(Boolean);
}

export const FIRST_NAMES = list(`
  Anna, Jürgen, Bärbel, Jörg, Sören, Käthe, Günther, Björn, Müge, Özlem, Ayşe, Çağla, Lena, Mehmet, Elif, Małgorzata,
  Paweł, Doris, Horst, Renate, Ute, Uwe, Heike, Dirk, Sabine, Thomas, Petra, Andreas, Monika, Stefan, Claudia,
  Michael, Birgit, Frank, Katrin, Jan, Sophie, Lukas, Marie, Jonas, Leonie, Felix, Hannah, Tobias, Miriam, Hüseyin,
  Zoë, Chloé, René, André, Joël, Maximilian, Friederike, Gisela, Wolfgang, Ingrid, Klaus-Dieter, Anne-Kathrin,
  Hans-Jürgen, Dagmar, Nguyen, Olga, Dmitri, Fatma, Emre, Agnieszka, Ömer, Gül, Selin, Lotta, Mats
`);

export const LAST_NAMES = list(`
  Müller, Schäfer, Schröder, Köhler, Böhm, Jäger, Krüger, Weiß, Groß, Öztürk, Yılmaz, Kowalski, Nguyen, Schmidt,
  Schneider, Fischer, Meyer, Wagner, Becker, Hoffmann, Schulz, Koch, Richter, Klein, Wolf, Neumann, Schwarz,
  Zimmermann, Braun, Hofmann, Hartmann, Lange, Schmitt, Werner, Krause, Meier, Lehmann, Schmid, Schulze, Maier,
  Köster, Höfer, Brückner, Gärtner, Möller, Lößner, Dünnebier, Çelik, Demir, Şahin, Nowak, Wiśniewski, Petrović,
  Popescu, Ivanova, Haßelbach, von Bülow, de Vries, Ahrens, Thießen, Plöger, Sänger, Kühn, Fröhlich, Büttner, Rößler
`);

/** Real towns per Bundesland (as places only); area states add invented ones below. */
const TOWNS: Record<FederalStateCode, readonly string[]> = {
  BW: list(`
    Tübingen, Reutlingen, Esslingen am Neckar, Göppingen, Schwäbisch Gmünd, Konstanz, Ravensburg, Heilbronn, Offenburg,
    Lörrach`),
  BY: list(`Würzburg, Fürth, Erlangen, Bamberg, Bayreuth, Landshut, Kempten (Allgäu), Rosenheim, Schweinfurt, Passau`),
  BE: list(`
    Neukölln, Friedrichshain-Kreuzberg, Pankow, Lichtenberg, Marzahn-Hellersdorf, Spandau, Steglitz-Zehlendorf,
    Tempelhof-Schöneberg, Treptow-Köpenick, Reinickendorf, Charlottenburg-Wilmersdorf, Mitte, Wedding, Moabit,
    Prenzlauer Berg, Weißensee, Hohenschönhausen, Britz, Rudow, Tegel`),
  BB: list(`Cottbus, Frankfurt (Oder), Eberswalde, Oranienburg, Falkensee, Bernau bei Berlin, Königs Wusterhausen, Schwedt/Oder`),
  HB: list(`Bremen-Nord, Vegesack, Blumenthal, Gröpelingen, Walle, Findorff, Bremerhaven, Huchting, Osterholz, Hemelingen`),
  HH: list(`
    Altona, Eimsbüttel, Hamburg-Nord, Wandsbek, Bergedorf, Harburg, Hamburg-Mitte, Wilhelmsburg, Barmbek, Ottensen,
    St. Pauli, Billstedt, Langenhorn, Rahlstedt`),
  HE: list(`Offenbach am Main, Hanau, Marburg, Gießen, Fulda, Rüsselsheim am Main, Wetzlar, Bad Homburg vor der Höhe`),
  MV: list(`Greifswald, Stralsund, Neubrandenburg, Wismar, Güstrow, Waren (Müritz)`),
  NI: list(`Göttingen, Oldenburg, Osnabrück, Wolfsburg, Hildesheim, Salzgitter, Lüneburg, Celle, Delmenhorst`),
  NW: list(`
    Gelsenkirchen, Wuppertal, Bochum, Herne, Oberhausen, Mülheim an der Ruhr, Solingen, Remscheid, Bottrop,
    Recklinghausen, Witten, Düren, Paderborn, Bielefeld, Münster`),
  RP: list(`Neustadt an der Weinstraße, Kaiserslautern, Trier, Ludwigshafen am Rhein, Worms, Koblenz, Pirmasens`),
  SL: list(`Saarbrücken, Neunkirchen, Homburg, Völklingen, Saarlouis, Merzig`),
  SN: list(`Leipzig, Chemnitz, Zwickau, Plauen, Görlitz, Bautzen, Freiberg, Riesa`),
  ST: list(`Halle (Saale), Magdeburg, Dessau-Roßlau, Wittenberg, Halberstadt, Stendal`),
  SH: list(`Kiel, Lübeck, Flensburg, Neumünster, Norderstedt, Elmshorn, Pinneberg`),
  TH: list(`Erfurt, Jena, Gera, Weimar, Gotha, Nordhausen, Eisenach, Suhl`),
};

/** City states have no other municipalities: their alliances work in boroughs and quarters. */
const CITY_STATES: Partial<Record<FederalStateCode, string>> = { BE: 'Berlin', HH: 'Hamburg', HB: 'Bremen' };

/** Roughly by population, so NRW has many alliances and Bremen few. */
export const STATE_WEIGHTS: Record<FederalStateCode, number> = {
  NW: 18,
  BY: 13,
  BW: 11,
  NI: 8,
  HE: 6.3,
  RP: 4.1,
  SN: 4,
  BE: 3.7,
  SH: 2.9,
  BB: 2.5,
  ST: 2.2,
  TH: 2.1,
  HH: 1.9,
  MV: 1.6,
  SL: 1,
  HB: 0.7,
};

const PLACE_PREFIXES = ['', '', '', '', 'Ober', 'Unter', 'Nieder', 'Groß ', 'Klein ', 'Bad ', 'Alt ', 'Markt '];
const PLACE_STEMS = list(`
  Linden, Birken, Eichen, Buchen, Tannen, Erlen, Weiden, Rosen, Mühl, Kirch, Stein, Wald, Brunn, Schön, Hohen, Grün,
  Sonnen, Wolfs, Fuchs, Hirsch, Falken, Lerchen, Wies, Moos, Ahorn, Hasel, Otters, Gräfen, Möhren, Königs, Frauen,
  Bären, Dürren, Holz, Rot, Weiß
`);
const PLACE_SUFFIXES = list(`
  dorf, hausen, heim, ingen, feld, bach, burg, stedt, rode, au, berg, brück, hagen, kirchen, stadt, walde, werder,
  büttel
`);

export interface Place {
  state: FederalStateCode;
  /** Where the alliance is at home, as it appears in its name. */
  name: string;
  municipality: string;
  district: string;
}

function inventedPlace(random: Random): string {
  const prefix = random.pick(PLACE_PREFIXES);
  const stem = random.pick(PLACE_STEMS);
  const rest = `${stem}${random.pick(PLACE_SUFFIXES)}`;
  return prefix.endsWith(' ') || prefix === '' ? `${prefix}${rest}` : `${prefix}${rest.toLowerCase()}`;
}

export function randomPlace(random: Random, state: FederalStateCode): Place {
  const city = CITY_STATES[state];
  if (city) {
    const quarter = random.pick(TOWNS[state]);
    const municipality = quarter === 'Bremerhaven' ? 'Bremerhaven' : city;
    return { state, name: quarter, municipality, district: 'kreisfrei' };
  }
  // A third are real towns, the rest invented villages and small towns in an invented Landkreis.
  if (random.chance(1 / 3)) {
    const town = random.pick(TOWNS[state]);
    return { state, name: town, municipality: town, district: 'kreisfrei' };
  }
  const name = inventedPlace(random);
  return { state, name, municipality: name, district: `Landkreis ${inventedPlace(random)}` };
}

/** Name patterns of non-partisan local alliances; `%` is the place. */
export const ALLIANCE_PATTERNS = list(`
  Bürgerliste %, Aktiv für %, Wählergemeinschaft %, Soziale Liste %, Offene Liste %, Bürgerbündnis %,
  Unabhängige Wähler %, Wir in %, Alternative Liste %, Freie Bürger %, Bunte Liste %, Gemeinsam für %, Zukunft %,
  Stadtbündnis %, Bürger für %, Initiative Lebenswertes %, Solidarisches %, Unser %
`);

export function allianceName(random: Random, place: Place): string {
  return random.pick(ALLIANCE_PATTERNS).replace('%', place.name);
}

/** One line per topic slug of prisma/data/topics.ts, for descriptions. Unknown topics get a generic line. */
const TOPIC_LINES: Record<string, string> = {
  soziales: 'Sozialticket, Sozialpass und eine Tafel, die nicht die Arbeit des Sozialamts ersetzen muss.',
  wohnen: 'Bezahlbare Mieten, eine kommunale Wohnungsbaugesellschaft und kein Verkauf städtischer Grundstücke an Investoren.',
  verkehr: 'Ein dichterer Takt im Busverkehr, sichere Radwege zu den Schulen und ein günstiges Ticket für alle.',
  'kommunale-finanzen': 'Ein Haushalt, den alle verstehen: Wir veröffentlichen jedes Jahr einen Bürgerhaushalt in einfacher Sprache.',
  daseinsvorsorge: 'Wasser, Energie und Müllabfuhr gehören in öffentliche Hand – wir haben die Rekommunalisierung angestoßen.',
  buergerbeteiligung: 'Einwohneranträge, Bürgerbegehren und öffentliche Ausschusssitzungen, auch am Abend.',
  'umwelt-klima': 'Ein Klimaschutzkonzept mit messbaren Zielen, mehr Stadtgrün und Schutz der letzten Streuobstwiesen.',
  energie: 'Stadtwerke, die Solarstrom vom eigenen Dach fördern, und Sozialtarife gegen Energiearmut.',
  bildung: 'Sanierte Schulen, genug Kitaplätze und eine Volkshochschule, die sich alle leisten können.',
  gesundheit: 'Das Krankenhaus bleibt in kommunaler Hand; Hebammen und Hausärzte sollen sich hier niederlassen.',
  migration: 'Gleiche Rechte für alle Einwohnerinnen und Einwohner, dezentrale Unterbringung und ein starker Integrationsrat.',
  antifaschismus: 'Kein Fußbreit den Faschisten – im Rat wie auf der Straße, gemeinsam mit Vereinen und Gewerkschaften.',
  wahlkampf: 'Unterschriften sammeln, Infostände, Hausbesuche: Wir teilen unsere Erfahrungen aus drei Wahlkämpfen.',
  'demokratie-menschenrechte': 'Transparenz im Rathaus: Alle Ratsunterlagen sind öffentlich, Abstimmungen namentlich.',
  'frieden-internationales': 'Städtepartnerschaften von unten und ein jährlicher Friedenstag auf dem Marktplatz.',
  'landwirtschaft-ernaehrung': 'Regionales Essen in Kitas und Schulen und ein Wochenmarkt für die Höfe aus dem Umland.',
};

const ACHIEVEMENTS = [
  'Mit einem Einwohnerantrag haben wir durchgesetzt, dass der Stadtrat seine Sitzungen im Internet überträgt.',
  'Unser Bürgerbegehren hat den Verkauf der städtischen Wohnungen verhindert – mit über 4 000 Unterschriften.',
  'Auf unseren Antrag hin gibt es seit diesem Jahr ein Sozialticket für Bus und Bahn.',
  'Wir haben erreicht, dass das Freibad nicht geschlossen, sondern saniert wird.',
  'Nach unserer Anfrage hat die Verwaltung alle Gutachten zum Haushalt öffentlich gemacht.',
];
const VENUES = ['Bürgerhaus', 'Nachbarschaftszentrum', 'Gemeindesaal', 'Gasthaus „Zur Linde“', 'Jugendzentrum', 'Stadtteilladen'];
const RHYTHMS = ['jeden ersten Dienstag im Monat', 'alle zwei Wochen am Donnerstag', 'jeden Montag', 'einmal im Monat am Mittwoch'];

/** About 1 KB of Markdown: who the alliance is, three focal topics, how to join. */
export function allianceDescription(
  random: Random,
  alliance: { name: string; place: Place; foundedYear: number | null; councilSeats: number | null },
  topicSlugs: readonly string[],
): string {
  const focus = random.shuffle([...topicSlugs]).slice(0, 3);
  const seats =
    alliance.councilSeats === null
      ? 'Wir treten zur nächsten Kommunalwahl zum ersten Mal an.'
      : alliance.councilSeats === 0
        ? 'Im Moment haben wir keinen Sitz im Rat, arbeiten aber in Ausschüssen als sachkundige Bürgerinnen und Bürger mit.'
        : `Im Rat sind wir mit ${alliance.councilSeats} ${alliance.councilSeats === 1 ? 'Mandat' : 'Mandaten'} vertreten.`;
  const since = alliance.foundedYear ? `Gegründet haben wir uns ${alliance.foundedYear}. ` : '';
  return [
    '## Wer wir sind',
    '',
    `„${alliance.name}“ ist ein überparteiliches Bündnis in ${alliance.place.municipality}. ${since}${seats} ` +
      'Bei uns machen Menschen mit und ohne Parteibuch mit, Junge und Alte, Alteingesessene und Zugezogene.',
    '',
    '## Unsere Schwerpunkte',
    '',
    ...focus.map((slug) => `- ${TOPIC_LINES[slug] ?? 'Ein Thema, das uns vor Ort unter den Nägeln brennt.'}`),
    '',
    '## Was wir erreicht haben',
    '',
    random.pick(ACHIEVEMENTS),
    '',
    '## Mitmachen',
    '',
    `Wir treffen uns ${random.pick(RHYTHMS)} um 19 Uhr im ${random.pick(VENUES)}. Gäste sind **herzlich willkommen** – ` +
      'auch ohne Vorkenntnisse. Unsere Anträge und Anfragen stellen wir in der Erfahrungsbörse zur Verfügung, damit andere ' +
      'Bündnisse sie übernehmen können.',
  ].join('\n');
}

export const DIRECTORY_NOTES = [
  'Fraktionsvorsitz im Stadtrat, Schwerpunkt Haushalt.',
  'Erfahrung mit einem Bürgerbegehren gegen die Privatisierung der Stadtwerke.',
  'Sitze im Jugendhilfeausschuss und helfe gern bei Anfragen zur Kita-Planung.',
  'Habe zwei Wahlkämpfe organisiert – Unterschriftensammlung, Plakate, Presse.',
  'Mietrecht und Wohnungspolitik, berate ehrenamtlich im Mieterverein.',
  'Kenne mich mit Gemeindeordnung und Geschäftsordnungen aus.',
  'Verkehrsplanung, Radverkehr, Nahverkehrsplan.',
  'Pressearbeit und Social Media für kleine Bündnisse.',
];

/** ASCII e-mail part from a name: "Jürgen Groß" → "juergen.gross". */
export function emailLocalPart(first: string, last: string): string {
  const ascii = (text: string) =>
    text
      .toLowerCase()
      .replace(/ä/g, 'ae')
      .replace(/ö/g, 'oe')
      .replace(/ü/g, 'ue')
      .replace(/ß/g, 'ss')
      .replace(/ı/g, 'i')
      .replace(/ł/g, 'l')
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '');
  return `${ascii(first)}.${ascii(last)}`;
}

// ---------------------------------------------------------------------------------------------- Erfahrungsberichte
//
// A report is about one theme (Sozialticket, Bürgerhaushalt, Schwimmbad …): its title, summary and a few sentences
// come from the theme, the rest from general sentences about local political work. Placeholders in braces:
//   {w} the theme's key word, {n}/{N} the theme in the nominative (N: capitalised), {a} accusative, {d} dative;
//   {ort} the place; {pn}/{Pn}/{pd} a partner (nominative / capitalised / dative); {vn}/{Vn}/{va} the other side
//   in the town hall (nominative / capitalised / accusative); {g} a council body with its preposition ("im Sozialausschuss"); {z} a small number in words,
//   {z0} 20–300, {zz} 300–12 000; {monat}, {jahr}, {venue}; {sa}/{sw} another theme (accusative / key word).
// How often a theme leads decides how many reports a search for its word finds (see REPORT_THEMES' weights).

export interface ReportTheme {
  /** Topic slugs, the first the main one. */
  topics: readonly string[];
  /** Relative share of the reports that are mainly about this theme. */
  weight: number;
  w: string;
  n: string;
  a: string;
  d: string;
  /** Titles; a `%` is the place. */
  titles: readonly string[];
  summary: readonly string[];
  did: readonly string[];
  worked: readonly string[];
  didnt: readonly string[];
  tips: readonly string[];
}

type ThemeSpec = Omit<ReportTheme, 'a'> & { a?: string };
const theme = (spec: ThemeSpec): ReportTheme => ({ ...spec, a: spec.a ?? spec.n });

export const REPORT_THEMES: readonly ReportTheme[] = [
  theme({
    topics: ['soziales', 'verkehr'],
    weight: 3,
    w: 'Sozialticket',
    n: 'das Sozialticket',
    d: 'dem Sozialticket',
    titles: ['Sozialticket in % durchgesetzt', 'Wie wir das Sozialticket im zweiten Anlauf bekommen haben', 'Sozialticket für Bus und Bahn', 'Ein Sozialticket, das sich alle leisten können'],
    summary: [
      'Nach jahrelangem Streit gibt es in {ort} ein Sozialticket für Bus und Bahn, das deutlich günstiger ist als die normale Monatskarte.',
      'Unser Antrag auf ein Sozialticket scheiterte zuerst im Rat; mit Unterschriften und Zahlen aus dem Jobcenter kam die Mehrheit ein Jahr später doch.',
    ],
    did: [
      'Beim Jobcenter haben wir angefragt, wie viele Leistungsberechtigte überhaupt eine Monatskarte haben.',
      'Vor dem Jobcenter und an den Haltestellen haben wir Unterschriften für ein Sozialticket gesammelt.',
      'Mit den Verkehrsbetrieben haben wir über den Preis des Sozialtickets verhandelt; wir forderten höchstens den Betrag, der im Regelsatz für Mobilität vorgesehen ist.',
    ],
    worked: [
      'Die Zahl der Menschen, die sich keine Fahrkarte leisten können, hat auch Ratsmitglieder anderer Fraktionen überzeugt.',
      'Seit der Einführung nutzen über {zz} Menschen das Sozialticket.',
    ],
    didnt: [
      'Die Verkehrsbetriebe haben lange mit Mindereinnahmen argumentiert; eine eigene Kostenrechnung hätten wir früher gebraucht.',
      'Der Antrag auf das Sozialticket ist bürokratisch, und viele Berechtigte wissen bis heute nichts davon.',
    ],
    tips: [
      'Beim Sozialticket die Einnahmeausfälle selbst ausrechnen und den Folgekosten von Armut gegenüberstellen.',
      'Das Sozialticket ohne eigenen Antrag mit dem Bescheid des Jobcenters ausgeben lassen.',
    ],
  }),
  theme({
    topics: ['kommunale-finanzen', 'buergerbeteiligung'],
    weight: 2,
    w: 'Bürgerhaushalt',
    n: 'der Bürgerhaushalt',
    a: 'den Bürgerhaushalt',
    d: 'dem Bürgerhaushalt',
    titles: ['Bürgerhaushalt in %: Vorschläge von allen', 'Ein Bürgerhaushalt, der den Namen verdient', 'Was aus unserem Bürgerhaushalt geworden ist'],
    summary: [
      'Seit zwei Jahren können die Einwohnerinnen und Einwohner von {ort} über einen Teil des Haushalts mitentscheiden.',
      'Wir haben einen Bürgerhaushalt beantragt und erlebt, wie schwer es ist, die Vorschläge dann auch umzusetzen.',
    ],
    did: [
      'Den Haushaltsplan haben wir in einfacher Sprache zusammengefasst und als Broschüre verteilt.',
      'Für den Bürgerhaushalt haben wir Abende in allen Stadtteilen organisiert, an denen Vorschläge gesammelt wurden.',
      'Im Finanzausschuss haben wir beantragt, für den Bürgerhaushalt einen festen Betrag je Einwohner zu reservieren.',
    ],
    worked: [
      'Über {zz} Vorschläge kamen zusammen, viele davon für Spielplätze, Bänke und Beleuchtung.',
      'Die Abende in den Stadtteilen haben Menschen erreicht, die nie zu einer Ratssitzung gehen würden.',
    ],
    didnt: [
      'Die Verwaltung hat viele Vorschläge als „nicht umsetzbar“ aussortiert, ohne das zu begründen.',
      'Die Online-Abstimmung über den Bürgerhaushalt haben vor allem Ältere kaum genutzt.',
    ],
    tips: [
      'Im Bürgerhaushalt feste Mittel vorsehen, über die wirklich entschieden wird – keine reine Vorschlagsliste.',
      'Jedes Jahr öffentlich berichten, was aus den Vorschlägen geworden ist.',
    ],
  }),
  theme({
    topics: ['daseinsvorsorge', 'bildung'],
    weight: 2,
    w: 'Schwimmbad',
    n: 'das Schwimmbad',
    d: 'dem Schwimmbad',
    titles: ['Das Schwimmbad in % bleibt offen', 'Bürgerbegehren rettet das Hallenbad', 'Freibad saniert statt geschlossen', 'Kampf um das letzte Schwimmbad im Landkreis'],
    summary: [
      'Die Stadt wollte das Schwimmbad aus Kostengründen schließen; nach Protesten von Vereinen, Schulen und Eltern wird es jetzt saniert.',
      'Ohne Hallenbad gibt es keinen Schwimmunterricht für die Grundschulen – mit diesem Argument haben wir die Schließung verhindert.',
    ],
    did: [
      'Mit den Schwimmvereinen und der DLRG haben wir eine Liste aller Gruppen erstellt, die das Schwimmbad nutzen.',
      'Die Kosten einer Sanierung des Hallenbads haben wir mit einem Neubau und mit den Fahrten zu Bädern in der Nachbarschaft verglichen.',
      'An heißen Tagen haben wir vor dem Freibad Unterschriften gesammelt.',
    ],
    worked: [
      'Schwimmunterricht für Kinder war das Argument, das alle verstanden.',
      'Eltern von Grundschulkindern waren unsere stärksten Partner im Kampf um das Schwimmbad.',
    ],
    didnt: [
      'Die Förderprogramme des Landes für Bäder haben wir zu spät entdeckt.',
      'Der Betrieb des Schwimmbads ist weiterhin nur für zwei Jahre gesichert.',
    ],
    tips: [
      'Beim Schwimmbad immer fragen, wo Kinder sonst schwimmen lernen sollen.',
      'Förderprogramme von Bund und Land für die Sanierung von Bädern früh prüfen.',
    ],
  }),
  theme({
    topics: ['wohnen'],
    weight: 2.5,
    w: 'Mieterhöhung',
    n: 'die Mieterhöhungen',
    d: 'den Mieterhöhungen',
    titles: [
      'Mieterhöhungen der städtischen Wohnungsgesellschaft gestoppt',
      'Gemeinsam gegen die Mieterhöhung in %',
      'Mieterversammlung im Plattenbau: 200 Leute an einem Abend',
      'Wie wir Mieterinnen und Mieter gegen Mieterhöhungen organisiert haben',
    ],
    summary: [
      'Nach einer Welle von Mieterhöhungen haben wir mit den Mieterinnen und Mietern eine Versammlung organisiert und im Rat einen Mietenstopp beantragt.',
      'Die Wohnungsgesellschaft gehört der Stadt – trotzdem kam eine Mieterhöhung nach der anderen.',
    ],
    did: [
      'In jedem Hauseingang haben wir Aushänge gemacht und zu einer Mieterversammlung im Hof eingeladen.',
      'Mit dem Mieterverein haben wir eine Beratung angeboten, bei der {z0} Mieterhöhungsverlangen geprüft wurden.',
      'Im Aufsichtsrat der Wohnungsgesellschaft hat unser Mitglied einen Mietenstopp für fünf Jahre beantragt.',
    ],
    worked: [
      'Viele Mieterhöhungen waren fehlerhaft; allein die Prüfung hat einigen Haushalten Geld gespart.',
      'Die Gespräche an der Haustür: Fast alle, die zur Versammlung kamen, hatten vorher mit jemandem von uns gesprochen.',
    ],
    didnt: [
      'Der Mietenstopp gilt nur für die städtischen Wohnungen, nicht für private Vermieter.',
      'Einige Mieterinnen und Mieter hatten Angst, sich öffentlich zu beschweren.',
    ],
    tips: ['Jede Mieterhöhung am Mietspiegel prüfen lassen.', 'Einladungen in mehreren Sprachen in jeden Briefkasten stecken.'],
  }),
  theme({
    topics: ['kommunale-finanzen'],
    weight: 4,
    w: 'Haushalt',
    n: 'der Haushalt',
    a: 'den Haushalt',
    d: 'dem Haushalt',
    titles: [
      'Als Einzelmandat im Haushaltsverfahren mitreden',
      'Unsere Haushaltsrede: Kürzungen bei den Schwächsten abgewehrt',
      'Der Haushalt von % in einfacher Sprache',
      'Haushaltssicherung: Was eine kleine Fraktion tun kann',
      'Änderungsanträge zum Haushalt {jahr}',
    ],
    summary: [
      'Ohne Fraktionsstatus gibt es kaum Redezeit; wie wir trotzdem Änderungsanträge zum Haushalt eingebracht und zwei davon durchgebracht haben.',
      'Die Stadt steckt in der Haushaltssicherung; wir haben gezeigt, dass Kürzungen bei Sozialem und Kultur nicht alternativlos sind.',
    ],
    did: [
      'Den Haushaltsentwurf haben wir auf Arbeitsgruppen aufgeteilt und Posten für Posten gelesen.',
      'Bei jeder Kürzung im Haushalt haben wir nachgefragt, wen sie trifft.',
      'Unsere Haushaltsrede haben wir so geschrieben, dass sie auch als Flugblatt funktioniert.',
    ],
    worked: [
      'Gemeinsame Änderungsanträge mit anderen kleinen Gruppen bekamen mehr Aufmerksamkeit als unsere eigenen.',
      'Eine Übersicht, wofür die Stadt pro Kopf Geld ausgibt, hat viele überrascht.',
    ],
    didnt: [
      'Die Fristen für Änderungsanträge zum Haushalt waren knapp; einmal kamen wir einen Tag zu spät.',
      'Den Haushalt als Ganzes konnten wir nicht verändern, nur einzelne Posten.',
    ],
    tips: [
      'Den Sitzungskalender des ganzen Haushaltsjahres zu Beginn in einen gemeinsamen Kalender eintragen.',
      'Für jeden Änderungsantrag zum Haushalt eine Gegenfinanzierung vorschlagen.',
    ],
  }),
  theme({
    topics: ['bildung', 'soziales'],
    weight: 3,
    w: 'Kita',
    n: 'die Kita-Plätze',
    d: 'den Kita-Plätzen',
    titles: ['Mehr Kita-Plätze in %', 'Kita-Gebühren abgeschafft – wie es dazu kam', 'Kita-Plätze: Anfrage mit Folgen', 'Elterninitiative und Bündnis: gemeinsam für eine neue Kita'],
    summary: [
      'In {ort} fehlten Hunderte Kita-Plätze; mit einer Anfrage und dem Elternbeirat haben wir den Ausbau beschleunigt.',
      'Die Kita-Gebühren waren für viele Familien kaum zu bezahlen; jetzt ist das letzte Kita-Jahr beitragsfrei.',
    ],
    did: [
      'Wir haben angefragt, wie viele Kinder auf der Warteliste für einen Kita-Platz stehen.',
      'Mit dem Elternbeirat haben wir eine Umfrage zu den Kita-Gebühren gemacht.',
      'Für eine neue Kita haben wir Grundstücke vorgeschlagen, die der Stadt schon gehören.',
    ],
    worked: [
      'Die Zahlen von der Warteliste haben den Jugendhilfeausschuss aufgeschreckt.',
      'Erzieherinnen aus den Kitas haben bei der Versammlung selbst gesprochen.',
    ],
    didnt: [
      'Es fehlen weiterhin Fachkräfte; neue Räume allein schaffen noch keine Kita-Plätze.',
      'Der Rechtsanspruch auf einen Kita-Platz hilft wenig, wenn niemand klagt.',
    ],
    tips: [
      'Beim Thema Kita den Jugendhilfeausschuss einbeziehen; dort sitzen auch die freien Träger.',
      'Eltern über den Rechtsanspruch auf einen Kita-Platz informieren.',
    ],
  }),
  theme({
    topics: ['verkehr', 'umwelt-klima'],
    weight: 3,
    w: 'Radweg',
    n: 'die Radwege',
    d: 'den Radwegen',
    titles: ['Sichere Radwege zu den Schulen in %', 'Ein Radweg entlang der Hauptstraße', 'Radentscheid in %: Unterschriften für bessere Radwege', 'Vom Schutzstreifen zum echten Radweg'],
    summary: [
      'Nach mehreren Unfällen vor Schulen haben wir sichere Radwege gefordert; ein Teil ist inzwischen gebaut.',
      'Mit dem ADFC und Eltern haben wir einen Radentscheid gestartet, der den Bau neuer Radwege festschreibt.',
    ],
    did: [
      'Wir haben alle Stellen kartiert, an denen der Radweg plötzlich endet.',
      'Mit Schulklassen haben wir die Schulwege abgefahren und gefährliche Kreuzungen fotografiert.',
      'Für den Radentscheid haben wir in {z} Wochen {zz} Unterschriften gesammelt.',
    ],
    worked: [
      'Die Karte mit den Lücken im Radwegenetz war anschaulicher als jede Rede.',
      'Die Fahrraddemo mit Kindern hat große Aufmerksamkeit bekommen.',
    ],
    didnt: [
      'Der Bau der Radwege zieht sich, weil die Verwaltung zu wenige Planerinnen und Planer hat.',
      'Der Streit um Parkplätze hat die Debatte lange bestimmt.',
    ],
    tips: [
      'Für jeden geforderten Radweg Fotos und eine Karte vorbereiten.',
      'Fördermittel für Radwege beim Land abfragen, bevor die Verwaltung sagt, es gebe kein Geld.',
    ],
  }),
  theme({
    topics: ['buergerbeteiligung', 'daseinsvorsorge'],
    weight: 3,
    w: 'Bürgerbegehren',
    n: 'das Bürgerbegehren',
    d: 'dem Bürgerbegehren',
    titles: [
      'Unser Bürgerbegehren gegen den Verkauf der Stadtwerke',
      'Bürgerbegehren in %: von der Idee zum Bürgerentscheid',
      'Warum unser Bürgerbegehren unzulässig war – und was wir daraus gelernt haben',
      'Bürgerbegehren erfolgreich: Der Rat lenkt ein',
    ],
    summary: [
      'Mit einem Bürgerbegehren haben wir erreicht, dass die Einwohnerinnen und Einwohner selbst entscheiden konnten.',
      'Unser erstes Bürgerbegehren scheiterte an Formfehlern; beim zweiten Anlauf lief es besser.',
    ],
    did: [
      'Die Fragestellung des Bürgerbegehrens haben wir vorab von einem Verwaltungsjuristen prüfen lassen.',
      'Für den Kostendeckungsvorschlag haben wir den Haushalt nach möglichen Einsparungen durchsucht.',
      'In {z} Wochen haben wir die nötigen {zz} Unterschriften für das Bürgerbegehren gesammelt.',
    ],
    worked: [
      'Die vielen Sammelstellen in Läden und Vereinen haben das Bürgerbegehren getragen.',
      'Schon die Ankündigung des Bürgerbegehrens hat den Rat zum Einlenken gebracht.',
    ],
    didnt: [
      'Die formalen Anforderungen an ein Bürgerbegehren haben uns fast ausgebremst.',
      'Beim Bürgerentscheid wurde das nötige Quorum knapp verfehlt.',
    ],
    tips: [
      'Die Gemeindeordnung lesen: Jedes Land regelt das Bürgerbegehren anders.',
      'Das Bürgerbegehren vorab von der Verwaltung auf Zulässigkeit prüfen lassen.',
    ],
  }),
  theme({
    topics: ['buergerbeteiligung'],
    weight: 2,
    w: 'Einwohnerantrag',
    n: 'der Einwohnerantrag',
    a: 'den Einwohnerantrag',
    d: 'dem Einwohnerantrag',
    titles: ['Einwohnerantrag für eine öffentliche Toilette am Bahnhof', 'Mit dem Einwohnerantrag in den Rat', 'Einwohnerantrag in %: klein, aber wirksam'],
    summary: [
      'Mit einem Einwohnerantrag haben wir ein Thema auf die Tagesordnung des Rates gebracht, das dort niemand anfassen wollte.',
      'Der Einwohnerantrag ist das kleine Geschwister des Bürgerbegehrens – und wird oft unterschätzt.',
    ],
    did: [
      'Für den Einwohnerantrag brauchten wir die Unterschriften von {zz} Einwohnerinnen und Einwohnern.',
      'Den Einwohnerantrag haben wir so formuliert, dass der Rat darüber abstimmen muss.',
      'Bei der Beratung im Rat durften zwei Vertrauenspersonen den Einwohnerantrag vorstellen.',
    ],
    worked: ['Auch Jugendliche ab 14 durften unterschreiben; die Schülervertretung hat mitgesammelt.', 'Der Rat musste sich öffentlich positionieren.'],
    didnt: ['Der Rat hat den Einwohnerantrag zwar beraten, aber in einen Ausschuss verwiesen.', 'Viele wussten nicht, dass es den Einwohnerantrag überhaupt gibt.'],
    tips: [
      'Beim Einwohnerantrag auf die Mindestzahl an Unterschriften achten und einen Puffer einplanen.',
      'Vertrauenspersonen benennen, die im Rat gut sprechen können.',
    ],
  }),
  theme({
    topics: ['wohnen'],
    weight: 2.5,
    w: 'Wohnungsbaugesellschaft',
    n: 'die städtische Wohnungsbaugesellschaft',
    d: 'der städtischen Wohnungsbaugesellschaft',
    titles: ['Eine kommunale Wohnungsbaugesellschaft für %', 'Bezahlbar bauen: Neugründung einer Wohnungsbaugesellschaft', 'Kein Verkauf städtischer Grundstücke an Investoren'],
    summary: [
      'Wir haben durchgesetzt, dass {ort} wieder selbst baut – mit einer eigenen Wohnungsbaugesellschaft und Sozialwohnungen.',
      'Städtische Grundstücke werden nicht mehr an den Meistbietenden verkauft, sondern in Erbpacht für bezahlbaren Wohnungsbau vergeben.',
    ],
    did: [
      'Wir haben ausgewertet, wie viele Sozialwohnungen in den letzten zehn Jahren aus der Bindung gefallen sind.',
      'Mit Fachleuten aus einer Nachbarstadt haben wir eine Satzung für die Wohnungsbaugesellschaft entworfen.',
      'Im Bauausschuss haben wir eine Quote von 30 Prozent Sozialwohnungen bei jedem Neubau beantragt.',
    ],
    worked: [
      'Die Zahl der verlorenen Sozialwohnungen hat selbst die Mehrheitsfraktion beeindruckt.',
      'Der Besuch bei einer erfolgreichen Wohnungsbaugesellschaft in der Nachbarstadt hat Zweifler überzeugt.',
    ],
    didnt: ['Bis die ersten Wohnungen fertig sind, vergehen Jahre.', 'Die Quote wird bei kleineren Bauvorhaben umgangen.'],
    tips: ['Städtische Grundstücke nur in Erbpacht vergeben.', 'Die Wohnungsbaugesellschaft mit einem klaren sozialen Auftrag in der Satzung gründen.'],
  }),
  theme({
    topics: ['wohnen'],
    weight: 1.5,
    w: 'Leerstand',
    n: 'der Leerstand',
    a: 'den Leerstand',
    d: 'dem Leerstand',
    titles: ['Leerstand melden: ein Stadtplan der leeren Wohnungen', 'Zweckentfremdung und Leerstand in %', 'Leere Läden, leere Wohnungen – was wir dagegen getan haben'],
    summary: [
      'Hunderte Wohnungen in {ort} standen leer, während Familien suchten; wir haben den Leerstand sichtbar gemacht.',
      'Mit einer Zweckentfremdungssatzung kann die Stadt jetzt gegen Leerstand und Ferienwohnungen vorgehen.',
    ],
    did: [
      'Auf einer Internetseite konnten alle leerstehende Häuser melden; so entstand eine Karte mit über {z0} Adressen.',
      'Wir haben beantragt, dass die Stadt eine Zweckentfremdungssatzung erlässt.',
      'Bei einem Stadtspaziergang haben wir die Presse zu leerstehenden Häusern geführt.',
    ],
    worked: ['Die Karte des Leerstands hat das Thema greifbar gemacht.', 'Einige Eigentümer haben sich nach der Berichterstattung selbst gemeldet.'],
    didnt: ['Die Verwaltung hat zu wenig Personal, um die Satzung auch durchzusetzen.', 'Manche Meldungen zum Leerstand waren veraltet.'],
    tips: ['Leerstand mit Fotos und Datum dokumentieren.', 'Vorher klären, ob das Land eine Zweckentfremdungssatzung erlaubt.'],
  }),
  theme({
    topics: ['verkehr'],
    weight: 3,
    w: 'Busverkehr',
    n: 'der Busverkehr',
    a: 'den Busverkehr',
    d: 'dem Busverkehr',
    titles: ['Ein dichterer Takt im Busverkehr für %', 'Der Nahverkehrsplan und wir', 'Abendbusse für die Dörfer', 'Buslinie gerettet: Wie die Fahrgäste mitgeredet haben'],
    summary: [
      'Die Verkehrsbetriebe wollten Linien streichen; gemeinsam mit den Fahrgästen haben wir einen besseren Takt im Busverkehr erreicht.',
      'Der Nahverkehrsplan wird nur alle fünf Jahre neu aufgestellt – wir haben uns rechtzeitig eingemischt.',
    ],
    did: [
      'An den Haltestellen haben wir gefragt, wann und wohin die Leute fahren wollen.',
      'Zum Nahverkehrsplan haben wir eine eigene Stellungnahme mit {z} Forderungen eingereicht.',
      'Mit Fahrgästen aus den Ortsteilen sind wir gemeinsam zur Sitzung des Verkehrsausschusses gefahren.',
    ],
    worked: [
      'Die Umfrage an den Haltestellen hat gezeigt, dass abends Busse fehlen.',
      'Ältere Menschen aus den Dörfern haben am überzeugendsten für den Busverkehr gesprochen.',
    ],
    didnt: ['Der Landkreis als Aufgabenträger war schwer zu erreichen.', 'Ein Rufbus ersetzt keinen festen Takt.'],
    tips: ['Den Zeitplan des Nahverkehrsplans kennen und früh Stellung nehmen.', 'Die Fahrgäste selbst zu Wort kommen lassen.'],
  }),
  theme({
    topics: ['verkehr', 'gesundheit'],
    weight: 1.5,
    w: 'Tempo 30',
    n: 'Tempo 30',
    d: 'Tempo 30',
    titles: ['Tempo 30 vor Schulen und Kitas in %', 'Wie wir Tempo 30 auf der Hauptstraße erreicht haben', 'Lärmschutz durch Tempo 30'],
    summary: [
      'Lange hieß es, für Tempo 30 auf einer Hauptstraße sei die Stadt nicht zuständig; mit dem Lärmaktionsplan ging es doch.',
      'Vor allen Schulen und Kitas gilt jetzt Tempo 30 – dank Eltern, Anwohnern und einer beharrlichen Anfrage.',
    ],
    did: [
      'Mit einem geliehenen Messgerät haben wir an der Hauptstraße den Lärm gemessen.',
      'Auf unseren Antrag ist die Stadt der Initiative „Lebenswerte Städte durch angemessene Geschwindigkeiten“ beigetreten.',
      'Mit den Anwohnerinnen und Anwohnern haben wir Unterschriften für Tempo 30 gesammelt.',
    ],
    worked: ['Der Lärmaktionsplan war der Schlüssel.', 'Eltern, die ihre Kinder jeden Tag über die Straße bringen, waren sehr überzeugend.'],
    didnt: ['Die Straßenverkehrsbehörde des Kreises hat sich lange quergestellt.', 'Ohne Kontrollen halten sich viele nicht an Tempo 30.'],
    tips: ['Den Lärmaktionsplan der Kommune nutzen.', 'Unfallzahlen bei der Polizei abfragen.'],
  }),
  theme({
    topics: ['bildung'],
    weight: 2.5,
    w: 'Schulsanierung',
    n: 'die Sanierung der Schulen',
    d: 'der Sanierung der Schulen',
    titles: ['Marode Schulen: Sanierungsstau in % sichtbar gemacht', 'Schultoiletten, die man benutzen kann', 'Schulsanierung: eine Liste, die keiner sehen wollte'],
    summary: [
      'Der Sanierungsstau an den Schulen in {ort} liegt bei vielen Millionen Euro; wir haben eine verbindliche Prioritätenliste durchgesetzt.',
      'Schülerinnen und Schüler haben die Zustände an ihren Schulen selbst dokumentiert.',
    ],
    did: [
      'Mit der Schülervertretung haben wir Fotos von kaputten Toiletten, Fenstern und Turnhallen gesammelt.',
      'Wir haben den Sanierungsbedarf aller Schulgebäude abgefragt.',
      'Im Schulausschuss haben wir eine verbindliche Reihenfolge für die Schulsanierung beantragt.',
    ],
    worked: ['Die Fotos der Schülerinnen und Schüler haben mehr bewirkt als jede Tabelle.', 'Der Elternbeirat hat Druck gemacht, als die Liste öffentlich wurde.'],
    didnt: ['Die Baukosten sind stark gestiegen; manche Sanierung wurde verschoben.', 'Die Verwaltung hat die Liste erst nach einem Jahr veröffentlicht.'],
    tips: ['Schülerinnen und Schüler selbst dokumentieren lassen.', 'Den Sanierungsbedarf jedes Jahr neu abfragen.'],
  }),
  theme({
    topics: ['bildung', 'soziales'],
    weight: 1.5,
    w: 'Schulsozialarbeit',
    n: 'die Schulsozialarbeit',
    d: 'der Schulsozialarbeit',
    titles: ['Schulsozialarbeit an jeder Schule in %', 'Befristete Stellen in der Schulsozialarbeit entfristet'],
    summary: [
      'Die Stellen in der Schulsozialarbeit waren immer nur für ein Jahr finanziert; jetzt stehen sie dauerhaft im Haushalt.',
      'Jede Schule in {ort} bekommt mindestens eine Stelle für Schulsozialarbeit.',
    ],
    did: [
      'Mit Schulsozialarbeiterinnen haben wir darüber gesprochen, welche Folgen die Befristung hat.',
      'Im Jugendhilfeausschuss haben wir beantragt, die Schulsozialarbeit dauerhaft zu finanzieren.',
      'Mit den Schulleitungen haben wir eine gemeinsame Erklärung veröffentlicht.',
    ],
    worked: ['Die gemeinsame Erklärung der Schulleitungen war nicht zu überhören.', 'Die Förderung des Landes ließ sich mit kommunalem Geld aufstocken.'],
    didnt: ['Einige Stellen blieben monatelang unbesetzt.', 'Die Finanzierung durch das Land ist weiterhin unsicher.'],
    tips: ['Mit denen sprechen, die die Arbeit machen – sie kennen die Probleme am besten.', 'Befristungen im Haushalt sichtbar machen.'],
  }),
  theme({
    topics: ['soziales', 'bildung'],
    weight: 2,
    w: 'Jugendzentrum',
    n: 'das Jugendzentrum',
    d: 'dem Jugendzentrum',
    titles: ['Ein Jugendzentrum für %', 'Jugendliche planen ihr Jugendzentrum selbst', 'Das Jugendzentrum bleibt – mit längeren Öffnungszeiten'],
    summary: [
      'Jugendliche hatten in {ort} keinen Ort für sich; nach zwei Jahren Einsatz gibt es ein selbstverwaltetes Jugendzentrum.',
      'Das Jugendzentrum sollte dem Sparprogramm zum Opfer fallen; die Jugendlichen haben sich gewehrt.',
    ],
    did: [
      'Wir haben Jugendliche zu einer Versammlung eingeladen und sie ihre Wünsche selbst formulieren lassen.',
      'Ein leerstehendes Gebäude der Stadt haben wir als Standort für das Jugendzentrum vorgeschlagen.',
      'Die Jugendlichen haben ihre Forderungen selbst im Jugendhilfeausschuss vorgetragen.',
    ],
    worked: ['Dass die Jugendlichen selbst geredet haben, hat die Ausschussmitglieder beeindruckt.', 'Ein Konzert vor dem Rathaus hat viel Aufmerksamkeit gebracht.'],
    didnt: [
      'Die Verwaltung hat Brandschutzauflagen lange als Argument gegen das Jugendzentrum benutzt.',
      'Einige Jugendliche haben das Interesse verloren, weil es so lange dauerte.',
    ],
    tips: ['Jugendliche nicht vertreten, sondern selbst sprechen lassen.', 'Für das Jugendzentrum früh einen geeigneten Raum suchen.'],
  }),
  theme({
    topics: ['soziales'],
    weight: 2,
    w: 'Kinderarmut',
    n: 'die Kinderarmut',
    d: 'der Kinderarmut',
    titles: ['Kinderarmut in % – was die Stadt tun kann', 'Ein Armutsbericht für %', 'Kostenloses Mittagessen gegen Kinderarmut'],
    summary: [
      'Jedes vierte Kind in {ort} wächst in Armut auf; wir haben einen kommunalen Armutsbericht und konkrete Maßnahmen durchgesetzt.',
      'Die Tafel soll nicht die Arbeit des Sozialamts ersetzen – wir haben gezeigt, was eine Stadt gegen Armut tun kann.',
    ],
    did: [
      'Die Zahlen zur Kinderarmut aus dem Sozialbericht des Landes haben wir für unsere Stadt aufbereitet.',
      'Gemeinsam mit der Tafel und der Arbeitsloseninitiative haben wir eine Anhörung organisiert.',
      'Wir haben einen Sozialpass beantragt, mit dem Familien günstiger in Museen, Bäder und die Musikschule kommen.',
    ],
    worked: ['Der Armutsbericht hat eine Debatte ausgelöst, die vorher niemand führen wollte.', 'Der Sozialpass wird gut angenommen.'],
    didnt: ['Viele Familien schämen sich, Hilfen zu beantragen.', 'Das Bildungs- und Teilhabepaket ist zu bürokratisch.'],
    tips: ['Armut mit Zahlen aus der eigenen Stadt belegen.', 'Leistungen so gestalten, dass sich niemand als arm zu erkennen geben muss.'],
  }),
  theme({
    topics: ['daseinsvorsorge', 'energie'],
    weight: 2.5,
    w: 'Stadtwerke',
    n: 'die Stadtwerke',
    d: 'den Stadtwerken',
    titles: ['Die Stadtwerke bleiben in öffentlicher Hand', 'Rekommunalisierung der Energieversorgung in %', 'Stadtwerke zurückgekauft: ein langer Weg'],
    summary: [
      'Die Konzession für Strom und Gas lief aus; wir haben erreicht, dass {ort} die Netze mit eigenen Stadtwerken zurückholt.',
      'Ein Bürgerbegehren hat den Teilverkauf der Stadtwerke verhindert.',
    ],
    did: [
      'Wir haben die Gewinne der Stadtwerke aus den letzten zehn Jahren zusammengetragen.',
      'Mit den Beschäftigten der Stadtwerke und der Gewerkschaft haben wir gegen den Verkauf mobilisiert.',
      'Für die Neuvergabe der Konzession haben wir Kriterien wie Klimaschutz und Sozialtarife beantragt.',
    ],
    worked: ['Die Beschäftigten der Stadtwerke waren glaubwürdige Stimmen.', 'Ein Vergleich mit Städten, die ihre Stadtwerke verkauft hatten, hat gewirkt.'],
    didnt: ['Die Gutachten der Beraterfirmen waren schwer zu durchschauen.', 'Vieles wurde in nichtöffentlicher Sitzung beraten.'],
    tips: ['Auslaufende Konzessionsverträge früh im Blick haben.', 'Beschäftigte und Gewerkschaften von Anfang an einbeziehen.'],
  }),
  theme({
    topics: ['daseinsvorsorge'],
    weight: 1,
    w: 'Wasserversorgung',
    n: 'die Wasserversorgung',
    d: 'der Wasserversorgung',
    titles: ['Unser Wasser bleibt öffentlich', 'Wasserpreise: Akteneinsicht beim Zweckverband'],
    summary: [
      'Der Zweckverband wollte die Wasserversorgung an einen privaten Betreiber vergeben; wir haben das verhindert.',
      'Die Wasserpreise stiegen stark; eine Akteneinsicht hat gezeigt, warum.',
    ],
    did: [
      'Wir haben die Verträge des Zweckverbands zur Wasserversorgung eingesehen.',
      'Mit einer Informationsveranstaltung haben wir erklärt, was eine Privatisierung für die Preise bedeutet.',
      'Wir haben die Wasserpreise mit denen der Nachbarkommunen verglichen.',
    ],
    worked: [
      'Beispiele aus anderen Städten, in denen die Preise nach der Privatisierung stiegen, haben überzeugt.',
      'Die Verbandsversammlung musste öffentlich beraten.',
    ],
    didnt: ['Der Zweckverband wird kaum demokratisch kontrolliert.', 'Vieles gilt als Geschäftsgeheimnis.'],
    tips: ['Zweckverbände nicht vergessen – dort fallen wichtige Entscheidungen.', 'Die Preise mit den Nachbarkommunen vergleichen.'],
  }),
  theme({
    topics: ['gesundheit', 'daseinsvorsorge'],
    weight: 2.5,
    w: 'Krankenhaus',
    n: 'das Krankenhaus',
    d: 'dem Krankenhaus',
    titles: ['Das Krankenhaus in % bleibt in kommunaler Hand', 'Gegen die Schließung der Geburtsstation', 'Krankenhaus retten: ein Bündnis mit Beschäftigten und Patienten'],
    summary: [
      'Der Landkreis wollte das Krankenhaus verkaufen; Beschäftigte, Patientinnen und unser Bündnis haben das verhindert.',
      'Die Geburtsstation sollte schließen – jetzt wird sie mit Geld des Kreises weiter betrieben.',
    ],
    did: [
      'Mit dem Betriebsrat des Krankenhauses haben wir eine Kundgebung vor dem Kreishaus organisiert.',
      'Wir haben ausgerechnet, wie lange Rettungswagen nach einer Schließung fahren müssten.',
      'Im Kreistag haben wir beantragt, das Krankenhaus als Eigenbetrieb zu führen.',
    ],
    worked: ['Die Fahrzeiten zum nächsten Krankenhaus haben viele erschreckt.', 'Hebammen und Pflegekräfte haben öffentlich gesprochen.'],
    didnt: ['Die Krankenhausplanung des Landes können wir vor Ort kaum beeinflussen.', 'Das Defizit des Krankenhauses bleibt ein Dauerthema im Haushalt.'],
    tips: ['Die Beschäftigten einbeziehen, sie kennen die Zahlen.', 'Die Krankenhausplanung des Landes verfolgen.'],
  }),
  theme({
    topics: ['gesundheit'],
    weight: 1.5,
    w: 'Hausarzt',
    n: 'die hausärztliche Versorgung',
    d: 'der hausärztlichen Versorgung',
    titles: ['Ein Medizinisches Versorgungszentrum in kommunaler Hand', 'Kein Hausarzt mehr im Dorf? Was wir getan haben'],
    summary: [
      'Als der letzte Hausarzt in den Ruhestand ging, hat die Gemeinde ein eigenes Medizinisches Versorgungszentrum gegründet.',
      'Wir haben Anreize für junge Ärztinnen und Ärzte durchgesetzt, sich in {ort} niederzulassen.',
    ],
    did: [
      'Wir haben die Praxen gefragt, wer in den nächsten Jahren aufhören will.',
      'Mit der Kassenärztlichen Vereinigung haben wir über freie Arztsitze gesprochen.',
      'Wir haben beantragt, dass die Gemeinde Praxisräume günstig vermietet.',
    ],
    worked: ['Das Beispiel einer Nachbargemeinde mit eigenem Versorgungszentrum hat überzeugt.', 'Eine Hausärztin aus der Region hat uns beraten.'],
    didnt: ['Es dauerte lange, Ärztinnen und Ärzte zu finden.', 'Eigentlich ist die Gemeinde gar nicht zuständig.'],
    tips: ['Früh abfragen, wann Praxen schließen.', 'Mit der Kassenärztlichen Vereinigung sprechen.'],
  }),
  theme({
    topics: ['umwelt-klima', 'energie'],
    weight: 2.5,
    w: 'Klimaschutzkonzept',
    n: 'das Klimaschutzkonzept',
    d: 'dem Klimaschutzkonzept',
    titles: ['Ein Klimaschutzkonzept mit messbaren Zielen', 'Klimanotstand in % – und was daraus wurde', 'Klimaschutz im Haushalt verankert'],
    summary: [
      'Der Rat hat ein Klimaschutzkonzept beschlossen, das jedes Jahr überprüft wird.',
      'Nach dem Beschluss zum Klimanotstand passierte lange nichts; wir haben nachgehakt.',
    ],
    did: [
      'Wir haben einen Klimacheck für alle Beschlussvorlagen beantragt.',
      'Mit Fridays for Future haben wir eine öffentliche Anhörung organisiert.',
      'Wir haben nachgefragt, wie viele Maßnahmen aus dem Klimaschutzkonzept schon umgesetzt sind.',
    ],
    worked: ['Der jährliche Bericht zum Klimaschutzkonzept sorgt dafür, dass das Thema nicht verschwindet.', 'Junge Leute haben den Druck hochgehalten.'],
    didnt: ['Viele Maßnahmen stehen unter Haushaltsvorbehalt.', 'Klimaschutz wurde oft gegen soziale Fragen ausgespielt.'],
    tips: ['Messbare Ziele und jährliche Berichte einfordern.', 'Klimaschutz und soziale Fragen zusammen denken.'],
  }),
  theme({
    topics: ['umwelt-klima'],
    weight: 1.5,
    w: 'Stadtbäume',
    n: 'die Stadtbäume',
    d: 'den Stadtbäumen',
    titles: ['Eine Baumschutzsatzung für %', 'Hundert neue Stadtbäume', 'Kein Kahlschlag im Stadtpark'],
    summary: [
      'Für einen Parkplatz sollten alte Bäume gefällt werden; wir haben eine Baumschutzsatzung durchgesetzt.',
      'Jedes Jahr werden jetzt mehr Stadtbäume gepflanzt als gefällt.',
    ],
    did: [
      'Wir haben alle Fällungen der letzten Jahre abgefragt.',
      'Mit den Anwohnerinnen und Anwohnern haben wir Baumpatenschaften organisiert.',
      'Eine Mustersatzung aus einer anderen Stadt haben wir an unsere Verhältnisse angepasst.',
    ],
    worked: ['Die Baumpatenschaften haben viele Menschen eingebunden.', 'Fotos der gefällten Bäume haben empört.'],
    didnt: ['Die Satzung hat zu viele Ausnahmen.', 'In trockenen Sommern sind viele junge Bäume eingegangen.'],
    tips: ['Fällungen regelmäßig abfragen.', 'Baumpatenschaften anbieten.'],
  }),
  theme({
    topics: ['umwelt-klima', 'landwirtschaft-ernaehrung'],
    weight: 0.3,
    w: 'Streuobstwiese',
    n: 'die Streuobstwiese',
    d: 'der Streuobstwiese',
    titles: ['Die Streuobstwiese am Ortsrand gerettet', 'Streuobstwiesen statt Gewerbegebiet'],
    summary: [
      'Eine alte Streuobstwiese sollte einem Gewerbegebiet weichen; jetzt steht sie unter Schutz.',
      'Mit Schulklassen und dem Obst- und Gartenbauverein pflegen wir die Streuobstwiese.',
    ],
    did: [
      'Wir haben die Apfelsorten auf der Streuobstwiese kartiert.',
      'Mit dem Naturschutzverband haben wir Einwendungen zum Bebauungsplan geschrieben.',
      'Ein Apfelfest auf der Wiese hat viele Familien angelockt.',
    ],
    worked: ['Das Apfelfest hat gezeigt, wie wichtig die Wiese für den Ort ist.', 'Die Einwendungen waren fachlich gut begründet.'],
    didnt: ['Die Pflege der Streuobstwiese braucht mehr Helfer, als wir haben.', 'Das Gewerbegebiet wird jetzt an anderer Stelle geplant.'],
    tips: ['Einwendungen im Bebauungsplanverfahren fristgerecht einreichen.', 'Feste feiern: Sie bringen mehr Menschen als Versammlungen.'],
  }),
  theme({
    topics: ['energie', 'umwelt-klima'],
    weight: 2,
    w: 'Solaranlagen',
    n: 'die Solaranlagen',
    d: 'den Solaranlagen',
    titles: ['Solaranlagen auf alle städtischen Dächer', 'Bürgerenergie in %: eine Genossenschaft für Solarstrom', 'Balkonkraftwerke für Mieterinnen und Mieter'],
    summary: [
      'Auf den Dächern von Schulen und Turnhallen entstehen jetzt Solaranlagen, finanziert von einer Bürgerenergiegenossenschaft.',
      'Die Stadt fördert Balkonkraftwerke auch für Haushalte mit wenig Geld.',
    ],
    did: [
      'Wir haben abgefragt, welche städtischen Dächer sich für Solaranlagen eignen.',
      'Mit einer Energiegenossenschaft haben wir ein Pachtmodell für die Dächer ausgearbeitet.',
      'Wir haben ein Förderprogramm für Balkonkraftwerke beantragt.',
    ],
    worked: ['Das Solarkataster hat gezeigt, wie viel Potenzial ungenutzt ist.', 'Die Genossenschaft hat viele kleine Anlegerinnen und Anleger gewonnen.'],
    didnt: ['Die Statik mancher Dächer war ein Problem.', 'Der Denkmalschutz hat Anlagen in der Altstadt verhindert.'],
    tips: ['Das Solarkataster des Landes nutzen.', 'Genossenschaften als Partner suchen.'],
  }),
  theme({
    topics: ['energie', 'soziales'],
    weight: 1,
    w: 'Stromsperren',
    n: 'die Stromsperren',
    d: 'den Stromsperren',
    titles: ['Keine Stromsperren mehr bei den Stadtwerken', 'Energiearmut: ein Härtefallfonds für %'],
    summary: [
      'Jedes Jahr wurde Hunderten Haushalten der Strom abgestellt; jetzt gibt es einen Härtefallfonds und Beratung.',
      'Die Stadtwerke verzichten im Winter auf Stromsperren.',
    ],
    did: [
      'Wir haben angefragt, wie viele Stromsperren es im letzten Jahr gab.',
      'Mit der Verbraucherzentrale haben wir eine Beratung zu Energieschulden angeboten.',
      'Im Aufsichtsrat der Stadtwerke haben wir einen Härtefallfonds beantragt.',
    ],
    worked: ['Die Zahl der Stromsperren hat viele erschüttert.', 'Die Beratung hat vielen Haushalten geholfen.'],
    didnt: ['Gas- und Fernwärmesperren sind noch nicht geregelt.', 'Viele Betroffene melden sich zu spät.'],
    tips: ['Die Zahl der Sperren regelmäßig abfragen.', 'Beratung und Härtefallfonds miteinander verbinden.'],
  }),
  theme({
    topics: ['migration', 'wohnen'],
    weight: 2,
    w: 'Geflüchtete',
    n: 'die Unterbringung von Geflüchteten',
    d: 'der Unterbringung von Geflüchteten',
    titles: ['Wohnungen statt Sammelunterkunft', 'Willkommen in %: dezentrale Unterbringung von Geflüchteten', 'Gegen die Turnhalle als Notunterkunft'],
    summary: [
      'Statt in einer großen Sammelunterkunft am Stadtrand werden Geflüchtete in {ort} in Wohnungen untergebracht.',
      'Gemeinsam mit dem Flüchtlingsrat haben wir eine dezentrale Unterbringung durchgesetzt.',
    ],
    did: [
      'Wir haben leerstehende Wohnungen gesucht und der Stadt gemeldet.',
      'Mit dem Flüchtlingsrat haben wir Standards für Unterkünfte formuliert.',
      'Wir haben Patenschaften zwischen Alteingesessenen und Geflüchteten vermittelt.',
    ],
    worked: ['Die Patenschaften haben Vorurteile abgebaut.', 'Die Vermieter haben gute Erfahrungen gemacht und weitere Wohnungen angeboten.'],
    didnt: ['Rechte Hetze in den sozialen Medien hat uns viel Kraft gekostet.', 'Der Wohnungsmarkt ist zu eng.'],
    tips: ['Geflüchtete selbst einbeziehen.', 'Vermieterinnen und Vermieter gezielt ansprechen.'],
  }),
  theme({
    topics: ['migration', 'demokratie-menschenrechte'],
    weight: 1,
    w: 'Integrationsrat',
    n: 'der Integrationsrat',
    a: 'den Integrationsrat',
    d: 'dem Integrationsrat',
    titles: ['Mehr Rechte für den Integrationsrat', 'Wahl zum Integrationsrat: Beteiligung verdoppelt'],
    summary: ['Der Integrationsrat in {ort} hat jetzt ein Antragsrecht im Rat.', 'Wir haben die Wahlbeteiligung bei der Wahl zum Integrationsrat verdoppelt.'],
    did: [
      'In Moscheegemeinden, Kulturvereinen und Sprachkursen haben wir über die Wahl informiert.',
      'Mit Mitgliedern des Integrationsrats haben wir einen Antrag auf mehr Rechte geschrieben.',
      'Wir haben Infomaterial in acht Sprachen erstellt.',
    ],
    worked: ['Die persönliche Ansprache in den Gemeinden hat gewirkt.', 'Mit mehrsprachigem Material haben wir neue Leute erreicht.'],
    didnt: ['Viele Wahlberechtigte wussten nichts von der Wahl.', 'Der Rat folgt den Empfehlungen des Integrationsrats selten.'],
    tips: ['In den Communities selbst werben.', 'Material mehrsprachig erstellen.'],
  }),
  theme({
    topics: ['antifaschismus'],
    weight: 2,
    w: 'Gegenprotest',
    n: 'der Gegenprotest',
    a: 'den Gegenprotest',
    d: 'dem Gegenprotest',
    titles: ['Breiter Gegenprotest gegen den Naziaufmarsch in %', 'Kein Fußbreit: Wie wir den Aufmarsch blockiert haben', 'Ein Bündnis gegen Rechts für %'],
    summary: [
      'Als Neonazis einen Aufmarsch anmeldeten, haben wir mit Gewerkschaften, Kirchen und Vereinen einen breiten Gegenprotest organisiert.',
      'Tausende stellten sich dem Aufmarsch der Neonazis entgegen.',
    ],
    did: [
      'Wir haben ein Bündnis mit Gewerkschaften, Kirchengemeinden und Sportvereinen geschmiedet.',
      'Mit der Polizei haben wir über Kundgebungsorte in Hör- und Sichtweite verhandelt.',
      'Wir haben einen Aufruf veröffentlicht, den {zz} Menschen unterzeichnet haben.',
    ],
    worked: ['Die Breite des Bündnisses hat beeindruckt.', 'Ein Fest der Vielfalt in der Innenstadt hat viele Familien angezogen.'],
    didnt: ['Die Absprachen mit der Polizei waren schwierig.', 'Die Stadtverwaltung wollte sich zuerst nicht positionieren.'],
    tips: ['Früh ein breites Bündnis schmieden.', 'Den Gegenprotest rechtzeitig anmelden.'],
  }),
  theme({
    topics: ['antifaschismus', 'bildung'],
    weight: 0.6,
    w: 'Stolpersteine',
    n: 'die Stolpersteine',
    d: 'den Stolpersteinen',
    titles: ['Stolpersteine in %: Erinnern vor der Haustür', 'Schülerinnen und Schüler recherchieren für Stolpersteine'],
    summary: [
      'Mit Schulklassen haben wir die Geschichten verfolgter Nachbarinnen und Nachbarn recherchiert und Stolpersteine verlegen lassen.',
      'Der Rat hat zunächst gezögert; inzwischen liegen {z0} Stolpersteine in der Stadt.',
    ],
    did: [
      'Im Stadtarchiv haben wir nach Namen und Adressen gesucht.',
      'Mit dem Künstler haben wir die Termine für die Verlegung abgestimmt.',
      'Bei jeder Verlegung haben Schülerinnen und Schüler die Lebensgeschichte vorgelesen.',
    ],
    worked: ['Die Recherchen der Schulklassen haben bewegt.', 'Angehörige sind aus dem Ausland zur Verlegung angereist.'],
    didnt: ['Einige Hauseigentümer waren dagegen.', 'Die Pflege der Steine ist nicht geregelt.'],
    tips: ['Das Stadtarchiv früh einbeziehen.', 'Patenschaften für die Pflege der Steine organisieren.'],
  }),
  theme({
    topics: ['wahlkampf'],
    weight: 2,
    w: 'Unterstützungsunterschriften',
    n: 'die Unterstützungsunterschriften',
    d: 'den Unterstützungsunterschriften',
    titles: ['Unterstützungsunterschriften sammeln: So haben wir es geschafft', 'Zum ersten Mal zur Kommunalwahl in %', 'Wahlzulassung in letzter Minute'],
    summary: [
      'Als neue Wählergemeinschaft brauchten wir Unterstützungsunterschriften für jeden Wahlbezirk; wir haben sie in sechs Wochen gesammelt.',
      'Unsere erste Kandidatur bei der Kommunalwahl: von der Aufstellungsversammlung bis zum Wahlabend.',
    ],
    did: [
      'Die Aufstellungsversammlung haben wir genau nach den Regeln des Kommunalwahlgesetzes durchgeführt.',
      'Die Formblätter für die Unterstützungsunterschriften haben wir rechtzeitig beim Wahlamt abgeholt.',
      'An {z} Wochenenden haben wir in allen Wahlbezirken gesammelt.',
    ],
    worked: [
      'Eine Tabelle mit dem Stand in jedem Wahlbezirk hat uns den Überblick gegeben.',
      'Viele haben unterschrieben, ohne uns wählen zu wollen – einfach weil sie die Demokratie unterstützen.',
    ],
    didnt: ['Einige Unterschriften waren ungültig, weil die Leute in einem anderen Wahlbezirk wohnten.', 'Das Wahlamt war schlecht erreichbar.'],
    tips: ['Zehn Prozent mehr Unterschriften sammeln als nötig.', 'Das Kommunalwahlgesetz genau lesen.'],
  }),
  theme({
    topics: ['wahlkampf'],
    weight: 1.5,
    w: 'Wahlplakate',
    n: 'die Wahlplakate',
    d: 'den Wahlplakaten',
    titles: ['Wahlkampf mit kleinem Budget', 'Plakate, Infostände, Hausbesuche: unser Kommunalwahlkampf', 'Was Wahlplakate bringen – und was nicht'],
    summary: [
      'Mit {zz} Euro und vielen Freiwilligen haben wir einen Wahlkampf geführt, der uns zwei Sitze im Rat gebracht hat.',
      'Hausbesuche haben uns mehr gebracht als Plakate.',
    ],
    did: [
      'Die Wahlplakate haben wir selbst gestaltet und in einer Druckerei vor Ort drucken lassen.',
      'Für die Hausbesuche haben wir eine kurze Schulung gemacht.',
      'Jeden Samstag gab es Infostände in drei Stadtteilen.',
    ],
    worked: [
      'Hausbesuche in den Vierteln mit niedriger Wahlbeteiligung haben sich gelohnt.',
      'Kandidatinnen und Kandidaten aus der Nachbarschaft waren glaubwürdiger als jedes Plakat.',
    ],
    didnt: ['Viele Wahlplakate wurden zerstört oder gestohlen.', 'Der Wahlkampf hat unsere Kräfte für Monate gebunden.'],
    tips: ['Die Regeln der Stadt für Plakate vorher kennen.', 'Hausbesuche gut vorbereiten.'],
  }),
  theme({
    topics: ['demokratie-menschenrechte', 'buergerbeteiligung'],
    weight: 1.5,
    w: 'Livestream',
    n: 'der Livestream der Ratssitzungen',
    a: 'den Livestream der Ratssitzungen',
    d: 'dem Livestream der Ratssitzungen',
    titles: ['Ratssitzungen im Livestream', 'Transparenz im Rathaus: alle Unterlagen öffentlich', 'Namentliche Abstimmungen in %'],
    summary: [
      'Seit diesem Jahr werden die Sitzungen des Rates in {ort} live im Internet übertragen.',
      'Alle Ratsunterlagen sind jetzt öffentlich, Abstimmungen werden namentlich protokolliert.',
    ],
    did: [
      'Wir haben bei anderen Städten abgefragt, was ein Livestream kostet.',
      'Wir haben beantragt, die Geschäftsordnung des Rates zu ändern.',
      'Mit einer Petition für mehr Transparenz haben wir Unterstützung gesammelt.',
    ],
    worked: ['Die Kosten waren viel geringer als befürchtet.', 'Die Zuschauerzahlen haben den Skeptikern gezeigt, dass es Interesse gibt.'],
    didnt: ['Einzelne Ratsmitglieder lehnen die Übertragung ihrer Reden ab.', 'Es gibt weiterhin zu viele nichtöffentliche Sitzungen.'],
    tips: ['Mit Zahlen aus anderen Städten argumentieren.', 'Fragen des Datenschutzes vorher klären.'],
  }),
  theme({
    topics: ['demokratie-menschenrechte'],
    weight: 1,
    w: 'Akteneinsicht',
    n: 'die Akteneinsicht',
    d: 'der Akteneinsicht',
    titles: ['Akteneinsicht: was in den Verträgen wirklich stand', 'Wie wir ein Gutachten öffentlich gemacht haben'],
    summary: [
      'Per Akteneinsicht haben wir herausgefunden, dass die Stadt einem Investor weit entgegengekommen war.',
      'Ein Gutachten, das die Verwaltung zurückhielt, ist dank Informationsfreiheitsgesetz jetzt öffentlich.',
    ],
    did: [
      'Nach der Gemeindeordnung haben wir Akteneinsicht beantragt.',
      'Parallel haben wir eine Anfrage nach dem Informationsfreiheitsgesetz gestellt.',
      'Die Akten haben wir zu dritt ausgewertet und unsere Notizen verglichen.',
    ],
    worked: ['Die Fakten aus den Akten ließen sich nicht mehr bestreiten.', 'Die Presse hat die Ergebnisse aufgegriffen.'],
    didnt: ['Kopien durften wir nicht machen.', 'Die Verwaltung hat die Einsicht monatelang verzögert.'],
    tips: ['Akteneinsicht schriftlich und genau beantragen.', 'Zu mehreren hingehen und die Notizen vergleichen.'],
  }),
  theme({
    topics: ['frieden-internationales'],
    weight: 1,
    w: 'Städtepartnerschaft',
    n: 'die Städtepartnerschaft',
    d: 'der Städtepartnerschaft',
    titles: ['Eine Städtepartnerschaft von unten', 'Städtepartnerschaft mit einer Stadt in der Ukraine', 'Jugendaustausch in der Städtepartnerschaft'],
    summary: ['Wir haben eine Städtepartnerschaft belebt, die nur noch auf dem Papier bestand.', 'Jugendliche aus beiden Städten haben sich gegenseitig besucht.'],
    did: [
      'Wir haben Kontakt zu Vereinen in der Partnerstadt aufgenommen.',
      'Mit der Volkshochschule haben wir einen Sprachkurs organisiert.',
      'Für einen Jugendaustausch haben wir Geld im Haushalt beantragt.',
    ],
    worked: ['Persönliche Begegnungen haben mehr bewirkt als offizielle Empfänge.', 'Die Schulen haben mitgemacht.'],
    didnt: ['Die Finanzierung der Reisen war schwierig.', 'Die Verwaltung hat wenig unterstützt.'],
    tips: ['Vereine und Schulen einbinden.', 'Förderprogramme für Jugendaustausch nutzen.'],
  }),
  theme({
    topics: ['frieden-internationales'],
    weight: 0.8,
    w: 'Friedenstag',
    n: 'der Friedenstag',
    a: 'den Friedenstag',
    d: 'dem Friedenstag',
    titles: ['Ein Friedenstag auf dem Marktplatz', 'Mayors for Peace: % tritt bei'],
    summary: ['Jedes Jahr am 1. September gibt es jetzt einen Friedenstag auf dem Marktplatz.', 'Auf unseren Antrag ist {ort} dem Netzwerk Mayors for Peace beigetreten.'],
    did: [
      'Mit Friedensgruppen und Kirchen haben wir ein Programm für den Friedenstag erstellt.',
      'Wir haben den Beitritt zu Mayors for Peace beantragt.',
      'Schulklassen haben Plakate zum Thema Frieden gestaltet.',
    ],
    worked: ['Der Friedenstag gehört inzwischen fest zum Leben in der Stadt.', 'Die Kirchen haben die Sache mitgetragen.'],
    didnt: ['Im Rat gab es Streit darüber, ob Frieden ein kommunales Thema ist.', 'Die Finanzierung hängt jedes Jahr neu vom Haushalt ab.'],
    tips: ['Mit Kirchen und Gewerkschaften zusammenarbeiten.', 'Die Schulen einbeziehen.'],
  }),
  theme({
    topics: ['landwirtschaft-ernaehrung', 'bildung'],
    weight: 1.2,
    w: 'Schulessen',
    n: 'das Schulessen',
    d: 'dem Schulessen',
    titles: ['Regionales Schulessen in %', 'Kostenloses Mittagessen in Kitas und Schulen', 'Bio und regional: das neue Schulessen'],
    summary: [
      'Das Schulessen kommt jetzt von Höfen aus der Region, und für Familien mit wenig Geld ist es kostenlos.',
      'Wir haben erreicht, dass die Ausschreibung für das Schulessen geändert wurde.',
    ],
    did: [
      'Mit Landwirtinnen und Landwirten aus der Umgebung haben wir über Lieferungen gesprochen.',
      'Wir haben eine neue Ausschreibung mit Kriterien für regionale Lebensmittel beantragt.',
      'Eltern haben das Schulessen eine Woche lang getestet und bewertet.',
    ],
    worked: ['Die Höfe aus der Region waren sofort dabei.', 'Die Kinder essen mehr, seit es besser schmeckt.'],
    didnt: ['Das Vergaberecht macht regionale Kriterien schwierig.', 'Die Preise sind gestiegen.'],
    tips: ['Das Vergaberecht früh prüfen lassen.', 'Kinder und Eltern beim Schulessen mitreden lassen.'],
  }),
  theme({
    topics: ['landwirtschaft-ernaehrung'],
    weight: 0.8,
    w: 'Wochenmarkt',
    n: 'der Wochenmarkt',
    a: 'den Wochenmarkt',
    d: 'dem Wochenmarkt',
    titles: ['Ein Wochenmarkt für die Innenstadt', 'Der Wochenmarkt kehrt zurück'],
    summary: ['Nach Jahren ohne Markt gibt es in {ort} wieder einen Wochenmarkt mit Höfen aus dem Umland.', 'Der Wochenmarkt hat die Innenstadt belebt.'],
    did: [
      'Wir haben die Höfe aus dem Umland gefragt, ob sie kommen würden.',
      'Wir haben beantragt, die Marktgebühren für die ersten zwei Jahre zu senken.',
      'Mit den Geschäften in der Innenstadt haben wir ein Fest zur Eröffnung geplant.',
    ],
    worked: ['Die niedrigen Gebühren haben Händlerinnen und Händler angelockt.', 'Der Markt ist zu einem Treffpunkt geworden.'],
    didnt: ['Am Anfang kamen zu wenige Kundinnen und Kunden.', 'Die Marktsatzung war veraltet.'],
    tips: ['Mit den Höfen früh sprechen.', 'Den Markttag mit anderen Angeboten verbinden.'],
  }),
  theme({
    topics: ['kommunale-finanzen'],
    weight: 1.2,
    w: 'Gewerbesteuer',
    n: 'die Gewerbesteuer',
    d: 'der Gewerbesteuer',
    titles: ['Gewerbesteuer: Wer zahlt in %?', 'Steueroase im Gewerbegebiet? Unsere Anfrage', 'Hebesatz rauf, Kürzungen runter'],
    summary: [
      'Wir haben gezeigt, dass eine maßvolle Erhöhung der Gewerbesteuer Kürzungen bei Schwimmbad und Bibliothek überflüssig macht.',
      'Mit einer Anfrage haben wir herausgefunden, wie stark die Gewerbesteuer von wenigen Unternehmen abhängt.',
    ],
    did: [
      'Wir haben die Hebesätze der Nachbarkommunen verglichen.',
      'Im Finanzausschuss haben wir beantragt, den Hebesatz um {z} Punkte zu erhöhen.',
      'Mit der Gewerkschaft haben wir über die Folgen von Steuerdumping diskutiert.',
    ],
    worked: ['Der Vergleich mit den Nachbarkommunen hat das Argument der Abwanderung entkräftet.', 'Die Mehrheit war knapp, aber sie stand.'],
    didnt: ['Die Industrie- und Handelskammer hat heftig protestiert.', 'Die Einnahmen schwanken stark.'],
    tips: ['Die Hebesätze der Nachbarn kennen.', 'Einnahmen und Kürzungen einander gegenüberstellen.'],
  }),
  theme({
    topics: ['kommunale-finanzen', 'wohnen'],
    weight: 1.5,
    w: 'Grundsteuer',
    n: 'die Grundsteuer',
    d: 'der Grundsteuer',
    titles: ['Grundsteuerreform: Wer zahlt mehr?', 'Die Grundsteuer in % aufkommensneutral halten'],
    summary: [
      'Nach der Grundsteuerreform drohten vielen Mieterinnen und Mietern höhere Nebenkosten; wir haben einen aufkommensneutralen Hebesatz durchgesetzt.',
      'Wir haben erklärt, was die neue Grundsteuer für Mieterinnen und Mieter bedeutet.',
    ],
    did: [
      'Wir haben angefragt, wie sich die Grundsteuer zwischen Wohnungen und Gewerbe verschiebt.',
      'Mit dem Mieterverein haben wir eine Infoveranstaltung zur Grundsteuer gemacht.',
      'Wir haben getrennte Hebesätze für Wohn- und Geschäftsgrundstücke beantragt.',
    ],
    worked: ['Die Infoveranstaltung war voll.', 'Die Zahlen der Verwaltung haben unsere Befürchtungen bestätigt.'],
    didnt: ['Das Thema ist kompliziert und schwer zu vermitteln.', 'Die Regelung des Landes ließ wenig Spielraum.'],
    tips: ['Die Grundsteuer einfach erklären.', 'Den Spielraum des Landesrechts prüfen.'],
  }),
  theme({
    topics: ['kommunale-finanzen', 'verkehr'],
    weight: 1.2,
    w: 'Straßenausbaubeiträge',
    n: 'die Straßenausbaubeiträge',
    d: 'den Straßenausbaubeiträgen',
    titles: ['Straßenausbaubeiträge abgeschafft', 'Keine fünfstelligen Rechnungen mehr für Anlieger'],
    summary: [
      'Anlieger sollten fünfstellige Summen für den Ausbau ihrer Straße zahlen; jetzt sind die Straßenausbaubeiträge abgeschafft.',
      'Eine Bürgerinitiative und unser Bündnis haben die Satzung gemeinsam gekippt.',
    ],
    did: [
      'Wir haben die Betroffenen zu einer Versammlung eingeladen.',
      'Wir haben beantragt, die Satzung über Straßenausbaubeiträge aufzuheben.',
      'Mit anderen Kommunen haben wir beim Land eine Erstattung gefordert.',
    ],
    worked: ['Rentnerinnen mit kleinen Häusern haben ihre Bescheide gezeigt.', 'Das Land hat schließlich Geld bereitgestellt.'],
    didnt: ['Die Verwaltung fürchtete Lücken im Haushalt.', 'Alte Bescheide wurden nicht zurückgenommen.'],
    tips: ['Die Betroffenen sichtbar machen.', 'Die Landespolitik mit einbeziehen.'],
  }),
  theme({
    topics: ['bildung'],
    weight: 1.2,
    w: 'Stadtbibliothek',
    n: 'die Stadtbibliothek',
    d: 'der Stadtbibliothek',
    titles: ['Die Stadtbibliothek bleibt – mit längeren Öffnungszeiten', 'Offene Bibliothek am Sonntag', 'Stadtteilbücherei gerettet'],
    summary: [
      'Die Stadtteilbücherei sollte geschlossen werden; nach Protesten gibt es jetzt sogar längere Öffnungszeiten.',
      'Die Stadtbibliothek öffnet auch sonntags – ein Ort für alle, ohne Konsumzwang.',
    ],
    did: [
      'Wir haben die Ausleihzahlen abgefragt und mit anderen Städten verglichen.',
      'Mit dem Förderverein haben wir eine Lesung vor dem Rathaus organisiert.',
      'Wir haben beantragt, die Stadtbibliothek als offenen Ort auch am Sonntag zu öffnen.',
    ],
    worked: ['Die Lesung vor dem Rathaus war ein starkes Bild.', 'Eltern und Schulen haben sich stark gemacht.'],
    didnt: ['Das Personal reicht kaum für die Öffnungszeiten.', 'Der Etat für neue Medien bleibt knapp.'],
    tips: ['Zahlen zur Nutzung sammeln.', 'Mit dem Förderverein zusammenarbeiten.'],
  }),
  theme({
    topics: ['daseinsvorsorge', 'bildung'],
    weight: 1.2,
    w: 'Sporthalle',
    n: 'die Sporthalle',
    d: 'der Sporthalle',
    titles: ['Eine neue Sporthalle für die Vereine', 'Sportplatz statt Parkplatz'],
    summary: [
      'Die Vereine in {ort} hatten zu wenig Hallenzeiten; jetzt wird eine neue Sporthalle gebaut.',
      'Der Sportplatz im Viertel wurde nicht verkauft, sondern saniert.',
    ],
    did: [
      'Mit allen Sportvereinen haben wir ihre Hallenzeiten erfasst.',
      'Wir haben beantragt, die Sporthalle abends auch für Freizeitgruppen zu öffnen.',
      'Mit dem Stadtsportbund haben wir eine Stellungnahme geschrieben.',
    ],
    worked: ['Die Sportvereine haben viele Mitglieder mobilisiert.', 'Die Wartelisten der Vereine sprachen eine eindeutige Sprache.'],
    didnt: ['Die Baukosten sind gestiegen.', 'Der Bau verzögert sich.'],
    tips: ['Sportvereine als Partner gewinnen.', 'Hallenzeiten öffentlich machen.'],
  }),
  theme({
    topics: ['soziales', 'wohnen'],
    weight: 1.2,
    w: 'Obdachlosigkeit',
    n: 'die Obdachlosigkeit',
    d: 'der Obdachlosigkeit',
    titles: ['Kältehilfe und Notunterkünfte in %', 'Housing First: zuerst eine Wohnung', 'Obdachlosigkeit sichtbar machen'],
    summary: [
      'Im Winter fehlten Schlafplätze für obdachlose Menschen; jetzt gibt es eine Notunterkunft, die auch tagsüber offen ist.',
      'Mit Housing First bekommen obdachlose Menschen zuerst eine Wohnung und dann Hilfe.',
    ],
    did: [
      'Mit Streetworkerinnen und Streetworkern haben wir über den Bedarf gesprochen.',
      'Wir haben ein Modellprojekt Housing First beantragt.',
      'Mit der Tafel und den Kirchengemeinden haben wir eine Kältehilfe organisiert.',
    ],
    worked: ['Die Erfahrungen anderer Städte mit Housing First waren überzeugend.', 'Betroffene haben von ihrem Alltag erzählt.'],
    didnt: ['Es gibt zu wenige kleine Wohnungen.', 'Die Finanzierung ist befristet.'],
    tips: ['Mit Streetworkerinnen und Streetworkern sprechen.', 'Housing First als Modellprojekt beginnen.'],
  }),
  theme({
    topics: ['daseinsvorsorge'],
    weight: 1,
    w: 'Abfallgebühren',
    n: 'die Abfallgebühren',
    d: 'den Abfallgebühren',
    titles: ['Abfallgebühren gesenkt', 'Müllabfuhr wieder in kommunaler Hand'],
    summary: ['Eine Prüfung der Gebührenkalkulation hat gezeigt, dass die Abfallgebühren zu hoch waren.', 'Die Müllabfuhr ist zurück in kommunaler Hand – und günstiger.'],
    did: [
      'Wir haben die Gebührenkalkulation angefordert und prüfen lassen.',
      'Wir haben beantragt, die Müllabfuhr zu rekommunalisieren.',
      'Wir haben die Gebühren mit denen der Nachbarkommunen verglichen.',
    ],
    worked: ['Die Kalkulation enthielt Fehler zu Lasten der Gebührenzahler.', 'Die Beschäftigten der Müllabfuhr haben uns unterstützt.'],
    didnt: ['Die Kalkulation ist schwer verständlich.', 'Der private Entsorger hat geklagt.'],
    tips: ['Gebührenkalkulationen prüfen lassen.', 'Mit den Nachbarkommunen vergleichen.'],
  }),
  theme({
    topics: ['verkehr'],
    weight: 1,
    w: 'Anwohnerparken',
    n: 'das Anwohnerparken',
    d: 'dem Anwohnerparken',
    titles: ['Anwohnerparken und mehr Platz für Fußgänger', 'Parkgebühren, sozial gestaffelt'],
    summary: ['Die Gebühren für das Anwohnerparken sind jetzt sozial gestaffelt.', 'Mehr Platz für Fußgängerinnen, Bäume und Bänke statt für Parkplätze.'],
    did: [
      'Wir haben die Parkplätze im Viertel gezählt.',
      'Wir haben eine soziale Staffelung der Gebühren beantragt.',
      'Mit den Anwohnerinnen und Anwohnern haben wir einen Straßenzug neu geplant.',
    ],
    worked: ['Die Zählung hat gezeigt, dass viele Parkplätze leer stehen.', 'Ein Straßenfest hat gezeigt, was aus dem Platz werden kann.'],
    didnt: ['Der Einzelhandel war dagegen.', 'Die Debatte war sehr emotional.'],
    tips: ['Mit Zahlen argumentieren.', 'Die Anwohnerinnen und Anwohner von Anfang an beteiligen.'],
  }),
  theme({
    topics: ['soziales', 'demokratie-menschenrechte'],
    weight: 1.2,
    w: 'Barrierefreiheit',
    n: 'die Barrierefreiheit',
    d: 'der Barrierefreiheit',
    titles: ['Barrierefreiheit im Rathaus', 'Ein Stadtrundgang im Rollstuhl', 'Barrierefreie Haltestellen in %'],
    summary: [
      'Bei einem Stadtrundgang mit Rollstuhlfahrerinnen und Rollstuhlfahrern haben wir Barrieren aufgenommen; viele sind inzwischen beseitigt.',
      'Das Rathaus ist endlich barrierefrei erreichbar.',
    ],
    did: [
      'Mit dem Behindertenbeirat haben wir einen Stadtrundgang gemacht.',
      'Wir haben eine Liste aller Barrieren an Haltestellen erstellt.',
      'Wir haben beantragt, die Ratssitzungen in Gebärdensprache zu übersetzen.',
    ],
    worked: ['Der Rundgang mit Ratsmitgliedern im Rollstuhl hat die Augen geöffnet.', 'Der Behindertenbeirat war ein starker Partner.'],
    didnt: ['Die Umsetzung dauert Jahre.', 'Barrierefreiheit wird oft nur baulich verstanden.'],
    tips: ['Menschen mit Behinderung selbst einbeziehen.', 'Barrieren mit Fotos dokumentieren.'],
  }),
  theme({
    topics: ['demokratie-menschenrechte'],
    weight: 1.2,
    w: 'Fraktionsstatus',
    n: 'der Fraktionsstatus',
    a: 'den Fraktionsstatus',
    d: 'dem Fraktionsstatus',
    titles: ['Ohne Fraktionsstatus im Rat: unsere Erfahrungen', 'Gruppe statt Fraktion: Rechte kleiner Ratsgruppen', 'Die Geschäftsordnung des Rates ändern'],
    summary: [
      'Mit nur einem Sitz hatten wir kaum Rechte im Rat; mit einer Gruppe und einer geänderten Geschäftsordnung hat sich das geändert.',
      'Wie kleine Wählergemeinschaften im Rat trotzdem Gehör finden.',
    ],
    did: [
      'Wir haben die Geschäftsordnungen anderer Räte verglichen.',
      'Mit anderen Einzelmandaten haben wir eine Gruppe gebildet.',
      'Wir haben beantragt, auch kleinen Gruppen Rederecht in den Ausschüssen zu geben.',
    ],
    worked: ['Die Gruppe hat uns Sitze in den Ausschüssen gebracht.', 'Die Zusammenarbeit über politische Unterschiede hinweg hat funktioniert.'],
    didnt: ['Die großen Fraktionen haben die Änderung lange blockiert.', 'Die Absprachen in der Gruppe kosten viel Zeit.'],
    tips: ['Die Geschäftsordnung genau kennen.', 'Mit anderen kleinen Gruppen zusammenarbeiten.'],
  }),
  theme({
    topics: ['wahlkampf'],
    weight: 1.5,
    w: 'Pressearbeit',
    n: 'die Pressearbeit',
    d: 'der Pressearbeit',
    titles: ['Pressearbeit für kleine Bündnisse', 'Social Media ohne Agentur', 'Unsere Stadtteilzeitung'],
    summary: [
      'Die Lokalzeitung hat kaum über uns berichtet; mit einer eigenen Stadtteilzeitung und Social Media erreichen wir jetzt Tausende.',
      'Was wir über Pressearbeit gelernt haben.',
    ],
    did: [
      'Wir haben eine Stadtteilzeitung gegründet, die viermal im Jahr erscheint.',
      'Für Pressemitteilungen haben wir eine feste Vorlage entwickelt.',
      'Wir haben einen Kanal auf Social Media aufgebaut.',
    ],
    worked: ['Kurze Videos wurden am meisten geteilt.', 'Die Stadtteilzeitung wird tatsächlich gelesen.'],
    didnt: ['Die Zeitung zu verteilen kostet viel Zeit.', 'Auf Social Media gab es Hasskommentare.'],
    tips: ['Eine feste Vorlage für Pressemitteilungen nutzen.', 'Eigene Medien aufbauen.'],
  }),
];

/** Who reports work with: [nominative, dative]. */
const PARTNERS: readonly (readonly [string, string])[] = [
  ['der Mieterverein', 'dem Mieterverein'],
  ['der Sozialverband VdK', 'dem Sozialverband VdK'],
  ['die Gewerkschaft ver.di', 'der Gewerkschaft ver.di'],
  ['der Elternbeirat', 'dem Elternbeirat'],
  ['die evangelische Kirchengemeinde', 'der evangelischen Kirchengemeinde'],
  ['der Seniorenbeirat', 'dem Seniorenbeirat'],
  ['die Schülervertretung', 'der Schülervertretung'],
  ['der ADFC', 'dem ADFC'],
  ['die BUND-Ortsgruppe', 'der BUND-Ortsgruppe'],
  ['die Initiative „Stadt für alle“', 'der Initiative „Stadt für alle“'],
  ['der Flüchtlingsrat', 'dem Flüchtlingsrat'],
  ['die Arbeitsloseninitiative', 'der Arbeitsloseninitiative'],
  ['der Sportverein', 'dem Sportverein'],
  ['der DGB-Ortsverband', 'dem DGB-Ortsverband'],
  ['die Tafel', 'der Tafel'],
  ['die Bürgerinitiative', 'der Bürgerinitiative'],
  ['der Kulturverein', 'dem Kulturverein'],
  ['die Caritas', 'der Caritas'],
  ['die Diakonie', 'der Diakonie'],
  ['der Behindertenbeirat', 'dem Behindertenbeirat'],
];

/** The other side in the town hall: [nominative, accusative]. */
const COUNTERPARTS: readonly (readonly [string, string])[] = [
  ['die Verwaltung', 'die Verwaltung'],
  ['der Bürgermeister', 'den Bürgermeister'],
  ['die Bürgermeisterin', 'die Bürgermeisterin'],
  ['der Oberbürgermeister', 'den Oberbürgermeister'],
  ['die Oberbürgermeisterin', 'die Oberbürgermeisterin'],
  ['der Kämmerer', 'den Kämmerer'],
  ['die Kämmerin', 'die Kämmerin'],
  ['die Mehrheitsfraktion', 'die Mehrheitsfraktion'],
  ['die Landrätin', 'die Landrätin'],
  ['der Landrat', 'den Landrat'],
  ['die Rathauskoalition', 'die Rathauskoalition'],
  ['der Beigeordnete', 'den Beigeordneten'],
];

const BODIES = [
  'im Stadtrat',
  'im Gemeinderat',
  'im Kreistag',
  'im Hauptausschuss',
  'im Finanzausschuss',
  'im Sozialausschuss',
  'im Bauausschuss',
  'im Jugendhilfeausschuss',
  'in der Bezirksvertretung',
  'im Ortschaftsrat',
  'im Umweltausschuss',
  'im Verkehrsausschuss',
  'in der Stadtverordnetenversammlung',
];

const MONTHS = list('Januar, Februar, März, April, Mai, Juni, Juli, August, September, Oktober, November, Dezember');
const NUMBER_WORDS = list('zwei, drei, vier, fünf, sechs, sieben, acht, neun, zehn, elf, zwölf');

const GENERIC_SUMMARY = [
  'Was dabei funktioniert hat und was nicht, beschreiben wir hier.',
  'Der Bericht zeigt, wie wir vorgegangen sind und was wir heute anders machen würden.',
  'Entscheidend waren Partner aus der Stadtgesellschaft und eigene Zahlen.',
  'Nach {z} Monaten hatten wir eine Mehrheit im Rat.',
  'Am Ende stand ein Kompromiss, mit dem wir leben können.',
  'Noch ist nicht alles umgesetzt, aber der Beschluss steht.',
  'Ein Lehrstück darüber, wie viel Ausdauer Kommunalpolitik braucht.',
  'Vielleicht hilft unsere Erfahrung anderen Bündnissen, die vor derselben Frage stehen.',
];

const GENERIC_DID = [
  'Angefangen hat alles mit einer Anfrage {g}: Wir wollten wissen, wie es um {a} in {ort} wirklich steht.',
  'Zuerst haben wir uns mit {pd} zusammengesetzt und eine gemeinsame Forderung aufgeschrieben.',
  'Im {monat} haben wir {g} einen Antrag gestellt, der {a} zum Thema machte.',
  'An {z} Samstagen standen wir mit einem Infostand auf dem Marktplatz und haben Unterschriften gesammelt.',
  'Wir haben ein Flugblatt in einer Auflage von {zz} Stück gedruckt und in den betroffenen Vierteln verteilt.',
  'Zur öffentlichen Versammlung im {venue} kamen rund {z0} Menschen, deutlich mehr als erwartet.',
  'Bei einer Akteneinsicht haben wir die Unterlagen der Verwaltung durchgesehen, in denen es um {a} ging.',
  'Parallel haben wir Gespräche mit den anderen Fraktionen geführt, um eine Mehrheit für unseren Antrag zu finden.',
  'Die Lokalzeitung hat zweimal über unsere Aktion berichtet, einmal sogar auf der Titelseite.',
  'Wir haben eine kleine Umfrage unter {zz} Menschen im Viertel gemacht und die Ergebnisse dem Rat vorgelegt.',
  'In der Einwohnerfragestunde haben Betroffene selbst gefragt, warum {vn} so lange nichts unternommen hat.',
  'Unsere Ratsmitglieder haben {z} Anfragen gestellt und jede Antwort auf unserer Internetseite veröffentlicht.',
  'Gemeinsam mit {pd} haben wir eine Podiumsdiskussion organisiert, zu der auch Vertreterinnen der Verwaltung kamen.',
  'Für die Haushaltsberatungen haben wir einen Änderungsantrag vorbereitet, der die nötigen Mittel vorsah.',
  'Auf Social Media haben wir kurze Videos von Betroffenen gezeigt; das hat viele Jüngere erreicht.',
  'Wir haben eine Arbeitsgruppe mit {z} Leuten gebildet, die sich alle zwei Wochen getroffen hat.',
  'Vor der entscheidenden Sitzung {g} haben wir alle Ratsmitglieder angeschrieben und um ein Gespräch gebeten.',
  'Ein Gutachten der Verwaltung haben wir Seite für Seite durchgearbeitet und eine eigene Stellungnahme geschrieben.',
  'Mit einer Petition an {va} haben wir den Druck erhöht; nach {z} Wochen lagen {zz} Unterschriften vor.',
  'Wir haben Kontakt zu Bündnissen in anderen Städten aufgenommen, die dort schon Erfahrungen gesammelt hatten.',
  'Die Forderung haben wir bewusst einfach gehalten, damit sie auf ein Plakat passt.',
  'Zur Sitzung {g} sind wir mit {z0} Unterstützerinnen und Unterstützern gekommen; die Zuschauerplätze waren voll.',
  'Nach der ersten Ablehnung haben wir die Zahlen noch einmal geprüft und einen geänderten Antrag eingebracht.',
  'Eine Mitstreiterin aus dem Finanzausschuss hat ausgerechnet, welche Kosten für {a} im Jahr anfallen würden.',
  'In unserem Rundbrief haben wir jeden Monat über den Stand berichtet.',
  'Wir haben Hausbesuche gemacht und an rund {zz} Türen geklingelt.',
  'Auf der Einwohnerversammlung im {monat} haben wir das Thema gegen den Willen der Verwaltung auf die Tagesordnung gebracht.',
  '{Pn} hat uns mit Material, Räumen und Kontakten unterstützt.',
  'Wir haben einen Fragenkatalog an alle Fraktionen geschickt und die Antworten vor der Abstimmung veröffentlicht.',
  'Für die Beratung {g} haben wir eine Übersicht mit Beispielen aus anderen Kommunen vorbereitet.',
  'Unsere Fraktion hat das Thema {jahr} in jeder Sitzung {g} angesprochen, bis es auf der Tagesordnung stand.',
  'Ein offener Brief an {va}, unterschrieben von {z0} Menschen aus {ort}, hat die Debatte eröffnet.',
  'Wir haben ein Faltblatt in leichter Sprache gemacht, damit alle verstehen, worum es geht.',
  'Mit {pd} haben wir eine Fahrradtour zu den Orten gemacht, um die es ging, und die Presse eingeladen.',
  'Die Beschlussvorlage der Verwaltung haben wir mit einer eigenen Vorlage beantwortet.',
];

const GENERIC_WORKED = [
  'Am meisten gebracht hat die Zusammenarbeit mit {pd}: Sie kannten die Betroffenen und wussten, wen man ansprechen muss.',
  'Die eigenen Zahlen waren entscheidend. Gegen eine saubere Rechnung konnte auch {vn} wenig sagen.',
  'Dass Betroffene selbst gesprochen haben, hat mehr bewegt als jede Rede im Rat.',
  'Die Presse hat das Thema aufgegriffen, nachdem wir eine kurze, gut lesbare Pressemitteilung geschickt hatten.',
  'Gut funktioniert hat die klare Aufgabenteilung: Eine Person hielt Kontakt zur Verwaltung, eine zur Presse, eine zu den Partnern.',
  'Die Unterschriftensammlung hat uns viele neue Kontakte gebracht; {z} Leute machen seitdem bei uns mit.',
  'Dass wir vorher mit den anderen Fraktionen gesprochen haben, hat die Abstimmung {g} entschieden.',
  'Ein Beispiel aus einer Nachbarstadt hat überzeugt: Was dort geht, sollte auch in {ort} gehen.',
  'Die Infostände vor dem Supermarkt waren ergiebiger als jede Veranstaltung im Saal.',
  'Hartnäckigkeit hat sich gelohnt: Beim dritten Antrag kam die Mehrheit zustande.',
  'Die Anfragen haben Fakten geschaffen, an denen die Verwaltung nicht mehr vorbeikam.',
  'Unser kurzes Erklärvideo wurde über {zz}-mal angesehen und in vielen Gruppen geteilt.',
  'Die gemeinsame Pressekonferenz mit {pd} hat gezeigt, dass die Forderung breit getragen wird.',
  'Weil wir die Zahlen genau gelesen hatten, konnten wir eine Gegenfinanzierung vorschlagen.',
  'Die Einwohnerfragestunde war ein gutes Mittel: Die Antworten stehen im Protokoll und lassen sich später zitieren.',
  'Dass wir jede Antwort der Verwaltung veröffentlicht haben, hat Vertrauen geschaffen.',
  'Persönliche Gespräche mit einzelnen Ratsmitgliedern haben mehr erreicht als offene Briefe.',
  'Die Unterstützung aus der Nachbarschaft war groß, als die Leute merkten, dass es um ihren Alltag geht.',
  'Dass wir offen für Kompromisse waren, hat uns am Ende eine breite Mehrheit gebracht.',
  'Die Zusammenarbeit mit Bündnissen aus anderen Städten über die Erfahrungsbörse hat uns viel Arbeit erspart.',
];

const GENERIC_DIDNT = [
  'Unterschätzt haben wir die Fristen: Der erste Antrag kam zu spät für die Tagesordnung.',
  'Die Verwaltung hat lange mit fehlendem Geld argumentiert, und wir hatten zunächst keine Antwort darauf.',
  'Unsere Veranstaltung am Vormittag war schlecht besucht; abends wäre besser gewesen.',
  'Der Streit mit einer anderen Fraktion hat viel Kraft gekostet und in der Sache wenig gebracht.',
  'Wir haben zu viel auf einmal gefordert. Ein kleinerer erster Schritt hätte schneller eine Mehrheit gefunden.',
  'Die Presse hat erst berichtet, als es schon fast zu spät war.',
  'Nach der Abstimmung ist die Arbeitsgruppe eingeschlafen; die Umsetzung hat niemand mehr verfolgt.',
  '{Vn} hat die Umsetzung um {z} Monate verschleppt, ohne dass wir es rechtzeitig gemerkt haben.',
  'Flugblätter allein haben kaum etwas bewirkt; erst Gespräche haben die Menschen überzeugt.',
  'Mit der Kommunalaufsicht haben wir zu spät gesprochen.',
  'In den sozialen Medien gab es viel Zuspruch, aber kaum jemand kam zu den Treffen.',
  'Wir hatten keinen Plan B, als der Antrag {g} abgelehnt wurde.',
  'Die rechtlichen Fragen haben wir unterschätzt; ohne Hilfe von außen wären wir gescheitert.',
  'Mit {pd} gab es Missverständnisse, weil wir Absprachen nicht schriftlich festgehalten haben.',
  'Die Betroffenen haben wir zu spät beteiligt – sie hätten von Anfang an mitreden sollen.',
  'Die Kosten für Druck und Saalmiete waren höher als gedacht.',
  'Einige Unterschriften waren ungültig, weil Adressen fehlten oder unleserlich waren.',
  'Die Beschlussvorlage kam so kurzfristig, dass wir sie kaum lesen konnten.',
];

const GENERIC_TIPS = [
  'Früh Partner suchen und die Forderung gemeinsam formulieren.',
  'Die Kostenfrage selbst beantworten, bevor die Verwaltung es tut.',
  'Jede Antwort der Verwaltung schriftlich einholen und veröffentlichen.',
  'Die Fristen für Anträge und Anfragen in einen gemeinsamen Kalender eintragen.',
  'Betroffene selbst sprechen lassen – nicht über sie reden.',
  'Mit Beispielen aus anderen Kommunen argumentieren; die Erfahrungsbörse hilft dabei.',
  'Die Gemeindeordnung des eigenen Landes genau lesen.',
  'Kleine, erreichbare Zwischenziele setzen und Erfolge feiern.',
  'Vor der Abstimmung mit allen Fraktionen sprechen, auch mit denen, die dagegen sind.',
  'Die Presse mit kurzen Mitteilungen und guten Fotos versorgen.',
  'Nach einem Beschluss die Umsetzung im Blick behalten und regelmäßig nachfragen.',
  'Anträge, die Geld kosten, rechtzeitig vor den Beratungen über den Etat stellen.',
  'Eine feste Ansprechperson für die Verwaltung bestimmen.',
  'Unterschriftenlisten vorher von der Verwaltung prüfen lassen.',
  'Material teilen: Anträge und Flugblätter anderer Bündnisse übernehmen und anpassen.',
  'Abends und am Wochenende einladen, damit auch Berufstätige kommen können.',
  'Mehrsprachig einladen, wenn im Viertel viele Sprachen gesprochen werden.',
  'Ein gemeinsames Dokument mit allen Zahlen und Quellen anlegen.',
  'Sich von der ersten Ablehnung nicht entmutigen lassen.',
  'Mit {pd} früh über gemeinsame Ziele sprechen.',
];

const GENERIC_BODY = [
  'Unseren Antrag und die Antwort der Verwaltung schicken wir auf Nachfrage gern weiter.',
  'Der Bericht ist gemeinsam in unserer Arbeitsgruppe entstanden.',
  'Wer Fragen hat, erreicht uns über das Mitgliederverzeichnis der Erfahrungsbörse.',
  'Zum Hintergrund: {ort} hat rund {zz}0 Einwohnerinnen und Einwohner und muss seit Jahren sparen.',
  'Im Rat haben wir {z} Sitze; eine eigene Mehrheit hatten wir nie.',
  'Parallel lief in {ort} die Debatte um {sa}, die viel Aufmerksamkeit gebunden hat.',
  'Die Beschlussvorlage und das Protokoll der Sitzung stehen im Ratsinformationssystem der Stadt.',
  'Wir danken allen, die Unterschriften gesammelt, Flugblätter verteilt und Kuchen gebacken haben.',
  'Im nächsten Jahr wollen wir prüfen, ob die Maßnahme wirkt, und wieder darüber berichten.',
  'Ähnliche Erfahrungen haben wir später beim Thema {sw} gemacht.',
  'Die Lokalpresse hat mehrfach berichtet; die Artikel haben wir gesammelt.',
  'Die Zahlen stammen aus Anfragen an die Verwaltung und aus den Unterlagen der Kämmerei.',
  'Als Nächstes wollen wir uns um {sa} kümmern.',
];

export interface ReportText {
  title: string;
  summary: string;
  did: string;
  worked: string;
  didnt: string;
  tips: string;
  body: string;
}

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** `count` different entries of `list`, in random order. */
function sample<T>(random: Random, list: readonly T[], count: number): T[] {
  const chosen = new Set<number>();
  const n = Math.min(count, list.length);
  while (chosen.size < n) chosen.add(random.int(0, list.length - 1));
  return [...chosen].map((i) => list[i]!);
}

/**
 * The text of one report about `main` from `place`, written in `year`: title, summary of 1–3 sentences and the
 * parts, about 2–4 KB of Markdown in all. `side` is another theme the text mentions in passing.
 */
export function reportText(random: Random, main: ReportTheme, side: ReportTheme, place: string, year: number): ReportText {
  const [pn, pd] = random.pick(PARTNERS);
  const [vn, va] = random.pick(COUNTERPARTS);
  const body = random.pick(BODIES);
  const values: Record<string, () => string> = {
    w: () => main.w,
    n: () => main.n,
    N: () => capitalise(main.n),
    a: () => main.a,
    d: () => main.d,
    ort: () => place,
    pn: () => pn,
    Pn: () => capitalise(pn),
    pd: () => pd,
    vn: () => vn,
    Vn: () => capitalise(vn),
    va: () => va,
    g: () => body,
    z: () => random.pick(NUMBER_WORDS),
    z0: () => String(random.int(2, 30) * 10),
    zz: () => {
      const n = random.int(30, 1200) * 10;
      return n >= 1000 ? `${Math.floor(n / 1000)} ${String(n % 1000).padStart(3, '0')}` : String(n);
    },
    monat: () => random.pick(MONTHS),
    jahr: () => String(year - random.int(0, 2)),
    venue: () => random.pick(VENUES),
    sa: () => side.a,
    sw: () => side.w,
  };
  const fill = (template: string) => template.replace(/\{(\w+)\}/g, (whole, key: string) => values[key]?.() ?? whole);
  /** Sentences of the theme and general ones, mixed, as paragraphs of 2–5 sentences. */
  const prose = (own: readonly string[], general: readonly string[]) => {
    const sentences = random.shuffle([...own, ...general]).map(fill);
    const paragraphs: string[] = [];
    for (let i = 0; i < sentences.length; ) {
      const size = Math.min(sentences.length - i, random.int(2, 5));
      paragraphs.push(sentences.slice(i, i + size).join(' '));
      i += size;
    }
    return paragraphs;
  };

  const title = fill(random.pick(main.titles).replace('%', place));
  const framing = random.next();
  const fullTitle = title.includes(place) || framing < 0.1 ? title : framing < 0.6 ? `${place}: ${title}` : `${title} – Erfahrungen aus ${place}`;

  const summary = [random.pick(main.summary), ...sample(random, GENERIC_SUMMARY, random.int(0, 2))].map(fill).join(' ');

  // Some authors list part of what they did.
  const listed = random.chance(0.3) ? random.int(3, 5) : 0;
  const generalDid = sample(random, GENERIC_DID, random.int(7, 11) + listed);
  const did = prose(sample(random, main.did, random.int(2, 3)), generalDid.slice(listed));
  if (listed) did.splice(1, 0, generalDid.slice(0, listed).map((s) => `- ${fill(s)}`).join('\n'));
  const firstEnd = did[0]!.indexOf('. ');
  if (firstEnd > 0 && random.chance(0.25)) did[0] = `**${did[0]!.slice(0, firstEnd + 1)}**${did[0]!.slice(firstEnd + 1)}`;
  const worked = prose(sample(random, main.worked, random.int(1, 2)), sample(random, GENERIC_WORKED, random.int(2, 5)));
  const didnt = random.chance(0.9) ? prose(sample(random, main.didnt, random.int(1, 2)), sample(random, GENERIC_DIDNT, random.int(1, 4))) : [];
  const tipLines = random.shuffle([...sample(random, main.tips, random.int(1, 2)), ...sample(random, GENERIC_TIPS, random.int(2, 4))]).map(fill);
  const numbered = random.chance(0.6);
  const tips = tipLines.map((tip, i) => (numbered ? `${i + 1}. ${tip}` : `- ${tip}`)).join('\n');
  const extra = random.chance(0.6) ? prose([], sample(random, GENERIC_BODY, random.int(2, 4))) : [];
  return {
    title: fullTitle.normalize('NFC'),
    summary,
    did: did.join('\n\n'),
    worked: worked.join('\n\n'),
    didnt: didnt.join('\n\n'),
    tips,
    body: extra.join('\n\n'),
  };
}

export const HIDDEN_REASONS = [
  'Enthält personenbezogene Daten Dritter.',
  'Parteipolitische Werbung entgegen den Prinzipien der Zusammenarbeit.',
  'Auf Wunsch des Bündnisses vorübergehend ausgeblendet.',
  'Unsachliche Angriffe auf einzelne Personen.',
];

export const COMMENT_TEXTS = [
  'Danke für den Bericht! Genau vor dieser Frage stehen wir in unserer Stadt gerade auch.',
  'Habt ihr die Kostenrechnung selbst gemacht oder mit Hilfe? Wir würden gern eure Tabelle sehen.',
  'Sehr hilfreich, besonders der Hinweis zu den Fristen.',
  'Bei uns hat die Verwaltung genauso argumentiert. Wir haben dann eine **Akteneinsicht** beantragt – lohnt sich!',
  'Könnt ihr den Antrag teilen? Wir würden ihn gern für unseren Rat anpassen.',
  'Wir haben ähnliche Erfahrungen gemacht, aber die Presse war bei uns leider gar nicht interessiert.',
  'Toller Erfolg, herzlichen Glückwunsch! Wie lange hat die Umsetzung am Ende gedauert?',
  'Ein Tipp aus unserer Erfahrung: Die Unterschriftenlisten unbedingt vorher prüfen lassen.',
  'Wie habt ihr die anderen Fraktionen überzeugt? Bei uns blockiert die Mehrheit alles.',
  'Danke, das nehmen wir mit in unsere nächste Sitzung.',
  'Gibt es eine Fortsetzung? Mich würde interessieren, ob die Maßnahme gewirkt hat.',
  'Wir sind gerade mitten in einem ähnlichen Verfahren. Kann ich euch über das Mitgliederverzeichnis anschreiben?',
];
