// Walks the app's whole route table and checks every route's guard for every role. A route that is added
// without an entry below fails here, so no route can go live without someone deciding who may use it.
import request from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../src/generated/prisma/enums.js';
import { createUser, csrfTokenFrom, sessionAgent, useTestContext } from './support/context.js';

const ctx = useTestContext();

type Access = 'public' | 'member' | 'organizer' | 'admin';

/** Who may use each route. Join decisions are 'organizer' here; delegates may too, for their own alliance (alliances.test.ts). */
const ACCESS: Record<string, Access> = {
  'GET /': 'public',
  'GET /prinzipien': 'public',
  'GET /healthz': 'public',
  'GET /readyz': 'public',
  'GET /favicon.ico': 'public',
  'GET /impressum': 'public',
  'GET /datenschutz': 'public',
  'GET /registrieren': 'public',
  'POST /registrieren': 'public',
  'GET /registrieren/danke': 'public',
  'GET /anmelden': 'public',
  'POST /anmelden': 'public',
  'POST /abmelden': 'public',
  'GET /passwort-vergessen': 'public',
  'POST /passwort-vergessen': 'public',
  'GET /passwort-zuruecksetzen/:token': 'public',
  'POST /passwort-zuruecksetzen/:token': 'public',
  'GET /konto/email-bestaetigen/:token': 'public',
  'POST /konto/email-bestaetigen/:token': 'public',
  'GET /konto': 'member',
  'POST /konto/name': 'member',
  'POST /konto/email': 'member',
  'POST /konto/passwort': 'member',
  'POST /konto/verzeichnis': 'member',
  'POST /konto/ueberall-abmelden': 'member',
  'POST /konto/buendnis/verlassen': 'member',
  'POST /konto/buendnis/anfrage-zuruecknehmen': 'member',
  'GET /admin': 'admin',
  'GET /admin/benutzer': 'admin',
  'POST /admin/benutzer/:id/freischalten': 'admin',
  'POST /admin/benutzer/:id/sperren': 'admin',
  'POST /admin/benutzer/:id/rolle': 'admin',
  'POST /admin/benutzer/:id/sitzungen-beenden': 'admin',
  'GET /admin/postausgang': 'admin',
  'GET /admin/postausgang/:id': 'admin',
  'GET /admin/themen': 'admin',
  'POST /admin/themen': 'admin',
  'GET /admin/themen/:id/bearbeiten': 'admin',
  'POST /admin/themen/:id': 'admin',
  'POST /admin/themen/:id/ausmustern': 'admin',
  'POST /admin/themen/:id/reaktivieren': 'admin',
  'GET /buendnisse': 'public',
  'GET /buendnisse/neu': 'organizer',
  'POST /buendnisse': 'organizer',
  'GET /buendnisse/:slug': 'public',
  'GET /buendnisse/:slug/bearbeiten': 'organizer',
  'POST /buendnisse/:slug': 'organizer',
  'POST /buendnisse/:slug/archivieren': 'organizer',
  'POST /buendnisse/:slug/wiederherstellen': 'organizer',
  'POST /buendnisse/:slug/beitreten': 'member',
  'POST /buendnisse/:slug/anfragen/:userId/bestaetigen': 'organizer',
  'POST /buendnisse/:slug/anfragen/:userId/ablehnen': 'organizer',
  'POST /buendnisse/:slug/delegierte/:userId': 'organizer',
  'GET /themen': 'public',
  'GET /themen/:slug': 'public',
  'GET /netzwerke': 'public',
  'GET /netzwerke/neu': 'admin',
  'POST /netzwerke/neu': 'admin',
  'GET /netzwerke/:id/bearbeiten': 'admin',
  'POST /netzwerke/:id/bearbeiten': 'admin',
  'POST /netzwerke/:id/ausmustern': 'admin',
  'POST /netzwerke/:id/reaktivieren': 'admin',
  'GET /mitglieder': 'member',
  'GET /mitglieder/:id/kontakt': 'member',
  'POST /mitglieder/:id/kontakt': 'member',
  'POST /konto/benachrichtigungen': 'member',
  'GET /berichte': 'public',
  'GET /berichte.atom': 'public',
  'GET /berichte/neu': 'member',
  'POST /berichte/neu': 'member',
  'GET /berichte/meine': 'member',
  'GET /berichte/:slug': 'public',
  'GET /berichte/:slug/bearbeiten': 'member',
  'POST /berichte/:slug/bearbeiten': 'member',
  'POST /berichte/:slug/loeschen': 'member',
  'GET /berichte/:slug/ausblenden': 'admin',
  'POST /berichte/:slug/ausblenden': 'admin',
  'POST /berichte/:slug/einblenden': 'admin',
  'POST /berichte/:slug/kommentare': 'member',
  'GET /kommentare/:id/bearbeiten': 'member',
  'POST /kommentare/:id/bearbeiten': 'member',
  'GET /berichte/:slug/melden': 'member',
  'POST /berichte/:slug/melden': 'member',
  'GET /kommentare/:id/melden': 'member',
  'POST /kommentare/:id/melden': 'member',
  'GET /admin/moderation': 'admin',
  'GET /admin/moderation/berichte/:id': 'admin',
  'POST /admin/moderation/berichte/:id': 'admin',
  'GET /admin/moderation/antraege/:id': 'admin',
  'POST /admin/moderation/antraege/:id': 'admin',
  'GET /admin/moderation/meldungen/:type/:id': 'admin',
  'GET /antraege': 'public',
  'GET /antraege.atom': 'public',
  'GET /antraege/neu': 'member',
  'POST /antraege/neu': 'member',
  'GET /antraege/meine': 'member',
  'GET /antraege/:slug': 'public',
  'GET /antraege/:slug/bearbeiten': 'member',
  'POST /antraege/:slug/bearbeiten': 'member',
  'POST /antraege/:slug/loeschen': 'member',
  'GET /antraege/:slug/ausblenden': 'admin',
  'POST /antraege/:slug/ausblenden': 'admin',
  'POST /antraege/:slug/einblenden': 'admin',
  'POST /antraege/:slug/kommentare': 'member',
  'GET /antraege/:slug/melden': 'member',
  'POST /antraege/:slug/melden': 'member',
  'GET /antraege/:slug/verwenden': 'public',
  'POST /antraege/:slug/verwenden': 'member',
  'GET /antraege/:slug/verwendungen/neu': 'member',
  'POST /antraege/:slug/verwendungen/neu': 'member',
  'GET /antraege/:slug/verwendungen/:id/bearbeiten': 'member',
  'POST /antraege/:slug/verwendungen/:id/bearbeiten': 'member',
  'GET /admin/antraege/import': 'admin',
  'GET /admin/antraege/import/beispiel.csv': 'admin',
  'POST /admin/antraege/import': 'admin',
  'POST /konto/vorlagenwerte': 'member',
  'POST /admin/moderation/meldungen/:type/:id': 'admin',
  'GET /suche': 'public',
  'GET /treffen': 'public',
  'GET /treffen.ics': 'public',
  'GET /treffen/neu': 'organizer',
  'POST /treffen': 'organizer',
  'GET /treffen/jahr/:jahr': 'public',
  'GET /treffen/:id.ics': 'public',
  'GET /treffen/:id': 'public',
  'GET /treffen/:id/bearbeiten': 'organizer',
  'POST /treffen/:id': 'organizer',
  'GET /treffen/:id/absagen': 'organizer',
  'POST /treffen/:id/absagen': 'organizer',
  'GET /treffen/:id/rueckmeldungen.csv': 'organizer',
  'GET /treffen/:id/rueckmeldungen/liste': 'organizer',
  'GET /treffen/:id/rueckmeldungen': 'public',
  'POST /treffen/:id/rueckmeldungen': 'member',
  'GET /treffen/:id/vorlagen.zip': 'public',
  'GET /treffen/:id/vorlagen': 'public',
  'POST /treffen/:id/vorlagen': 'organizer',
  'POST /treffen/:id/vorlagen/verschicken': 'organizer',
  'POST /treffen/:id/vorlagen/:materialId/loeschen': 'organizer',
  'GET /treffen/:id/tagesordnung': 'public',
  'GET /treffen/:id/tagesordnung/neu': 'organizer',
  'POST /treffen/:id/tagesordnung': 'organizer',
  'GET /treffen/:id/tagesordnung/:itemId/bearbeiten': 'organizer',
  'POST /treffen/:id/tagesordnung/:itemId': 'organizer',
  'POST /treffen/:id/tagesordnung/:itemId/loeschen': 'organizer',
  'POST /treffen/:id/tagesordnung/:itemId/hoch': 'organizer',
  'POST /treffen/:id/tagesordnung/:itemId/runter': 'organizer',
  'POST /treffen/:id/tagesordnung/standardpunkte': 'organizer',
  'POST /treffen/:id/tagesordnung/veroeffentlichen': 'organizer',
  'GET /treffen/:id/vorschlaege': 'public',
  'POST /treffen/:id/vorschlaege': 'member',
  'POST /treffen/:id/vorschlaege/zusammenfassen': 'organizer',
  'POST /treffen/:id/vorschlaege/:proposalId/annehmen': 'organizer',
  'GET /treffen/:id/vorschlaege/:proposalId/ablehnen': 'organizer',
  'POST /treffen/:id/vorschlaege/:proposalId/ablehnen': 'organizer',
  'GET /treffen/:id/vorschlaege/:proposalId/verschieben': 'organizer',
  'POST /treffen/:id/vorschlaege/:proposalId/verschieben': 'organizer',
  'GET /treffen/:id/einladung': 'public',
  'GET /treffen/fristen': 'organizer',
  'GET /treffen/beschluesse': 'public',
  'GET /treffen/beschluesse/:id': 'public',
  'POST /treffen/beschluesse/:id/verlauf': 'organizer',
  'GET /treffen/:id/protokoll': 'public',
  'GET /treffen/:id/protokoll/bearbeiten': 'organizer',
  'POST /treffen/:id/protokoll': 'organizer',
  'POST /treffen/:id/protokoll/veroeffentlichen': 'organizer',
  'GET /treffen/:id/protokoll/beschluesse/neu': 'organizer',
  'POST /treffen/:id/protokoll/beschluesse': 'organizer',
  'GET /treffen/:id/protokoll/beschluesse/:decisionId/bearbeiten': 'organizer',
  'POST /treffen/:id/protokoll/beschluesse/:decisionId': 'organizer',
  'POST /treffen/:id/protokoll/beschluesse/:decisionId/loeschen': 'organizer',
  'GET /anhaenge/:id/vorschau': 'public',
  'GET /anhaenge/:id/:name': 'public',
};

