import { z } from 'zod';
import { emptyToUndefined, idList, optionalWebsite, pageParam, searchParam, slugParam, trimmed } from '../../lib/forms.js';

export const NETWORK_CATEGORY_LABELS = {
  NATIONAL: 'Nationale Zusammenschlüsse',
  PARTY: 'Kommunalpolitische Vereinigungen der Parteien',
  INTERNATIONAL: 'Internationale Zusammenschlüsse',
} as const;

/** German URL values of the category filter. */
export const CATEGORY_PARAMS = { national: 'NATIONAL', parteien: 'PARTY', international: 'INTERNATIONAL' } as const;

export const NETWORKS_PER_PAGE = 50;

export const networkFilterSchema = z.object({
  q: searchParam,
  kategorie: z.enum(['national', 'parteien', 'international']).optional().catch(undefined),
  thema: slugParam,
  ausgemustert: z.literal('1').optional().catch(undefined),
  seite: pageParam,
});

export const networkFormSchema = z.object({
  name: z.preprocess(
    trimmed,
    z.string({ error: 'Bitte einen Namen angeben.' }).min(2, 'Bitte einen Namen angeben.').max(200, 'Höchstens 200 Zeichen.'),
  ),
  category: z.enum(['NATIONAL', 'PARTY', 'INTERNATIONAL'], { error: 'Bitte eine Kategorie wählen.' }),
  description: z.preprocess((v) => (typeof v === 'string' ? v.trim() : ''), z.string().max(5000, 'Höchstens 5.000 Zeichen.')),
  website: optionalWebsite,
  reach: z.preprocess(emptyToUndefined, z.string().trim().max(300, 'Höchstens 300 Zeichen.').optional()),
  topicIds: idList,
});

export type NetworkInput = z.output<typeof networkFormSchema>;
