// Demo meetings for a first look (npm run seed:demo): a coming KOG-Treffen in preparation (agenda with standing items
// and input talks, proposals, registrations) and a past one with materials, protocol and decisions to follow up.
// Dates are relative to today, so the deadlines always show something. Titles end in "(Demo)"; the demo organiser
// leads them, and removing the demo content removes them first.
import type { PrismaClient } from '../src/db/database.js';
import { addDays, berlinDay, berlinInstant } from '../src/lib/dates.js';

const MARKER = 'Demo-Eintrag: Dieses Treffen gibt es nicht. Es zeigt, wie die Vorbereitung eines KOG-Treffens hier aussieht.';

export async function removeDemoMeetings(prisma: PrismaClient, demoPeople: number[]): Promise<void> {
  await prisma.meeting.deleteMany({ where: { OR: [{ title: { endsWith: '(Demo)' } }, { leadOrganizerId: { in: demoPeople } }] } });
}

/** Creates the demo meetings (again); returns how many. */
export async function createDemoMeetings(prisma: PrismaClient, people: Map<string, number>): Promise<number> {
  const person = (name: string) => people.get(name)!;
  const lead = person('Olga Organisiert (Demo)');
  await removeDemoMeetings(prisma, []);
  const today = berlinDay(new Date());
  const users = await prisma.user.findMany({
    where: { id: { in: [...people.values()] }, status: 'ACTIVE' },
    select: { id: true, name: true, allianceId: true },
  });
  const byName = new Map(users.map((u) => [u.name, u]));
  const base = {
    venueName: 'Bürgerhaus Mitte (Demo)',
    address: 'Marktplatz 1, 45879 Gelsenkirchen',
    directions: 'Parkplätze hinter dem Haus',
    purpose: 'Für einen nächsten Erfahrungsaustausch und zur gemeinsamen Beratung',
    notes: `*${MARKER}*\n\nFür Getränke wird gesorgt, wir freuen uns über Kuchenspenden (bitte sagt uns vorher Bescheid).`,
    signature: 'Olga Organisiert (Demo)\nKoordinierungsgruppe',
    leadOrganizerId: lead,
    createdById: lead,
  };

  // Held seven weeks ago: agenda and materials on time, protocol published, decisions open and done.
  const pastDay = addDays(today, -49);
  const past = await prisma.meeting.create({
    data: {
      ...base,
      kind: 'KOG_TREFFEN',
      title: 'KOG-Treffen im Frühherbst (Demo)',
      startsAt: berlinInstant(pastDay, '14:00'),
      endsAt: berlinInstant(pastDay, '18:00'),
      status: 'HELD',
      agendaPublishedAt: berlinInstant(addDays(pastDay, -23), '10:00'),
      materialsPublishedAt: berlinInstant(addDays(pastDay, -8), '10:00'),
    },
  });
  const pastItems = [];
  for (const [position, title, minutes, result] of [
    [1, 'Begrüßung', 10, 'Vorstellungsrunde; zwei Bündnisse sind zum ersten Mal dabei.'],
    [2, 'Berichte aus den Bündnissen', 60, 'Sechs Bündnisse haben berichtet; Schwerpunkte waren Mieten und Haushalt.'],
    [3, 'Vorbereitung des Ratschlags', 30, 'Der Ratschlag findet im Frühjahr statt; eine Vorbereitungsgruppe ist gebildet.'],
    [4, 'Sonstiges / Termin des nächsten Treffens', 15, 'Das nächste Treffen ist in Gelsenkirchen.'],
  ] as const) {
    pastItems.push(await prisma.agendaItem.create({ data: { meetingId: past.id, position, title, durationMinutes: minutes, result } }));
  }
  await prisma.protocol.create({
    data: {
      meetingId: past.id,
      summary: `*${MARKER}*\n\nEin lebendiger Austausch mit 14 Teilnehmenden, davon 4 online.`,
      publishedAt: berlinInstant(addDays(pastDay, 5), '20:00'),
    },
  });
  const attendees = ['Anna Beispiel (Demo)', 'Cem Probe (Demo)', 'Dana Vorlage (Demo)', 'Olga Organisiert (Demo)']
    .map((n) => byName.get(n))
    .filter((u) => u !== undefined);
  await prisma.meetingAttendee.createMany({
    data: [
      ...attendees.map((u) => ({ meetingId: past.id, userId: u.id, name: u.name })),
      { meetingId: past.id, name: 'Gast aus Dortmund (Demo)' },
    ],
  });
  const decisions = [
    {
      text: 'Eine gemeinsame Presseerklärung zur Haushaltslage der Kommunen schreiben.',
      responsible: 'Anna Beispiel (Demo)',
      status: 'IN_PROGRESS' as const,
      due: 14,
    },
    {
      text: 'Die Einladung zum Ratschlag an alle Bündnisse verschicken.',
      responsible: 'Koordinierungsgruppe',
      status: 'OPEN' as const,
      due: 30,
    },
    {
      text: 'Erfahrungsbericht zum Sozialticket in die Erfahrungsbörse stellen.',
      responsible: 'Soziale Liste Gelsenkirchen (Demo)',
      status: 'DONE' as const,
      due: -10,
    },
  ];
  for (const d of decisions) {
    const decision = await prisma.decision.create({
      data: {
        meetingId: past.id,
        agendaItemId: pastItems[2]!.id,
        text: d.text,
        responsible: d.responsible,
        status: d.status,
        dueOn: new Date(`${addDays(today, d.due)}T00:00:00Z`),
      },
    });
    if (d.status !== 'OPEN') {
      await prisma.decisionNote.create({
        data: {
          decisionId: decision.id,
          authorId: lead,
          body: d.status === 'DONE' ? 'Ist veröffentlicht.' : 'Ein Entwurf ist in Arbeit.',
          status: d.status,
        },
      });
    }
  }
  await prisma.material.create({
    data: {
      meetingId: past.id,
      agendaItemId: pastItems[2]!.id,
      title: 'Gedanken zum Ratschlag (Demo)',
      body: '- Termin im Frühjahr\n- Ort mit guter Bahnverbindung\n- Kinderbetreuung anbieten',
      addedById: lead,
      createdAt: berlinInstant(addDays(pastDay, -9), '18:00'),
    },
  });

  // In five weeks: the agenda is being prepared, proposals are open, people have answered.
  const nextDay = addDays(today, 35);
  const next = await prisma.meeting.create({
    data: {
      ...base,
      kind: 'KOG_TREFFEN',
      title: 'KOG-Treffen im Winter (Demo)',
      startsAt: berlinInstant(nextDay, '14:00'),
      endsAt: berlinInstant(nextDay, '18:00'),
      relatedEvents: 'Am Vortag lädt die Soziale Liste Gelsenkirchen (Demo) zu einem Stadtrundgang ein.',
    },
  });
  const items: [string, number | null, boolean][] = [
    ['Begrüßung', 10, false],
    ['Beschlusskontrolle', 10, false],
    ['Berichte aus den Bündnissen', 30, true],
    ['Die Haushaltslage der Kommunen und unsere Antworten', 45, false],
    ['Sonstiges / Termin des nächsten Treffens', 15, false],
  ];
  const created = [];
  for (const [index, [title, minutes, talks]] of items.entries()) {
    created.push(
      await prisma.agendaItem.create({
        data: { meetingId: next.id, position: index + 1, title, durationMinutes: minutes, hasInputTalks: talks },
      }),
    );
  }
  const talkItem = created[2]!;
  for (const [name, attendance, talk, cake] of [
    ['Anna Beispiel (Demo)', 'ON_SITE', true, true],
    ['Cem Probe (Demo)', 'ON_SITE', true, false],
    ['Dana Vorlage (Demo)', 'ONLINE', false, false],
    ['Emil Entwurf (Demo)', 'MAYBE', false, true],
  ] as const) {
    const user = byName.get(name);
    if (!user) continue;
    await prisma.rsvp.create({
      data: { meetingId: next.id, userId: user.id, allianceId: user.allianceId, attendance, offersTalk: talk, bringsCake: cake },
    });
    if (talk && user.allianceId) {
      await prisma.inputTalk.create({
        data: { agendaItemId: talkItem.id, allianceId: user.allianceId, userId: user.id, topic: 'Unsere Arbeit vor Ort' },
      });
    }
  }
  for (const [name, title, minutes] of [
    ['Bernd Muster (Demo)', 'Erfahrungen mit dem Bürgerhaushalt', 20],
    ['Gül Gedacht (Demo)', 'Wie gewinnen wir junge Leute für die Bündnisarbeit?', 30],
  ] as const) {
    const user = byName.get(name);
    if (!user) continue;
    await prisma.agendaProposal.create({
      data: {
        meetingId: next.id,
        proposerId: user.id,
        allianceId: user.allianceId,
        title,
        description: 'Wir möchten unsere Erfahrungen vorstellen und diskutieren.',
        requestedMinutes: minutes,
      },
    });
  }

  // An internal regional meeting in the spring.
  const regionalDay = addDays(today, 100);
  await prisma.meeting.create({
    data: {
      ...base,
      kind: 'REGIONALTREFFEN',
      title: 'Regionaltreffen Ruhrgebiet (Demo)',
      isPublic: false,
      startsAt: berlinInstant(regionalDay, '18:00'),
      endsAt: berlinInstant(regionalDay, '20:30'),
    },
  });
  return 3;
}
