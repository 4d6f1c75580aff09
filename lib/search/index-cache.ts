/**
 * The built index, saved so a service worker that the browser stopped (MV3 stops idle
 * workers after ~30 s) loads it instead of rebuilding from every row of the store.
 *
 * It lives in its own small IndexedDB database, not in the store: the store's schema is
 * versioned with the pack data (lib/store/README.md), while this is a disposable cache
 * that any version may drop. One slot only: the index of the packs now enabled, under
 * their key (pack ids and hashes, see StoreService.packsKey); a different key is a miss.
 */
import { Dexie, type Table } from 'dexie';
import { loadSearchIndex, serializeSearchIndex, SEARCH_INDEX_VERSION, type SearchIndex, type SearchIndexData } from './search-index';

interface Slot {
  slot: 'current';
  key: string;
  data: SearchIndexData;
}

class SearchCacheDB extends Dexie {
  indexes!: Table<Slot, string>;
  constructor(name: string) {
    super(name);
    this.version(1).stores({ indexes: 'slot' });
  }
}

export interface IndexCache {
  load(key: string): Promise<SearchIndex | undefined>;
  save(key: string, index: SearchIndex): Promise<void>;
}

/** The key of a saved index: the packs' key and the index format's version. */
export function cacheKey(packsKey: string): string {
  return `v${SEARCH_INDEX_VERSION}|${packsKey}`;
}

/** An IndexedDB-backed cache. Never throws: a cache that fails is a cache that misses. */
export function indexedDbCache(name = 'factmark-search', log: Pick<Console, 'warn'> = console): IndexCache {
  const db = new SearchCacheDB(name);
  return {
    async load(key) {
      try {
        const slot = await db.indexes.get('current');
        return slot?.key === cacheKey(key) ? loadSearchIndex(slot.data) : undefined;
      } catch (error) {
        log.warn(`[factmark] search index cache unreadable: ${String(error)}`);
        return undefined;
      }
    },
    async save(key, index) {
      try {
        await db.indexes.put({ slot: 'current', key: cacheKey(key), data: serializeSearchIndex(index) });
      } catch (error) {
        // A full disk: the index still works from memory, and is rebuilt next start.
        log.warn(`[factmark] search index not saved: ${String(error)}`);
      }
    },
  };
}

/** For tests and Node: keeps the saved index in memory (structured-cloned, as IndexedDB would). */
export function memoryCache(): IndexCache & { saves: number } {
  let slot: { key: string; data: SearchIndexData } | undefined;
  return {
    saves: 0,
    async load(key) {
      return slot?.key === cacheKey(key) ? loadSearchIndex(structuredClone(slot.data)) : undefined;
    },
    async save(key, index) {
      this.saves++;
      slot = { key: cacheKey(key), data: structuredClone(serializeSearchIndex(index)) };
    },
  };
}
