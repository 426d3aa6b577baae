import { z } from 'zod';
import {
  choice,
  choiceParam,
  longText,
  nameText,
  optionalEmail,
  optionalInt,
  optionalText,
  optionalWebsite,
  pageParam,
  requiredText,
  searchParam,
} from '../../lib/fields.js';
import { FEDERAL_STATE_CODES } from '../../lib/states.js';

export const ALLIANCES_PER_PAGE = 20;

export const stateSchema = choice(FEDERAL_STATE_CODES, 'Bitte ein Bundesland wählen.');

export const allianceFilterSchema = z.object({
  q: searchParam(),
  land: choiceParam(FEDERAL_STATE_CODES),
  /** ?archiv=1 lists the archived alliances instead of the active ones. */
  archiv: choiceParam(['1']),
  seite: pageParam,
});

export const allianceFormSchema = z.object({
  name: nameText('den Namen des Bündnisses', 150),
  municipality: requiredText('die Kommune', 100),
  district: optionalText(100),
  state: stateSchema,
  description: longText(20_000),
  foundedYear: optionalInt(1945, new Date().getFullYear(), 'Bitte ein Gründungsjahr zwischen 1945 und heute eingeben.'),
  councilSeats: optionalInt(0, 500, 'Bitte eine Zahl zwischen 0 und 500 eingeben.'),
  website: optionalWebsite,
  contactEmail: optionalEmail,
});

export type AllianceInput = z.output<typeof allianceFormSchema>;
