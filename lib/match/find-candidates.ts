/**
 * Step 1 of matching: every place in one block's folded text where an alias stands as a
 * whole word (or, in scripts without spaces, anywhere), with the right letter case;
 * then the longest leftmost ones, never overlapping.
 */
import { isWordCode, scanWordsInto } from './word-scan';
import { PATTERN_CASE_ONLY, PATTERN_OPEN_END, PATTERN_OPEN_START, type AliasSense, type Dictionary } from './dictionary';
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
  const { patterns, patternFlags, patternFirst } = dict;
  const kept: Candidate[] = [];
  // The longest leftmost as they come: the scan reports in order of start, and at one start
  // in order of end, so a later one at the same start is longer and replaces the last kept.
  let last: Candidate | undefined;
  // Most occurrences the scan reports are rejected here (a lower-case word that is some
  // acronym, a name inside a longer word): the checks read character codes and allocate nothing.
  const { data, length } = scanWordsInto(dict.automaton, lower);
  for (let i = 0; i < length; i += 3) {
    const start = data[i]!;
    const end = data[i + 1]!;
    const key = data[i + 2]!;
    if (last !== undefined && start !== last.start && start < last.end) continue;
    const flags = patternFlags[key]!;
    if ((flags & PATTERN_OPEN_START) === 0 && start > 0 && isWordCode(lower.charCodeAt(start - 1))) continue;
    if ((flags & PATTERN_OPEN_END) === 0 && end < n && isWordCode(lower.charCodeAt(end))) continue;
    // "was" is no "WAS": rejected on its first letter before the pattern is read.
    if ((flags & PATTERN_CASE_ONLY) !== 0 && patternFirst[key] !== 0 && cased.charCodeAt(start) !== patternFirst[key]) continue;
    const pattern = patterns[key]!;
    let senses = pattern.senses;
    if (pattern.byCase) {
      // Spelled as one of the case-sensitive forms (same length as the key), or not.
      senses = pattern.anyCase!;
      for (const form of pattern.byCase) {
        if (cased.startsWith(form.cased, start)) {
          senses = form.senses;
          break;
        }
      }
      if (senses.length === 0) continue;
    }
    const c: Candidate = { start, end, pattern: key, senses };
    if (last !== undefined && start === last.start) kept[kept.length - 1] = c;
    else kept.push(c);
    last = c;
  }
  return kept;
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
