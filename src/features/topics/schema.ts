import { z } from 'zod';
import { trimmed } from '../../lib/forms.js';

export const topicFormSchema = z.object({
  name: z.preprocess(
    trimmed,
    z.string({ error: 'Bitte einen Namen angeben.' }).min(2, 'Bitte einen Namen angeben.').max(80, 'Höchstens 80 Zeichen.'),
  ),
  description: z.preprocess((v) => (typeof v === 'string' ? v.trim() : ''), z.string().max(500, 'Höchstens 500 Zeichen.')),
});