interface Layer {
  route?: { path: string; methods: Record<string, boolean> };
  handle?: { stack?: Layer[] };
}

/** Every "METHOD path" the app answers, read from Express's own route table. */
function routeTable(app: { router: { stack: Layer[] } }): string[] {
  const routes: string[] = [];
  const walk = (stack: Layer[]) => {
    for (const layer of stack) {
      if (layer.route) {
        for (const method of Object.keys(layer.route.methods)) if (method !== '_all') routes.push(`${method.toUpperCase()} ${layer.route.path}`);
      } else if (layer.handle?.stack) {
        walk(layer.handle.stack);
      }
    }
  };
  walk(app.router.stack);
  return routes;
}

/** Parameters that exist nowhere: allowed roles reach the handler and get 404/410, and nothing changes. */
const fill = (path: string) =>
  path
    .replace(':token', 'x'.repeat(43))
    .replace(':slug', 'gibt-es-nicht')
    .replace(/:id|:userId/g, '2147483647');

const RANK: Record<Access | 'visitor', number> = { visitor: 0, public: 0, member: 1, organizer: 2, admin: 3 };
const ROLES: [keyof typeof RANK, Role | undefined][] = [
  ['visitor', undefined],
  ['member', 'MEMBER'],
  ['organizer', 'ORGANIZER'],
  ['admin', 'ADMIN'],
];

