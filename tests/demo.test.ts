import { spawn } from 'node:child_process';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../scripts/seed-demo.js';
import { loginAgent, text, useTestContext } from './support/context.js';

const ctx = useTestContext();

// People named in the seed documents: none of them may appear in demo data.
const REAL_NAMES = ['Engelhardt', 'Reichmann', 'Hanni', 'Werner', 'Martina', 'Behlau', 'Barlow', 'bergauf', 'posteo'];

function runSeed(args: string[]): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/seed-demo.ts', ...args], {
      env: { PATH: process.env.PATH ?? '', DATABASE_URL: ctx.url },
    });
    let output = '';
    child.stdout.on('data', (c: Buffer) => (output += c.toString()));
    child.stderr.on('data', (c: Buffer) => (output += c.toString()));
    child.on('close', (code) => resolve({ code, output }));
  });
}

describe('npm run seed:demo', () => {
  it('fills a living site with clearly marked demo alliances and members, and removes them again', async () => {
    const first = await runSeed([]);
    expect(first.code).toBe(0);
    expect(first.output).toContain('Demo-Inhalte angelegt');
    expect((await runSeed([])).code).toBe(0); // running it twice changes nothing

    const alliances = await ctx.db.prisma.alliance.findMany({ where: { slug: { startsWith: 'demo-' } } });
    expect(alliances.length).toBeGreaterThanOrEqual(6);
    expect(new Set(alliances.map((a) => a.state)).size).toBeGreaterThanOrEqual(5);
    for (const a of alliances) {
      expect(a.name).toContain('(Demo)');
      expect(a.description).toContain('Demo-Eintrag');
    }
    const members = await ctx.db.prisma.user.findMany({ where: { email: { endsWith: '@demo.invalid' } } });
    expect(members.length).toBeGreaterThanOrEqual(8);
    const everything = JSON.stringify({ alliances, members: members.map((m) => [m.name, m.email, m.directoryNote]) });
    for (const name of REAL_NAMES) expect(everything).not.toContain(name);

    // A convincing first look: different texts, and every alliance shows delegates and members.
    expect(new Set(alliances.map((a) => a.description)).size).toBe(alliances.length);
    const page = text((await request(ctx.app).get('/buendnisse')).text);
    expect(page).toContain('Soziale Liste Gelsenkirchen (Demo)');
    for (const a of alliances) {
      const delegates = members.filter((m) => m.allianceId === a.id && m.isDelegate);
      const shown = members.filter((m) => m.allianceId === a.id && m.publicOnAlliancePage);
      expect(delegates.length, a.name).toBeGreaterThan(0);
      expect(shown.length, a.name).toBeGreaterThan(0);
    }
    // One login per role, as the command prints them; each sees something to do.
    expect(first.output).toMatch(/Organisatorin \(KOG\)\s+olga\.organisiert@demo\.invalid/);
    expect(first.output).toMatch(/Administrator\s+arne\.admin@demo\.invalid/);
    const admin = await loginAgent(ctx.app, 'arne.admin@demo.invalid', DEMO_PASSWORD);
    expect(text((await admin.get('/')).text)).toContain('1 Konto wartet auf Freischaltung');
    const organiser = await loginAgent(ctx.app, 'olga.organisiert@demo.invalid', DEMO_PASSWORD);
    expect(text((await organiser.get('/')).text)).toContain('Beitrittsanfrage bei Bürgerbündnis Neustadt (Demo)');
    const member = await loginAgent(ctx.app, members.find((m) => m.role === 'MEMBER' && m.status === 'ACTIVE')!.email, DEMO_PASSWORD);
    expect(text((await member.get('/mitglieder')).text)).toContain('(Demo)');
    // Meetings: one coming in preparation, one past with its protocol; the internal one only for members.
    const meetings = text((await request(ctx.app).get('/treffen')).text);
    expect(meetings).toContain('KOG-Treffen im Winter (Demo)');
    expect(meetings).not.toContain('Regionaltreffen Ruhrgebiet (Demo)');
    expect(text((await member.get('/treffen')).text)).toContain('Regionaltreffen Ruhrgebiet (Demo)');
    expect(text((await request(ctx.app).get('/treffen?vergangene=1')).text)).toContain('KOG-Treffen im Frühherbst (Demo)');

    const removed = await runSeed(['--entfernen']);
    expect(removed.code).toBe(0);
    expect(await ctx.db.prisma.alliance.count({ where: { slug: { startsWith: 'demo-' } } })).toBe(0);
    expect(await ctx.db.prisma.user.count({ where: { email: { endsWith: '@demo.invalid' } } })).toBe(0);
    expect(await ctx.db.prisma.meeting.count({ where: { title: { endsWith: '(Demo)' } } })).toBe(0);
  });

  it('refuses to run in production', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/seed-demo.ts'], {
      env: {
        PATH: process.env.PATH ?? '',
        DATABASE_URL: ctx.url,
        NODE_ENV: 'production',
        SESSION_SECRET: 'x'.repeat(40),
        BASE_URL: 'https://example.org',
      },
    });
    let output = '';
    child.stderr.on('data', (c: Buffer) => (output += c.toString()));
    const code = await new Promise((resolve) => child.on('close', resolve));
    expect(code).toBe(2);
    expect(output).toContain('Demo-Inhalte gehören nicht in den Produktivbetrieb');
  });
});
