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

/** A bounded map: the oldest entries leave first. For values that never go stale (keyed by their content). */
export function boundedMap<K, V>(maxEntries: number) {
  const entries = new Map<K, V>();
  return {
    get: (key: K) => entries.get(key),
    set(key: K, value: V) {
      entries.delete(key);
      entries.set(key, value);
      if (entries.size > maxEntries) entries.delete(entries.keys().next().value as K);
    },
  };
}
