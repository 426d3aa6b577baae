// Accounts: registration (pending until an admin approves), login checks and password reset by mail.
//
// Nothing here tells a stranger whether an address has an account: registration and "Passwort vergessen"
// answer the same way and do the same work (hash, one insert, one queued job) for known and unknown
// addresses. What differs happens later in the worker (jobs.ts): the owner of a known address gets a mail.
import type { PrismaClient } from '../../db/database.js';
import { enqueue } from '../../jobs/queue.js';
import { ValidationError } from '../../lib/errors.js';
import { hashPassword, timingDummyHash, verifyPassword } from '../../lib/passwords.js';
import { hashToken, isTokenShaped, newToken } from '../../lib/tokens.js';
import { endSessionsOfUser } from '../../middleware/session.js';
import type { Services } from '../../services.js';

export const RESET_TOKEN_MINUTES = 60;

export interface RegistrationInput {
  name: string;
  email: string;
  password: string;
  allianceId?: number | undefined;
  allianceNote?: string | undefined;
}

/** Registers a pending account, or, when the address is taken, quietly queues a notice to its owner. */
export async function registerUser(deps: Pick<Services, 'prisma' | 'nudgeWorker'>, input: RegistrationInput): Promise<void> {
  if (input.allianceId !== undefined) {
    const alliance = await deps.prisma.alliance.findFirst({ where: { id: input.allianceId, archivedAt: null }, select: { id: true } });
    if (!alliance) throw new ValidationError({ allianceId: 'Dieses Bündnis gibt es nicht (mehr). Bitte neu wählen.' });
  }
  const passwordHash = await hashPassword(input.password);
  await deps.prisma.$transaction(async (tx) => {
    // The chosen Bündnis is a join request; approving the account confirms it.
    const created = await tx.$queryRaw<{ id: number }[]>`
      INSERT INTO users (name, email, password_hash, requested_alliance_id, join_requested_at, alliance_note, principles_accepted_at)
      VALUES (${input.name}, ${input.email}, ${passwordHash}, ${input.allianceId ?? null},
              ${input.allianceId ? new Date() : null}, ${input.allianceNote ?? null}, now())
      ON CONFLICT (email) DO NOTHING
      RETURNING id`;
    if (created[0]) {
      await enqueue(tx, 'account.registered', { userId: created[0].id });
    } else {
      // At most one such notice a day per address, however often someone tries.
      const day = new Date().toISOString().slice(0, 10);
      await enqueue(tx, 'account.registration-attempt', { email: input.email }, { uniqueKey: `registration-attempt:${input.email}:${day}` });
    }
  });
  deps.nudgeWorker();
}

export type LoginResult =
  | { outcome: 'ok'; user: { id: number; name: string } }
  | { outcome: 'invalid' }
  | { outcome: 'pending' }
  | { outcome: 'disabled' };

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

/** Queues the reset mail; the worker sends it only if the account exists (same answer and time either way). */
export async function requestPasswordReset(deps: Pick<Services, 'prisma' | 'nudgeWorker'>, email: string): Promise<void> {
  await enqueue(deps.prisma, 'account.password-reset', { email });
  deps.nudgeWorker();
}

/** The reset token's user if the token is unused and not expired. */
export async function findValidResetToken(prisma: PrismaClient, token: string) {
  if (!isTokenShaped(token)) return undefined;
  const row = await prisma.passwordResetToken.findUnique({ where: { tokenHash: hashToken(token) }, include: { user: true } });
  if (!row || row.usedAt || row.expiresAt <= new Date() || row.user.status === 'DISABLED') return undefined;
  return row;
}

/** Sets the new password, uses up the token (and every other open token) and ends all sessions. */
export async function resetPassword(deps: Pick<Services, 'prisma' | 'pool'>, token: string, newPassword: string): Promise<boolean> {
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

/** A fresh single-use reset link for the account (mail job, and `npm run konto:link` without SMTP). */
export async function createResetLink(prisma: PrismaClient, baseUrl: string, userId: number): Promise<string> {
  const { token, tokenHash } = newToken();
  await prisma.passwordResetToken.create({
    data: { userId, tokenHash, expiresAt: new Date(Date.now() + RESET_TOKEN_MINUTES * 60_000) },
  });
  return `${baseUrl}/passwort-zuruecksetzen/${token}`;
}
