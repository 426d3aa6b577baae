// "Verwendung melden": where a template was used and what became of it. The motion row keeps the counts that
// lists sort by (uses, successes, municipalities with a success), recounted in the same transaction.
import { Prisma } from '../../db/database.js';
import { limitRows, select } from '../../db/sql.js';
import { sharedResults } from '../../lib/cache.js';
import { ForbiddenError, NotFoundError } from '../../lib/errors.js';
import { hasRole, type CurrentUser } from '../../middleware/auth.js';
import type { Services } from '../../services.js';
import { SUCCESS_RESULTS, type AdoptionInput } from './schema.js';

type Tx = Parameters<Parameters<Services['prisma']['$transaction']>[0]>[0];

async function recount(tx: Tx, motionId: number): Promise<void> {
  await tx.$executeRaw`
    UPDATE reports SET
      use_count = (SELECT count(*) FROM adoptions WHERE motion_id = ${motionId}),
      success_count = (SELECT count(*) FROM adoptions WHERE motion_id = ${motionId} AND result::text = ANY (${SUCCESS_RESULTS})),
      success_places = (SELECT count(DISTINCT lower(municipality)) FROM adoptions WHERE motion_id = ${motionId} AND result::text = ANY (${SUCCESS_RESULTS}))
    WHERE id = ${motionId}`;
}

const data = (input: AdoptionInput) => ({
  municipality: input.municipality,
  body: input.body,
  adoptedOn: input.adoptedOn ?? null,
  result: input.result,
  recordUrl: input.recordUrl ?? null,
  note: input.note ?? null,
});

export async function addAdoption(
  deps: Pick<Services, 'prisma'>,
  reporter: CurrentUser,
  motionId: number,
  input: AdoptionInput,
): Promise<number> {
  return deps.prisma.$transaction(async (tx) => {
    const adoption = await tx.adoption.create({ data: { motionId, reporterId: reporter.id, ...data(input) } });
    await recount(tx, motionId);
    return adoption.id;
  });
}

/** Whoever reported a use (or an admin) can correct it, e.g. when an open motion was decided. */
export async function findOwnAdoption(deps: Pick<Services, 'prisma'>, editor: CurrentUser, adoptionId: number, motionId: number) {
  const adoption = await deps.prisma.adoption.findUnique({ where: { id: adoptionId } });
  if (!adoption || adoption.motionId !== motionId) throw new NotFoundError('Diese Verwendung gibt es nicht.');
  if (adoption.reporterId !== editor.id && !hasRole(editor, 'ADMIN'))
    throw new ForbiddenError('Nur wer die Verwendung gemeldet hat, kann sie ändern.');
  return adoption;
}

/** Updates a use that findOwnAdoption returned (so the editor may change it), and recounts its motion. */
export async function updateAdoption(
  deps: Pick<Services, 'prisma'>,
  own: { id: number; motionId: number },
  input: AdoptionInput,
): Promise<void> {
  await deps.prisma.$transaction(async (tx) => {
    await tx.adoption.update({ where: { id: own.id }, data: data(input) });
    await recount(tx, own.motionId);
  });
}

export interface AdoptionView {
  id: number;
  municipality: string;
  body: string;
  adoptedOn: Date | null;
  result: string;
  recordUrl: string | null;
  note: string | null;
  reporterId: number;
  reporterName: string;
  createdAt: Date;
  updatedAt: Date;
}

/** A motion page lists this many uses, the newest decisions first; the counts above them cover all. */
export const ADOPTIONS_SHOWN = 30;

/** The same for everyone: kept while the content stays the same (sharedResults). */
const adoptionLists = sharedResults<AdoptionView[]>(1000);

/** The latest reported uses of a motion; with the request's content version they may come from memory. */
export function adoptionsOf(
  deps: Pick<Services, 'pool'>,
  motionId: number,
  contentVersion?: number,
  limit = ADOPTIONS_SHOWN,
): Promise<AdoptionView[]> {
  return adoptionLists(deps.pool, [motionId, limit], { contentVersion, ttlMs: 0 }, () =>
    select<AdoptionView>(
      deps.pool,
      Prisma.sql`SELECT d.id, d.municipality, d.body, d.adopted_on AS "adoptedOn", d.result::text AS result, d.record_url AS "recordUrl", d.note,
          d.reporter_id AS "reporterId", u.name AS "reporterName", d.created_at AS "createdAt", d.updated_at AS "updatedAt"
        FROM adoptions d JOIN users u ON u.id = d.reporter_id WHERE d.motion_id = ${motionId}
        ORDER BY d.adopted_on DESC NULLS LAST, d.created_at DESC ${limitRows(limit)}`,
    ),
  );
}
