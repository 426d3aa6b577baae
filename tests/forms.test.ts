// What every form does for the person filling it in: an error summary that links to the fields, unique ids,
// nothing lost when the session expired, names stored and compared regardless of case and Unicode form.
import request from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import { completeReport, decide, sendReportForm, slugFromRedirect, waitingVersion } from './support/reports.js';
import { createUser, csrfTokenFrom, loginAgent, sendFromPage, sessionAgent, submit, text, useTestContext } from './support/context.js';

const ctx = useTestContext();

/** Every id on a page and every label/aria reference to one. */
function ids(html: string) {
  const all = [...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]!);
  const referenced = [
    ...[...html.matchAll(/\sfor="([^"]+)"/g)].map((m) => m[1]!),
    ...[...html.matchAll(/\saria-(?:describedby|labelledby)="([^"]+)"/g)].flatMap((m) => m[1]!.split(' ')),
    ...[...html.matchAll(/href="#([^"]+)"/g)].map((m) => m[1]!),
  ];
  return { all, referenced };
}

describe('form pages', () => {
  let member: request.Agent;
  let admin: request.Agent;
  let organizer: request.Agent;
  let allianceSlug: string;
  let networkId: number;
  let topicId: number;
  let listedId: number;
  let reportSlug: string;
  let versionId: number;
  beforeAll(async () => {
    member = await sessionAgent(ctx.app, (await createUser(ctx.db)).id);
    admin = await sessionAgent(ctx.app, (await createUser(ctx.db, { role: 'ADMIN' })).id);
    organizer = await sessionAgent(ctx.app, (await createUser(ctx.db, { role: 'ORGANIZER' })).id);
    allianceSlug = (
      await ctx.db.prisma.alliance.create({
        data: { slug: 'formstadt', name: 'Bündnis Formstadt', municipality: 'Formstadt', state: 'BY' },
      })
    ).slug;
    networkId = (await ctx.db.prisma.network.findFirstOrThrow()).id;
    topicId = (await ctx.db.prisma.topic.findFirstOrThrow()).id;
    const listed = await createUser(ctx.db, { name: 'Lisa Gelistet' });
    await ctx.db.prisma.user.update({ where: { id: listed.id }, data: { listedInDirectory: true } });
    listedId = listed.id;
    reportSlug = slugFromRedirect(await sendReportForm(member, completeReport({ title: 'Formularbericht' })));
    versionId = await waitingVersion(ctx, reportSlug);
    await decide(ctx, admin, reportSlug, 'veroeffentlichen');
  });

  it('have unique ids, and every label and link points at an element that exists', async () => {
    const pages: [() => request.Agent, string][] = [
      [() => request.agent(ctx.app), '/anmelden'],
      [() => request.agent(ctx.app), '/registrieren'],
      [() => request.agent(ctx.app), '/passwort-vergessen'],
      [() => member, '/konto'],
      [() => member, `/mitglieder/${listedId}/kontakt`],
      [() => member, '/mitglieder'],
      [() => organizer, '/buendnisse/neu'],
      [() => organizer, `/buendnisse/${allianceSlug}/bearbeiten`],
      [() => organizer, `/buendnisse/${allianceSlug}`],
      [() => admin, '/admin/benutzer'],
      [() => admin, '/admin/themen'],
      [() => admin, `/admin/themen/${topicId}/bearbeiten`],
      [() => admin, '/netzwerke/neu'],
      [() => admin, `/netzwerke/${networkId}/bearbeiten`],
      [() => admin, '/netzwerke'],
      [() => member, '/berichte/neu'],
      [() => member, `/berichte/${reportSlug}/bearbeiten`],
      [() => member, `/berichte/${reportSlug}`],
      [() => admin, `/berichte/${reportSlug}`],
      [() => member, '/berichte/meine'],
      [() => request.agent(ctx.app), '/berichte?q=Formular'],
      [() => request.agent(ctx.app), '/suche?q=Formular'],
      [() => admin, `/berichte/${reportSlug}/melden`],
      [() => admin, `/berichte/${reportSlug}/ausblenden`],
      [() => admin, '/admin/moderation'],
      [() => admin, `/admin/moderation/berichte/${versionId}`],
    ];
    for (const [agent, path] of pages) {
      const res = await agent().get(path);
      expect(res.status, path).toBe(200);
      const { all, referenced } = ids(res.text);
      expect(
        all.filter((id, i) => all.indexOf(id) !== i),
        `duplicate ids on ${path}`,
      ).toEqual([]);
      expect(
        [...new Set(referenced)].filter((id) => !all.includes(id)),
        `dangling references on ${path}`,
      ).toEqual([]);
    }
  });

  it('show an error summary that links to each faulty field and takes the focus, on every form with errors', async () => {
    const failing: [() => request.Agent, string, string, Record<string, string>][] = [
      [() => request.agent(ctx.app), '/registrieren', '/registrieren', { name: '', email: 'kaputt' }],
      [() => member, '/konto', '/konto/email', { email: 'kaputt', currentPassword: '' }],
      [() => member, '/konto', '/konto/passwort', { currentPassword: '', password: 'kurz', passwordRepeat: 'anders' }],
      [() => member, '/konto', '/konto/name', { name: '' }],
      [() => admin, '/admin/themen', '/admin/themen', { name: '' }],
      [() => admin, '/netzwerke/neu', '/netzwerke/neu', { name: '', category: '' }],
      [() => organizer, '/buendnisse/neu', '/buendnisse', { name: '', municipality: '' }],
      [() => member, '/berichte/neu', '/berichte/neu', { title: '', summary: 'kurz', aktion: 'einreichen' }],
      [() => admin, `/berichte/${reportSlug}/melden`, `/berichte/${reportSlug}/melden`, { reason: '' }],
      [() => admin, `/berichte/${reportSlug}/ausblenden`, `/berichte/${reportSlug}/ausblenden`, { begruendung: '' }],
    ];
    for (const [agent, page, action, fields] of failing) {
      const res = await submit(agent(), page, action, fields);
      expect(res.status, action).toBe(422);
      const summary = /<div class="error-summary"[^>]*>([\s\S]*?)<\/div>/.exec(res.text);
      expect(summary, action).not.toBeNull();
      expect(summary![0], action).toMatch(/tabindex="-1" autofocus/);
      const links = [...summary![1]!.matchAll(/href="#([^"]+)"/g)].map((m) => m[1]!);
      expect(links.length, action).toBeGreaterThan(0);
      for (const id of links) expect(res.text, `${action} → #${id}`).toContain(`id="${id}"`);
      expect(res.text, action).toMatch(/<title>Fehler: /);
      // Only the form that failed shows errors (the account page has four forms).
      expect(res.text.match(/class="error-summary"/g), action).toHaveLength(1);
    }
  });

  it('keep everything typed when the session expired, and say what happened', async () => {
    const user = await createUser(ctx.db, { name: 'Vera Vergesslich' });
    const agent = await loginAgent(ctx.app, user.email);
    const token = await csrfTokenFrom(agent, '/konto');
    // The session runs out (here: it is revoked) while the person is still typing.
    await ctx.db.pool.query(`UPDATE "session" SET revoked_at = now() WHERE sess->>'userId' = $1`, [String(user.id)]);
    const typed = {
      _csrf: token,
      listedInDirectory: 'ja',
      mandate: 'COUNCIL',
      competenceIds: [String((await ctx.db.prisma.topic.findFirstOrThrow({ orderBy: { name: 'asc' } })).id)],
      directoryNote: 'Seit 2014 im Sozialausschuss',
    };
    const sent = await sendFromPage(agent, '/konto', '/konto/verzeichnis', typed);
    expect(sent.status).toBe(303);
    expect(sent.headers.location).toBe('/konto');
    expect((await ctx.db.prisma.user.findUniqueOrThrow({ where: { id: user.id } })).directoryNote).toBeNull(); // nothing saved

    // Logged out now: the login comes first, then the form with what was typed.
    const toLogin = await agent.get('/konto');
    expect(toLogin.headers.location).toBe('/anmelden?weiter=%2Fkonto');
    const login = await submit(agent, '/anmelden?weiter=%2Fkonto', '/anmelden', {
      email: user.email,
      password: 'Kommunal-Politik-2026!',
      weiter: '/konto',
    });
    expect(login.headers.location).toBe('/konto');
    const restored = await agent.get('/konto');
    const page = text(restored.text);
    expect(page).toContain('Deine Sitzung war abgelaufen');
    expect(page).toContain('>Seit 2014 im Sozialausschuss</textarea>');
    expect(restored.text).toMatch(/name="listedInDirectory" value="ja" checked/);
    expect(restored.text).toMatch(/<option value="COUNCIL" selected>/);
    // With a fresh token the same form now goes through.
    const again = await submit(agent, '/konto', '/konto/verzeichnis', {
      listedInDirectory: 'ja',
      mandate: 'COUNCIL',
      directoryNote: 'Seit 2014 im Sozialausschuss',
    });
    expect(again.status).toBe(303);
    expect((await ctx.db.prisma.user.findUniqueOrThrow({ where: { id: user.id } })).directoryNote).toBe('Seit 2014 im Sozialausschuss');
    // Once shown, the kept values are gone.
    expect(text((await agent.get('/konto')).text)).not.toContain('Deine Sitzung war abgelaufen');
  });

  it('keep a visitor’s registration when the form was open too long', async () => {
    const agent = request.agent(ctx.app);
    await agent.get('/registrieren');
    const sent = await sendFromPage(agent, '/registrieren', '/registrieren', {
      _csrf: 'abgelaufen',
      name: 'Rita Registriert',
      email: 'rita@example.org',
      password: 'geheim-geheim-1',
      allianceNote: 'Liste Rita',
    });
    expect(sent.headers.location).toBe('/registrieren');
    const page = await agent.get('/registrieren');
    expect(text(page.text)).toContain('Deine Sitzung war abgelaufen');
    expect(page.text).toContain('value="Rita Registriert"');
    expect(page.text).toContain('value="Liste Rita"');
    expect(page.text).not.toContain('geheim-geheim-1'); // passwords are never kept
    expect(await ctx.db.prisma.user.count({ where: { email: 'rita@example.org' } })).toBe(0);
  });

  it('a forged request from elsewhere (no Referer from this site) still just fails, and keeps nothing', async () => {
    const agent = await sessionAgent(ctx.app, (await createUser(ctx.db)).id);
    const res = await agent
      .post('/konto/name')
      .set('Referer', 'https://boese.example/seite')
      .type('form')
      .send({ name: 'Übernommen', _csrf: 'x' });
    expect(res.status).toBe(403);
    expect(text(res.text)).toContain('Sicherheitsprüfung fehlgeschlagen');
  });
});

