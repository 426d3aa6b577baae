// Input that once crashed the app: NUL bytes and other control characters anywhere, numbers beyond PostgreSQL's
// integer range, broken percent-encoding. Each gets a 400/404/422 with a German page, and nothing is logged as
// an error.
import request from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildApp, createUser, sessionAgent, submit, text, useTestContext } from './support/context.js';

const ctx = useTestContext();
const logLines: string[] = [];
let app: ReturnType<typeof buildApp>;
beforeAll(() => {
  app = buildApp(ctx.db, { log: { write: (line) => logLines.push(line) } });
});

const errorsLogged = () => logLines.filter((line) => JSON.parse(line).level >= 50);

describe('malformed addresses', () => {
  it.each([
    '/themen/%00',
    '/themen/a%00b',
    '/buendnisse/%00',
    '/buendnisse?q=%00',
    '/buendnisse?q=ab%00cd&land=BY',
    '/buendnisse?land=%00',
    '/netzwerke?q=%00',
    '/netzwerke?thema=%00&kategorie=%00',
    '/anmelden?weiter=%00',
    '/anmelden?weiter=%2F%00',
    '/passwort-zuruecksetzen/%00',
    '/konto/email-bestaetigen/%00',
    '/buendnisse/%E0%A4%A',
    '/themen/%1F',
    '/?x=%0A%0D%00',
  ])('%s gets a German 400 page', async (path) => {
    const res = await request(app).get(path);
    expect(res.status).toBe(400);
    expect(text(res.text)).toMatch(/Ungültige Anfrage|unzulässige Zeichen|ungültig kodiert/);
    expect(res.text).not.toMatch(/\n\s+at /);
    expect(errorsLogged()).toEqual([]);
  });

  it.each(['/buendnisse?seite=99999999999', '/buendnisse?seite=-1', '/netzwerke?seite=1e9', '/admin/benutzer?seite=2147483648'])(
    '%s is answered normally',
    async (path) => {
      expect((await request(app).get(path)).status).toBeLessThan(400);
    },
  );
});

describe('malformed form input and ids', () => {
  let member: request.Agent;
  let admin: request.Agent;
  let organizer: request.Agent;
  beforeAll(async () => {
    member = await sessionAgent(app, (await createUser(ctx.db)).id);
    admin = await sessionAgent(app, (await createUser(ctx.db, { role: 'ADMIN' })).id);
    organizer = await sessionAgent(app, (await createUser(ctx.db, { role: 'ORGANIZER' })).id);
  });

  it('refuses ids beyond the integer range with field errors, keeping what was typed', async () => {
    const cases: [() => request.Agent, string, string, Record<string, string | string[]>, string][] = [
      [() => member, '/konto', '/konto/verzeichnis', { mandate: 'NONE', competenceIds: '2147483648', directoryNote: 'Notiz bleibt' }, 'Notiz bleibt'],
      [() => member, '/konto', '/konto/verzeichnis', { mandate: 'NONE', competenceIds: ['1', '99999999999'] }, 'Ungültige Auswahl'],
      [() => admin, '/netzwerke/neu', '/netzwerke/neu', { name: 'Netz X', category: 'NATIONAL', topicIds: '99999999999' }, 'Netz X'],
      [() => request.agent(app), '/registrieren', '/registrieren', { name: 'Erika Test', email: 'e@example.org', password: 'Rathaus-Haushalt-2026', passwordRepeat: 'Rathaus-Haushalt-2026', allianceId: '2147483648', acceptPrinciples: 'ja' }, 'Bitte ein Bündnis aus der Liste wählen.'],
      [() => organizer, '/buendnisse/neu', '/buendnisse', { name: 'Bündnis Zahl', municipality: 'Zahlstadt', state: 'BY', foundedYear: '99999999999', councilSeats: '2147483648' }, 'Bündnis Zahl'],
    ];
    for (const [agent, page, action, fields, expected] of cases) {
      const res = await submit(agent(), page, action, fields);
      expect(res.status, action).toBe(422);
      expect(text(res.text), action).toContain(expected);
      expect(text(res.text), action).toContain('Das hat nicht geklappt');
    }
    expect(errorsLogged()).toEqual([]);
  });

  it('cleans NUL and control characters out of typed text instead of failing', async () => {
    const res = await submit(member, '/konto', '/konto/name', { name: 'Anna\u0000 Mü\u0007ller' });
    expect(res.status).toBe(303);
    const agentUser = await ctx.db.prisma.user.findFirstOrThrow({ where: { name: 'Anna Müller' } });
    expect(agentUser).toBeDefined();
    const login = await submit(request.agent(app), '/anmelden', '/anmelden', { email: 'a\u0000@example.org', password: 'x\u0000y' });
    expect(login.status).toBe(422);
    const forgot = await submit(request.agent(app), '/passwort-vergessen', '/passwort-vergessen', { email: '\u0000' });
    expect(forgot.status).toBe(422);
    const topic = await submit(admin, '/admin/themen', '/admin/themen', { name: 'Kul\u0000tur\u0000', description: 'Be\u0000schreibung' });
    expect(topic.status).toBe(303);
    expect(await ctx.db.prisma.topic.count({ where: { name: 'Kultur' } })).toBe(1);
    expect(errorsLogged()).toEqual([]);
  });

  it.each([
    ['/mitglieder/2147483648/kontakt'],
    ['/mitglieder/99999999999/kontakt'],
    ['/admin/postausgang/2147483648'],
    ['/admin/themen/99999999999/bearbeiten'],
    ['/netzwerke/2147483648/bearbeiten'],
  ])('GET %s is a 404', async (path) => {
    const agent = path.startsWith('/mitglieder') ? member : admin;
    expect((await agent.get(path)).status).toBe(404);
  });

  it('POSTs to ids beyond the range are a 404, with nothing logged', async () => {
    for (const path of ['/admin/benutzer/2147483648/sperren', '/admin/benutzer/99999999999/freischalten', '/netzwerke/2147483648/ausmustern']) {
      expect((await submit(admin, '/admin/benutzer', path, { bestaetigt: 'ja' })).status, path).toBe(404);
    }
    expect(errorsLogged()).toEqual([]);
  });
});

describe('renamed alliances', () => {
  it('redirect a percent-encoded old address to the right new one', async () => {
    const alliance = await ctx.db.prisma.alliance.create({ data: { slug: 'xss-neu', name: 'XSS Neu', municipality: 'Ort', state: 'BY' } });
    await ctx.db.prisma.allianceSlugRedirect.create({ data: { slug: 'xss-alt', allianceId: alliance.id } });
    for (const [from, to] of [
      ['/buendnisse/%78ss-alt', '/buendnisse/xss-neu'],
      ['/buendnisse/%78%73%73-alt?x=%C3%A4', '/buendnisse/xss-neu?x=%C3%A4'],
      ['/buendnisse/xss-alt', '/buendnisse/xss-neu'],
    ]) {
      const res = await request(app).get(from!);
      expect(res.status, from).toBe(301);
      expect(res.headers.location, from).toBe(to);
    }
  });
});
