/**
 * What each query word stands for in the vocabulary: itself, every word it begins
 * (prefix search, from two letters), and words one or two typos away (from four and
 * eight letters). Typo neighbours come from MiniSearch's radix tree (SearchableMap),
 * built once per index on first need.
 */
import SearchableMap from 'minisearch/SearchableMap';
import { prefixRange, termId, type SearchIndex } from './search-index';
import { MIN_PREFIX } from './terms';

export { MIN_PREFIX };

export type Via = 'exact' | 'prefix' | 'fuzzy';

export interface Expansion {
  term: number;
  via: Via;
  /** Exact 1; a prefix counts less the more letters are still missing; a typo less still. */
  weight: number;
}

export interface ExpandedTerm {
  text: string;
  exact: number;
  /** Term ids this word begins (exact included): the range used to rank names. */
  range: [number, number];
  expansions: Expansion[];
}

const PREFIX_WEIGHT = 0.6;
const FUZZY_WEIGHT = 0.35;

/** One typo from four letters, two from eight ("Hashmy" finds Hashmi). */
export function maxTypos(term: string): number {
  return term.length >= 8 ? 2 : term.length >= 4 ? 1 : 0;
}

function fuzzyMap(index: SearchIndex): SearchableMap<number> {
  if (!(index.fuzzyMap instanceof SearchableMap)) {
    const map = new SearchableMap<number>();
    index.terms.forEach((term, id) => map.set(term, id));
    index.fuzzyMap = map;
  }
  return index.fuzzyMap as SearchableMap<number>;
}

/** The vocabulary terms `text` (one folded query word) stands for. */
export function expandTerm(index: SearchIndex, text: string): ExpandedTerm {
  const exact = termId(index.terms, text);
  const expansions: Expansion[] = exact >= 0 ? [{ term: exact, via: 'exact', weight: 1 }] : [];
  let range: [number, number] = exact >= 0 ? [exact, exact + 1] : [0, 0];
  if (text.length >= MIN_PREFIX) {
    range = prefixRange(index.terms, text);
    for (let id = range[0]; id < range[1]; id++) {
      if (id !== exact) expansions.push({ term: id, via: 'prefix', weight: PREFIX_WEIGHT * (text.length / index.terms[id]!.length) });
    }
  }
  const typos = maxTypos(text);
  if (typos > 0) {
    for (const [term, [id, distance]] of fuzzyMap(index).fuzzyGet(text, typos)) {
      // A neighbour inside the prefix range is already there, at a better weight.
      if (id === exact || (id >= range[0] && id < range[1])) continue;
      expansions.push({ term: id, via: 'fuzzy', weight: FUZZY_WEIGHT * (1 - distance / (term.length + 1)) });
    }
  }
  return { text, exact, range, expansions };
}
