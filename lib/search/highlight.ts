/**
 * Where the query's words are in a result's text, as ranges of the original text (the UI
 * renders them as <mark> spans, never as HTML). Matching happens on the folded text and
 * maps back through foldText's offsets, so "Pakistan’s" is marked for "pakistan" and
 * "Zoë" for "zoe".
 */
import { foldText } from '../match/normalize';
import { MIN_PREFIX } from './terms';

/** Text with the ranges to mark: [start, end) offsets into `text`, sorted, not overlapping. */
export interface Marked {
  text: string;
  marks: Array<[number, number]>;
}

const WORD = /\p{N}+(?:[.,]\p{N}+)*|[\p{L}\p{M}\p{N}]+/gu;

function normalWord(word: string): string {
  return word.includes(',') ? word.replace(/,(?=\p{N}{3}(?!\p{N}))/gu, '').replace(/,/g, '.') : word;
}

/**
 * How many folded characters of `word` to mark: the part a query term is a prefix of,
 * or all of it when it is one of the terms the search matched (a typo-tolerant match).
 */
function markLength(word: string, queryTerms: readonly string[], matched: ReadonlySet<string>): number {
  const normal = normalWord(word);
  let best = 0;
  for (const term of queryTerms) {
    // Search takes one letter as a whole word only (expand-terms.ts): mark it the same way.
    const hit = term.length < MIN_PREFIX ? normal === term : normal.startsWith(term);
    if (hit && term.length > best) best = normal === word ? term.length : word.length;
  }
  if (best === 0 && matched.has(normal)) best = word.length;
  return best;
}

function merge(marks: Array<[number, number]>): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  for (const [start, end] of marks) {
    const last = out[out.length - 1];
    if (last && start <= last[1]) last[1] = Math.max(last[1], end);
    else out.push([start, end]);
  }
  return out;
}

/** Marks the words of `text` that the query's terms (or the matched terms) hit. */
export function highlight(text: string, queryTerms: readonly string[], matchedTerms: Iterable<string> = []): Marked {
  const matched = new Set(matchedTerms);
  const folded = foldText(text);
  const marks: Array<[number, number]> = [];
  for (const match of folded.lower.matchAll(WORD)) {
    const length = markLength(match[0], queryTerms, matched);
    if (length === 0) continue;
    const first = match.index;
    const last = first + length - 1;
    marks.push([folded.origStart[first]!, folded.origEnd[last]!]);
  }
  return { text, marks: merge(marks) };
}

/**
 * A window of about `width` characters of a long text around its first marked word,
 * cut at spaces, with "…" where it was cut, and the marks inside it.
 */
export function snippet(text: string, queryTerms: readonly string[], matchedTerms: Iterable<string> = [], width = 160): Marked | undefined {
  const full = highlight(text, queryTerms, matchedTerms);
  const first = full.marks[0];
  if (!first) return undefined;
  let start = Math.max(0, first[0] - Math.floor(width / 3));
  let end = Math.min(text.length, start + width);
  if (start > 0) {
    const space = text.indexOf(' ', start);
    if (space !== -1 && space < first[0]) start = space + 1;
  }
  if (end < text.length) {
    const space = text.lastIndexOf(' ', end);
    if (space > first[1]) end = space;
  }
  const prefix = start > 0 ? '…' : '';
  const body = text.slice(start, end).replace(/\s/g, ' ');
  const shift = prefix.length - start;
  const marks = full.marks.filter(([s, e]) => s >= start && e <= end).map(([s, e]): [number, number] => [s + shift, e + shift]);
  return { text: prefix + body + (end < text.length ? '…' : ''), marks };
}
