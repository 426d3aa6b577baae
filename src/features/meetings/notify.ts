// Mails to the people who registered for a meeting (cancellation, changed agenda, materials, protocol).
import type { Services } from '../../services.js';

/** Everyone who answered the meeting's Rückmeldung with anything but "nicht dabei". */
export async function registeredParticipants(
  prisma: Services['prisma'],
  meetingId: number,
): Promise<{ id: number; name: string; email: string }[]> {
  return prisma.user.findMany({
    where: { status: 'ACTIVE', rsvps: { some: { meetingId, attendance: { not: 'NO' } } } },
    select: { id: true, name: true, email: true },
    orderBy: { id: 'asc' },
  });
}

/** Sends one mail per registered participant (outbox; delivered by the worker). Returns how many went out. */
export async function notifyParticipants(
  deps: Pick<Services, 'prisma' | 'mailer'>,
  meetingId: number,
  mail: { subject: string; text: (name: string) => string },
): Promise<number> {
  const people = await registeredParticipants(deps.prisma, meetingId);
  for (const person of people) await deps.mailer.send({ to: person.email, subject: mail.subject, text: mail.text(person.name) });
  return people.length;
}

/** The address of a meeting page, for mails. */
export function meetingUrl(baseUrl: string, meetingId: number, sub = ''): string {
  return `${baseUrl}/treffen/${meetingId}${sub ? `/${sub}` : ''}`;
}
