// The invitation (Einladung), built once as a model from the meeting and its agenda and rendered twice: as the
// printable page /treffen/:id/einladung and as the plain-text mail that goes to all members when the agenda is
// published. It has every element of the real invitation in ../shared/seeds/einladung-plattform-treffen.md; the
// way to register is always the site's Rückmeldung page, never someone's mail address.
import { Prisma } from '../../db/database.js';
import { formatDate, formatDay, formatLongDate, formatTimeSpan } from '../../lib/dates.js';
import { ValidationError } from '../../lib/errors.js';
import type { Services } from '../../services.js';
import type { MeetingRow } from './access.js';
import { loadAgenda, minutesLabel, type Agenda } from './agenda.js';
import type { OpenDecision } from './decisions.js';
import { DECISION_STATUSES } from './labels.js';
import { meetingUrl } from './notify.js';

export interface InvitationSubItem {
  title: string;
  /** "(45 Minuten)" or '' */
  duration: string;
  isDecisionReview: boolean;
}

export interface InvitationItem {
  number: number;
  title: string;
  /** "(10 Minuten)" */
  duration: string;
  presenter: string | null;
  /** Markdown */
  description: string;
  /** "Impulsbeiträge von je 7 Minuten aus den Bündnissen" for items that collect input talks */
  talkNote: string | null;
  speakers: string[];
  isDecisionReview: boolean;
  children: InvitationSubItem[];
}

export interface InvitationModel {
  meetingId: number;
  title: string;
  /** Not sent yet: only the lead organiser and admins see it, as a draft. */
  draft: boolean;
  cancelled: boolean;
  greeting: [string, string];
  /** "Für einen … laden wir euch herzlich ein zu einem nächsten" + title (bold) + "." */
  inviteLead: string;
  when: string;
  venueName: string | null;
  address: string | null;
  /** "(Parkplatz ggü. am Schloss Horst)" or null */
  directions: string | null;
  agendaIntro: string;
  items: InvitationItem[];
  /** For the Beschlusskontrolle item. */
  decisions: OpenDecision[];
  welcome: string;
  /** Markdown: a demonstration the day before … */
  relatedEvents: string;
  /** The call to prepare contributions, when an item collects input talks. */
  talkCall: string | null;
  newcomers: string;
  /** Markdown: drinks, cake … */
  notes: string;
  registration: string;
  closing: string;
  signature: string[];
  urls: { invitation: string; rsvp: string; ics: string; meeting: string; agenda: string };
}

/** "(offen, bis 30.06.2026; aus: KOG-Treffen am 01.02.2026)": the details of an open decision. */
export function decisionDetails(d: OpenDecision): string {
  return [
    `zuständig: ${d.responsible}`,
    d.dueDay ? `bis ${formatDay(d.dueDay)}` : '',
    DECISION_STATUSES[d.status],
    `aus: ${d.meetingTitle} am ${formatDate(d.meetingStartsAt)}`,
  ]
    .filter(Boolean)
    .join(', ');
}

const duration = (minutes: number | null) => (minutes ? `(${minutesLabel(minutes)})` : '');

