// For installations without mail delivery (no SMTP_URL): creates a single-use link to set a new password and
// prints it here, for the operator to hand over in person or by phone. It is never stored in plain text,
// never logged and never shown in the outbox.
//   npm run konto:link -- --email erika@example.org
import { ConfigError, loadConfig } from '../src/config.js';
import { openDatabase } from '../src/db/setup.js';
import { createResetLink, RESET_TOKEN_MINUTES } from '../src/features/auth/service.js';
import { email as emailSchema } from '../src/lib/fields.js';
import { createLogger } from '../src/lib/logger.js';
import { cliOptions } from './cli.js';

async function main(): Promise<void> {
  const usage = 'npm run konto:link -- --email adresse@example.org';
  const email = emailSchema.safeParse(cliOptions(['email'], usage).email ?? '');
  if (!email.success) {
    console.error(`Aufruf: ${usage}`);
    process.exit(2);
  }
  const config = loadConfig();
  const { db, close } = await openDatabase(config, createLogger('warn'), { ownEmbeddedServer: false });
  try {
    const user = await db.prisma.user.findUnique({ where: { email: email.data } });
    if (!user || user.status === 'DISABLED') {
      console.error(user ? 'Dieses Konto ist gesperrt.' : 'Mit dieser E-Mail-Adresse gibt es kein Konto.');
      process.exitCode = 1;
      return;
    }
    const link = await createResetLink(db.prisma, config.baseUrl, user.id);
    console.log(`Link für ${user.name} zum Festlegen eines neuen Passworts (gilt ${RESET_TOKEN_MINUTES} Minuten und nur einmal):\n\n${link}\n`);
    console.log('Bitte nur der Person selbst geben, z. B. persönlich oder am Telefon – nicht per unverschlüsselter Nachricht an Dritte.');
  } finally {
    await close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : `Fehler: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
