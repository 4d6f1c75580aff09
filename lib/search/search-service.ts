/**
 * The background's search: owns the index of the enabled packs, builds it lazily on the
 * first query (the popup sends an empty one as it opens), keeps it in memory, saves it
 * for the next service worker, and drops it when the packs change. A pack change is
 * seen two ways: the pack handlers call invalidate(), and any committed write to the
 * store's `packs` table (a load by ensureBundledPack or an import, from any context)
 * arrives through Dexie's storagemutated event. Either way the next query checks the
 * packs' key and rebuilds only if it changed.
 */
import { Dexie } from 'dexie';
import { StoreService } from '../background/store-service';
import type { FactmarkDB } from '../store/db';
import { packList } from '../store/entity-queries';
import { createSearchIndex } from './build-index';
import { snippet } from './highlight';
import { indexedDbCache, type IndexCache } from './index-cache';
import { search, type SearchOptions, type SearchResults } from './search';
import type { SearchIndex } from './search-index';
import { searchRowsFromStore } from './store-rows';
import { searchTerms } from './terms';

export interface SearchStore {
  readonly db: FactmarkDB;
  ready(): Promise<FactmarkDB>;
}

export interface SearchServiceOptions {
  cache?: IndexCache;
  log?: Pick<Console, 'warn'>;
}

/** Characters of a source document shown around the first match. */
const SNIPPET_WIDTH = 160;

export class SearchService {
  private current: { key: string; index: SearchIndex } | undefined;
  private building: Promise<SearchIndex> | undefined;
  private dirty = true;
  private readonly cache: IndexCache;
  /** How the last index was obtained, for tests and the benchmark. */
  lastSource: 'memory' | 'cache' | 'built' | undefined;

  constructor(
    private readonly store: SearchStore,
    options: SearchServiceOptions = {},
  ) {
    this.cache = options.cache ?? indexedDbCache(undefined, options.log);
    const packsTable = `idb://${store.db.name}/packs/`;
    Dexie.on('storagemutated', (parts) => {
      if (Object.keys(parts).some((part) => part.startsWith(packsTable))) this.invalidate();
    });
  }

  /** The packs changed (or may have): the next query re-checks their key. */
  invalidate(): void {
    this.dirty = true;
  }

  /** The index of the packs enabled now, built or loaded if needed. */
  index(): Promise<SearchIndex> {
    if (this.current && !this.dirty) {
      this.lastSource = 'memory';
      return Promise.resolve(this.current.index);
    }
    this.building ??= this.refresh().finally(() => (this.building = undefined));
    return this.building;
  }

  /**
   * Results for `query`, with a passage of each source document found. An empty query
   * only starts loading the index, so the popup can warm it up as it opens.
   */
  async search(query: string, options: SearchOptions = {}): Promise<SearchResults> {
    if (searchTerms(query).length === 0) {
      this.index().catch(() => undefined);
      return { query, terms: [], typoTerms: [], total: 0, groups: [] };
    }
    const results = search(await this.index(), query, options);
    await this.addSnippets(results);
    return results;
  }

  private async refresh(): Promise<SearchIndex> {
    for (;;) {
      this.dirty = false;
      const db = await this.store.ready();
      const key = StoreService.packsKey(await packList(db));
      if (this.current?.key === key) {
        this.lastSource = 'memory';
        return this.current.index;
      }
      const cached = await this.cache.load(key);
      const index = cached ?? createSearchIndex(await searchRowsFromStore(db));
      // The packs changed while this was built: build again for what is there now.
      if (this.dirty) continue;
      this.lastSource = cached ? 'cache' : 'built';
      if (!cached) void this.cache.save(key, index);
      this.current = { key, index };
      return index;
    }
  }

  private async addSnippets(results: SearchResults): Promise<void> {
    const hits = results.groups.filter((g) => g.kind === 'source').flatMap((g) => g.hits);
    if (hits.length === 0) return;
    const db = await this.store.ready();
    const rows = await db.sources.bulkGet(hits.map((hit) => [hit.packId, hit.refId]));
    hits.forEach((hit, i) => {
      const text = rows[i]?.text;
      const passage = text === undefined ? undefined : snippet(text, results.terms, results.typoTerms, SNIPPET_WIDTH);
      if (passage) hit.snippet = passage;
    });
  }
}
