// Visitors' pages may come from a memory cache for a moment; people who change things never see old pages.
import request from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildApp, createUser, readsOf, sessionAgent, submit, text, useTestContext } from './support/context.js';
import { publishedReport } from './support/reports.js';
import { publishedMotion } from './support/motions.js';

const ctx = useTestContext();
const TTL = 400;
let app: ReturnType<typeof buildApp>;
beforeAll(() => {
  app = buildApp(ctx.db, { pageCacheMs: TTL });
});

describe('the page cache for visitors', () => {
  it('shows visitors a change within moments, and the person who made it at once', async () => {
    const organiser = await sessionAgent(app, (await createUser(ctx.db, { role: 'ORGANIZER' })).id);
    expect(text((await request(app).get('/buendnisse')).text)).not.toContain('Bündnis Frisch');

    await submit(organiser, '/buendnisse/neu', '/buendnisse', { name: 'Bündnis Frisch', municipality: 'Frischstadt', state: 'HB' });
    // The organiser (with a session) never gets a kept page.
    expect(text((await organiser.get('/buendnisse')).text)).toContain('Bündnis Frisch');
    // A visitor may still get the page from a moment ago …
    const soon = text((await request(app).get('/buendnisse')).text);
    expect(soon).not.toContain('Bündnis Frisch');
    // … but not for longer than the cache time.
    await new Promise((r) => setTimeout(r, TTL + 50));
    await request(app).get('/buendnisse'); // renders the fresh copy
    expect(text((await request(app).get('/buendnisse')).text)).toContain('Bündnis Frisch');
  });

  it('sends the kept copy with its ETag, so a browser that has it gets 304 Not Modified', async () => {
    const first = await request(app).get('/netzwerke?ansicht=etag');
    expect(first.headers.etag).toMatch(/^W\/"[0-9a-f]+-[\w+/]{27}"$/);
    const kept = await request(app).get('/netzwerke?ansicht=etag');
    expect(kept.headers.etag).toBe(first.headers.etag);
    expect(kept.text).toBe(first.text);
    expect(kept.headers['content-type']).toBe('text/html; charset=utf-8');
    const revalidated = await request(app).get('/netzwerke?ansicht=etag').set('If-None-Match', first.headers.etag!);
    expect(revalidated.status).toBe(304);
    expect(revalidated.text).toBe('');
  });

  it('keeps no page that starts a session, no error page and nothing for logged-in people', async () => {
    const login = await request(app).get('/anmelden');
    expect(login.headers['set-cookie']).toBeDefined();
    const again = await request(app).get('/anmelden');
    expect(again.headers['set-cookie']).toBeDefined(); // rendered again, with a session and a token of its own
    expect(/name="_csrf" value="([^"]+)"/.exec(again.text)?.[1]).not.toBe(/name="_csrf" value="([^"]+)"/.exec(login.text)?.[1]);

    expect((await request(app).get('/buendnisse/gibt-es-nicht')).status).toBe(404);
    await ctx.db.prisma.alliance.create({ data: { slug: 'gibt-es-nicht', name: 'Jetzt schon', municipality: 'Ort', state: 'BY' } });
    expect((await request(app).get('/buendnisse/gibt-es-nicht')).status).toBe(200);

    const member = await sessionAgent(app, (await createUser(ctx.db, { name: 'Mona Mitglied' })).id);
    const page = await member.get('/');
    expect(text(page.text)).toContain('Mona Mitglied');
    expect(text((await request(app).get('/')).text)).not.toContain('Mona Mitglied');
  });

  it('lets one request render an expired page while the others still get the kept copy', async () => {
    await request(app).get('/netzwerke');
    await new Promise((r) => setTimeout(r, TTL + 50));
    // Count how often the directory is read while eight visitors ask at the same moment.
    const reads = await readsOf(app, 'FROM networks n', async () => {
      const responses = await Promise.all(Array.from({ length: 8 }, () => request(app).get('/netzwerke')));
      expect(responses.every((r) => r.status === 200)).toBe(true);
    });
    expect(reads).toBe(1);
  });
});

describe('calendar files from the cache', () => {
  it('keep their content type and file name, and show a new meeting within moments', async () => {
    const lead = await createUser(ctx.db, { role: 'ORGANIZER' });
    const first = await request(app).get('/treffen.ics');
    const kept = await request(app).get('/treffen.ics');
    expect(kept.headers['content-type']).toMatch(/^text\/calendar/);
    expect(kept.headers['content-disposition']).toBe(first.headers['content-disposition']);
    expect(kept.headers['content-disposition']).toContain('treffen.ics');
    await ctx.db.prisma.meeting.create({
      data: {
        kind: 'KOG_TREFFEN',
        title: 'Frisches Treffen',
        startsAt: new Date(Date.now() + 86_400_000),
        endsAt: new Date(Date.now() + 90_000_000),
        leadOrganizerId: lead.id,
        createdById: lead.id,
      },
    });
    await new Promise((r) => setTimeout(r, TTL + 50));
    await request(app).get('/treffen.ics');
    expect((await request(app).get('/treffen.ics')).text).toContain('Frisches Treffen');
  });
});

