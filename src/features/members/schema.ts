import { z } from 'zod';
import { checkbox, emptyToUndefined, idList, pageParam, slugParam, trimmed } from '../../lib/forms.js';
import { stateSchema } from '../alliances/schema.js';

export const MEMBERS_PER_PAGE = 25;

export const MANDATE_LABELS = {
  NONE: 'kein Mandat',
  COUNCIL: 'Ratsmitglied (Stadt- oder Gemeinderat)',
  DISTRICT_COUNCIL: 'Kreistag',
  BOROUGH_COUNCIL: 'Bezirksvertretung',
  EXPERT_CITIZEN: 'sachkundige/r Bürger/in',
} as const;

export const memberFilterSchema = z.object({
  kompetenz: slugParam,
  land: stateSchema.optional().catch(undefined),
  buendnis: slugParam,
  seite: pageParam,
});

export const directorySettingsSchema = z.object({
  listedInDirectory: checkbox,
  publicOnAlliancePage: checkbox,
  mandate: z.enum(['NONE', 'COUNCIL', 'DISTRICT_COUNCIL', 'BOROUGH_COUNCIL', 'EXPERT_CITIZEN'], {
    error: 'Bitte ein Mandat aus der Liste wählen.',
  }),
  competenceIds: idList,
  directoryNote: z.preprocess(emptyToUndefined, z.string().trim().max(300, 'Höchstens 300 Zeichen.').optional()),
});

export const contactSchema = z.object({
  subject: z.preprocess(
    trimmed,
    z.string({ error: 'Bitte einen Betreff angeben.' }).min(3, 'Bitte einen Betreff angeben.').max(150, 'Höchstens 150 Zeichen.'),
  ),
  message: z.preprocess(
    trimmed,
    z
      .string({ error: 'Bitte eine Nachricht schreiben.' })
      .min(10, 'Bitte eine Nachricht mit mindestens 10 Zeichen schreiben.')
      .max(5000, 'Höchstens 5.000 Zeichen.'),
  ),
});
