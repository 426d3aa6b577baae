// The XSS corpus through every text of the meeting workflow that reaches a page: the meeting's own fields (through
// the form), agenda items and sub-items, proposals, registrations and talk topics, text materials, protocol,
// attendance, decisions and their notes. Every page of a meeting is then read by a visitor, a member, the lead
// organiser and an organiser, and must carry the vectors only as text.
import type request from 'supertest';
import supertest from 'supertest';
import { beforeAll, describe, expect, it } from 'vitest';
import { createUser, csrfTokenFrom, formBody, sessionAgent, useTestContext } from './support/context.js';
import { createMeeting, meetingFields } from './support/meetings.js';
import { injectedMarkup, XSS_CORPUS } from './support/xss.js';

const ctx = useTestContext();
const clean = (where: string, html: string) => expect(injectedMarkup(html), where).toEqual([]);

describe('every text of a meeting', () => {
  let leadId: number;
  let lead: request.Agent;
  let organizer: request.Agent;
  let member: request.Agent;
  let memberId: number;
  let allianceId: number;

  beforeAll(async () => {
    leadId = (await createUser(ctx.db, { role: 'ORGANIZER', name: 'Lea Leitung' })).id;
    lead = await sessionAgent(ctx.app, leadId);
    organizer = await sessionAgent(ctx.app, (await createUser(ctx.db, { role: 'ORGANIZER' })).id);
    memberId = (await createUser(ctx.db)).id;
    member = await sessionAgent(ctx.app, memberId);
    allianceId = (await ctx.db.prisma.alliance.create({ data: { slug: 'liste-x', name: 'Liste X', municipality: 'X-Stadt', state: 'NW' } }))
      .id;
  });

  it('reaches every meeting page only as text', { timeout: 240_000 }, async () => {
    const vectors = XSS_CORPUS;
    // The meeting's own fields go through the form, as organisers type them (one meeting per vector).
    const meetingIds: number[] = [];
    for (const [i, vector] of vectors.entries()) {
      const token = await csrfTokenFrom(organizer, '/treffen/neu');
      const fields = meetingFields({
        leadOrganizerId: String(leadId),
        title: `t${i} ${vector}`.slice(0, 200),
        venueName: vector.slice(0, 200),
        address: vector.slice(0, 300),
        directions: vector.slice(0, 500),
        purpose: vector,
        notes: `**${vector}** [${vector}](${vector})`,
        relatedEvents: `- ${vector}`,
        signature: `${vector}\n${vector}`,
        date: `2030-0${1 + (i % 9)}-1${i % 10}`,
      });
      const res = await organizer
        .post('/treffen')
        .type('form')
        .send(formBody({ ...fields, _csrf: token }));
      if (res.status === 303) meetingIds.push(Number(/(\d+)$/.exec(res.headers.location!)![1]));
      else clean(`meeting form t${i}`, res.text);
    }
    expect(meetingIds.length).toBeGreaterThan(vectors.length / 2);

    // Everything else straight into the database: a meeting that carries every vector in every text.
    const meeting = await createMeeting(ctx.db, leadId, {
      day: '2020-03-07',
      title: 'Treffen mit allem',
      agendaPublishedAt: new Date('2020-02-01'),
    });
    const parent = await ctx.db.prisma.agendaItem.create({
      data: {
        meetingId: meeting.id,
        position: 1,
        title: vectors.join(' '),
        description: vectors.join('\n\n'),
        presenter: vectors[0],
        hasInputTalks: true,
        result: vectors.join('\n\n'),
      },
    });
    await ctx.db.prisma.agendaItem.create({
      data: { meetingId: meeting.id, parentId: parent.id, position: 1, title: vectors.join(' '), description: vectors.join('\n') },
    });
    await ctx.db.prisma.agendaItem.create({
      data: { meetingId: meeting.id, position: 2, title: 'Beschlusskontrolle', durationMinutes: 10 },
    });
    await ctx.db.prisma.agendaProposal.create({
      data: {
        meetingId: meeting.id,
        proposerId: memberId,
        title: vectors.join(' '),
        description: vectors.join('\n\n'),
        status: 'DECLINED',
        reason: vectors.join(' '),
      },
    });
    await ctx.db.prisma.agendaProposal.create({
      data: { meetingId: meeting.id, proposerId: memberId, title: vectors.slice(0, 20).join(' '), description: vectors.join('\n') },
    });
    await ctx.db.prisma.user.update({ where: { id: memberId }, data: { allianceId } });
    await ctx.db.prisma.alliance.update({ where: { id: allianceId }, data: { name: vectors.slice(0, 10).join(' ') } });
    await ctx.db.prisma.rsvp.create({
      data: {
        meetingId: meeting.id,
        userId: memberId,
        allianceId,
        attendance: 'ON_SITE',
        offersTalk: true,
        bringsCake: true,
        comment: vectors.join(' '),
      },
    });
    await ctx.db.prisma.inputTalk.create({ data: { agendaItemId: parent.id, allianceId, userId: memberId, topic: vectors.join(' ') } });
    await ctx.db.prisma.material.create({
      data: { meetingId: meeting.id, agendaItemId: parent.id, title: vectors.join(' '), body: vectors.join('\n\n'), addedById: leadId },
    });
    await ctx.db.prisma.protocol.create({
      data: { meetingId: meeting.id, summary: vectors.join('\n\n'), publishedAt: new Date('2020-03-10') },
    });
    await ctx.db.prisma.meetingAttendee.create({
      data: { meetingId: meeting.id, name: vectors.join(' '), allianceName: vectors.join(' ') },
    });
    const decision = await ctx.db.prisma.decision.create({
      data: {
        meetingId: meeting.id,
        agendaItemId: parent.id,
        text: vectors.join('\n'),
        responsible: vectors.join(' '),
        responsibleAllianceId: allianceId,
      },
    });
    await ctx.db.prisma.decisionNote.create({
      data: { decisionId: decision.id, authorId: leadId, body: vectors.join('\n'), status: 'IN_PROGRESS' },
    });
    // A later meeting shows the open decision under Beschlusskontrolle.
    const later = await createMeeting(ctx.db, leadId, {
      day: '2020-06-06',
      title: 'Späteres Treffen',
      agendaPublishedAt: new Date('2020-05-01'),
    });
    await ctx.db.prisma.agendaItem.create({ data: { meetingId: later.id, position: 1, title: 'Beschlusskontrolle', durationMinutes: 10 } });

    const sub = [
      '',
      '/tagesordnung',
      '/vorschlaege',
      '/einladung',
      '/vorlagen',
      '/rueckmeldungen',
      '/protokoll',
      '/protokoll/bearbeiten',
      '/bearbeiten',
    ];
    const pages = [
      ...[meeting.id, later.id, ...meetingIds.slice(0, 10)].flatMap((id) => sub.map((s) => `/treffen/${id}${s}`)),
      '/treffen',
      '/treffen?vergangene=1',
      '/treffen?q=t1',
      '/treffen/jahr/2020',
      '/treffen/jahr/2030',
      '/treffen/fristen',
      '/treffen/beschluesse',
      '/treffen/beschluesse?status=alle',
      '/suche?q=Treffen',
      '/',
    ];
    for (const [who, agent] of [
      ['visitor', supertest.agent(ctx.app)],
      ['member', member],
      ['lead', lead],
      ['organizer', organizer],
    ] as const) {
      for (const page of pages) {
        const res = await agent.get(page);
        expect(res.status, `${who} ${page}`).toBeLessThan(500);
        if (res.status === 200) clean(`${who} ${page}`, res.text);
      }
    }
  });
});
