import { z } from 'zod';
import { longText, nameText } from '../../lib/fields.js';

export const topicFormSchema = z.object({
  name: nameText('einen Namen', 80),
  description: longText(500),
});
