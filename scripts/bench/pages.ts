// The page types `npm run bench` measures. A new feature adds its page here with one entry.

export type Access = 'anonymous' | 'member' | 'organizer';

/** Values from the seeded database that detail pages rotate over. */
export interface BenchData {
  /** 200 alliance slugs spread over the whole directory. */
  allianceSlugs: string[];
  topicSlugs: string[];
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
];
