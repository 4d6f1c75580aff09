/**
 * Keyboard movement through the results, across groups: the results as one list, the
 * active option's DOM id (aria-activedescendant), and the next index for an arrow key.
 */
import type { SearchHit, SearchResults } from '../../lib/search/search';

export interface Option {
  hit: SearchHit;
  /** Position across all groups. */
  index: number;
  id: string;
}

export const optionId = (index: number): string => `popup-result-${index}`;

/** The results' hits in display order, each with its index and id. */
export function optionsOf(results: SearchResults | null): Option[][] {
  let index = 0;
  return (results?.groups ?? []).map((group) => group.hits.map((hit) => ({ hit, index, id: optionId(index++) })));
}

/**
 * ArrowDown from nothing goes to the first result, ArrowUp to the last; past either end
 * it wraps, as listboxes do. -1 means no active option.
 */
export function step(active: number, count: number, direction: 1 | -1): number {
  if (count === 0) return -1;
  if (active < 0) return direction === 1 ? 0 : count - 1;
  return (active + direction + count) % count;
}
