// Results kept for logged-in people (page counts, a filter's choices, topic pages) stay valid only while the content
// version stays the same: every committed change to listed content moves it, so nobody sees an old count or list,
// however the change was made – through the app or straight in the database.
import request from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import { createUser, sessionAgent, text, useTestContext } from './support/context.js';
import { publishedReport } from './support/reports.js';

const ctx = useTestContext();
let author: request.Agent;
let admin: request.Agent;
let member: request.Agent;
let memberId: number;

beforeAll(async () => {
  author = await sessionAgent(ctx.app, (await createUser(ctx.db, { name: 'Vera Version' })).id);
  admin = await sessionAgent(ctx.app, (await createUser(ctx.db, { role: 'ADMIN' })).id);
  memberId = (await createUser(ctx.db)).id;
  member = await sessionAgent(ctx.app, memberId);
});

const version = async () => (await ctx.db.pool.query<{ version: number }>('SELECT version FROM content_version')).rows[0]!.version;
const countLine = async (agent: request.Agent, path: string, pattern: RegExp) => {
  const res = await agent.get(path);
  expect(res.status).toBe(200);
  return text(res.text).match(pattern)?.[0];
};

describe('the content version', () => {
  it('moves with every table of content: a new table needs the trigger (or a place on the operational list)', async () => {
    const operational = [
      '_prisma_migrations',
      'content_version',
      'session',
      'jobs',
      'outbox_mails',
      'rate_limits',
      'known_logins',
      'password_reset_tokens',
      'email_change_requests',
      'reference_data_loads',
      'meeting_reminders',
    ];
    const { rows } = await ctx.db.pool.query<{ table: string }>(
      `SELECT c.relname AS table FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
       WHERE n.nspname = current_schema() AND c.relkind = 'r' AND c.relname <> ALL ($1::text[])
         AND NOT EXISTS (SELECT 1 FROM pg_trigger t WHERE t.tgrelid = c.oid AND t.tgname = c.relname || '_content_changed')`,
      [operational],
    );
    expect(rows.map((r) => r.table)).toEqual([]);
  });

  it('moves once when a change commits, not before, and not for a login', async () => {
    const before = await version();
    const client = await ctx.db.pool.connect();
    try {
      await client.query('BEGIN');
      await client.query(`UPDATE alliances SET name = name || '' WHERE true`);
      await client.query(
        `INSERT INTO alliances (slug, name, municipality, state) VALUES ('versionsstadt', 'Liste Versionsstadt', 'Versionsstadt', 'NI')`,
      );
      expect(await version()).toBe(before); // another connection does not see the change yet, nor the new number
      await client.query('COMMIT');
    } finally {
      client.release();
    }
    expect(await version()).toBe(before + 1);

    await ctx.db.pool.query(`UPDATE users SET last_login_at = now() WHERE id = $1`, [memberId]);
    expect(await version()).toBe(before + 1);

    const client2 = await ctx.db.pool.connect();
    try {
      await client2.query('BEGIN');
      await client2.query(`UPDATE alliances SET name = 'Liste Versionsstadt neu' WHERE slug = 'versionsstadt'`);
      await client2.query('ROLLBACK');
    } finally {
      client2.release();
    }
    expect(await version()).toBe(before + 1);
  });

  it('a member sees a changed report count and topic page at once, also after a change made in the database', async () => {
    const first = await publishedReport(ctx, author, admin, { title: 'Versionen zählen im Verkehr', topicIds: [] });
    const topic = await ctx.db.pool.query<{ id: number }>(`SELECT id FROM topics WHERE slug = 'verkehr'`);
    await ctx.db.pool.query(`INSERT INTO report_topics (report_id, topic_id) SELECT id, $1 FROM reports WHERE slug = $2`, [
      topic.rows[0]!.id,
      first,
    ]);

    const counted = await countLine(member, '/berichte', /\d+ Berichte?,/);
    expect(await countLine(member, '/berichte', /\d+ Berichte?,/)).toBe(counted); // kept: the same again
    const topicPage = await member.get('/themen/verkehr');
    expect(topicPage.text).toContain('Versionen zählen im Verkehr');

    await publishedReport(ctx, author, admin, { title: 'Ein zweiter Bericht' });
    const n = Number(counted!.match(/\d+/)![0]);
    expect(await countLine(member, '/berichte', /\d+ Berichte?,/)).toBe(`${n + 1} Berichte,`);

    // Hidden straight in the database: the count and the topic page follow at once.
    await ctx.db.pool.query(`UPDATE reports SET hidden_at = now() WHERE slug = $1`, [first]);
    expect(await countLine(member, '/berichte', /\d+ Berichte?,/)).toBe(`${n} ${n === 1 ? 'Bericht' : 'Berichte'},`);
    expect((await member.get('/themen/verkehr')).text).not.toContain('Versionen zählen im Verkehr');
  });

  it('a member’s search finds a report published a moment ago, and no longer one hidden since', async () => {
    const searchFor = async (path: string) => text((await member.get(path)).text);
    expect(await searchFor('/suche?q=Zeitkapsel')).not.toContain('Die Zeitkapsel im Rathaus');
    expect(await searchFor('/berichte?q=Zeitkapsel')).not.toContain('Die Zeitkapsel im Rathaus');
    const slug = await publishedReport(ctx, author, admin, { title: 'Die Zeitkapsel im Rathaus' });
    expect(await searchFor('/suche?q=Zeitkapsel')).toContain('Die Zeitkapsel im Rathaus');
    expect(await searchFor('/berichte?q=Zeitkapsel')).toContain('Die Zeitkapsel im Rathaus');
    await ctx.db.pool.query(`UPDATE reports SET hidden_at = now() WHERE slug = $1`, [slug]);
    expect(await searchFor('/suche?q=Zeitkapsel')).not.toContain('Die Zeitkapsel im Rathaus');
    expect(await searchFor('/berichte?q=Zeitkapsel')).not.toContain('Die Zeitkapsel im Rathaus');
  });

  it('the directory count follows a person who lists themselves', async () => {
    const listed = await createUser(ctx.db, { name: 'Lisa Gelistet' });
    await ctx.db.pool.query(`UPDATE users SET listed_in_directory = true WHERE id = $1`, [listed.id]);
    const before = Number((await countLine(member, '/mitglieder', /\d+ (Eintrag|Einträge)/))!.match(/\d+/)![0]);
    await ctx.db.pool.query(`UPDATE users SET listed_in_directory = true WHERE id = $1`, [memberId]);
    const after = Number((await countLine(member, '/mitglieder', /\d+ (Eintrag|Einträge)/))!.match(/\d+/)![0]);
    expect(after).toBe(before + 1);
  });

  it('keeps nothing for a member while the version cannot be read (its row gone)', async () => {
    const kept = await version();
    await ctx.db.pool.query('DELETE FROM content_version');
    try {
      const listed = await createUser(ctx.db, { name: 'Olga Ohneversion' });
      const before = Number((await countLine(member, '/mitglieder', /\d+ (Eintrag|Einträge)/))!.match(/\d+/)![0]);
      await ctx.db.pool.query(`UPDATE users SET listed_in_directory = true WHERE id = $1`, [listed.id]);
      const after = Number((await countLine(member, '/mitglieder', /\d+ (Eintrag|Einträge)/))!.match(/\d+/)![0]);
      expect(after).toBe(before + 1);
    } finally {
      await ctx.db.pool.query('INSERT INTO content_version (id, version) VALUES (true, $1)', [kept + 1000]);
    }
  });
});
