import slugify from 'slugify';

/** URL part from a German name: "Bürgerbündnis Groß-Gerau" → "buergerbuendnis-gross-gerau". */
export function slugFrom(text: string): string {
  return slugify(text, { lower: true, strict: true, locale: 'de', trim: true }).slice(0, 80).replace(/-+$/, '') || 'eintrag';
}

/** The first of base, base-2, base-3 … that is not taken. */
export async function uniqueSlug(base: string, isTaken: (slug: string) => Promise<boolean>): Promise<string> {
  for (let n = 1; ; n++) {
    const candidate = n === 1 ? base : `${base}-${n}`;
    if (!(await isTaken(candidate))) return candidate;
  }
}
