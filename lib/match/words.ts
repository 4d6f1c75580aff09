/**
 * Reading the words around a candidate mention in folded text (see normalize.ts):
 * what stands just before and after a name decides whether it is the entity
 * ("Ambassador Hashmi") or part of something else ("Ghulam Haider Hashmi",
 * "University of Sialkot", "Imran Khan Cricket Stadium").
 */
import { isWordChar } from './normalize';

export interface Word {
  /** The word as written (case kept), without a trailing abbreviation dot. */
  text: string;
  start: number;
  end: number;
  /** Punctuation between this word and the position it was read towards ("", ",", "(", "."…). */
  gap: string;
}

const isSpace = (c: string | undefined) => c === ' ';

/**
 * Up to `n` words before `pos`, nearest first. `gap` is the punctuation between a word
 * and what follows it; reading stops at the first punctuation after the nearest word
 * ("Dr. Hassan" gives "Dr" with gap "."; "Thursday. Eraj Hashmi" gives only "Eraj").
 */
export function wordsBefore(text: string, pos: number, n: number): Word[] {
  const out: Word[] = [];
  let i = pos;
  while (out.length < n) {
    let gap = '';
    let j = i;
    while (j > 0 && !isWordChar(text[j - 1])) {
      if (!isSpace(text[j - 1])) gap = text[j - 1] + gap;
      j--;
    }
    if (j === 0 || (gap !== '' && out.length > 0)) break;
    const end = j;
    while (j > 0 && isWordChar(text[j - 1])) j--;
    out.push({ text: text.slice(j, end), start: j, end, gap });
    i = j;
  }
  return out;
}

/** Up to `n` words after `pos`, nearest first, with the same `gap` rule as wordsBefore. */
export function wordsAfter(text: string, pos: number, n: number): Word[] {
  const out: Word[] = [];
  let i = pos;
  while (out.length < n) {
    let gap = '';
    let j = i;
    while (j < text.length && !isWordChar(text[j])) {
      if (!isSpace(text[j])) gap += text[j];
      j++;
    }
    if (j >= text.length || (gap !== '' && out.length > 0)) break;
    const start = j;
    while (j < text.length && isWordChar(text[j])) j++;
    out.push({ text: text.slice(start, j), start, end: j, gap });
    i = j;
  }
  return out;
}

export function isCapitalised(word: string): boolean {
  const c = word[0];
  return c !== undefined && c !== c.toLowerCase() && c === c.toUpperCase();
}

/** The text before `pos` ends a sentence or a block (so a capital there proves nothing). */
export function atSentenceStart(text: string, pos: number): boolean {
  let i = pos;
  while (i > 0 && text[i - 1] === ' ') i--;
  if (i === 0) return true;
  const c = text[i - 1]!;
  return c === '.' || c === '!' || c === '?' || c === ':' || c === '"' || c === '\u201c' || c === '(' || c === '\n';
}
