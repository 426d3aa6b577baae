// Changes a person makes to their own account. Every check of the current password counts like a login
// attempt (rate-limits.ts), so /konto is no side door for guessing it.
import type pg from 'pg';
import { isUniqueViolation, Prisma } from '../../db/database.js';
import { selectOne } from '../../db/sql.js';
import { AppError, NotFoundError, ValidationError } from '../../lib/errors.js';
import { HIDDEN_LINK, nameForMail } from '../../lib/mail.js';
import { hashPassword, verifyPassword } from '../../lib/passwords.js';
import { hashToken, isTokenShaped, newToken } from '../../lib/tokens.js';
import { endSessionsOfUser } from '../../middleware/session.js';
import type { Services } from '../../services.js';

export const EMAIL_CHANGE_HOURS = 24;

async function assertPassword(deps: Pick<Services, 'prisma' | 'limits'>, userId: number, password: string, ip: string) {
  const user = await deps.prisma.user.findUniqueOrThrow({ where: { id: userId } });
  await deps.limits.login.check(ip, user.email);
  if (!(await verifyPassword(user.passwordHash, password))) {
    await deps.limits.login.failed(ip, user.email);
    throw new ValidationError({ currentPassword: 'Das aktuelle Passwort stimmt nicht.' });
  }
  return user;
}

export async function changeName(deps: Pick<Services, 'prisma'>, userId: number, name: string): Promise<void> {
  await deps.prisma.user.update({ where: { id: userId }, data: { name } });
}

/**
 * Asks for a new address: it takes effect only when the link sent to it is opened. The old address is told at
 * once, so a hijacked session cannot quietly move the account away.
 */
export async function requestEmailChange(
  deps: Pick<Services, 'prisma' | 'limits' | 'mailer' | 'baseUrl'>,
  userId: number,
  newEmail: string,
  currentPassword: string,
  ip: string,
): Promise<void> {
  const user = await assertPassword(deps, userId, currentPassword, ip);
  if (user.email === newEmail) throw new ValidationError({ email: 'Das ist schon deine E-Mail-Adresse.' });
  if (await deps.prisma.user.findUnique({ where: { email: newEmail }, select: { id: true } })) {
    throw new ValidationError({ email: 'Diese E-Mail-Adresse gehört schon zu einem anderen Konto.' });
  }
  await deps.limits.action('emailChange', { ip, account: userId });
  const { token, tokenHash } = newToken();
  await deps.prisma.$transaction(async (tx) => {
    // Only the newest request counts.
    await tx.emailChangeRequest.updateMany({ where: { userId, usedAt: null }, data: { usedAt: new Date() } });
    // A new version of the person's row, so that a kept /konto shows the pending address at once (account/routes.ts).
    await tx.$executeRaw`UPDATE users SET email = email WHERE id = ${userId}`;
    await tx.emailChangeRequest.create({
      data: { userId, newEmail, tokenHash, expiresAt: new Date(Date.now() + EMAIL_CHANGE_HOURS * 3600_000) },
    });
    await deps.mailer.send(
      {
        to: newEmail,
        subject: 'Bitte bestätige deine neue E-Mail-Adresse',
        text:
          `Hallo ${nameForMail(user.name)},\n\nbitte bestätige, dass du die Kommunale Erfahrungsbörse künftig mit dieser Adresse nutzen willst. ` +
          `Der Link gilt ${EMAIL_CHANGE_HOURS} Stunden:\n\n${HIDDEN_LINK}\n\nHast du das nicht beantragt, ignoriere diese E-Mail; es ändert sich dann nichts.`,
        ...(deps.mailer.delivers ? { secretLink: `${deps.baseUrl}/konto/email-bestaetigen/${token}` } : {}),
      },
      tx,
    );
    await deps.mailer.send(
      {
        to: user.email,
        subject: 'Änderung deiner E-Mail-Adresse beantragt',
        text:
          `Hallo ${nameForMail(user.name)},\n\nfür dein Konto bei der Kommunalen Erfahrungsbörse wurde beantragt, die E-Mail-Adresse auf ${newEmail} zu ändern. ` +
          `Die Änderung gilt erst, wenn der Link in der E-Mail an die neue Adresse geöffnet wird.\n\n` +
          `Warst du das nicht? Dann ändere bitte sofort dein Passwort (${deps.baseUrl}/konto#passwort) und melde dich bei der Koordinierungsgruppe.`,
      },
      tx,
    );
  });
}

