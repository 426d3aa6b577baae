// Small in-process caches. Each instance keeps its own, so what they hold may be a few seconds old on another
// instance; where a change happens, the instance that made it forgets at once.

/** One value, loaded on demand and kept for ttlMs (0: never kept). Parallel requests share one load. */
export function shortLived<T>(ttlMs: number, load: () => Promise<T>) {
  let value: Promise<T> | undefined;
  let loadedAt = 0;
  return {
    get(): Promise<T> {
      if (!value || Date.now() - loadedAt >= ttlMs) {
        loadedAt = Date.now();
        value = load();
        value.catch(() => (value = undefined)); // a failed load is not kept
      }
      return value;
    },
    clear() {
      value = undefined;
    },
  };
}

/**
 * A bounded map: the oldest entries leave first once the entries' summed size (sizeOf: e.g. characters) passes
 * maxSize. For values that never go stale (keyed by their content).
 */
export function boundedMap<K, V>(maxSize: number, sizeOf: (key: K, value: V) => number = () => 1) {
  const entries = new Map<K, { value: V; size: number }>();
  let total = 0;
  const remove = (key: K) => {
    const entry = entries.get(key);
    if (entry) total -= entry.size;
    entries.delete(key);
  };
  return {
    get: (key: K) => entries.get(key)?.value,
    set(key: K, value: V) {
      remove(key);
      const size = sizeOf(key, value);
      if (size > maxSize) return;
      entries.set(key, { value, size });
      total += size;
      for (const oldest of entries.keys()) {
        if (total <= maxSize) break;
        remove(oldest);
      }
    },
  };
}

/**
 * `compute`, with its results kept in a boundedMap for keys seen before: for results that depend on the key alone
 * (a text's HTML, a text's digest).
 */
export function memoized<K, V>(maxSize: number, sizeOf: (key: K, value: V) => number, compute: (key: K) => V): (key: K) => V {
  const kept = boundedMap<K, V>(maxSize, sizeOf);
  return (key) => {
    let value = kept.get(key);
    if (value === undefined) {
      value = compute(key);
      kept.set(key, value);
    }
    return value;
  };
}

/**
 * Results that read the same for everyone who may see them (the key says for whom): a list's page count, a filter's
 * choices, a topic page's lists. A request knows the content version it read first (db/content-version.ts): a result
 * loaded at that version stays valid until any content changes, however long that takes, and whoever changed
 * something gets a fresh result on the next request. Without a version (no page cache, database away) a result is
 * taken when it is at most ttlMs old (0: never a kept one).
 *
 * A result is kept under the version its request started with; it may be newer than that, never older. Results are
 * kept per database (the pool's address is part of the key). Callers must not change a result they got: the next
 * request gets the same object.
 */
export function sharedResults<T>(maxEntries: number) {
  const results = boundedMap<string, { value: T; version: number | undefined; at: number }>(maxEntries);
  return async (
    pool: { options: { connectionString?: string } },
    keyParts: unknown[],
    seen: { contentVersion: number | undefined; ttlMs: number },
    load: () => Promise<T>,
  ): Promise<T> => {
    const key = JSON.stringify([pool.options.connectionString, ...keyParts]);
    const kept = results.get(key);
    if (kept) {
      const valid = seen.contentVersion !== undefined ? kept.version === seen.contentVersion : Date.now() - kept.at < seen.ttlMs;
      if (valid) return kept.value;
    }
    const value = await load();
    // Without a version and without a time to keep it, nobody could take it: not stored.
    if (seen.contentVersion !== undefined || seen.ttlMs > 0) results.set(key, { value, version: seen.contentVersion, at: Date.now() });
    return value;
  };
}
