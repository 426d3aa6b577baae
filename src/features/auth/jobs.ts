// What the worker does after registration and reset requests: the part that depends on whether an address
// has an account, out of sight of the person who sent the form.
import type { JobHandler } from '../../jobs/queue.js';
import { enqueueDigest } from '../../jobs/queue.js';
import { HIDDEN_LINK, nameForMail } from '../../lib/mail.js';
import type { Services } from '../../services.js';
import { createResetLink, RESET_TOKEN_MINUTES } from './service.js';

/** New registrations reach the admins as one mail per ten minutes, however many arrive. */
const DIGEST_MS = 10 * 60_000;

export function authJobs(deps: Pick<Services, 'prisma' | 'mailer' | 'baseUrl'>): Record<string, JobHandler> {
  const { prisma, mailer, baseUrl } = deps;
  return {
    'account.registered': {
      async run(payload) {
        const user = await prisma.user.findUnique({ where: { id: Number(payload.userId) } });
        if (!user) return;
        await mailer.send({
          to: user.email,
          subject: 'Deine Registrierung bei der Kommunalen Erfahrungsbörse',
          text:
            `Hallo ${nameForMail(user.name)},\n\ndanke für deine Registrierung. Eine Administratorin oder ein Administrator der ` +
            `Koordinierungsgruppe prüft dein Konto und schaltet es frei; wir schicken dir dann eine E-Mail.\n\n` +
            `Warst du das nicht? Dann kannst du diese E-Mail ignorieren; das Konto wird nicht freigeschaltet.\n\nKommunale Erfahrungsbörse`,
        });
        await enqueueDigest(prisma, 'admins.registrations-digest', 'registrations-digest', {}, DIGEST_MS);
      },
    },

    'account.registration-attempt': {
      async run(payload) {
        const user = await prisma.user.findUnique({ where: { email: String(payload.email) } });
        if (!user || user.status === 'DISABLED') return;
        await mailer.send({
          to: user.email,
          subject: 'Registrierung mit deiner E-Mail-Adresse',
          text:
            `Hallo ${nameForMail(user.name)},\n\ngerade hat jemand versucht, mit deiner E-Mail-Adresse ein neues Konto bei der ` +
            `Kommunalen Erfahrungsbörse anzulegen. Du hast aber schon ein Konto.\n\n` +
            `Warst du das und kennst dein Passwort nicht mehr? Dann setze es hier zurück:\n${baseUrl}/passwort-vergessen\n\n` +
            `Warst du es nicht, musst du nichts tun: Es wurde kein zweites Konto angelegt.`,
        });
      },
    },

    'admins.registrations-digest': {
      async run() {
        const [pending, admins] = await Promise.all([
          prisma.user.findMany({ where: { status: 'PENDING' }, orderBy: { createdAt: 'asc' }, select: { name: true }, take: 21 }),
          prisma.user.findMany({ where: { role: 'ADMIN', status: 'ACTIVE' }, select: { email: true } }),
        ]);
        if (pending.length === 0) return;
        const names = pending.slice(0, 20).map((p) => `- ${nameForMail(p.name)}`);
        if (pending.length > 20) names.push('- …');
        for (const admin of admins) {
          await mailer.send({
            to: admin.email,
            subject: pending.length === 1 ? 'Ein Konto wartet auf Freischaltung' : 'Konten warten auf Freischaltung',
            text: `Diese Konten warten auf Freischaltung:\n\n${names.join('\n')}\n\nPrüfen und freischalten:\n${baseUrl}/admin/benutzer?status=PENDING`,
          });
        }
      },
    },

    'account.password-reset': {
      async run(payload) {
        const user = await prisma.user.findUnique({ where: { email: String(payload.email) } });
        if (!user || user.status === 'DISABLED') return;
        // Without mail delivery a link would only sit in the database; `npm run konto:link` helps instead.
        const link = mailer.delivers ? await createResetLink(prisma, baseUrl, user.id) : undefined;
        await mailer.send({
          to: user.email,
          subject: 'Passwort zurücksetzen – Kommunale Erfahrungsbörse',
          text:
            `Hallo ${nameForMail(user.name)},\n\nüber diesen Link kannst du ein neues Passwort festlegen. ` +
            `Er gilt ${RESET_TOKEN_MINUTES} Minuten und nur einmal:\n\n${HIDDEN_LINK}\n\n` +
            `Wenn du das nicht angefordert hast, kannst du diese E-Mail ignorieren; dein Passwort bleibt dann, wie es ist.`,
          ...(link ? { secretLink: link } : {}),
        });
      },
    },
  };
}
