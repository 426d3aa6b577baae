/** One page of a list plus what the pagination needs: how many entries and pages there are in all. */
export async function paginate<T>(
  page: number,
  perPage: number,
  fetch: (skip: number, take: number) => Promise<T[]>,
  count: () => Promise<number>,
): Promise<{ items: T[]; total: number; pages: number }> {
  const [items, total] = await Promise.all([fetch((page - 1) * perPage, perPage), count()]);
  return { items, total, pages: Math.max(1, Math.ceil(total / perPage)) };
}