export function buildInvitation(meeting: MeetingRow, agenda: Agenda, baseUrl: string): InvitationModel {
  const purpose = meeting.purpose.trim().replace(/[.!:;,]+$/, '');
  // "… zu einem nächsten Treffen der kommunalpolitischen Plattform" as in the seed, when the title allows it.
  const inviteTo = /^Treffen\b/.test(meeting.title) ? 'zu einem nächsten' : 'zu:';
  const url = (sub = '') => meetingUrl(baseUrl, meeting.id, sub);
  const signature = meeting.signature
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
  return {
    meetingId: meeting.id,
    title: meeting.title,
    draft: !meeting.agendaPublishedAt,
    cancelled: meeting.status === 'CANCELLED',
    greeting: [
      meeting.kind === 'PLATTFORM_TREFFEN'
        ? 'Liebe Freundinnen und Freunde der kommunalpolitischen Plattform,'
        : 'Liebe Freundinnen und Freunde der überparteilichen kommunalpolitischen Bewegung,',
      'liebe Interessierte in der Kommunalpolitik!',
    ],
    inviteLead: purpose ? `${purpose} laden wir euch herzlich ein ${inviteTo}` : `Wir laden euch herzlich ein ${inviteTo}`,
    when: formatTimeSpan(meeting.startsAt, meeting.endsAt),
    venueName: meeting.venueName,
    address: meeting.address,
    directions: meeting.directions ? `(${meeting.directions.replace(/^\((.*)\)$/, '$1')})` : null,
    agendaIntro: 'Unser Vorschlag für die Tagesordnung ist:',
    items: agenda.plan.items.map((item) => ({
      number: item.number,
      title: item.title,
      duration: duration(item.minutes),
      presenter: item.presenter,
      description: item.description,
      talkNote: item.hasInputTalks ? `Impulsbeiträge von je ${minutesLabel(meeting.talkMinutes)} aus den Bündnissen` : null,
      speakers: item.speakers,
      isDecisionReview: item.isDecisionReview,
      children: item.children.map((child) => ({
        title: child.title,
        duration: duration(child.durationMinutes),
        isDecisionReview: child.isDecisionReview,
      })),
    })),
    decisions: agenda.decisions,
    welcome: meeting.onlineLink
      ? 'Wir freuen uns über alle, die dorthin kommen können, und richten zusätzlich einen Livestream ein. ' +
        'Den Link seht ihr auf der Seite des Treffens, sobald ihr euch zurückgemeldet habt.'
      : 'Wir freuen uns über alle, die dorthin kommen können.',
    relatedEvents: meeting.relatedEvents,
    talkCall: agenda.plan.hasInputTalks
      ? `Ein wichtiges Anliegen von unserer Seite ist, dass ihr eure Erfahrungen an den Orten auswertet und dafür Beiträge für das Treffen ` +
        `vorbereitet (${minutesLabel(meeting.talkMinutes)}) – dieser gemeinsame Erfahrungsaustausch ist immer besonders lebendig und wertvoll. ` +
        `Euren Beitrag meldet ihr mit eurer Rückmeldung an.`
      : null,
    newcomers: 'Wir freuen uns, wenn sich viele daran beteiligen, sehr gerne können neue Interessierte dazu kommen.',
    notes: meeting.notes,
    registration:
      'Bitte gebt eure Rückmeldung zur Teilnahme (vor Ort, online oder nicht dabei; gern mit Kuchenspende oder Impulsbeitrag) ' +
      'mit eurem Konto in der Erfahrungsbörse auf der Seite',
    closing: 'Mit herzlichen Grüßen',
    signature: signature.length ? signature : [meeting.leadOrganizerName],
    urls: { invitation: url('einladung'), rsvp: url('rueckmeldungen'), ics: `${url()}.ics`, meeting: url(), agenda: url('tagesordnung') },
  };
}

/** Markdown as readable plain text: the markup that reads oddly in a mail goes, the words stay. */
function plain(markdown: string): string {
  return markdown
    .replace(/\r\n?/g, '\n')
    .replace(/\[([^\]]*)\]\(([^)\s]+)\)/g, '$1 ($2)')
    .replace(/(\*\*|__)(.+?)\1/g, '$2')
    .replace(/^#{1,6}\s+/gm, '')
    .trim();
}

const indent = (text: string, prefix = '   ') =>
  text
    .split('\n')
    .map((line) => (line ? prefix + line : line))
    .join('\n');

