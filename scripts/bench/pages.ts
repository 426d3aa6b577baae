// The page types `npm run bench` measures. A new feature adds its page here with one entry.

export type Access = 'anonymous' | 'member' | 'organizer';

/** Values from the seeded database that detail pages rotate over. */
export interface BenchData {
  /** 200 alliance slugs spread over the whole directory. */
  allianceSlugs: string[];
  topicSlugs: string[];
  /** 200 public, published reports spread over all years. */
  reportSlugs: string[];
  /** 200 public, published model motions. */
  motionSlugs: string[];
  /** Public meetings spread over the years (coming and past), as strings for the URLs. */
  meetingIds: string[];
  /** Public meetings that were held and have a published protocol. */
  heldMeetingIds: string[];
}

export interface BenchPage {
  /** Shown in the results table; detail pages use the route pattern. */
  name: string;
  /** Who looks: a visitor without a session, or one of the bench's own logged-in accounts. */
  access: Access;
  /** The URLs to request; several are rotated request by request, so no single cached row is measured. */
  paths(data: BenchData): string[];
  /** Status every answer must have (default 200); anything else that is not 2xx counts as an error. */
  expectStatus?: number;
}

/**
 * What people type into the report search: a theme's word, inflected forms ("Bündnisse" for "Bündnis"), two words,
 * a word still being typed, a place, a rare word, and one that finds nothing.
 */
export const SEARCH_QUERIES = [
  'Sozialticket',
  'Bürgerhaushalt',
  'Schwimmbad',
  'Mieterhöhungen',
  'Haushalt',
  'Kita Gebühren',
  'Radwege',
  'Bürgerbegehren Unterschriften',
  'Bündnisse',
  'Stadtwerke',
  'Schulsanier',
  'Geflüchtete',
  'Stolpersteine',
  'Akteneinsicht',
  'Tempo 30',
  'Grundsteuer Hebesatz',
  'Presse',
  'Infostand',
  'Streuobstwiese',
  'Quantencomputer',
];

const q = encodeURIComponent;

