/**
 * Folding: the text as the matcher compares it.
 *
 * Page text and aliases are folded the same way, one character at a time, so a
 * match in the folded text maps straight back to the original text:
 * - invisible characters vanish (soft hyphens U+00AD, which real Pakistani news
 *   sites put inside words; zero-width space/joiners; BOM);
 * - every run of white space, hyphens and dashes becomes one space ("KP-BOIT" = "KP BOIT");
 * - "&" reads as "and" ("Belt & Road" = "Belt and Road");
 * - curly quotes and apostrophes become straight ones, and a possessive 's is dropped
 *   ("Pakistan’s Embassy" = "Pakistan Embassy", "Hashmi's" = "Hashmi");
 * - Unicode compatibility forms are decomposed and diacritics removed (NFKD minus marks).
 * `lower` is also lower-cased; `cased` keeps letter case for case-sensitive aliases.
 * Both have the same length, and `origStart[i]`/`origEnd[i]` give the span of the
 * original text that produced folded character i.
 */

export interface Folded {
  lower: string;
  cased: string;
  origStart: Uint32Array;
  origEnd: Uint32Array;
}

const enum Kind {
  Drop,
  Space,
  Char,
}

const INVISIBLE = /[\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180f\u200b-\u200f\u202a-\u202e\u2060-\u206f\ufe00-\ufe0f\ufeff]/;
const SPACE_LIKE = /[\s\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\-\u2010-\u2015\u2212\u2e3a\u2e3b\ufe58\ufe63\uff0d_]/;
const APOSTROPHES = /['\u2018\u2019\u201b\u2032\u02bc\u0060\u00b4\uff07]/;
const DOUBLE_QUOTES = /["\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb\uff02]/;
const MARKS = /\p{M}/gu;
const WORD_CHAR = /[\p{L}\p{N}\p{M}]/u;

/** Letters, digits and combining marks: what a word is made of, in any script. */
export function isWordChar(ch: string | undefined): boolean {
  if (ch === undefined || ch === '') return false;
  const c = ch.charCodeAt(0);
  if (c < 128) return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
  return WORD_CHAR.test(ch);
}

/** Scripts written without spaces between words: aliases in them match without word boundaries. */
const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}\u3005\u30fc]/u;
export function isUnspacedScript(ch: string | undefined): boolean {
  if (ch === undefined || ch === '') return false;
  return ch.charCodeAt(0) >= 0x0e00 && UNSPACED.test(ch);
}

const foldCache = new Map<string, { kind: Kind; cased: string; lower: string }>();

function foldChar(ch: string): { kind: Kind; cased: string; lower: string } {
  const hit = foldCache.get(ch);
  if (hit) return hit;
  let result: { kind: Kind; cased: string; lower: string };
  if (INVISIBLE.test(ch)) result = { kind: Kind.Drop, cased: '', lower: '' };
  else if (SPACE_LIKE.test(ch)) result = { kind: Kind.Space, cased: ' ', lower: ' ' };
  else if (APOSTROPHES.test(ch)) result = { kind: Kind.Char, cased: "'", lower: "'" };
  else if (DOUBLE_QUOTES.test(ch)) result = { kind: Kind.Char, cased: '"', lower: '"' };
  else if (ch === '&' || ch === '\uff06') result = { kind: Kind.Char, cased: ' and ', lower: ' and ' };
  else {
    const cased = ch.normalize('NFKD').replace(MARKS, '') || ch;
    let lower = '';
    for (const c of cased) {
      const l = c.toLowerCase();
      lower += l.length === c.length ? l : c;
    }
    result = { kind: Kind.Char, cased, lower };
  }
  if (foldCache.size < 50_000) foldCache.set(ch, result);
  return result;
}

/** Folds `text`; see the module comment. */
export function foldText(text: string): Folded {
  const n = text.length;
  // Pre-size for the common case (folded length <= original length + a few "&" expansions).
  let lower = '';
  let cased = '';
  let cap = n + 16;
  let origStart = new Uint32Array(cap);
  let origEnd = new Uint32Array(cap);
  let len = 0;
  let lastSpace = true;
  const grow = () => {
    cap *= 2;
    const s = new Uint32Array(cap);
    s.set(origStart);
    origStart = s;
    const e = new Uint32Array(cap);
    e.set(origEnd);
    origEnd = e;
  };
  // Strings are built in chunks: concatenating one char at a time is fine in V8 (ropes),
  // but chunking keeps the rope shallow on 10 MB inputs.
  let chunkLower = '';
  let chunkCased = '';
  const emit = (c: string, l: string, start: number, end: number) => {
    if (c === ' ') {
      if (lastSpace) return;
      lastSpace = true;
    } else lastSpace = false;
    if (len >= cap) grow();
    chunkCased += c;
    chunkLower += l;
    origStart[len] = start;
    origEnd[len] = end;
    len++;
    if (chunkCased.length >= 4096) {
      cased += chunkCased;
      lower += chunkLower;
      chunkCased = '';
      chunkLower = '';
    }
  };

  let i = 0;
  while (i < n) {
    const code = text.charCodeAt(i);
    if (code < 128 && code !== 38 && code !== 39 && code !== 34 && code !== 45 && code !== 95 && code > 32) {
      // ASCII fast path: letters, digits, punctuation other than & ' " - _
      const c = text[i]!;
      emit(c, code >= 65 && code <= 90 ? String.fromCharCode(code + 32) : c, i, i + 1);
      i++;
      continue;
    }
    const cp = text.codePointAt(i)!;
    const width = cp > 0xffff ? 2 : 1;
    const ch = text.slice(i, i + width);
    const f = foldChar(ch);
    if (f.kind === Kind.Drop) {
      i += width;
      continue;
    }
    if (f.kind === Kind.Space) {
      emit(' ', ' ', i, i + width);
      i += width;
      continue;
    }
    if (f.cased === "'" && len > 0) {
      // Possessive 's: an apostrophe after a letter, then s, then no more letters.
      const prev = chunkCased.length > 0 ? chunkCased[chunkCased.length - 1] : cased[cased.length - 1];
      let j = i + 1;
      while (j < n && INVISIBLE.test(text[j]!)) j++;
      const s = text[j];
      if ((s === 's' || s === 'S') && isWordChar(prev) && !isWordChar(text[j + 1])) {
        i = j + 1;
        continue;
      }
    }
    for (let k = 0; k < f.cased.length; k++) emit(f.cased[k]!, f.lower[k] ?? f.cased[k]!, i, i + width);
    i += width;
  }
  cased += chunkCased;
  lower += chunkLower;
  return { lower, cased, origStart: origStart.subarray(0, len), origEnd: origEnd.subarray(0, len) };
}

/** Folds an alias the way page text is folded, trimmed of edge spaces. */
export function foldAlias(alias: string): { lower: string; cased: string } {
  const f = foldText(alias);
  let start = 0;
  let end = f.lower.length;
  while (start < end && f.lower[start] === ' ') start++;
  while (end > start && f.lower[end - 1] === ' ') end--;
  return { lower: f.lower.slice(start, end), cased: f.cased.slice(start, end) };
}