describe('documents from the cache', () => {
  const binary = (res: request.Response, callback: (error: Error | null, body: Buffer) => void) => {
    const chunks: Buffer[] = [];
    res.on('data', (chunk: Buffer) => chunks.push(chunk));
    res.on('end', () => callback(null, Buffer.concat(chunks)));
  };

  it("keeps a visitor's Word file of a filled-in template with its type and name, never a member's", async () => {
    const author = await sessionAgent(ctx.app, (await createUser(ctx.db)).id);
    const admin = await sessionAgent(ctx.app, (await createUser(ctx.db, { role: 'ADMIN' })).id);
    const slug = await publishedMotion(ctx, author, admin);
    const address = `/antraege/${slug}/verwenden?format=docx&wert%3AGemeinde=Kachelstadt`;
    const download = (agent: ReturnType<typeof request> | typeof author = request(app)) => agent.get(address).buffer(true).parse(binary);

    // The version the cache knows may lag the publication by its read interval (here TTL): let it catch up, so the
    // first download is not kept under the version before.
    await new Promise((r) => setTimeout(r, TTL + 50));
    const first = await download();
    expect(first.status).toBe(200);
    await new Promise((r) => setTimeout(r, 5)); // a fresh file would carry a later time of making
    const kept = await download();
    expect((kept.body as Buffer).equals(first.body as Buffer)).toBe(true);
    expect(kept.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(kept.headers['content-disposition']).toBe(`attachment; filename=${slug}.docx`);
    expect(kept.headers['content-length']).toBe(String((first.body as Buffer).length));
    expect((await request(app).head(address)).headers['content-length']).toBe(kept.headers['content-length']);

    // A member's download (values of their own) is made for them each time.
    const member = await sessionAgent(app, (await createUser(ctx.db)).id);
    const own = await download(member);
    expect(own.status).toBe(200);
    expect((own.body as Buffer).equals(first.body as Buffer)).toBe(false);

    // After the cache time the visitor gets a newly made file.
    await new Promise((r) => setTimeout(r, TTL + 50));
    await download(); // makes the fresh copy
    expect(((await download()).body as Buffer).equals(first.body as Buffer)).toBe(false);
  });
});

describe('the page cache and the content version', () => {
  // Kept up to 3 s; the content version is read about once a second.
  let slowApp: ReturnType<typeof buildApp>;
  beforeAll(() => {
    // Page counts could be kept a minute by age alone: they must follow the content version instead.
    slowApp = buildApp(ctx.db, { pageCacheMs: 3000, referenceCacheMs: 60_000 });
  });

  it('keeps a page while nothing changes, and shows a change made anywhere within about a second', async () => {
    await request(slowApp).get('/buendnisse?ansicht=version');
    await new Promise((r) => setTimeout(r, 1100));
    const reads = await readsOf(slowApp, 'FROM alliances', async () => {
      expect((await request(slowApp).get('/buendnisse?ansicht=version')).status).toBe(200);
    });
    expect(reads).toBe(0); // the version was read again, it is the same: the kept page

    // Changed straight in the database (as another app instance would): no instance forgets anything by itself.
    await ctx.db.pool.query(
      `INSERT INTO alliances (slug, name, municipality, state) VALUES ('versionsdorf', 'Liste Versionsdorf', 'Versionsdorf', 'SH')`,
    );
    await new Promise((r) => setTimeout(r, 1100));
    expect(text((await request(slowApp).get('/buendnisse?ansicht=version')).text)).toContain('Liste Versionsdorf');
  });

  it('renders a changed page with a page count as new as the page', async () => {
    const author = await sessionAgent(ctx.app, (await createUser(ctx.db)).id);
    const admin = await sessionAgent(ctx.app, (await createUser(ctx.db, { role: 'ADMIN' })).id);
    const first = await publishedReport(ctx, author, admin, { title: 'Erster Zählbericht' });
    await publishedReport(ctx, author, admin, { title: 'Zweiter Zählbericht' });
    const count = async () => Number(/(\d+) Berichte?,/.exec(text((await request(slowApp).get('/berichte')).text))?.[1]);
    const before = await count();
    await ctx.db.pool.query(`UPDATE reports SET hidden_at = now() WHERE slug = $1`, [first]);
    await new Promise((r) => setTimeout(r, 1100));
    const page = text((await request(slowApp).get('/berichte')).text);
    expect(page).not.toContain('Erster Zählbericht');
    expect(await count()).toBe(before - 1);
  });
});
