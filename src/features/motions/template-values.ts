// Values a member typed into templates ("Gemeinde", "Gremium", "Fraktion" …), offered again in the next template
// and editable on /konto. Stored with the account as a small JSON object.
import type { Services } from '../../services.js';
import { cleanLine } from '../../lib/fields.js';
import { MAX_PLACEHOLDERS, MAX_VALUE_LENGTH } from './placeholders.js';

export type TemplateValues = Record<string, string>;

export async function rememberedValues(deps: Pick<Services, 'prisma'>, userId: number): Promise<TemplateValues> {
  const user = await deps.prisma.user.findUnique({ where: { id: userId }, select: { templateValues: true } });
  return templateValuesFrom(user?.templateValues);
}

/** The stored JSON column as values (anything else in it is ignored). */
export function templateValuesFrom(stored: unknown): TemplateValues {
  return stored && typeof stored === 'object' && !Array.isArray(stored)
    ? Object.fromEntries(Object.entries(stored).filter((e): e is [string, string] => typeof e[1] === 'string'))
    : {};
}

/** The typed values join the remembered ones (the newest first; empty ones change nothing). */
export async function rememberValues(deps: Pick<Services, 'prisma'>, userId: number, typed: TemplateValues): Promise<void> {
  const filled = Object.entries(typed).filter(([, v]) => v.trim());
  if (filled.length === 0) return;
  const merged = {
    ...Object.fromEntries(filled),
    ...Object.fromEntries(Object.entries(await rememberedValues(deps, userId)).filter(([k]) => !(k in typed))),
  };
  await deps.prisma.user.update({
    where: { id: userId },
    data: { templateValues: Object.fromEntries(Object.entries(merged).slice(0, MAX_PLACEHOLDERS)) },
  });
}

/** /konto: the member's own list replaces the remembered values (an emptied field forgets its value). */
export async function replaceValues(deps: Pick<Services, 'prisma'>, userId: number, values: TemplateValues): Promise<void> {
  const kept = Object.entries(values).filter(([, v]) => v.trim());
  await deps.prisma.user.update({ where: { id: userId }, data: { templateValues: Object.fromEntries(kept.slice(0, MAX_PLACEHOLDERS)) } });
}

/** Field name of a placeholder's value in a form ("wert:Gemeinde"). */
export const valueField = (name: string) => `wert:${name}`;

/** The values sent for these placeholders: cleaned like any line of text, cut to length. */
export function sentValues(body: unknown, names: string[]): TemplateValues {
  const source = (body ?? {}) as Record<string, unknown>;
  const values: TemplateValues = {};
  for (const name of names) {
    const raw = source[valueField(name)];
    if (typeof raw === 'string') values[name] = cleanLine(raw).slice(0, MAX_VALUE_LENGTH);
  }
  return values;
}
