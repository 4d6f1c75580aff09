/**
 * Finding mentions for a page whose blocks arrive again and again (the overlay re-reads
 * the page after each change): each block's folding and automaton scan is cached by its
 * text, so a re-read only runs the context rules again. It runs in the background for
 * every page (lib/background/matcher-service.ts), the tests and Node.
 */
import type { Dictionary } from './dictionary';
import { decideMentions, prepareBlock, type BlockText, type Mention, type PreparedBlock } from './find-mentions';

export type FindMentions = (blocks: readonly BlockText[]) => Promise<Mention[]>;

export interface FinderOptions {
  /** Prepared blocks kept (the least recently used are dropped beyond it). */
  cacheSize?: number;
  /**
   * Characters of text kept in the cache at most. The background serves every tab, and a
   * prepared block costs about 6 bytes per character (the text and its two folded copies;
   * 14 with the offset maps, which only blocks with candidates get): the default keeps
   * 6–14 MB, three times the largest corpus page.
   */
  cacheChars?: number;
}

export function createMentionFinder(dict: Dictionary, options: FinderOptions = {}): FindMentions {
  const cache = new Map<string, PreparedBlock>();
  const limit = options.cacheSize ?? 20_000;
  const charLimit = options.cacheChars ?? 1_000_000;
  let chars = 0;
  return async (blocks) => {
    const prepared: PreparedBlock[] = [];
    for (const b of blocks) {
      const key = (b.heading ? 'h' : 'p') + b.text;
      let p = cache.get(key);
      if (p) cache.delete(key);
      else {
        p = prepareBlock(dict, b.text, b.heading ?? false);
        chars += b.text.length;
      }
      cache.set(key, p);
      prepared.push(p);
    }
    // The least recently used first; the blocks of this call stay whatever their size.
    while (cache.size > 0 && (cache.size > limit || chars > charLimit) && cache.size > prepared.length) {
      const [oldKey, old] = cache.entries().next().value!;
      cache.delete(oldKey);
      chars -= old.original.length;
    }
    return decideMentions(dict, prepared);
  };
}
