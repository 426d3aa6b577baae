// Creates the first admin (or makes an existing account admin) from the command line:
//   npm run admin:create -- --email erika@example.org --name "Erika Beispiel"
// The password is asked for without echo; scripts can pipe it in on standard input instead.
import { createInterface } from 'node:readline/promises';
import password from '@inquirer/password';
import { z } from 'zod';
import { ConfigError, loadConfig } from '../src/config.js';
import { openDatabase } from '../src/db/setup.js';
import { email as emailSchema, personName as personNameSchema } from '../src/lib/fields.js';
import { cliOptions } from './cli.js';
import { createLogger } from '../src/lib/logger.js';
import { hashPassword, newPasswordSchema } from '../src/lib/passwords.js';

function firstError(result: z.ZodSafeParseResult<unknown>): string | undefined {
  return result.success ? undefined : result.error.issues[0]?.message;
}

async function readPassword(): Promise<string> {
  if (!process.stdin.isTTY) {
    const lines = createInterface({ input: process.stdin });
    for await (const line of lines) return line;
    throw new Error('Kein Passwort auf der Standardeingabe.');
  }
  for (;;) {
    const first = await password({ message: 'Passwort (mindestens 10 Zeichen):', mask: '*' });
    const problem = firstError(newPasswordSchema.safeParse(first));
    if (problem) {
      console.error(problem);
      continue;
    }
    if ((await password({ message: 'Passwort wiederholen:', mask: '*' })) === first) return first;
    console.error('Die beiden Passwörter stimmen nicht überein.');
  }
}

async function main(): Promise<void> {
  const usage = 'npm run admin:create -- --email adresse@example.org --name "Vorname Nachname"';
  const values = cliOptions(['email', 'name'], usage);
  const email = emailSchema.safeParse(values.email ?? '');
  const name = personNameSchema.safeParse(values.name ?? '');
  if (!email.success || !name.success) {
    console.error(`Aufruf: ${usage}`);
    console.error(firstError(email) ?? firstError(name));
    process.exit(2);
  }

  const config = loadConfig();
  const { db, close } = await openDatabase(config, createLogger('warn'), { ownEmbeddedServer: false });
  try {
    const existing = await db.prisma.user.findUnique({ where: { email: email.data } });
    if (existing) {
      await db.prisma.user.update({
        where: { id: existing.id },
        data: { role: 'ADMIN', status: 'ACTIVE', approvedAt: existing.approvedAt ?? new Date() },
      });
      console.log(`${existing.name} <${existing.email}> ist jetzt Administrator/in (Passwort unverändert).`);
      return;
    }
    const chosen = newPasswordSchema.safeParse(await readPassword());
    if (!chosen.success) {
      console.error(firstError(chosen));
      process.exitCode = 2;
      return;
    }
    await db.prisma.user.create({
      data: {
        email: email.data,
        name: name.data,
        passwordHash: await hashPassword(chosen.data),
        role: 'ADMIN',
        status: 'ACTIVE',
        principlesAcceptedAt: new Date(),
        approvedAt: new Date(),
      },
    });
    console.log(`Administrator/in ${name.data} <${email.data}> angelegt. Anmelden unter ${config.baseUrl}/anmelden`);
  } finally {
    await close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : `Fehler: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
