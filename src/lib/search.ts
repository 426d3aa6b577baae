// Directory and admin searches as people type: "Muller" and "Mueller" find "Müller", "weinstrasse" finds
// "Weinstraße", and a small typo still finds the entry. keb_fold() (see the hardening migration) lower-cases,
// removes accents and folds ae/oe/ue onto a/o/u; tables keep the folded text in a generated column
// (`search_text`) with a trigram index, and the query is folded the same way. pg_trgm's word similarity
// catches typos.
import { Prisma } from '../generated/prisma/client.js';

/** LIKE treats % and _ as wildcards; a search for "50%" means the characters. */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/**
 * SQL condition on a folded text column: it contains the folded query, or (from 4 characters on) comes close to
 * it. The column's trigram index serves both. For long texts, pass a short folded column (a title or name) as
 * `closeTo`: a small typo is forgiven there only, since comparing with a whole long text is slow and finds too much.
 */
export function foldedMatch(foldedColumn: Prisma.Sql, query: string, closeTo: Prisma.Sql = foldedColumn): Prisma.Sql {
  const contains = Prisma.sql`${foldedColumn} LIKE '%' || keb_fold(${escapeLike(query)}) || '%'`;
  if ([...query].length < 4) return Prisma.sql`(${contains})`;
  return Prisma.sql`(${contains} OR keb_fold(${query}) <% ${closeTo})`;
}

/** SQL order: exact (folded) containment first, then how close the text is. */
export function foldedRank(foldedColumn: Prisma.Sql, query: string): Prisma.Sql {
  return Prisma.sql`(${foldedColumn} LIKE '%' || keb_fold(${escapeLike(query)}) || '%') DESC, word_similarity(keb_fold(${query}), ${foldedColumn}) DESC`;
}