export interface AccountPage {
  id: number;
  name: string;
  email: string;
  role: 'MEMBER' | 'ORGANIZER' | 'ADMIN';
  createdAt: Date;
  isDelegate: boolean;
  allianceNote: string | null;
  listedInDirectory: boolean;
  publicOnAlliancePage: boolean;
  mandate: string;
  directoryNote: string | null;
  notifyComments: boolean;
  alliance: { slug: string; name: string } | null;
  requestedAlliance: { slug: string; name: string } | null;
  competenceIds: number[];
  pendingEmail: { newEmail: string; expiresAt: string } | null;
  /** Values typed into motion templates (see motions/template-values.ts), as stored. */
  templateValues: unknown;
}

/** Everything /konto shows about the person, in one query. */
export async function accountPage(pool: pg.Pool, userId: number): Promise<AccountPage> {
  const row = await selectOne<AccountPage>(
    pool,
    Prisma.sql`
      SELECT u.id, u.name, u.email, u.role::text AS role, u.created_at AS "createdAt", u.is_delegate AS "isDelegate",
        u.alliance_note AS "allianceNote", u.listed_in_directory AS "listedInDirectory", u.public_on_alliance_page AS "publicOnAlliancePage",
        u.mandate::text AS mandate, u.directory_note AS "directoryNote", u.notify_comments AS "notifyComments", u.template_values AS "templateValues",
        (SELECT json_build_object('slug', a.slug, 'name', a.name) FROM alliances a WHERE a.id = u.alliance_id) AS alliance,
        (SELECT json_build_object('slug', a.slug, 'name', a.name) FROM alliances a WHERE a.id = u.requested_alliance_id) AS "requestedAlliance",
        ARRAY(SELECT topic_id FROM user_competences WHERE user_id = u.id) AS "competenceIds",
        (SELECT json_build_object('newEmail', e.new_email, 'expiresAt', e.expires_at) FROM email_change_requests e
          WHERE e.user_id = u.id AND e.used_at IS NULL AND e.expires_at > now() ORDER BY e.created_at DESC LIMIT 1) AS "pendingEmail"
      FROM users u WHERE u.id = ${userId}`,
  );
  if (!row) throw new NotFoundError('Dieses Konto gibt es nicht.');
  return row;
}

export async function pendingEmailChange(deps: Pick<Services, 'prisma'>, userId: number) {
  return deps.prisma.emailChangeRequest.findFirst({
    where: { userId, usedAt: null, expiresAt: { gt: new Date() } },
    orderBy: { createdAt: 'desc' },
    select: { newEmail: true, expiresAt: true },
  });
}

export async function findValidEmailChange(deps: Pick<Services, 'prisma'>, token: string) {
  if (!isTokenShaped(token)) return undefined;
  const row = await deps.prisma.emailChangeRequest.findUnique({ where: { tokenHash: hashToken(token) }, include: { user: true } });
  if (!row || row.usedAt || row.expiresAt <= new Date() || row.user.status === 'DISABLED') return undefined;
  return row;
}

/** Opens the confirmation link: the new address takes effect; the old one is told. */
export async function confirmEmailChange(deps: Pick<Services, 'prisma' | 'mailer'>, token: string): Promise<string | undefined> {
  const row = await findValidEmailChange(deps, token);
  if (!row) return undefined;
  try {
    await deps.prisma.$transaction(async (tx) => {
      const claimed = await tx.emailChangeRequest.updateMany({ where: { id: row.id, usedAt: null }, data: { usedAt: new Date() } });
      if (claimed.count !== 1) throw new AppError('Dieser Link wurde gerade schon benutzt.', 410);
      await tx.user.update({ where: { id: row.userId }, data: { email: row.newEmail } });
      await deps.mailer.send(
        {
          to: row.user.email,
          subject: 'Deine E-Mail-Adresse wurde geändert',
          text:
            `Hallo ${nameForMail(row.user.name)},\n\ndie E-Mail-Adresse deines Kontos bei der Kommunalen Erfahrungsbörse ist jetzt ${row.newEmail}.\n` +
            `Warst du das nicht, melde dich bitte sofort bei der Koordinierungsgruppe.`,
        },
        tx,
      );
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError('Diese E-Mail-Adresse gehört inzwischen zu einem anderen Konto.', 409);
    throw error;
  }
  return row.newEmail;
}

/** New password; every other session of the person ends (the caller gives this browser a fresh session). */
export async function changePassword(
  deps: Pick<Services, 'prisma' | 'pool' | 'limits'>,
  userId: number,
  currentPassword: string,
  newPassword: string,
  ip: string,
): Promise<void> {
  await assertPassword(deps, userId, currentPassword, ip);
  await deps.prisma.user.update({ where: { id: userId }, data: { passwordHash: await hashPassword(newPassword) } });
  await endSessionsOfUser(deps.pool, userId);
}

export async function setNotifications(deps: Pick<Services, 'prisma'>, userId: number, settings: { notifyComments: boolean }): Promise<void> {
  await deps.prisma.user.update({ where: { id: userId }, data: { notifyComments: settings.notifyComments } });
}
