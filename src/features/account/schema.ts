import { z } from 'zod';
import { newPasswordSchema, withPasswordRepeat } from '../../lib/passwords.js';
import { emailSchema, personNameSchema } from '../auth/schema.js';

const currentPassword = z
  .string({ error: 'Bitte dein aktuelles Passwort eingeben.' })
  .min(1, 'Bitte dein aktuelles Passwort eingeben.')
  .max(1024);

export const changeNameSchema = z.object({ name: personNameSchema });

export const changeEmailSchema = z.object({ email: emailSchema, currentPassword });

export const changePasswordSchema = withPasswordRepeat(
  z.object({ currentPassword, password: newPasswordSchema, passwordRepeat: z.string().optional() }),
);