describe('names', () => {
  it('are stored NFC and unique regardless of case and Unicode form (enforced by the database)', async () => {
    const admin = await sessionAgent(ctx.app, (await createUser(ctx.db, { role: 'ADMIN' })).id);
    const nfd = 'Bürgerbeteiligung im Quartier'.normalize('NFD');
    expect((await submit(admin, '/admin/themen', '/admin/themen', { name: nfd })).status).toBe(303);
    const stored = await ctx.db.prisma.topic.findFirstOrThrow({ where: { slug: 'buergerbeteiligung-im-quartier' } });
    expect(stored.name).toBe('Bürgerbeteiligung im Quartier'.normalize('NFC'));
    for (const twin of ['Bürgerbeteiligung im Quartier', nfd, 'BÜRGERBETEILIGUNG IM QUARTIER']) {
      const res = await submit(admin, '/admin/themen', '/admin/themen', { name: twin });
      expect(res.status, twin).toBe(422);
      expect(text(res.text)).toContain('Ein Thema mit diesem Namen gibt es schon.');
    }
    const existing = await ctx.db.prisma.topic.findFirstOrThrow({ where: { name: 'Verkehr' } }).catch(() => null);
    if (existing) expect((await submit(admin, '/admin/themen', '/admin/themen', { name: 'VERKEHR' })).status).toBe(422);
    // The database itself refuses, whatever the app does.
    await expect(ctx.db.pool.query(`INSERT INTO topics (slug, name, updated_at) VALUES ('x-1', $1, now())`, [nfd])).rejects.toThrow();
    await expect(
      ctx.db.pool.query(`INSERT INTO topics (slug, name, updated_at) VALUES ('x-2', 'bürgerBETEILIGUNG im quartier', now())`),
    ).rejects.toThrow(/topics_name_folded_key/);

    const network = await ctx.db.prisma.network.findFirstOrThrow();
    const dup = await submit(admin, '/netzwerke/neu', '/netzwerke/neu', { name: network.name.toUpperCase(), category: 'NATIONAL' });
    expect(dup.status).toBe(422);
    expect(text(dup.text)).toContain('Ein Netzwerk mit diesem Namen gibt es schon.');
  });

  it('typed in decomposed form are found by people typing them composed, and the other way round', async () => {
    const organizer = await sessionAgent(ctx.app, (await createUser(ctx.db, { role: 'ORGANIZER' })).id);
    await submit(organizer, '/buendnisse/neu', '/buendnisse', {
      name: 'Bürgerliste Köln'.normalize('NFD'),
      municipality: 'Köln'.normalize('NFD'),
      state: 'NW',
    });
    expect(text((await request(ctx.app).get(`/buendnisse?q=${encodeURIComponent('Köln')}`)).text)).toContain('Bürgerliste Köln');
    expect(text((await request(ctx.app).get(`/buendnisse?q=${encodeURIComponent('Köln'.normalize('NFD'))}`)).text)).toContain(
      'Bürgerliste Köln',
    );
  });
});
