import { z } from 'zod';
import { email, optionalId, optionalText, passwordInput, personName } from '../../lib/fields.js';
import { newPasswordSchema, withPasswordRepeat } from '../../lib/passwords.js';

export const registrationSchema = withPasswordRepeat(
  z.object({
    name: personName,
    email,
    password: newPasswordSchema,
    passwordRepeat: z.string().optional(),
    allianceId: optionalId('Bitte ein Bündnis aus der Liste wählen.'),
    allianceNote: optionalText(200),
    acceptPrinciples: z.literal('ja', { error: 'Bitte bestätige die Grundlage der Zusammenarbeit.' }),
  }),
);

export const loginSchema = z.object({ email, password: passwordInput('Bitte das Passwort eingeben.') });

export const resetRequestSchema = z.object({ email });

export const resetPasswordSchema = withPasswordRepeat(z.object({ password: newPasswordSchema, passwordRepeat: z.string().optional() }));