export const PAGES: BenchPage[] = [
  { name: '/', access: 'anonymous', paths: () => ['/'] },
  { name: '/buendnisse', access: 'anonymous', paths: () => ['/buendnisse'] },
  { name: '/buendnisse?q=Bürger', access: 'anonymous', paths: () => [`/buendnisse?q=${q('Bürger')}`] },
  { name: '/buendnisse/:slug', access: 'anonymous', paths: (d) => d.allianceSlugs.map((s) => `/buendnisse/${q(s)}`) },
  { name: '/netzwerke', access: 'anonymous', paths: () => ['/netzwerke'] },
  { name: '/themen/:slug', access: 'anonymous', paths: (d) => d.topicSlugs.map((s) => `/themen/${q(s)}`) },
  { name: '/themen/:slug', access: 'member', paths: (d) => d.topicSlugs.map((s) => `/themen/${q(s)}`) },
  { name: '/mitglieder', access: 'member', paths: () => ['/mitglieder'] },
  { name: '/konto', access: 'member', paths: () => ['/konto'] },
  // Erfahrungsberichte. Visitors' pages pass the short page cache; members' pages are built for every request.
  { name: '/berichte', access: 'anonymous', paths: () => ['/berichte', '/berichte?seite=2', '/berichte?seite=50'] },
  { name: '/berichte', access: 'member', paths: () => ['/berichte', '/berichte?seite=2', '/berichte?seite=50'] },
  {
    name: '/berichte?thema=…&land=…',
    access: 'member',
    paths: (d) =>
      d.topicSlugs.flatMap((t, i) => [`/berichte?thema=${q(t)}`, `/berichte?thema=${q(t)}&land=${LANDS[i % LANDS.length]}&jahr=2025`]),
  },
  { name: '/berichte?q=…', access: 'anonymous', paths: () => SEARCH_QUERIES.map((s) => `/berichte?q=${q(s)}`) },
  { name: '/berichte?q=…', access: 'member', paths: () => SEARCH_QUERIES.map((s) => `/berichte?q=${q(s)}`) },
  { name: '/berichte/:slug', access: 'anonymous', paths: (d) => d.reportSlugs.map((s) => `/berichte/${q(s)}`) },
  { name: '/berichte/:slug', access: 'member', paths: (d) => d.reportSlugs.map((s) => `/berichte/${q(s)}`) },
  {
    name: '/berichte.atom',
    access: 'anonymous',
    paths: (d) => ['/berichte.atom', ...d.topicSlugs.map((t) => `/berichte.atom?thema=${q(t)}`)],
  },
  // Musteranträge
  { name: '/antraege', access: 'anonymous', paths: () => ['/antraege', '/antraege?seite=2', '/antraege?sortierung=erfolg&bewaehrt=ja'] },
  { name: '/antraege', access: 'member', paths: () => ['/antraege', '/antraege?seite=2', '/antraege?sortierung=erfolg&bewaehrt=ja'] },
  {
    name: '/antraege?art=…&thema=…&land=…',
    access: 'anonymous',
    paths: (d) =>
      d.topicSlugs.map(
        (t, i) => `/antraege?art=${['ANTRAG', 'ANFRAGE', 'RESOLUTION'][i % 3]}&thema=${q(t)}&land=${LANDS[i % LANDS.length]}`,
      ),
  },
  { name: '/antraege?q=…', access: 'anonymous', paths: () => SEARCH_QUERIES.map((s) => `/antraege?q=${q(s)}`) },
  { name: '/antraege/:slug', access: 'anonymous', paths: (d) => d.motionSlugs.map((s) => `/antraege/${q(s)}`) },
  { name: '/antraege/:slug', access: 'member', paths: (d) => d.motionSlugs.map((s) => `/antraege/${q(s)}`) },
  {
    name: '/antraege/:slug/verwenden (ausgefüllt)',
    access: 'anonymous',
    paths: (d) => d.motionSlugs.map((s, i) => `/antraege/${q(s)}/verwenden?format=ansehen&wert%3AGemeinde=Ort${i}&wert%3AGremium=Rat`),
  },
  {
    name: '/antraege/:slug/verwenden (.docx)',
    access: 'anonymous',
    paths: (d) => d.motionSlugs.map((s, i) => `/antraege/${q(s)}/verwenden?format=docx&wert%3AGemeinde=Ort${i}`),
  },
  {
    name: '/antraege.atom',
    access: 'anonymous',
    paths: (d) => ['/antraege.atom', ...d.topicSlugs.map((t) => `/antraege.atom?thema=${q(t)}`)],
  },
  { name: '/suche?q=…', access: 'member', paths: () => SEARCH_QUERIES.map((s) => `/suche?q=${q(s)}`) },
  // KOG-Treffen
  { name: '/treffen', access: 'anonymous', paths: () => ['/treffen', '/treffen?vergangene=1', '/treffen?vergangene=1&seite=3'] },
  { name: '/treffen', access: 'member', paths: () => ['/treffen', '/treffen?vergangene=1', '/treffen?vergangene=1&seite=3'] },
  { name: '/treffen/:id', access: 'anonymous', paths: (d) => d.meetingIds.map((id) => `/treffen/${id}`) },
  { name: '/treffen/:id', access: 'member', paths: (d) => d.meetingIds.map((id) => `/treffen/${id}`) },
  { name: '/treffen/:id/tagesordnung', access: 'anonymous', paths: (d) => d.meetingIds.map((id) => `/treffen/${id}/tagesordnung`) },
  { name: '/treffen/:id/einladung', access: 'anonymous', paths: (d) => d.heldMeetingIds.map((id) => `/treffen/${id}/einladung`) },
  { name: '/treffen/:id/vorlagen', access: 'member', paths: (d) => d.heldMeetingIds.map((id) => `/treffen/${id}/vorlagen`) },
  { name: '/treffen/:id/vorlagen.zip', access: 'member', paths: (d) => d.heldMeetingIds.map((id) => `/treffen/${id}/vorlagen.zip`) },
  { name: '/treffen/:id/rueckmeldungen', access: 'organizer', paths: (d) => d.meetingIds.map((id) => `/treffen/${id}/rueckmeldungen`) },
  { name: '/treffen/:id/protokoll', access: 'anonymous', paths: (d) => d.heldMeetingIds.map((id) => `/treffen/${id}/protokoll`) },
  { name: '/treffen/jahr/:jahr', access: 'anonymous', paths: () => ['2024', '2025', '2026', '2027'].map((y) => `/treffen/jahr/${y}`) },
  { name: '/treffen/fristen', access: 'organizer', paths: () => ['/treffen/fristen'] },
  {
    name: '/treffen/beschluesse',
    access: 'member',
    paths: () => ['/treffen/beschluesse', '/treffen/beschluesse?status=alle', '/treffen/beschluesse?status=alle&seite=5'],
  },
  { name: '/treffen.ics', access: 'anonymous', paths: () => ['/treffen.ics'] },
  { name: '/treffen/:id.ics', access: 'anonymous', paths: (d) => d.meetingIds.map((id) => `/treffen/${id}.ics`) },
];

const LANDS = ['NW', 'BY', 'BW', 'NI', 'HE', 'SN', 'BE', 'TH'];
