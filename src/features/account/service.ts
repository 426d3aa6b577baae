// Changes a person makes to their own account.
import type pg from 'pg';
import { isUniqueViolation, type PrismaClient } from '../../db/database.js';
import { ValidationError } from '../../lib/errors.js';
import type { Mailer } from '../../lib/mail.js';
import { hashPassword, verifyPassword } from '../../lib/passwords.js';
import { endSessionsOfUser } from '../../middleware/session.js';

export interface AccountDeps {
  prisma: PrismaClient;
  pool: pg.Pool;
  mailer: Mailer;
}

async function assertPassword(prisma: PrismaClient, userId: number, password: string): Promise<{ email: string; name: string }> {
  const user = await prisma.user.findUniqueOrThrow({ where: { id: userId } });
  if (!(await verifyPassword(user.passwordHash, password))) {
    throw new ValidationError({ currentPassword: 'Das aktuelle Passwort stimmt nicht.' });
  }
  return user;
}

export async function changeName(deps: AccountDeps, userId: number, name: string): Promise<void> {
  await deps.prisma.user.update({ where: { id: userId }, data: { name } });
}

export async function changeEmail(deps: AccountDeps, userId: number, email: string, currentPassword: string): Promise<void> {
  const user = await assertPassword(deps.prisma, userId, currentPassword);
  if (user.email === email) return;
  try {
    await deps.prisma.user.update({ where: { id: userId }, data: { email } });
  } catch (error) {
    if (isUniqueViolation(error)) throw new ValidationError({ email: 'Diese E-Mail-Adresse gehört schon zu einem anderen Konto.' });
    throw error;
  }
  // The old address learns of the change, so a hijacked account does not go unnoticed.
  await deps.mailer.send({
    to: user.email,
    subject: 'Deine E-Mail-Adresse wurde geändert',
    text: `Hallo ${user.name},\n\ndie E-Mail-Adresse deines Kontos bei der Kommunalen Erfahrungsbörse wurde auf ${email} geändert.\nWarst du das nicht, melde dich bitte sofort bei der Koordinierungsgruppe.`,
  });
}

/** New password; every session of the person ends (the caller logs the current browser in again). */
export async function changePassword(deps: AccountDeps, userId: number, currentPassword: string, newPassword: string): Promise<void> {
  await assertPassword(deps.prisma, userId, currentPassword);
  await deps.prisma.user.update({ where: { id: userId }, data: { passwordHash: await hashPassword(newPassword) } });
  await endSessionsOfUser(deps.pool, userId);
}
