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
  /** Called between blocks; returns a promise when the caller should yield to the page. */
  pause?: () => Promise<void> | undefined;
  /** Prepared blocks kept (the least recently used are dropped beyond it). */
  cacheSize?: number;
}

export function createMentionFinder(dict: Dictionary, options: FinderOptions = {}): FindMentions {
  const cache = new Map<string, PreparedBlock>();
  const limit = options.cacheSize ?? 20_000;
  return async (blocks) => {
    const prepared: PreparedBlock[] = [];
    for (const b of blocks) {
      const key = (b.heading ? 'h' : 'p') + b.text;
      let p = cache.get(key);
      if (p) cache.delete(key);
      else p = prepareBlock(dict, b.text, b.heading ?? false);
      cache.set(key, p);
      prepared.push(p);
      const wait = options.pause?.();
      if (wait) await wait;
    }
    while (cache.size > limit) cache.delete(cache.keys().next().value!);
    return decideMentions(dict, prepared);
  };
}
