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
 *
 * The offset maps are made only when first read (by folding the text again): most blocks
 * of a page hold no candidate, and the maps are 8 bytes per character, twice the folded
 * text, in the background's cache of every page's blocks.
 */

export interface Folded {
  readonly lower: string;
  readonly cased: string;
  readonly origStart: Uint32Array;
  readonly origEnd: Uint32Array;
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

/**
 * Growable UTF-16 output: folding writes code units, not strings (10–20× faster than
 * concatenation). One scratch buffer is reused for every call (blocks are mostly small:
 * allocating four arrays per block cost more than folding it); results are copied out.
 */
class Out {
  lower = new Uint16Array(1024);
  cased = new Uint16Array(1024);
  start = new Uint32Array(1024);
  end = new Uint32Array(1024);
  length = 0;
  lastSpace = true;
  /** Whether start/end are written (the offset maps). */
  maps = true;

  reset(capacity: number, maps: boolean): void {
    this.length = 0;
    this.lastSpace = true;
    this.maps = maps;
    while (this.lower.length < capacity) this.grow();
  }

  private grow(): void {
    const cap = this.lower.length * 2;
    this.lower = grown(this.lower, new Uint16Array(cap));
    this.cased = grown(this.cased, new Uint16Array(cap));
    this.start = grown(this.start, new Uint32Array(cap));
    this.end = grown(this.end, new Uint32Array(cap));
  }

  push(cased: number, lower: number, start: number, end: number): void {
    if (cased === 32) {
      if (this.lastSpace) return;
      this.lastSpace = true;
    } else this.lastSpace = false;
    if (this.length === this.lower.length) this.grow();
    const i = this.length++;
    this.cased[i] = cased;
    this.lower[i] = lower;
    if (this.maps) {
      this.start[i] = start;
      this.end[i] = end;
    }
  }

  /** The last code unit written (case kept), or -1. */
  last(): number {
    return this.length > 0 ? this.cased[this.length - 1]! : -1;
  }
}

/** `to` holding `from` at its start. */
function grown<T extends Uint16Array | Uint32Array>(from: T, to: T): T {
  to.set(from);
  return to;
}

const scratch = new Out();
const decoder = typeof TextDecoder === 'function' ? new TextDecoder('utf-16le') : undefined;

function toText(units: Uint16Array, length: number): string {
  // Short runs: fromCharCode beats the decoder's per-call overhead.
  if (length <= 2048 || !decoder) {
    let s = '';
    for (let i = 0; i < length; i += 2048) s += String.fromCharCode.apply(null, units.subarray(i, Math.min(length, i + 2048)) as unknown as number[]);
    return s;
  }
  return decoder.decode(units.subarray(0, length));
}

/** A fold whose offset maps are made when first read. */
class LazyFolded implements Folded {
  private maps: { start: Uint32Array; end: Uint32Array } | undefined;

  constructor(
    readonly lower: string,
    readonly cased: string,
    private readonly source: string,
  ) {}

  get origStart(): Uint32Array {
    return (this.maps ??= offsetMaps(this.source)).start;
  }

  get origEnd(): Uint32Array {
    return (this.maps ??= offsetMaps(this.source)).end;
  }
}

/** Folds `text`; see the module comment. */
export function foldText(text: string): Folded {
  const out = fold(text, false);
  return new LazyFolded(toText(out.lower, out.length), toText(out.cased, out.length), text);
}

function offsetMaps(text: string): { start: Uint32Array; end: Uint32Array } {
  const out = fold(text, true);
  return { start: out.start.slice(0, out.length), end: out.end.slice(0, out.length) };
}

/** The fold itself, into the scratch buffer (read it before the next call). */
function fold(text: string, maps: boolean): Out {
  const n = text.length;
  const out = scratch;
  out.reset(n + 16, maps);
  let i = 0;
  while (i < n) {
    const code = text.charCodeAt(i);
    // ASCII fast path: letters, digits and punctuation other than & ' " - _ and spaces.
    if (code < 128 && code > 32 && code !== 38 && code !== 39 && code !== 34 && code !== 45 && code !== 95) {
      // Inlined push (the hot path): one code unit out per code unit in.
      let at = out.length;
      if (at === out.lower.length) {
        out.push(code, code >= 65 && code <= 90 ? code + 32 : code, i, i + 1);
      } else {
        out.cased[at] = code;
        out.lower[at] = code >= 65 && code <= 90 ? code + 32 : code;
        if (maps) {
          out.start[at] = i;
          out.end[at] = i + 1;
        }
        out.length = ++at;
        out.lastSpace = false;
      }
      i++;
      continue;
    }
    if (code === 32 || code === 10 || code === 9 || code === 13) {
      out.push(32, 32, i, i + 1);
      i++;
      continue;
    }
    const cp = text.codePointAt(i)!;
    const width = cp > 0xffff ? 2 : 1;
    const f = foldChar(width === 1 ? text[i]! : text.slice(i, i + 2));
    if (f.kind === Kind.Drop) {
      i += width;
      continue;
    }
    if (f.kind === Kind.Space) {
      out.push(32, 32, i, i + width);
      i += width;
      continue;
    }
    if (f.cased === "'" && out.length > 0) {
      // Possessive 's: an apostrophe after a letter, then s, then no more letters.
      let j = i + 1;
      while (j < n && INVISIBLE.test(text[j]!)) j++;
      const s = text[j];
      if ((s === 's' || s === 'S') && isWordChar(String.fromCharCode(out.last())) && !isWordChar(text[j + 1])) {
        i = j + 1;
        continue;
      }
    }
    for (let k = 0; k < f.cased.length; k++) out.push(f.cased.charCodeAt(k), (f.lower.charCodeAt(k) || f.cased.charCodeAt(k)), i, i + width);
    i += width;
  }
  return out;
}

const PLAIN_ALIAS = /^[A-Za-z0-9.,()/]+(?: [A-Za-z0-9.,()/]+)*$/;

/** Folds an alias the way page text is folded, trimmed of edge spaces. */
export function foldAlias(alias: string): { lower: string; cased: string } {
  // Most aliases are plain ASCII words with single spaces: folding leaves them as they are.
  if (PLAIN_ALIAS.test(alias)) return { lower: alias.toLowerCase(), cased: alias };
  const f = foldText(alias);
  let start = 0;
  let end = f.lower.length;
  while (start < end && f.lower[start] === ' ') start++;
  while (end > start && f.lower[end - 1] === ' ') end--;
  return { lower: f.lower.slice(start, end), cased: f.cased.slice(start, end) };
}
