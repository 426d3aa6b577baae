import { z } from 'zod';
import { checkbox, email, passwordInput, personName } from '../../lib/fields.js';
import { newPasswordSchema, withPasswordRepeat } from '../../lib/passwords.js';

const currentPassword = passwordInput('Bitte dein aktuelles Passwort eingeben.');

export const changeNameSchema = z.object({ name: personName });

export const changeEmailSchema = z.object({ email, currentPassword });

export const changePasswordSchema = withPasswordRepeat(
  z.object({ currentPassword, password: newPasswordSchema, passwordRepeat: z.string().optional() }),
);

export const notificationsSchema = z.object({ notifyComments: checkbox });
