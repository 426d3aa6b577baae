import { z } from 'zod';
import { emptyToUndefined, trimmed } from '../../lib/forms.js';
import { newPasswordSchema, withPasswordRepeat } from '../../lib/passwords.js';

export const emailSchema = z.preprocess(
  (v) => (typeof v === 'string' ? v.trim().toLowerCase() : v),
  z
    .string({ error: 'Bitte eine E-Mail-Adresse eingeben.' })
    .min(1, 'Bitte eine E-Mail-Adresse eingeben.')
    .max(254, 'Diese E-Mail-Adresse ist zu lang.')
    .pipe(z.email('Bitte eine gültige E-Mail-Adresse eingeben.')),
);

export const personNameSchema = z.preprocess(
  trimmed,
  z
    .string({ error: 'Bitte einen Namen eingeben.' })
    .min(2, 'Bitte einen Namen mit mindestens 2 Zeichen eingeben.')
    .max(100, 'Der Name darf höchstens 100 Zeichen lang sein.'),
);

export const registrationSchema = withPasswordRepeat(
  z.object({
    name: personNameSchema,
    email: emailSchema,
    password: newPasswordSchema,
    passwordRepeat: z.string().optional(),
    allianceId: z.preprocess(
      emptyToUndefined,
      z.coerce.number({ error: 'Bitte ein Bündnis aus der Liste wählen.' }).int().positive().optional(),
    ),
    allianceNote: z.preprocess(emptyToUndefined, z.string().trim().max(200, 'Höchstens 200 Zeichen.').optional()),
    acceptPrinciples: z.literal('ja', { error: 'Bitte bestätige die Grundlage der Zusammenarbeit.' }),
  }),
);

export const loginSchema = z.object({
  email: emailSchema,
  password: z
    .string({ error: 'Bitte das Passwort eingeben.' })
    .min(1, 'Bitte das Passwort eingeben.')
    .max(1024, 'Das Passwort ist zu lang.'),
});

export const resetRequestSchema = z.object({ email: emailSchema });

export const resetPasswordSchema = withPasswordRepeat(z.object({ password: newPasswordSchema, passwordRepeat: z.string().optional() }));
