// Directory and admin searches as people type: "Muller" and "Mueller" find "Müller", "weinstrasse" finds
// "Weinstraße", and a small typo still finds the entry. keb_fold() (see the hardening migration) lower-cases,
// removes accents and folds ae/oe/ue onto a/o/u on both sides; pg_trgm's word similarity catches typos.
// Use the same expression as the table's trigram index, so the index serves the search.
import { Prisma } from '../generated/prisma/client.js';

/** LIKE treats % and _ as wildcards; a search for "50%" means the characters. */
function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** SQL condition: the text expression contains the query (folded), or is close to it (from 4 characters on). */
export function foldedMatch(expression: Prisma.Sql, query: string): Prisma.Sql {
  const contains = Prisma.sql`keb_fold(${expression}) LIKE '%' || keb_fold(${escapeLike(query)}) || '%'`;
  if ([...query].length < 4) return Prisma.sql`(${contains})`;
  return Prisma.sql`(${contains} OR keb_fold(${query}) <% keb_fold(${expression}))`;
}

/** SQL order: exact (folded) containment first, then how close the text is. */
export function foldedRank(expression: Prisma.Sql, query: string): Prisma.Sql {
  return Prisma.sql`(keb_fold(${expression}) LIKE '%' || keb_fold(${escapeLike(query)}) || '%') DESC, word_similarity(keb_fold(${query}), keb_fold(${expression})) DESC`;
}
