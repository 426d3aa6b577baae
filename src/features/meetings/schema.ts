// What the meeting forms and filters accept. Dates and times are typed in Berlin time and stored as instants.
import { z } from 'zod';
import { berlinInstant } from '../../lib/dates.js';
import { choice, id, longText, optionalText, optionalWebsite, requiredText } from '../../lib/fields.js';
import type { MeetingKind } from '../../generated/prisma/enums.js';
import { MEETING_KINDS } from './labels.js';

export const MEETING_KIND_CODES = Object.keys(MEETING_KINDS) as [MeetingKind, ...MeetingKind[]];

/** A calendar day from <input type="date"> (or typed as TT.MM.JJJJ where the browser has no date picker). */
export function dayField(label: string) {
  return z.preprocess(
    (v) => {
      if (typeof v !== 'string') return v;
      const value = v.trim();
      const german = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(value);
      return german ? `${german[3]}-${german[2]!.padStart(2, '0')}-${german[1]!.padStart(2, '0')}` : value;
    },
    z
      .string({ error: `Bitte ${label} angeben.` })
      .min(1, `Bitte ${label} angeben.`)
      .refine(isRealDay, 'Bitte ein Datum wie 09.05.2026 angeben.'),
  );
}

function isRealDay(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return year >= 2000 && year <= 2100 && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** An optional calendar day ('' = none). */
export function optionalDayField() {
  return z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : v), dayField('ein Datum').optional());
}

/** A wall-clock time from <input type="time"> ("14:00", also "14" or "14.30"). */
export function timeField(label: string) {
  return z.preprocess(
    (v) => {
      if (typeof v !== 'string') return v;
      const match = /^(\d{1,2})(?:[:.](\d{2}))?(?:\s*Uhr)?$/i.exec(v.trim());
      return match ? `${match[1]!.padStart(2, '0')}:${match[2] ?? '00'}` : v.trim();
    },
    z
      .string({ error: `Bitte ${label} angeben.` })
      .min(1, `Bitte ${label} angeben.`)
      .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Bitte eine Uhrzeit wie 14:00 angeben.'),
  );
}

/** Whole minutes from a number field, 1 to max. */
export function minutesField(label: string, max: number) {
  const message = `Bitte ${label} als ganze Minuten zwischen 1 und ${max} angeben.`;
  return z.preprocess(minutesInput, z.number({ error: message }).int(message).min(1, message).max(max, message));
}

/** As minutesField, empty allowed (undefined). */
export function optionalMinutesField(label: string, max: number) {
  const message = `Bitte ${label} als ganze Minuten zwischen 1 und ${max} angeben.`;
  return z.preprocess(minutesInput, z.number({ error: message }).int(message).min(1, message).max(max, message).optional());
}

function minutesInput(v: unknown): unknown {
  if (typeof v !== 'string') return v;
  const value = v.trim();
  if (value === '') return undefined;
  return /^\d{1,4}$/.test(value) ? Number(value) : NaN;
}

export const meetingFormSchema = z
  .object({
    kind: choice(MEETING_KIND_CODES, 'Bitte die Art des Treffens wählen.'),
    title: requiredText('einen Titel', 200),
    date: dayField('den Tag'),
    startTime: timeField('den Beginn'),
    endTime: timeField('das Ende'),
    endDate: optionalDayField(),
    venueName: optionalText(200),
    address: optionalText(300),
    directions: optionalText(500),
    onlineLink: optionalWebsite,
    leadOrganizerId: id('Bitte die oder den Hauptverantwortlichen wählen.'),
    visibility: choice(['PUBLIC', 'INTERNAL'], 'Bitte wählen, ob das Treffen öffentlich ist.'),
    purpose: longText(2000),
    notes: longText(5000),
    relatedEvents: longText(5000),
    signature: longText(500),
    talkMinutes: minutesField('die Länge eines Impulsbeitrags', 60),
  })
  .transform((form, ctx) => {
    const startsAt = berlinInstant(form.date, form.startTime);
    const endsAt = berlinInstant(form.endDate ?? form.date, form.endTime);
    if (endsAt <= startsAt) {
      ctx.addIssue({ code: 'custom', path: ['endTime'], message: 'Das Ende muss nach dem Beginn liegen.' });
      return z.NEVER;
    }
    if (endsAt.getTime() - startsAt.getTime() > 7 * 86_400_000) {
      ctx.addIssue({ code: 'custom', path: ['endDate'], message: 'Ein Treffen dauert höchstens eine Woche.' });
      return z.NEVER;
    }
    return {
      kind: form.kind,
      title: form.title,
      startsAt,
      endsAt,
      venueName: form.venueName ?? null,
      address: form.address ?? null,
      directions: form.directions ?? null,
      onlineLink: form.onlineLink ?? null,
      leadOrganizerId: form.leadOrganizerId,
      isPublic: form.visibility === 'PUBLIC',
      purpose: form.purpose,
      notes: form.notes,
      relatedEvents: form.relatedEvents,
      signature: form.signature,
      talkMinutes: form.talkMinutes,
    };
  });
export type MeetingInput = z.output<typeof meetingFormSchema>;

export const cancelFormSchema = z.object({ reason: requiredText('einen Grund für die Absage', 1000, 3) });
