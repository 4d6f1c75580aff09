/**
 * Matching for pages when the packs are large. A content script builds its own automaton
 * only for small dictionaries (MATCH_LOCALLY_UP_TO aliases): beyond that, fetching the
 * dictionary and building it on every page would cost the page hundreds of milliseconds.
 * The background builds it once per set of packs and mark types and answers `matchBlocks`
 * with the same finder (lib/match/mention-finder.ts), caching each block's scan.
 */
import { buildDictionary } from '../match/dictionary';
import type { BlockText, Mention } from '../match/find-mentions';
import { createMentionFinder, type FindMentions } from '../match/mention-finder';
import type { EntityType } from '../pack/types';
import type { DictionaryEntry } from '../store/views';

/** Up to this many aliases the content script matches by itself (measured: see README "Benchmarks"). */
export const MATCH_LOCALLY_UP_TO = 5000;

export interface MatcherInfo {
  key: string;
  entities: number;
  aliases: number;
  /** Whether content scripts should match by themselves. */
  local: boolean;
}

export class MatcherService {
  private finders = new Map<string, Promise<FindMentions>>();
  private infoCache: Promise<MatcherInfo> | undefined;

  constructor(private readonly source: () => Promise<{ entries: DictionaryEntry[]; key: string }>) {}

  /** The packs changed: build again on the next request. */
  invalidate(): void {
    this.finders.clear();
    this.infoCache = undefined;
  }

  info(): Promise<MatcherInfo> {
    this.infoCache ??= this.source().then(({ entries, key }) => {
      const aliases = entries.reduce((n, e) => n + e.aliases.length + 1, 0);
      return { key, entities: entries.length, aliases, local: aliases <= MATCH_LOCALLY_UP_TO };
    });
    return this.infoCache;
  }

  async match(blocks: readonly BlockText[], types: readonly EntityType[]): Promise<Mention[]> {
    const cacheKey = [...types].sort().join(',');
    let finder = this.finders.get(cacheKey);
    if (!finder) {
      finder = this.source().then(({ entries }) => createMentionFinder(buildDictionary(entries.filter((e) => types.includes(e.type)).map((e) => ({ ...e, id: e.entityId })))));
      this.finders.set(cacheKey, finder);
      finder.catch(() => this.finders.delete(cacheKey));
    }
    return (await finder)(blocks);
  }
}
