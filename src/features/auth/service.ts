// Accounts: registration (pending until an admin approves), login checks and password reset by mail.
import { createHash, randomBytes } from 'node:crypto';
import type pg from 'pg';
import { isUniqueViolation, type PrismaClient } from '../../db/database.js';
import { ValidationError } from '../../lib/errors.js';
import type { Mailer } from '../../lib/mail.js';
import { hashPassword, timingDummyHash, verifyPassword } from '../../lib/passwords.js';
import { endSessionsOfUser } from '../../middleware/session.js';

const RESET_TOKEN_MINUTES = 60;

export interface AuthDeps {
  prisma: PrismaClient;
  pool: pg.Pool;
  mailer: Mailer;
  baseUrl: string;
}

export interface RegistrationInput {
  name: string;
  email: string;
  password: string;
  allianceId?: number | undefined;
  allianceNote?: string | undefined;
}

export async function registerUser(deps: AuthDeps, input: RegistrationInput) {
  if (input.allianceId !== undefined) {
    const alliance = await deps.prisma.alliance.findUnique({ where: { id: input.allianceId } });
    if (!alliance) throw new ValidationError({ allianceId: 'Dieses Bündnis gibt es nicht (mehr). Bitte neu wählen.' });
  }
  let user;
  try {
    user = await deps.prisma.user.create({
      data: {
        name: input.name,
        email: input.email,
        passwordHash: await hashPassword(input.password),
        // The chosen Bündnis is a join request; approving the account confirms it.
        requestedAllianceId: input.allianceId ?? null,
        joinRequestedAt: input.allianceId ? new Date() : null,
        allianceNote: input.allianceNote ?? null,
        principlesAcceptedAt: new Date(),
      },
    });
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new ValidationError({
        email: 'Mit dieser E-Mail-Adresse gibt es schon ein Konto. Passwort vergessen? Dann setze es über „Anmelden“ zurück.',
      });
    }
    throw error;
  }

  await deps.mailer.send({
    to: user.email,
    subject: 'Deine Registrierung bei der Kommunalen Erfahrungsbörse',
    text: `Hallo ${user.name},\n\ndanke für deine Registrierung. Dein Konto wird jetzt von einer Administratorin oder einem Administrator geprüft und freigeschaltet; wir schicken dir dann eine E-Mail.\n\nKommunale Erfahrungsbörse`,
  });
  const admins = await deps.prisma.user.findMany({ where: { role: 'ADMIN', status: 'ACTIVE' }, select: { email: true } });
  for (const admin of admins) {
    await deps.mailer.send({
      to: admin.email,
      subject: `Neue Registrierung: ${user.name}`,
      text: `${user.name} (${user.email}) hat sich registriert und wartet auf Freischaltung:\n${deps.baseUrl}/admin/benutzer?status=PENDING`,
    });
  }
  return user;
}

export type LoginResult =
  { outcome: 'ok'; user: { id: number; name: string } } | { outcome: 'invalid' } | { outcome: 'pending' } | { outcome: 'disabled' };

export async function checkLogin(prisma: PrismaClient, email: string, password: string): Promise<LoginResult> {
  const user = await prisma.user.findUnique({ where: { email } });
  if (!user) {
    await verifyPassword(await timingDummyHash(), password); // same time as a real check: no account probing
    return { outcome: 'invalid' };
  }
  if (!(await verifyPassword(user.passwordHash, password))) return { outcome: 'invalid' };
  // Status is only revealed to someone who knows the password.
  if (user.status === 'PENDING') return { outcome: 'pending' };
  if (user.status === 'DISABLED') return { outcome: 'disabled' };
  await prisma.user.update({ where: { id: user.id }, data: { lastLoginAt: new Date() } });
  return { outcome: 'ok', user: { id: user.id, name: user.name } };
}

function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** Sends a single-use reset link if an account exists; says nothing either way (no account probing). */
export async function requestPasswordReset(deps: AuthDeps, email: string): Promise<void> {
  const user = await deps.prisma.user.findUnique({ where: { email } });
  if (!user || user.status === 'DISABLED') return;
  const token = randomBytes(32).toString('base64url');
  await deps.prisma.passwordResetToken.create({
    data: { userId: user.id, tokenHash: hashToken(token), expiresAt: new Date(Date.now() + RESET_TOKEN_MINUTES * 60_000) },
  });
  await deps.mailer.send({
    to: user.email,
    subject: 'Passwort zurücksetzen – Kommunale Erfahrungsbörse',
    text:
      `Hallo ${user.name},\n\nüber diesen Link kannst du ein neues Passwort festlegen. Er gilt ${RESET_TOKEN_MINUTES} Minuten und nur einmal:\n\n` +
      `${deps.baseUrl}/passwort-zuruecksetzen/${token}\n\nWenn du das nicht angefordert hast, kannst du diese E-Mail ignorieren.`,
  });
}

/** The reset token's user if the token is unused and not expired. */
export async function findValidResetToken(prisma: PrismaClient, token: string) {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return undefined;
  const row = await prisma.passwordResetToken.findUnique({ where: { tokenHash: hashToken(token) }, include: { user: true } });
  if (!row || row.usedAt || row.expiresAt <= new Date() || row.user.status === 'DISABLED') return undefined;
  return row;
}

/** Sets the new password, uses up the token (and every other open token) and ends all sessions. */
export async function resetPassword(deps: AuthDeps, token: string, newPassword: string): Promise<boolean> {
  const row = await findValidResetToken(deps.prisma, token);
  if (!row) return false;
  const passwordHash = await hashPassword(newPassword);
  const used = await deps.prisma.$transaction(async (tx) => {
    // Conditional update: of two simultaneous submissions only one wins.
    const claimed = await tx.passwordResetToken.updateMany({ where: { id: row.id, usedAt: null }, data: { usedAt: new Date() } });
    if (claimed.count !== 1) return false;
    await tx.passwordResetToken.updateMany({ where: { userId: row.userId, usedAt: null }, data: { usedAt: new Date() } });
    await tx.user.update({ where: { id: row.userId }, data: { passwordHash } });
    return true;
  });
  if (used) await endSessionsOfUser(deps.pool, row.userId);
  return used;
}
