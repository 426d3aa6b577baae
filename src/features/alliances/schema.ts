import { z } from 'zod';
import { emptyToUndefined, optionalInt, optionalWebsite, pageParam, searchParam, trimmed } from '../../lib/forms.js';
import { FEDERAL_STATE_CODES } from '../../lib/states.js';

export const ALLIANCES_PER_PAGE = 20;

export const stateSchema = z.enum(FEDERAL_STATE_CODES as [string, ...string[]], { error: 'Bitte ein Bundesland wählen.' });

// From links and bookmarks: unknown values are ignored rather than answered with an error.
export const allianceFilterSchema = z.object({
  q: searchParam,
  land: stateSchema.optional().catch(undefined),
  seite: pageParam,
});

const requiredText = (label: string, max: number) =>
  z.preprocess(
    trimmed,
    z
      .string({ error: `Bitte ${label} angeben.` })
      .min(2, `Bitte ${label} angeben.`)
      .max(max, `Höchstens ${max} Zeichen.`),
  );

const optionalText = (max: number) => z.preprocess(emptyToUndefined, z.string().trim().max(max, `Höchstens ${max} Zeichen.`).optional());

export const allianceFormSchema = z.object({
  name: requiredText('den Namen des Bündnisses', 150),
  municipality: requiredText('die Kommune', 100),
  district: optionalText(100),
  state: stateSchema,
  description: z.preprocess((v) => (typeof v === 'string' ? v.trim() : ''), z.string().max(20_000, 'Höchstens 20.000 Zeichen.')),
  foundedYear: optionalInt(1945, new Date().getFullYear(), 'Bitte ein Gründungsjahr zwischen 1945 und heute eingeben.'),
  councilSeats: optionalInt(0, 500, 'Bitte eine Zahl zwischen 0 und 500 eingeben.'),
  website: optionalWebsite,
  contactEmail: z.preprocess(
    (v) => (typeof emptyToUndefined(v) === 'string' ? String(v).trim().toLowerCase() : undefined),
    z.email('Bitte eine gültige E-Mail-Adresse eingeben.').max(254).optional(),
  ),
});

export type AllianceInput = z.output<typeof allianceFormSchema>;
