import fs from 'node:fs/promises';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { NETWORKS } from '../prisma/data/networks.js';
import { TOPICS } from '../prisma/data/topics.js';
import { connectDatabase } from '../src/db/database.js';
import { loadReferenceData } from '../src/db/reference-data.js';
import { agentFor, buildApp, submit, text, useTestContext } from './support/context.js';

const ctx = useTestContext();

const SOURCE = new URL('../prisma/data/sources/kommunale-netzwerke-uebersicht.txt', import.meta.url);
/** Longer words of a text, lower-cased, without punctuation. */
const words = (s: string) => s.toLowerCase().match(/[a-zäöüß0-9]{6,}/g) ?? [];

/** Share of a text's longer words that occur in the source: 1 = copied, small typo fixes allowed. */
function overlap(text: string, sourceWords: Set<string>): number {
  const own = words(text);
  return own.filter((w) => sourceWords.has(w)).length / Math.max(1, own.length);
}

describe('network data shipped with the project', () => {
  it('is derived from the overview: every entry, its web address and its reach figures are in the source', async () => {
    const source = await fs.readFile(SOURCE, 'utf8');
    const sourceWords = new Set(words(source));
    expect(NETWORKS.length).toBe(47);
    const notFromSource = NETWORKS.filter((n) => overlap(`${n.name} ${n.description}`, sourceWords) < 0.85).map((n) => n.name);
    expect(notFromSource).toEqual([]);
    for (const network of NETWORKS) {
      if (network.website) expect(source.includes(network.website), `${network.name}: ${network.website}`).toBe(true);
      for (const figure of network.reach?.match(/\d[\d.]*/g) ?? [])
        expect(source.includes(figure), `${network.name}: ${figure}`).toBe(true);
      for (const topic of network.topics)
        expect(
          TOPICS.map((t) => t.slug),
          network.name,
        ).toContain(topic);
    }
    // The check itself catches an invented entry.
    expect(overlap('Netzwerk erfundener Gemeinden für Raumfahrtpolitik und Mondbesiedlung', sourceWords)).toBeLessThan(0.85);
    const categories = new Set(NETWORKS.map((n) => n.category));
    expect([...categories].sort()).toEqual(['INTERNATIONAL', 'NATIONAL', 'PARTY']);
    expect(new Set(NETWORKS.map((n) => n.slug)).size).toBe(NETWORKS.length);
  });

  it('is in the directory after a fresh install, once, with categories, reach and topics', async () => {
    expect(await ctx.db.prisma.network.count()).toBe(NETWORKS.length);
    expect(await ctx.db.prisma.topic.count()).toBe(TOPICS.length);
    const klima = await ctx.db.prisma.network.findUniqueOrThrow({
      where: { slug: 'klima-buendnis' },
      include: { topics: { include: { topic: true } } },
    });
    expect(klima.category).toBe('INTERNATIONAL');
    expect(klima.reach).toBe('1.700 Kommunen in 26 europäischen Staaten');
    expect(klima.topics.map((t) => t.topic.slug)).toEqual(['umwelt-klima']);

    await loadReferenceData(ctx.db.prisma); // a second start
    expect(await ctx.db.prisma.network.count()).toBe(NETWORKS.length);
    expect(await ctx.db.prisma.topic.count()).toBe(TOPICS.length);
  });
});

describe('/netzwerke', () => {
  it('shows every network grouped by category, each linking out with rel="noopener"', async () => {
    const res = await request(ctx.app).get('/netzwerke');
    expect(res.status).toBe(200);
    const page = text(res.text);
    for (const heading of [
      'Nationale Zusammenschlüsse',
      'Kommunalpolitische Vereinigungen der Parteien',
      'Internationale Zusammenschlüsse',
    ]) {
      expect(page).toContain(heading);
    }
    expect(page).toContain('47 Netzwerke');
    expect(page).toContain('Reichweite: über 140 der größten Städte Europas und über 45 Partnerstädte');
    const outLinks = res.text.match(/<a href="https?:\/\/[^"]+"[^>]*>/g) ?? [];
    expect(outLinks.length).toBeGreaterThan(40);
    for (const link of outLinks) expect(link).toContain('rel="noopener');
  });

  it('filters by category, topic and search text', async () => {
    const parties = text((await request(ctx.app).get('/netzwerke?kategorie=parteien')).text);
    expect(parties).toContain('BAG Kommunalpolitik – DIE LINKE');
    expect(parties).not.toContain('Eurocities');
    const transport = text((await request(ctx.app).get('/netzwerke?thema=verkehr')).text);
    expect(transport).toContain('Cities for Mobility');
    expect(transport).not.toContain('Mayors for Peace');
    const search = text((await request(ctx.app).get('/netzwerke?q=atomwaffen')).text);
    expect(search).toContain('Mayors for Peace');
    expect(search).toContain('1 Netzwerk');
    expect(text((await request(ctx.app).get('/netzwerke?q=gibtsnicht')).text)).toContain('Keine Netzwerke gefunden');
    expect((await request(ctx.app).get('/netzwerke?kategorie=unsinn&thema=%27%3B--')).status).toBe(200);
  });

  it('the topic page lists the networks tagged with it', async () => {
    const res = await request(ctx.app).get('/themen/verkehr');
    expect(res.status).toBe(200);
    expect(text(res.text)).toContain('Cities for Mobility');
    expect((await request(ctx.app).get('/themen/gibt-es-nicht')).status).toBe(404);
    expect(text((await request(ctx.app).get('/themen')).text)).toContain('Daseinsvorsorge/Rekommunalisierung');
  });
});

