/**
 * How well a result's names match the query, on term ids only (no strings): the first
 * key of the ranking. See MatchTier in search.ts.
 */
import type { ExpandedTerm } from './expand-terms';
import type { SearchIndexData } from './search-index';

export const TIER_EXACT = 0;
export const TIER_PREFIX = 1;
export const TIER_WORDS = 2;
export const TIER_LOOSE = 3;
export const TIER_TEXT = 4;

const inRange = (id: number, [from, to]: [number, number]): boolean => id >= from && id < to;

function tierOfName(words: Uint32Array, start: number, end: number, terms: readonly ExpandedTerm[]): number {
  const length = end - start;
  const n = terms.length;
  if (length >= n) {
    let leading = true;
    for (let i = 0; i < n - 1 && leading; i++) leading = words[start + i] === terms[i]!.exact;
    if (leading) {
      const last = terms[n - 1]!;
      if (length === n && words[start + n - 1] === last.exact) return TIER_EXACT;
      if (inRange(words[start + n - 1]!, last.range)) return TIER_PREFIX;
    }
  }
  for (const term of terms) {
    let found = false;
    for (let j = start; j < end && !found; j++) found = inRange(words[j]!, term.range);
    if (!found) return TIER_LOOSE;
  }
  return TIER_WORDS;
}

/**
 * The best tier over doc's names and which name (0 = the title) gave it, packed as
 * tier * 65536 + name: called for thousands of docs per keystroke, it allocates nothing.
 */
export function nameTier(index: SearchIndexData, doc: number, terms: readonly ExpandedTerm[]): number {
  let tier = TIER_LOOSE;
  let name = 0;
  const first = index.docNames[doc]!;
  const last = index.docNames[doc + 1]!;
  for (let k = first; k < last && tier > TIER_EXACT; k++) {
    const t = tierOfName(index.nameWords, index.nameStarts[k]!, index.nameStarts[k + 1]!, terms);
    if (t < tier) {
      tier = t;
      name = k - first;
    }
  }
  return tier * 65_536 + Math.min(name, 65_535);
}
