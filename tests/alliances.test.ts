import request from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import { agentFor, createUser, csrfTokenFrom, formBody, loginAgent, submit, text, useTestContext } from './support/context.js';

const ctx = useTestContext();

const allianceFields = (overrides: Record<string, string> = {}) => ({
  name: 'Bürgerbündnis Groß-Gerau',
  municipality: 'Groß-Gerau',
  district: 'Kreis Groß-Gerau',
  state: 'HE',
  foundedYear: '2009',
  councilSeats: '3',
  website: 'www.bb-gross-gerau.example',
  contactEmail: 'Kontakt@BB-Gross-Gerau.example',
  description: 'Wir arbeiten zu **Wohnen** und Verkehr.\n\n<script>alert("x")</script>',
  ...overrides,
});

async function makeAlliance(name: string, municipality: string, state: string, website?: string) {
  const slug = name.toLowerCase().replace(/[^a-z0-9]+/g, '-');
  return ctx.db.prisma.alliance.create({ data: { slug, name, municipality, state, website: website ?? null } });
}

describe('Bündnisse: list, filter, search', () => {
  beforeAll(async () => {
    await makeAlliance('AUF Witten', 'Witten', 'NW', 'https://www.auf-witten.example/');
    await makeAlliance('Linkes Bündnis Dortmund', 'Dortmund', 'NW', 'https://xn--grne-liste-beb.example/wiki/Gr%C3%BCne_Liste');
    await makeAlliance('Frankfurt Sozial', 'Frankfurt am Main', 'HE');
    await makeAlliance('Bürgerliste Ärzteweg', 'Zwickau', 'SN');
    await makeAlliance('Ärzte für Frieden', 'Essen', 'NW');
    await makeAlliance('aktiv für Bergheim', 'Bergheim', 'NW');
  });

  it('lists every alliance with municipality, Bundesland and website, in German order', async () => {
    const res = await request(ctx.app).get('/buendnisse');
    expect(res.status).toBe(200);
    const page = text(res.text);
    expect(page).toContain('AUF Witten');
    expect(page).toContain('Witten · Nordrhein-Westfalen');
    // Web addresses link exactly and read like people write them: no scheme, umlauts instead of punycode and %-codes.
    expect(res.text).toContain('<a href="https://www.auf-witten.example/" rel="noopener external">www.auf-witten.example</a>');
    expect(res.text).toContain('href="https://xn--grne-liste-beb.example/wiki/Gr%C3%BCne_Liste"');
    expect(page).toContain('>grüne-liste.example/wiki/Grüne_Liste</a>');
    // German order puts Ä with A and small letters with capitals; byte order would put both after "B…".
    const order = ['aktiv für Bergheim', 'Ärzte für Frieden', 'AUF Witten', 'Bürgerliste Ärzteweg', 'Frankfurt Sozial'].map((n) => page.indexOf(n));
    expect(order.every((position) => position >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
  });

  it('filters by Bundesland and searches name and place', async () => {
    const nrw = text((await request(ctx.app).get('/buendnisse?land=NW')).text);
    expect(nrw).toContain('AUF Witten');
    expect(nrw).toContain('Linkes Bündnis Dortmund');
    expect(nrw).not.toContain('Frankfurt Sozial');
    const byPlace = text((await request(ctx.app).get('/buendnisse?q=frankfurt')).text);
    expect(byPlace).toContain('Frankfurt Sozial');
    expect(byPlace).not.toContain('AUF Witten');
    const none = text((await request(ctx.app).get('/buendnisse?q=Atlantis')).text);
    expect(none).toContain('Keine Bündnisse gefunden');
    expect((await request(ctx.app).get('/buendnisse?land=XX&seite=-4')).status).toBe(200);
  });

  it('pages through a long list', async () => {
    for (let i = 0; i < 22; i++) await makeAlliance(`Seitenbündnis ${String(i).padStart(2, '0')}`, 'Seitenstadt', 'BY');
    const first = await request(ctx.app).get('/buendnisse?land=BY');
    expect(first.text).toContain('Seite 1 von 2');
    expect(text(first.text)).toContain('Seitenbündnis 00');
    const second = text((await request(ctx.app).get('/buendnisse?land=BY&seite=2')).text);
    expect(second).toContain('Seitenbündnis 21');
    expect(second).not.toContain('Seitenbündnis 00');
  });
});

describe('Bündnisse: editing', () => {
  it('members cannot create or edit alliances, organisers can', async () => {
    const member = await agentFor(ctx, 'MEMBER');
    expect((await member.agent.get('/buendnisse/neu')).status).toBe(403);
    const token = await csrfTokenFrom(member.agent, '/konto');
    const denied = await member.agent
      .post('/buendnisse')
      .type('form')
      .send(formBody({ ...allianceFields(), _csrf: token }));
    expect(denied.status).toBe(403);
    expect(await ctx.db.prisma.alliance.count({ where: { name: 'Bürgerbündnis Groß-Gerau' } })).toBe(0);
    expect((await request(ctx.app).get('/buendnisse/neu')).status).toBe(303);

    const organiser = await agentFor(ctx, 'ORGANIZER');
    const created = await submit(organiser.agent, '/buendnisse/neu', '/buendnisse', allianceFields());
    expect(created.status).toBe(303);
    expect(created.headers.location).toBe('/buendnisse/buergerbuendnis-gross-gerau');

    const page = await request(ctx.app).get('/buendnisse/buergerbuendnis-gross-gerau');
    expect(page.status).toBe(200);
    expect(page.text).toContain('<strong>Wohnen</strong>');
    expect(page.text).not.toContain('<script>alert');
    expect(page.text).toContain('href="https://www.bb-gross-gerau.example"');
    expect(page.text).toContain('kontakt@bb-gross-gerau.example');
    expect(text(page.text)).toContain('Hessen');
    expect(text(page.text)).toContain('Kreis Groß-Gerau');

    const alliance = await ctx.db.prisma.alliance.findUniqueOrThrow({ where: { slug: 'buergerbuendnis-gross-gerau' } });
    const memberEdit = await member.agent
      .post(`/buendnisse/${alliance.slug}`)
      .type('form')
      .send(formBody({ ...allianceFields({ name: 'Gekapert' }), _csrf: token }));
    expect(memberEdit.status).toBe(403);
    expect((await ctx.db.prisma.alliance.findUniqueOrThrow({ where: { id: alliance.id } })).name).toBe('Bürgerbündnis Groß-Gerau');
  });

  it('shows errors next to the fields and keeps the input', async () => {
    const organiser = await agentFor(ctx, 'ORGANIZER');
    const res = await submit(
      organiser.agent,
      '/buendnisse/neu',
      '/buendnisse',
      allianceFields({ name: 'Irgendein Bündnis', state: 'XY', foundedYear: '1850', website: 'ftp://x', contactEmail: 'kaputt' }),
    );
    expect(res.status).toBe(422);
    const page = text(res.text);
    expect(page).toContain('Bitte ein Bundesland wählen.');
    expect(page).toContain('Gründungsjahr zwischen 1945 und heute');
    expect(page).toContain('Bitte eine Webadresse wie https://www.beispiel.de eingeben.');
    expect(page).toContain('Bitte eine gültige E-Mail-Adresse eingeben.');
    expect(page).toContain('value="Irgendein Bündnis"');
    expect(await ctx.db.prisma.alliance.count({ where: { name: 'Irgendein Bündnis' } })).toBe(0);
  });

  it('gives a second alliance of the same name its own slug', async () => {
    const organiser = await agentFor(ctx, 'ORGANIZER');
    await submit(organiser.agent, '/buendnisse/neu', '/buendnisse', allianceFields({ name: 'Gleicher Name' }));
    const second = await submit(
      organiser.agent,
      '/buendnisse/neu',
      '/buendnisse',
      allianceFields({ name: 'Gleicher Name', municipality: 'Anderswo' }),
    );
    expect(second.headers.location).toBe('/buendnisse/gleicher-name-2');
  });

  it('keeps old links working by redirect after a rename', async () => {
    const organiser = await agentFor(ctx, 'ORGANIZER');
    await submit(organiser.agent, '/buendnisse/neu', '/buendnisse', allianceFields({ name: 'Alter Name' }));
    const renamed = await submit(
      organiser.agent,
      '/buendnisse/alter-name/bearbeiten',
      '/buendnisse/alter-name',
      allianceFields({ name: 'Neuer Name' }),
    );
    expect(renamed.headers.location).toBe('/buendnisse/neuer-name');
    const old = await request(ctx.app).get('/buendnisse/alter-name');
    expect(old.status).toBe(301);
    expect(old.headers.location).toBe('/buendnisse/neuer-name');
    // Renamed once more: both earlier links still arrive.
    await submit(organiser.agent, '/buendnisse/neuer-name/bearbeiten', '/buendnisse/neuer-name', allianceFields({ name: 'Dritter Name' }));
    expect((await request(ctx.app).get('/buendnisse/alter-name')).headers.location).toBe('/buendnisse/dritter-name');
    expect((await request(ctx.app).get('/buendnisse/neuer-name')).headers.location).toBe('/buendnisse/dritter-name');
    // A new alliance cannot take over an old link.
    const newcomer = await submit(organiser.agent, '/buendnisse/neu', '/buendnisse', allianceFields({ name: 'Alter Name' }));
    expect(newcomer.headers.location).toBe('/buendnisse/alter-name-2');
    expect((await request(ctx.app).get('/buendnisse/gibt-es-nicht')).status).toBe(404);
  });
});

describe('Bündnisse: joining, delegates, public members', () => {
  it('a member asks to join; a delegate of that alliance confirms; others cannot', async () => {
    const alliance = await makeAlliance('Bündnis Beitrittsstadt', 'Beitrittsstadt', 'NI');
    const delegate = await createUser(ctx.db, { name: 'Dora Delegierte' });
    await ctx.db.prisma.user.update({ where: { id: delegate.id }, data: { allianceId: alliance.id, isDelegate: true } });
    const applicant = await agentFor(ctx, 'MEMBER');

    const asked = await submit(applicant.agent, `/buendnisse/${alliance.slug}`, `/buendnisse/${alliance.slug}/beitreten`, {});
    expect(asked.status).toBe(303);
    expect(text((await applicant.agent.get(`/buendnisse/${alliance.slug}`)).text)).toContain('Deine Beitrittsanfrage läuft');
    // The delegates hear of it in a digest a few minutes later, however many requests come in meanwhile.
    await ctx.runAllJobs();
    const notice = await ctx.db.prisma.outboxMail.findFirst({
      where: { recipient: delegate.email, subject: { contains: 'Beitrittsanfrage' } },
    });
    expect(notice).not.toBeNull();

    // A member of another alliance and an anonymous visitor see no requests and cannot decide them.
    const outsider = await agentFor(ctx, 'MEMBER');
    const outsiderPage = text((await outsider.agent.get(`/buendnisse/${alliance.slug}`)).text);
    expect(outsiderPage).not.toContain('Beitrittsanfragen');
    expect(outsiderPage).not.toContain(applicant.user.email);
    const token = await csrfTokenFrom(outsider.agent, '/konto');
    const forbidden = await outsider.agent
      .post(`/buendnisse/${alliance.slug}/anfragen/${applicant.user.id}/bestaetigen`)
      .type('form')
      .send(formBody({ _csrf: token }));
    expect(forbidden.status).toBe(403);
    expect((await ctx.db.prisma.user.findUniqueOrThrow({ where: { id: applicant.user.id } })).allianceId).toBeNull();

    const delegateAgent = await loginAgent(ctx.app, delegate.email);
    const page = text((await delegateAgent.get(`/buendnisse/${alliance.slug}`)).text);
    expect(page).toContain('Beitrittsanfragen');
    expect(page).toContain(applicant.user.name);
    expect(page).not.toContain(applicant.user.email); // addresses are for organisers and admins only
    const confirmed = await submit(
      delegateAgent,
      `/buendnisse/${alliance.slug}`,
      `/buendnisse/${alliance.slug}/anfragen/${applicant.user.id}/bestaetigen`,
      {},
    );
    expect(confirmed.status).toBe(303);
    const joined = await ctx.db.prisma.user.findUniqueOrThrow({ where: { id: applicant.user.id } });
    expect(joined.allianceId).toBe(alliance.id);
    expect(joined.requestedAllianceId).toBeNull();
    expect(
      await ctx.db.prisma.outboxMail.count({ where: { recipient: applicant.user.email, subject: `Willkommen bei ${alliance.name}` } }),
    ).toBe(1);

    // Deciding again finds nothing to decide.
    const again = await submit(
      delegateAgent,
      `/buendnisse/${alliance.slug}`,
      `/buendnisse/${alliance.slug}/anfragen/${applicant.user.id}/ablehnen`,
      {},
    );
    expect(again.status).toBe(404);
  });

  it('an organiser can reject a request; the person can also withdraw it', async () => {
    const alliance = await makeAlliance('Bündnis Ablehnstadt', 'Ablehnstadt', 'SH');
    const applicant = await agentFor(ctx, 'MEMBER');
    await submit(applicant.agent, `/buendnisse/${alliance.slug}`, `/buendnisse/${alliance.slug}/beitreten`, {});
    const organiser = await agentFor(ctx, 'ORGANIZER');
    await submit(
      organiser.agent,
      `/buendnisse/${alliance.slug}`,
      `/buendnisse/${alliance.slug}/anfragen/${applicant.user.id}/ablehnen`,
      {},
    );
    const rejected = await ctx.db.prisma.user.findUniqueOrThrow({ where: { id: applicant.user.id } });
    expect(rejected.allianceId).toBeNull();
    expect(rejected.requestedAllianceId).toBeNull();

    await submit(applicant.agent, `/buendnisse/${alliance.slug}`, `/buendnisse/${alliance.slug}/beitreten`, {});
    await submit(applicant.agent, '/konto', '/konto/buendnis/anfrage-zuruecknehmen', {});
    expect((await ctx.db.prisma.user.findUniqueOrThrow({ where: { id: applicant.user.id } })).requestedAllianceId).toBeNull();
  });

  it('organisers mark delegates; the public page shows delegates and members who opted in, nobody else', async () => {
    const alliance = await makeAlliance('Bündnis Öffentlich', 'Öffentlichstadt', 'BB');
    const shown = await createUser(ctx.db, { name: 'Paula Öffentlich' });
    const hidden = await createUser(ctx.db, { name: 'Hans Versteckt' });
    await ctx.db.prisma.user.update({ where: { id: shown.id }, data: { allianceId: alliance.id, publicOnAlliancePage: true } });
    await ctx.db.prisma.user.update({ where: { id: hidden.id }, data: { allianceId: alliance.id } });

    const organiser = await agentFor(ctx, 'ORGANIZER');
    await submit(organiser.agent, `/buendnisse/${alliance.slug}`, `/buendnisse/${alliance.slug}/delegierte/${hidden.id}`, {
      delegiert: 'ja',
    });
    expect((await ctx.db.prisma.user.findUniqueOrThrow({ where: { id: hidden.id } })).isDelegate).toBe(true);

    const member = await agentFor(ctx, 'MEMBER');
    const denied = await submit(member.agent, '/konto', `/buendnisse/${alliance.slug}/delegierte/${shown.id}`, { delegiert: 'ja' });
    expect(denied.status).toBe(403);

    // A delegate appears publicly only with consent; logged-in members see all delegates (whom to ask).
    const publicPage = text((await request(ctx.app).get(`/buendnisse/${alliance.slug}`)).text);
    expect(publicPage).toContain('Paula Öffentlich');
    expect(publicPage).not.toContain('Hans Versteckt');
    expect(publicPage).not.toContain(shown.email);
    expect(publicPage).not.toContain('Alle Mitglieder');
    expect(text((await member.agent.get(`/buendnisse/${alliance.slug}`)).text)).toContain('Hans Versteckt');
    await ctx.db.prisma.user.update({ where: { id: hidden.id }, data: { publicOnAlliancePage: true } });
    expect(text((await request(ctx.app).get(`/buendnisse/${alliance.slug}`)).text)).toContain('Hans Versteckt');

    await ctx.db.prisma.user.update({ where: { id: hidden.id }, data: { isDelegate: false, publicOnAlliancePage: false } });
    expect(text((await request(ctx.app).get(`/buendnisse/${alliance.slug}`)).text)).not.toContain('Hans Versteckt');
  });

  it('registration with a Bündnis becomes a membership when the admin approves the account', async () => {
    const alliance = await makeAlliance('Bündnis Anmeldestadt', 'Anmeldestadt', 'RP');
    const visitor = request.agent(ctx.app);
    await submit(visitor, '/registrieren', '/registrieren', {
      name: 'Neue Person',
      email: 'neu-im-buendnis@example.org',
      password: 'Ein-gutes-Passwort-2026',
      passwordRepeat: 'Ein-gutes-Passwort-2026',
      allianceId: String(alliance.id),
      acceptPrinciples: 'ja',
    });
    const pending = await ctx.db.prisma.user.findUniqueOrThrow({ where: { email: 'neu-im-buendnis@example.org' } });
    expect(pending.allianceId).toBeNull();
    expect(pending.requestedAllianceId).toBe(alliance.id);

    const admin = await agentFor(ctx, 'ADMIN');
    expect(text((await admin.agent.get('/admin/benutzer?status=PENDING')).text)).toContain('möchte zu Bündnis Anmeldestadt');
    await submit(admin.agent, '/admin/benutzer', `/admin/benutzer/${pending.id}/freischalten`, {});
    const approved = await ctx.db.prisma.user.findUniqueOrThrow({ where: { id: pending.id } });
    expect(approved.allianceId).toBe(alliance.id);
    expect(approved.requestedAllianceId).toBeNull();
  });
});

describe('mail that join requests cause', () => {
  it('reaches the delegates as one digest, however many people ask, and one person cannot flood them', async () => {
    const alliance = await makeAlliance('Bündnis Ansturm', 'Ansturmstadt', 'HE');
    const delegate = await createUser(ctx.db, { name: 'Dieter Delegierter' });
    await ctx.db.prisma.user.update({ where: { id: delegate.id }, data: { allianceId: alliance.id, isDelegate: true } });
    const applicants = await Promise.all([1, 2, 3, 4].map(() => agentFor(ctx, 'MEMBER')));
    for (const { agent } of applicants) {
      expect((await submit(agent, `/buendnisse/${alliance.slug}`, `/buendnisse/${alliance.slug}/beitreten`, {})).status).toBe(303);
    }
    await ctx.runAllJobs();
    const mails = await ctx.db.prisma.outboxMail.findMany({ where: { recipient: delegate.email } });
    expect(mails).toHaveLength(1);
    for (const { user } of applicants) expect(mails[0]!.body).toContain(`- ${user.name}`);

    // One person asking again and again is stopped after a few requests.
    const pest = applicants[0]!.agent;
    let status = 303;
    for (let i = 0; i < 10 && status === 303; i++) status = (await submit(pest, `/buendnisse/${alliance.slug}`, `/buendnisse/${alliance.slug}/beitreten`, {})).status;
    expect(status).toBe(429);
  });

  it('archived alliances are hidden from the list, marked on their page, and take no join requests', async () => {
    const alliance = await makeAlliance('Bündnis Aufgelöst', 'Endstadt', 'SN');
    const organiser = await agentFor(ctx, 'ORGANIZER');
    const asked = await submit(organiser.agent, `/buendnisse/${alliance.slug}`, `/buendnisse/${alliance.slug}/archivieren`, {});
    expect(text(asked.text)).toContain('Bündnis Aufgelöst archivieren?');
    await submit(organiser.agent, `/buendnisse/${alliance.slug}`, `/buendnisse/${alliance.slug}/archivieren`, { bestaetigt: 'ja' });

    expect(text((await request(ctx.app).get('/buendnisse?q=Aufgelöst')).text)).not.toContain('Bündnis Aufgelöst');
    expect(text((await request(ctx.app).get('/buendnisse?q=Aufgelöst&archiv=1')).text)).toContain('Bündnis Aufgelöst');
    const page = text((await request(ctx.app).get(`/buendnisse/${alliance.slug}`)).text);
    expect(page).toContain('ist seit');
    expect(page).toContain('archiviert');
    const member = await agentFor(ctx, 'MEMBER');
    const join = await member.agent.post(`/buendnisse/${alliance.slug}/beitreten`).type('form').send({ _csrf: await csrfTokenFrom(member.agent, '/konto') });
    expect(join.status).toBe(409);
    expect(text(join.text)).toContain('archiviert und nimmt keine Mitglieder mehr auf');

    await submit(organiser.agent, `/buendnisse/${alliance.slug}`, `/buendnisse/${alliance.slug}/wiederherstellen`, {});
    expect(text((await request(ctx.app).get('/buendnisse?q=Aufgelöst')).text)).toContain('Bündnis Aufgelöst');
  });
});

describe('directory search as people type', () => {
  it('finds umlauts and ß however they are spelled, and tolerates a small typo', async () => {
    await makeAlliance('Wählergemeinschaft Müllerstraße', 'Groß-Gerau', 'HE');
    for (const q of ['Muller', 'Mueller', 'müller', 'MÜLLERSTRASSE', 'gross-gerau', 'Muellerstrase', 'Wahlergemeinschaft']) {
      const page = text((await request(ctx.app).get(`/buendnisse?q=${encodeURIComponent(q)}`)).text);
      expect(page, q).toContain('Wählergemeinschaft Müllerstraße');
    }
    expect(text((await request(ctx.app).get('/buendnisse?q=Schulz')).text)).not.toContain('Müllerstraße');
    // Quotes, wildcards, emoji and very long input are searched for literally and never fail.
    for (const q of ['100%', '_', "O'Brien", '"Bürger"', '🌻', 'x'.repeat(2000), '\\']) {
      expect((await request(ctx.app).get(`/buendnisse?q=${encodeURIComponent(q)}`)).status, q).toBe(200);
    }
  });
});
