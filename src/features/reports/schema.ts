import { z } from 'zod';
import { checkbox, choice, choiceParam, idList, longText, optionalId, optionalText, pageParam, requiredText, searchParam, slugParam } from '../../lib/fields.js';
import { FEDERAL_STATE_CODES } from '../../lib/states.js';

export const REPORTS_PER_PAGE = 20;

/** The structured parts readers look for, in the order they appear. */
export const REPORT_PARTS = [
  ['did', 'Was haben wir gemacht?'],
  ['worked', 'Was hat funktioniert?'],
  ['didnt', 'Was hat nicht funktioniert?'],
  ['tips', 'Tipps zur Übertragung'],
  ['body', 'Weitere Informationen'],
] as const;

export type ReportPart = (typeof REPORT_PARTS)[number][0];

export const VISIBILITY_LABELS = { PUBLIC: 'öffentlich', MEMBERS: 'nur für angemeldete Mitglieder' } as const;
export const AUTHOR_DISPLAY_LABELS = { ALLIANCE: 'nur das Bündnis („im Namen des Bündnisses“)', PERSON: 'mein Name' } as const;
export const STATUS_LABELS = {
  DRAFT: 'Entwurf',
  SUBMITTED: 'eingereicht, wartet auf Freigabe',
  RETURNED: 'zurück zur Überarbeitung',
  REJECTED: 'abgelehnt',
  PUBLISHED: 'veröffentlicht',
  SUPERSEDED: 'frühere Fassung',
} as const;

const MONTH = /^(\d{4})-(\d{2})$/;
const GERMAN_MONTH = /^(\d{1,2})[./](\d{4})$/;

/** A month as typed into <input type="month"> ("2025-03") or by hand ("3/2025", "03.2025"); stored as its first day. */
function month(label: string) {
  return z.preprocess(
    (v) => {
      if (typeof v !== 'string' || v.trim() === '') return undefined;
      const text = v.trim();
      const iso = MONTH.exec(text);
      const german = GERMAN_MONTH.exec(text);
      const [year, monthNumber] = iso ? [Number(iso[1]), Number(iso[2])] : german ? [Number(german[2]), Number(german[1])] : [NaN, NaN];
      return monthNumber >= 1 && monthNumber <= 12 && year >= 1990 && year <= new Date().getFullYear() + 1
        ? new Date(Date.UTC(year, monthNumber - 1, 1))
        : 'ungültig';
    },
    z.date({ error: `Bitte ${label} als Monat angeben, z. B. 2025-03 oder 3/2025.` }).optional(),
  );
}

/** Files uploaded earlier with this form (hidden fields), and files ticked to be taken off the report. */
export const attachmentChoiceSchema = z.object({ anhang: idList, entfernen: idList });

/** What the form sends; what must be there for a submission is checked in the service (drafts may be incomplete). */
export const reportFormSchema = z
  .object({
    title: requiredText('einen Titel', 200, 3),
    summary: longText(500),
    did: longText(20_000),
    worked: longText(20_000),
    didnt: longText(20_000),
    tips: longText(20_000),
    body: longText(20_000),
    allianceId: optionalId('Bitte ein Bündnis aus der Liste wählen.'),
    topicIds: idList,
    place: optionalText(100),
    state: choiceParam(FEDERAL_STATE_CODES),
    periodFrom: month('den Beginn'),
    periodTo: month('das Ende'),
    visibility: choice(['PUBLIC', 'MEMBERS'], 'Bitte wählen, wer den Bericht lesen kann.'),
    authorDisplay: choice(['ALLIANCE', 'PERSON'], 'Bitte wählen, wie du als Autor/in erscheinst.'),
    principles: checkbox,
  })
  .extend(attachmentChoiceSchema.shape)
  .refine((v) => !v.periodFrom || !v.periodTo || v.periodFrom <= v.periodTo, {
    path: ['periodTo'],
    message: 'Das Ende liegt vor dem Beginn.',
  });

export type ReportInput = z.output<typeof reportFormSchema>;

/** Which button sent the form. */
export const formActionSchema = z.object({ aktion: choiceParam(['vorschau', 'entwurf', 'einreichen']) });

export const reportFilterSchema = z.object({
  q: searchParam(200),
  thema: slugParam,
  land: choiceParam(FEDERAL_STATE_CODES),
  buendnis: slugParam,
  jahr: z
    .preprocess((v) => (typeof v === 'string' && /^\d{4}$/.test(v) ? Number(v) : undefined), z.number().int().min(1990).max(2100).optional())
    .catch(undefined),
  seite: pageParam,
});

export type ReportFilter = z.output<typeof reportFilterSchema>;

/** The filter as a query string (without the page), for links, pagination and the feed. */
export function filterQuery(filter: Partial<ReportFilter>): Record<string, string> {
  const query: Record<string, string> = {};
  for (const key of ['q', 'thema', 'land', 'buendnis', 'jahr'] as const) if (filter[key] !== undefined) query[key] = String(filter[key]);
  return query;
}

export const decisionSchema = z.object({
  entscheidung: choice(['veroeffentlichen', 'zurueck', 'ablehnen'], 'Bitte eine Entscheidung wählen.'),
  begruendung: longText(2000),
});

export const hideSchema = z.object({ begruendung: requiredText('eine Begründung', 2000, 5) });
