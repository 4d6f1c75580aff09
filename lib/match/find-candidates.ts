/**
 * Step 1 of matching: every place in one block's folded text where an alias stands as a
 * whole word (or, in scripts without spaces, anywhere), with the right letter case;
 * then the longest leftmost ones, never overlapping.
 */
import { scanWordStarts } from './automaton';
import type { AliasSense, Dictionary } from './dictionary';
import { isWordChar, type Folded } from './normalize';

export interface Candidate {
  /** Offsets into the block's folded text. */
  start: number;
  end: number;
  pattern: number;
  senses: AliasSense[];
}

export function findCandidates(dict: Dictionary, folded: Folded): Candidate[] {
  const { lower, cased } = folded;
  const found: Candidate[] = [];
  scanWordStarts(dict.automaton, lower, (start, end, key) => {
    const pattern = dict.patterns[key]!;
    if (!pattern.openStart && isWordChar(lower[start - 1])) return;
    if (!pattern.openEnd && isWordChar(lower[end])) return;
    let senses = pattern.senses;
    if (senses.some((s) => s.caseSensitive)) {
      const surface = cased.slice(start, end);
      senses = senses.filter((s) => !s.caseSensitive || s.cased === surface);
      if (senses.length === 0) return;
    }
    found.push({ start, end, pattern: key, senses });
  });
  return longestLeftmost(found);
}

/** Keeps the longest match at each start, leftmost first, dropping any that overlap a kept one. */
export function longestLeftmost(found: Candidate[]): Candidate[] {
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: Candidate[] = [];
  let reach = -1;
  for (const c of found) {
    if (c.start < reach) continue;
    kept.push(c);
    reach = c.end;
  }
  return kept;
}
