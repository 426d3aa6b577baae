// Musteranträge: what the forms and filters accept, and the German words for kinds, levels and results.
import { z } from 'zod';
import {
  checkbox,
  choice,
  choiceParam,
  idList,
  longText,
  optionalId,
  optionalText,
  optionalWebsite,
  pageParam,
  requiredText,
  searchParam,
  slugParam,
} from '../../lib/fields.js';
import { FEDERAL_STATE_CODES } from '../../lib/states.js';
import { attachmentChoiceSchema } from '../reports/schema.js';

export const MOTION_KINDS = {
  ANTRAG: 'Antrag',
  ANFRAGE: 'Anfrage',
  RESOLUTION: 'Resolution',
  HAUSHALTSANTRAG: 'Haushaltsantrag',
  STELLUNGNAHME: 'Stellungnahme',
  HINTERGRUND: 'Hintergrundinformation',
} as const;
export type MotionKind = keyof typeof MOTION_KINDS;
export const MOTION_KIND_CODES = Object.keys(MOTION_KINDS) as [MotionKind, ...MotionKind[]];

export const COUNCIL_LEVELS = {
  GEMEINDERAT: 'Gemeinderat/Stadtrat',
  KREISTAG: 'Kreistag',
  BEZIRKSVERTRETUNG: 'Bezirksvertretung',
  AUSSCHUSS: 'Ausschuss',
} as const;
export type CouncilLevel = keyof typeof COUNCIL_LEVELS;
export const COUNCIL_LEVEL_CODES = Object.keys(COUNCIL_LEVELS) as [CouncilLevel, ...CouncilLevel[]];

export const ADOPTION_RESULTS = {
  ANGENOMMEN: 'angenommen',
  GEAENDERT_ANGENOMMEN: 'geändert angenommen',
  ABGELEHNT: 'abgelehnt',
  ZURUECKGEZOGEN: 'zurückgezogen',
  OFFEN: 'noch offen',
} as const;
export type AdoptionResult = keyof typeof ADOPTION_RESULTS;
export const ADOPTION_RESULT_CODES = Object.keys(ADOPTION_RESULTS) as [AdoptionResult, ...AdoptionResult[]];
/** Results that count as success ("angenommen", also with changes). */
export const SUCCESS_RESULTS: AdoptionResult[] = ['ANGENOMMEN', 'GEAENDERT_ANGENOMMEN'];

/** Bundesländer ticked in the form: codes, or none for "alle". */
const stateList = z.preprocess(
  (v) => (v === undefined || v === '' ? [] : Array.isArray(v) ? v : [v]),
  z.array(z.enum(FEDERAL_STATE_CODES, { error: 'Bitte Bundesländer aus der Liste wählen.' })).max(16),
);

/** What the motion form sends; what a submission needs besides is checked in the service. */
export const motionFormSchema = z
  .object({
    title: requiredText('einen Titel', 200, 3),
    motionKind: choice(MOTION_KIND_CODES, 'Bitte die Art wählen (Antrag, Anfrage …).'),
    summary: longText(500),
    body: longText(50_000),
    reasoning: longText(50_000),
    councilLevel: choiceParam(COUNCIL_LEVEL_CODES),
    states: stateList,
    allianceId: optionalId('Bitte ein Bündnis aus der Liste wählen.'),
    topicIds: idList,
    visibility: choice(['PUBLIC', 'MEMBERS'], 'Bitte wählen, wer die Vorlage lesen kann.'),
    authorDisplay: choice(['ALLIANCE', 'PERSON'], 'Bitte wählen, wie du als Autor/in erscheinst.'),
    principles: checkbox,
  })
  .extend(attachmentChoiceSchema.shape);

export type MotionInput = z.output<typeof motionFormSchema>;

export const MOTION_SORTS = { neu: 'neueste zuerst', erfolg: 'am häufigsten angenommen' } as const;

export const motionFilterSchema = z.object({
  q: searchParam(200),
  art: choiceParam(MOTION_KIND_CODES),
  thema: slugParam,
  ebene: choiceParam(COUNCIL_LEVEL_CODES),
  land: choiceParam(FEDERAL_STATE_CODES),
  buendnis: slugParam,
  bewaehrt: z
    .unknown()
    .optional()
    .transform((v) => v === 'ja'),
  sortierung: choiceParam(['neu', 'erfolg']),
  seite: pageParam,
});

export type MotionFilter = z.output<typeof motionFilterSchema>;

/** A date typed as 2025-03-14 (date field) or 14.3.2025. */
const optionalDay = z.preprocess(
  (v) => {
    if (typeof v !== 'string' || v.trim() === '') return undefined;
    const text = v.trim();
    const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
    const german = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(text);
    const [y, m, d] = iso ? [+iso[1]!, +iso[2]!, +iso[3]!] : german ? [+german[3]!, +german[2]!, +german[1]!] : [NaN, NaN, NaN];
    const date = new Date(Date.UTC(y, m - 1, d));
    const valid =
      date.getUTCFullYear() === y &&
      date.getUTCMonth() === m - 1 &&
      date.getUTCDate() === d &&
      y >= 1990 &&
      y <= new Date().getFullYear() + 2;
    return valid ? date : 'ungültig';
  },
  z.date({ error: 'Bitte ein Datum wie 14.03.2025 angeben.' }).optional(),
);

export const adoptionSchema = z.object({
  municipality: requiredText('die Kommune', 100),
  body: requiredText('das Gremium (z. B. Gemeinderat)', 100),
  adoptedOn: optionalDay,
  result: choice(ADOPTION_RESULT_CODES, 'Bitte das Ergebnis wählen.'),
  recordUrl: optionalWebsite,
  note: optionalText(1000),
});

export type AdoptionInput = z.output<typeof adoptionSchema>;

/** How a filled-in template is wanted: as a page, or as a download. */
export const USE_FORMATS = ['ansehen', 'txt', 'docx', 'odt'] as const;
export const useFormatSchema = z.object({ format: choiceParam(USE_FORMATS) });
