/**
 * Search terms: how indexed text and the query are cut into words. Both go through the
 * overlay's folding (lib/match/normalize.ts), so the search box and the page marks agree
 * on what "the same name" is: case and diacritics fold, hyphens and dashes are spaces
 * ("KP-BOIT" = "KP BOIT"), "&" reads "and", a possessive 's is dropped.
 */
import { foldText } from '../match/normalize';

/** Prefix search from the second letter: one letter would expand to much of a big index. */
export const MIN_PREFIX = 2;

/**
 * A word is a run of letters and digits; a number keeps its decimal point ("2.5") and
 * loses its thousands separators ("3,900" = "3900"), so figures can be searched as typed.
 */
const WORD = /\p{N}+(?:[.,]\p{N}+)*|[\p{L}\p{M}\p{N}]+/gu;
const THOUSANDS = /,(?=\p{N}{3}(?!\p{N}))/gu;

/** The folded words of `text`, in order (duplicates kept: they count for ranking). */
export function searchTerms(text: string): string[] {
  const folded = foldText(text).lower;
  const terms: string[] = [];
  for (const match of folded.matchAll(WORD)) {
    const word = match[0];
    terms.push(word.includes(',') ? word.replace(THOUSANDS, '').replace(/,/g, '.') : word);
  }
  return terms;
}

/** The folded form of a whole name or query, words joined by single spaces. */
export function foldedPhrase(text: string): string {
  return searchTerms(text).join(' ');
}
