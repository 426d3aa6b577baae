import slugify from 'slugify';
import { isUniqueViolation } from '../db/database.js';

/** URL part from a German name: "Bürgerbündnis Groß-Gerau" → "buergerbuendnis-gross-gerau". */
export function slugFrom(text: string): string {
  return slugify(text, { lower: true, strict: true, locale: 'de', trim: true }).slice(0, 80).replace(/-+$/, '') || 'eintrag';
}

/**
 * Inserts with the first free slug of base, base-2, base-3 …: the database's unique constraint decides, so two
 * people saving the same name at the same moment both succeed. `reserved` skips slugs that are taken elsewhere
 * (e.g. an alliance's former slugs, which still redirect).
 */
export async function insertWithFreeSlug<T>(
  base: string,
  constraint: string,
  insert: (slug: string) => Promise<T>,
  reserved: (slug: string) => Promise<boolean> = async () => false,
): Promise<T> {
  for (let n = 1; n <= 100; n++) {
    const slug = n === 1 ? base : `${base}-${n}`;
    if (await reserved(slug)) continue;
    try {
      return await insert(slug);
    } catch (error) {
      if (!isUniqueViolation(error, constraint)) throw error;
    }
  }
  throw new Error(`no free slug for ${base}`);
}
