// Reference data a new installation needs (topics, the network directory). Each data set is loaded once and
// recorded in reference_data_loads; later starts leave it alone, so admins' edits and deletions survive.
// To ship additions later, add a new data set with a new key instead of changing a loaded one.
import { NETWORKS } from '../../prisma/data/networks.js';
import { TOPICS } from '../../prisma/data/topics.js';
import type pg from 'pg';
import type { PrismaClient } from './database.js';

type Transaction = Parameters<Parameters<PrismaClient['$transaction']>[0]>[0];

interface DataSet {
  key: string;
  label: string;
  load(tx: Transaction): Promise<void>;
}

const DATA_SETS: DataSet[] = [
  {
    key: 'topics:2026-11',
    label: `${TOPICS.length} Themen`,
    async load(tx) {
      await tx.topic.createMany({ data: TOPICS, skipDuplicates: true });
    },
  },
  {
    key: 'networks:erfurt-2018',
    label: `${NETWORKS.length} Netzwerke aus der Übersicht „Kommunen und Demokratie“ (Erfurt 2018)`,
    async load(tx) {
      const topics = new Map((await tx.topic.findMany({ select: { id: true, slug: true } })).map((t) => [t.slug, t.id]));
      for (const { topics: topicSlugs, ...network } of NETWORKS) {
        if (await tx.network.findUnique({ where: { slug: network.slug } })) continue;
        const topicIds = topicSlugs.map((slug) => topics.get(slug)).filter((id): id is number => id !== undefined);
        await tx.network.create({ data: { ...network, topics: { create: topicIds.map((topicId) => ({ topicId })) } } });
      }
    },
  },
];

/**
 * Whether a data set still has to be loaded. Asked with plain SQL on every start, so that a start with everything in
 * place does not wait for the Prisma client's first query (about 0.1 s); loadReferenceData then runs only when needed.
 */
export async function referenceDataMissing(pool: pg.Pool): Promise<boolean> {
  const { rows } = await pool.query<{ key: string }>('SELECT key FROM reference_data_loads');
  const loaded = new Set(rows.map((row) => row.key));
  return DATA_SETS.some((set) => !loaded.has(set.key));
}

/** Lock key so that several app instances starting together load each set exactly once. */
const LOCK_KEY = 72707370;

export async function loadReferenceData(prisma: PrismaClient, log: (message: string) => void = () => {}): Promise<void> {
  await prisma.$transaction(
    async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(${LOCK_KEY})`;
      const loaded = new Set((await tx.referenceDataLoad.findMany()).map((row) => row.key));
      for (const set of DATA_SETS) {
        if (loaded.has(set.key)) continue;
        await set.load(tx);
        await tx.referenceDataLoad.create({ data: { key: set.key } });
        log(`Stammdaten geladen: ${set.label}`);
      }
    },
    { timeout: 60_000 },
  );
}
