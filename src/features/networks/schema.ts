import { z } from 'zod';
import { choice, choiceParam, idList, longText, nameText, optionalText, optionalWebsite, pageParam, searchParam, slugParam } from '../../lib/fields.js';

export const NETWORK_CATEGORY_LABELS = {
  NATIONAL: 'Nationale Zusammenschlüsse',
  PARTY: 'Kommunalpolitische Vereinigungen der Parteien',
  INTERNATIONAL: 'Internationale Zusammenschlüsse',
} as const;

/** German URL values of the category filter. */
export const CATEGORY_PARAMS = { national: 'NATIONAL', parteien: 'PARTY', international: 'INTERNATIONAL' } as const;

export const NETWORKS_PER_PAGE = 50;

export const networkFilterSchema = z.object({
  q: searchParam(),
  kategorie: choiceParam(['national', 'parteien', 'international']),
  thema: slugParam,
  ausgemustert: choiceParam(['1']),
  seite: pageParam,
});

export const networkFormSchema = z.object({
  name: nameText('einen Namen', 200),
  category: choice(['NATIONAL', 'PARTY', 'INTERNATIONAL'], 'Bitte eine Kategorie wählen.'),
  description: longText(5000),
  website: optionalWebsite,
  reach: optionalText(300),
  topicIds: idList,
});

export type NetworkInput = z.output<typeof networkFormSchema>;
