import { z } from 'zod';
import { checkbox, choice, choiceParam, idList, longText, pageParam, requiredLongText, requiredText, searchParam, slugParam } from '../../lib/fields.js';
import { FEDERAL_STATE_CODES } from '../../lib/states.js';

export const MEMBERS_PER_PAGE = 25;

export const MANDATE_LABELS = {
  NONE: 'kein Mandat',
  COUNCIL: 'Ratsmitglied (Stadt- oder Gemeinderat)',
  DISTRICT_COUNCIL: 'Kreistag',
  BOROUGH_COUNCIL: 'Bezirksvertretung',
  EXPERT_CITIZEN: 'sachkundige/r Bürger/in',
} as const;

export const memberFilterSchema = z.object({
  /** Free text: a person's or an alliance's name. */
  q: searchParam(),
  kompetenz: slugParam,
  land: choiceParam(FEDERAL_STATE_CODES),
  /** An alliance's slug, from links on alliance pages. */
  buendnis: slugParam,
  seite: pageParam,
});

export const directorySettingsSchema = z.object({
  listedInDirectory: checkbox,
  publicOnAlliancePage: checkbox,
  mandate: choice(['NONE', 'COUNCIL', 'DISTRICT_COUNCIL', 'BOROUGH_COUNCIL', 'EXPERT_CITIZEN'], 'Bitte ein Mandat aus der Liste wählen.'),
  competenceIds: idList,
  directoryNote: longText(300),
});

export const contactSchema = z.object({
  subject: requiredText('einen Betreff', 150, 3),
  message: requiredLongText('eine Nachricht', 5000, 10),
});
