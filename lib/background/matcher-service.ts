/**
 * Matching for every page. Content scripts send their page's text blocks (`matchBlocks`)
 * and mark what comes back; the dictionary is built here once per set of packs and mark
 * types, and each block's scan is cached (lib/match/mention-finder.ts).
 *
 * Why not in the page: matching there meant fetching the dictionary and building the
 * automaton in every page and every frame, on the page's main thread, in code the page
 * runs cold each time. The bench measured the page with no mentions at 14–18 ms of
 * main-thread time that way and the largest corpus page at 65–79 ms; with the matching
 * here the page only reads its text and marks (see README "Benchmarks").
 */
import { buildDictionary } from '../match/dictionary';
import type { BlockText, Mention } from '../match/find-mentions';
import { createMentionFinder, type FindMentions } from '../match/mention-finder';
import type { EntityType } from '../pack/types';
import type { DictionaryEntry } from '../store/views';

export class MatcherService {
  private finders = new Map<string, Promise<FindMentions>>();

  constructor(private readonly source: () => Promise<{ entries: DictionaryEntry[]; key: string }>) {}

  /** The packs changed: build again on the next request. */
  invalidate(): void {
    this.finders.clear();
  }

  async match(blocks: readonly BlockText[], types: readonly EntityType[]): Promise<Mention[]> {
    const cacheKey = typesKey(types);
    let finder = this.finders.get(cacheKey);
    if (!finder) {
      finder = this.source().then(({ entries }) => buildFinder(entries, types));
      this.adopt(types, finder);
    }
    return (await finder)(blocks);
  }

  /** Matches `types` with a finder built elsewhere (a prepared one: lib/background/prepared-matcher.ts). */
  adopt(types: readonly EntityType[], finder: Promise<FindMentions>): void {
    const cacheKey = typesKey(types);
    this.finders.set(cacheKey, finder);
    finder.catch(() => {
      if (this.finders.get(cacheKey) === finder) this.finders.delete(cacheKey);
    });
  }
}

const typesKey = (types: readonly EntityType[]) => [...types].sort().join(',');

/** The finder for the entries of these types. */
export function buildFinder(entries: readonly DictionaryEntry[], types: readonly EntityType[]): FindMentions {
  return createMentionFinder(buildDictionary(entries.filter((e) => types.includes(e.type)).map((e) => ({ ...e, id: e.entityId }))));
}
