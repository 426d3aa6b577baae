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