describe('route guards', () => {
  let routes: string[];
  beforeAll(() => {
    routes = routeTable(ctx.app as unknown as { router: { stack: Layer[] } });
  });

  it('every route of the app has a declared access level, and every declared route exists', () => {
    expect(routes.filter((r) => !(r in ACCESS))).toEqual([]);
    expect(Object.keys(ACCESS).filter((r) => !routes.includes(r))).toEqual([]);
  });

  it('every route lets in exactly the roles it should, for every role', async () => {
    const failures: string[] = [];
    for (const route of routes) {
      const [method, path] = route.split(' ') as [string, string];
      const needed = ACCESS[route]!;
      for (const [roleName, role] of ROLES) {
        // A fresh browser per check: an allowed action (e.g. logging out) must not affect the next check.
        const agent = role ? await sessionAgent(ctx.app, (await createUser(ctx.db, { role })).id) : request.agent(ctx.app);
        const url = fill(path);
        let res;
        if (method === 'GET') {
          res = await agent.get(url);
        } else {
          const token = await csrfTokenFrom(agent, '/anmelden').catch(async () => csrfTokenFrom(agent, '/konto'));
          res = await agent.post(url).type('form').send({ _csrf: token });
        }
        const allowed = RANK[roleName] >= RANK[needed];
        const toLogin = res.status === 303 && String(res.headers.location).startsWith('/anmelden') && url !== '/abmelden';
        const denied = res.status === 403 || toLogin;
        if (allowed && denied) failures.push(`${route} refused ${roleName} (${res.status})`);
        if (!allowed && !(roleName === 'visitor' ? toLogin : res.status === 403)) failures.push(`${route} let ${roleName} through (${res.status})`);
        if (res.status >= 500) failures.push(`${route} as ${roleName}: ${res.status}`);
      }
    }
    expect(failures).toEqual([]);
  });
});
