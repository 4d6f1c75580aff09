/**
 * Step 1 of matching: every place in one block's folded text where an alias stands as a
 * whole word (or, in scripts without spaces, anywhere), with the right letter case;
 * then the longest leftmost ones, never overlapping.
 */
import { isWordCode, scanWords } from './word-scan';
import type { AliasSense, Dictionary } from './dictionary';
import type { Folded } from './normalize';

export interface Candidate {
  /** Offsets into the block's folded text. */
  start: number;
  end: number;
  pattern: number;
  senses: AliasSense[];
}

export function findCandidates(dict: Dictionary, folded: Folded): Candidate[] {
  const { lower, cased } = folded;
  const n = lower.length;
  const found: Candidate[] = [];
  // Most occurrences the scan reports are rejected here (a lower-case word that is some
  // acronym, a name inside a longer word): the checks read character codes and allocate nothing.
  scanWords(dict.automaton, lower, (start, end, key) => {
    const pattern = dict.patterns[key]!;
    if (!pattern.openStart && start > 0 && isWordCode(lower.charCodeAt(start - 1))) return;
    if (!pattern.openEnd && end < n && isWordCode(lower.charCodeAt(end))) return;
    let senses = pattern.senses;
    if (pattern.caseSensitive) {
      let all = true;
      let any = false;
      for (const s of senses) {
        const ok = !s.caseSensitive || (s.cased.length === end - start && cased.startsWith(s.cased, start));
        all &&= ok;
        any ||= ok;
      }
      if (!any) return;
      if (!all) senses = senses.filter((s) => !s.caseSensitive || (s.cased.length === end - start && cased.startsWith(s.cased, start)));
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