describe('admins maintain the networks', () => {
  it('members and organisers cannot edit', async () => {
    const network = await ctx.db.prisma.network.findUniqueOrThrow({ where: { slug: 'eurocities' } });
    for (const role of ['MEMBER', 'ORGANIZER'] as const) {
      const { agent } = await agentFor(ctx, role);
      expect((await agent.get(`/netzwerke/${network.id}/bearbeiten`)).status).toBe(403);
      const res = await submit(agent, '/konto', `/netzwerke/${network.id}/ausmustern`, {});
      expect(res.status).toBe(403);
    }
    expect((await ctx.db.prisma.network.findUniqueOrThrow({ where: { id: network.id } })).retiredAt).toBeNull();
  });

  it('edits, additions and retirements survive a restart', async () => {
    const admin = await agentFor(ctx, 'ADMIN');
    const euro = await ctx.db.prisma.network.findUniqueOrThrow({ where: { slug: 'eurocities' } });
    const wohnen = await ctx.db.prisma.topic.findUniqueOrThrow({ where: { slug: 'wohnen' } });
    const verkehr = await ctx.db.prisma.topic.findUniqueOrThrow({ where: { slug: 'verkehr' } });
    const edited = await submit(admin.agent, `/netzwerke/${euro.id}/bearbeiten`, `/netzwerke/${euro.id}/bearbeiten`, {
      name: 'EUROCITIES',
      category: 'INTERNATIONAL',
      description: 'Von der KOG überarbeitet.',
      website: 'https://eurocities.eu',
      reach: 'über 200 Städte',
      topicIds: [String(wohnen.id), String(verkehr.id)],
    });
    expect(edited.status).toBe(303);

    const added = await submit(admin.agent, '/netzwerke/neu', '/netzwerke/neu', {
      name: 'Netzwerk Kommunale Wärmewende',
      category: 'NATIONAL',
      description: 'Neu eingetragen.',
      website: '',
      reach: '',
    });
    expect(added.headers.location).toBe('/netzwerke#netzwerk-kommunale-waermewende');

    const afd = await ctx.db.prisma.network.findUniqueOrThrow({ where: { slug: 'afd-und-kommunen' } });
    const asked = await submit(admin.agent, '/netzwerke', `/netzwerke/${afd.id}/ausmustern`, {});
    expect(asked.status).toBe(200);
    expect(text(asked.text)).toContain('Netzwerk ausmustern?');
    expect((await ctx.db.prisma.network.findUniqueOrThrow({ where: { id: afd.id } })).retiredAt).toBeNull();
    const retired = await submit(admin.agent, '/netzwerke', `/netzwerke/${afd.id}/ausmustern`, { bestaetigt: 'ja' });
    expect(retired.status).toBe(303);
    expect(text((await request(ctx.app).get('/netzwerke')).text)).not.toContain('AfD und Kommunen');
    expect(text((await admin.agent.get('/netzwerke?ausgemustert=1')).text)).toContain('AfD und Kommunen');
    expect(text((await request(ctx.app).get('/netzwerke?ausgemustert=1')).text)).not.toContain('AfD und Kommunen');

    // A restart: a new app on the same database, which loads reference data again.
    const restartedDb = connectDatabase(ctx.url, { max: 2 });
    try {
      await loadReferenceData(restartedDb.prisma);
      const page = text((await request(buildApp(restartedDb)).get('/netzwerke')).text);
      expect(page).toContain('EUROCITIES');
      expect(page).toContain('Von der KOG überarbeitet.');
      expect(page).toContain('Netzwerk Kommunale Wärmewende');
      expect(page).not.toContain('AfD und Kommunen');
      const saved = await restartedDb.prisma.network.findUniqueOrThrow({ where: { id: euro.id }, include: { topics: true } });
      expect(saved.topics.map((t) => t.topicId).sort()).toEqual([wohnen.id, verkehr.id].sort());
    } finally {
      await restartedDb.close();
    }
  });

  it('rejects invalid input with messages next to the fields', async () => {
    const admin = await agentFor(ctx, 'ADMIN');
    const res = await submit(admin.agent, '/netzwerke/neu', '/netzwerke/neu', { name: '', category: 'KOSMISCH', topicIds: ['999999'] });
    expect(res.status).toBe(422);
    const page = text(res.text);
    expect(page).toContain('Bitte einen Namen angeben.');
    expect(page).toContain('Bitte eine Kategorie wählen.');
  });
});

describe('admins maintain the topics', () => {
  it('adds, renames (same link) and retires topics; members cannot', async () => {
    const member = await agentFor(ctx, 'MEMBER');
    expect((await member.agent.get('/admin/themen')).status).toBe(403);

    const admin = await agentFor(ctx, 'ADMIN');
    const created = await submit(admin.agent, '/admin/themen', '/admin/themen', {
      name: 'Kultur',
      description: 'Theater, Bibliotheken, Soziokultur.',
    });
    expect(created.status).toBe(303);
    const duplicate = await submit(admin.agent, '/admin/themen', '/admin/themen', { name: 'Kultur', description: '' });
    expect(text(duplicate.text)).toContain('Ein Thema mit diesem Namen gibt es schon.');

    const kultur = await ctx.db.prisma.topic.findUniqueOrThrow({ where: { slug: 'kultur' } });
    await submit(admin.agent, `/admin/themen/${kultur.id}/bearbeiten`, `/admin/themen/${kultur.id}`, {
      name: 'Kultur und Sport',
      description: '',
    });
    expect(text((await request(ctx.app).get('/themen/kultur')).text)).toContain('Kultur und Sport');

    await submit(admin.agent, '/admin/themen', `/admin/themen/${kultur.id}/ausmustern`, { bestaetigt: 'ja' });
    expect(text((await request(ctx.app).get('/themen')).text)).not.toContain('Kultur und Sport');
    expect((await request(ctx.app).get('/themen/kultur')).status).toBe(200);
  });
});
