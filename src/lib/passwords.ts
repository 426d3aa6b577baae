// Password rules and hashing (Argon2id). Passwords are normalised to NFC first, so "ü" typed as one
// character on one device and as u + combining diaeresis on another is the same password.
import { createRequire } from 'node:module';
import { z } from 'zod';

// Algorithm.Argon2id of @node-rs/argon2 (an ambient const enum, which isolated modules cannot import).
const ARGON2ID = 2;

export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 256;

// German classics that the (English) list of common passwords lacks.
const COMMON_GERMAN = [
  'passwort123',
  'passwort1234',
  'passwort12345',
  'hallo12345',
  'hallohallo',
  'qwertzuiop',
  'qwertz1234',
  'schatz12345',
  'sommer2024',
  'sommer2025',
  'sommer2026',
  'fussball123',
  'ichliebedich',
  'geheim12345',
  'willkommen1',
  'willkommen123',
];

// The list of 30 000 common passwords is read when a new password is first checked, not at every start.
let commonPasswords: Set<string> | undefined;
function isCommonPassword(password: string): boolean {
  if (!commonPasswords) {
    const { dictionary } = createRequire(import.meta.url)('@zxcvbn-ts/language-common') as { dictionary: Record<string, string[]> };
    commonPasswords = new Set([...dictionary['passwords-common']!, ...COMMON_GERMAN].filter((p) => p.length >= PASSWORD_MIN_LENGTH));
  }
  return commonPasswords.has(password.toLowerCase());
}

export function normalizePassword(password: string): string {
  return password.normalize('NFC');
}

/** Length in characters as a person counts them (code points, after NFC), not UTF-16 units. */
function characterCount(text: string): number {
  return [...text].length;
}

export const newPasswordSchema = z
  .string({ error: 'Bitte ein Passwort eingeben.' })
  .transform(normalizePassword)
  .refine((p) => characterCount(p) >= PASSWORD_MIN_LENGTH, `Das Passwort muss mindestens ${PASSWORD_MIN_LENGTH} Zeichen lang sein.`)
  .refine((p) => characterCount(p) <= PASSWORD_MAX_LENGTH, `Das Passwort darf höchstens ${PASSWORD_MAX_LENGTH} Zeichen lang sein.`)
  .refine(
    (p) => !isCommonPassword(p),
    'Dieses Passwort ist zu verbreitet und leicht zu erraten. Bitte wähle ein anderes, z. B. einen Satz aus mehreren Wörtern.',
  );

// The native hashing module loads with the first login or registration, not with the app (faster restarts).
const argon2 = () => import('@node-rs/argon2');

export async function hashPassword(password: string): Promise<string> {
  return (await argon2()).hash(normalizePassword(password), { algorithm: ARGON2ID });
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  const { verify } = await argon2();
  try {
    return await verify(passwordHash, normalizePassword(password));
  } catch {
    return false; // malformed hash: treat as a wrong password rather than a crash
  }
}

/** A valid hash of a random password: lets a login for an unknown address cost as much time as a real one. */
let dummyHash: Promise<string> | undefined;
export function timingDummyHash(): Promise<string> {
  dummyHash ??= hashPassword(`dummy-${Math.random()}`);
  return dummyHash;
}

/**
 * Adds "the repeated password must match" to a form schema. Runs even when other fields are invalid,
 * so the person sees every problem at once.
 */
export function withPasswordRepeat<S extends z.ZodType<{ password: string; passwordRepeat?: string | undefined }>>(schema: S) {
  return schema.refine((v) => v.password.normalize('NFC') === (v.passwordRepeat ?? '').normalize('NFC'), {
    path: ['passwordRepeat'],
    message: 'Die beiden Passwörter stimmen nicht überein.',
    when: (payload) => {
      const value = payload.value as Record<string, unknown> | undefined;
      return typeof value?.password === 'string';
    },
  });
}
