// Command-line options for the npm scripts. `npm run x --email a@b` (without the separating `--`) makes npm
// keep the option for itself and hand it over as npm_config_email, so that spelling works too.
import { parseArgs } from 'node:util';

export function cliOptions<const N extends string>(names: readonly N[], usage: string): Record<N, string | undefined> {
  let values: Record<string, unknown> = {};
  try {
    values = parseArgs({ options: Object.fromEntries(names.map((n) => [n, { type: 'string' as const }])), allowPositionals: false }).values;
  } catch (error) {
    console.error(`Unbekannte Angabe (${(error as Error).message.split('\n')[0]}).`);
    console.error(`Aufruf: ${usage}`);
    process.exit(2);
  }
  return Object.fromEntries(
    names.map((n) => {
      const value = values[n] ?? process.env[`npm_config_${n}`];
      return [n, typeof value === 'string' && value !== 'true' ? value : undefined];
    }),
  ) as Record<N, string | undefined>;
}
