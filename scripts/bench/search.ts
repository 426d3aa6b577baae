// The report search measured on its own, in this process against the seeded database: the same function the
// list page calls (listReports: match, rank, count, the page's ten rows with their highlighted passages), without
// HTTP or the page cache in between. One query at a time, as a person searches.
import type pg from 'pg';
import { listReports } from '../../src/features/reports/read.js';
import { reportFilterSchema } from '../../src/features/reports/schema.js';
import type { CurrentUser } from '../../src/middleware/auth.js';

export interface SearchResult {
  queries: number;
  samples: number;
  p50: number;
  p95: number;
  max: number;
  /** The slowest query by its median, and how many results it has. */
  slowest: { query: string; p50: number; total: number };
}

const ROUNDS = 15;
/** Any logged-in viewer sees the members-only reports too; who it is does not matter to the search. */
const MEMBER = { id: 0, name: 'Bench', email: 'bench@example.invalid', role: 'MEMBER', allianceId: null, isDelegate: false } as CurrentUser;

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;

export async function measureSearch(pool: pg.Pool, queries: string[]): Promise<SearchResult> {
  const deps = { pool, cacheMs: 0 };
  const filters = queries.map((q) => reportFilterSchema.parse({ q }));
  const byQuery = new Map<string, { times: number[]; total: number }>(queries.map((q) => [q, { times: [], total: 0 }]));
  // One round to warm the caches (PostgreSQL's buffers, the prepared plans), not counted.
  for (const filter of filters) await listReports(deps, filter, undefined, undefined);
  for (let round = 0; round < ROUNDS; round++) {
    for (const [i, filter] of filters.entries()) {
      const viewer = round % 2 === 0 ? undefined : MEMBER;
      const start = performance.now();
      const result = await listReports(deps, filter, viewer, undefined);
      const entry = byQuery.get(queries[i]!)!;
      entry.times.push(performance.now() - start);
      entry.total = Math.max(entry.total, result.total);
    }
  }
  const all = [...byQuery.values()].flatMap((e) => e.times).sort((a, b) => a - b);
  const medians = [...byQuery.entries()].map(([query, e]) => ({ query, p50: percentile([...e.times].sort((a, b) => a - b), 50), total: e.total }));
  return {
    queries: queries.length,
    samples: all.length,
    p50: percentile(all, 50),
    p95: percentile(all, 95),
    max: all.at(-1)!,
    slowest: medians.reduce((a, b) => (b.p50 > a.p50 ? b : a)),
  };
}