/** The invitation as the plain text of the mail. */
export function invitationText(model: InvitationModel): string {
  const blocks: string[] = [];
  blocks.push(model.greeting.join('\n'));
  blocks.push(`${model.inviteLead} ${model.title}.`);
  blocks.push(
    ['Es soll stattfinden am', '', model.when, model.venueName, model.address, model.directions].filter((l) => l !== null).join('\n'),
  );
  const agenda = [model.agendaIntro];
  for (const item of model.items) {
    agenda.push('', `TOP ${item.number} ${item.title} ${item.duration}`.trim());
    if (item.presenter) agenda.push(`   Einführung: ${item.presenter}`);
    if (item.description) agenda.push(indent(plain(item.description)));
    if (item.talkNote) agenda.push(`   ${item.talkNote}${item.speakers.length ? `; es sprechen: ${item.speakers.join(', ')}` : ''}`);
    for (const child of item.children) {
      agenda.push(`   - ${child.title} ${child.duration}`.trimEnd());
      if (child.isDecisionReview) agenda.push(...decisionLines(model.decisions, '      '));
    }
    if (item.isDecisionReview) agenda.push(...decisionLines(model.decisions, '   '));
  }
  blocks.push(agenda.join('\n'));
  blocks.push(model.welcome);
  if (model.relatedEvents) blocks.push(plain(model.relatedEvents));
  if (model.talkCall) blocks.push(model.talkCall);
  blocks.push(model.newcomers);
  if (model.notes) blocks.push(plain(model.notes));
  blocks.push(`${model.registration}:\n${model.urls.rsvp}`);
  blocks.push(`Die Einladung im Netz (zum Ausdrucken): ${model.urls.invitation}\nTermin für den Kalender (.ics): ${model.urls.ics}`);
  blocks.push(model.closing);
  blocks.push(model.signature.join('\n'));
  return `${blocks.join('\n\n')}\n`;
}

function decisionLines(decisions: OpenDecision[], prefix: string): string[] {
  if (!decisions.length) return [`${prefix}(keine offenen Beschlüsse aus früheren Treffen)`];
  return decisions.map((d) => `${prefix}* ${d.text} (${decisionDetails(d)})`);
}

export function invitationSubject(meeting: Pick<MeetingRow, 'title' | 'startsAt'>): string {
  return `Einladung: ${meeting.title} am ${formatLongDate(meeting.startsAt)}`;
}

/** Everyone who gets the invitation: all approved (active) accounts. */
const ALL_MEMBERS = Prisma.sql`SELECT email FROM users WHERE status = 'ACTIVE' ORDER BY id`;

/**
 * Publishes the agenda: records when it went out (the agenda deadline counts from here), marks the meeting as
 * invited and writes the invitation to every approved member into the outbox in one statement. A second call
 * sends nothing: the first one wins, also against a double click in two tabs.
 */
export async function publishAgenda(
  deps: Pick<Services, 'prisma' | 'pool' | 'mailer' | 'baseUrl'>,
  meeting: MeetingRow,
): Promise<{ sent: number; alreadyPublished: boolean }> {
  if (meeting.status === 'CANCELLED') throw new ValidationError({ _form: 'Das Treffen ist abgesagt; es wird niemand mehr eingeladen.' });
  if (meeting.agendaPublishedAt) return { sent: 0, alreadyPublished: true };
  const agenda = await loadAgenda(deps, meeting);
  if (!agenda.plan.items.length)
    throw new ValidationError({ _form: 'Die Tagesordnung ist noch leer. Bitte lege zuerst die Tagesordnungspunkte an.' });
  return deps.prisma.$transaction(
    async (tx) => {
      const now = new Date();
      const claimed = await tx.$executeRaw`
        UPDATE meetings SET agenda_published_at = ${now}, updated_at = ${now},
          status = CASE WHEN status = 'PLANNED' THEN 'INVITED'::meeting_status ELSE status END
        WHERE id = ${meeting.id} AND agenda_published_at IS NULL AND status <> 'CANCELLED'`;
      if (claimed === 0) return { sent: 0, alreadyPublished: true };
      const model = buildInvitation({ ...meeting, agendaPublishedAt: now }, agenda, deps.baseUrl);
      const sent = await deps.mailer.sendToMany(ALL_MEMBERS, { subject: invitationSubject(meeting), text: invitationText(model) }, tx);
      return { sent, alreadyPublished: false };
    },
    { timeout: 60_000 },
  );
}
