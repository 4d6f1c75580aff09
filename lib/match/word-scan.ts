/**
 * The matcher's scan: the occurrences of keys that can start a word, read a word at a
 * time instead of a character at a time.
 *
 * Most words on a page begin no key at all. The scan hashes each word as it reads it
 * (one multiply per character, no table look-up) and looks the word up once, in a table
 * of the words keys begin with; only a known first word leads into the automaton, and
 * then from the trie state at the end of that word, so the trie is never walked over a
 * word that cannot start a key. Keys that begin with something other than a word
 * character, or with a character of a script written without spaces (every position
 * there can start a word), are walked from the root as before.
 *
 * What it reports is what `scanAutomaton` reports once word boundaries are applied
 * (findCandidates): a key needing a boundary can only start where a word starts, and a
 * word's first word is a whole word of the text. A hash collision is harmless: the
 * word's characters are compared before its state is used.
 */
import { step, type Automaton } from './automaton';
import { isUnspacedScript, isWordChar } from './normalize';

const enum Cls {
  /** Not part of a word: space, punctuation, symbols, lone surrogates. */
  Other = 0,
  /** A letter, digit or mark of a script written with spaces. */
  Word = 1,
  /** A character of a script written without spaces (Han, Kana, Thai…): every one can start a key. */
  Unspaced = 2,
  Unknown = 255,
}

/** Character classes by UTF-16 code unit, filled on first sight (computing all 64K up front costs milliseconds). */
const CLASS = new Uint8Array(65536).fill(Cls.Unknown);
for (let c = 0; c < 128; c++) CLASS[c] = (c >= 48 && c <= 57) || (c >= 97 && c <= 122) || (c >= 65 && c <= 90) ? Cls.Word : Cls.Other;

function classify(c: number): number {
  const ch = String.fromCharCode(c);
  const k = isUnspacedScript(ch) ? Cls.Unspaced : isWordChar(ch) ? Cls.Word : Cls.Other;
  CLASS[c] = k;
  return k;
}

/** isWordChar by code unit (normalize.ts), from a table filled on first sight: 0 no, 1 yes, 255 not yet known. */
const WORD = new Uint8Array(65536).fill(255);
for (let c = 0; c < 128; c++) WORD[c] = CLASS[c] === Cls.Word ? 1 : 0;
export function isWordCode(c: number): boolean {
  let w = WORD[c]!;
  if (w === 255) WORD[c] = w = isWordChar(String.fromCharCode(c)) ? 1 : 0;
  return w === 1;
}

/** One step of the hash over a word's code units (FNV-1a). */
const HASH_START = 0x811c9dc5 | 0;
const hashStep = (h: number, c: number): number => Math.imul(h ^ c, 0x01000193);

/**
 * The words keys begin with. A bit set first (one bit per word's hash, small enough to stay
 * in cache: most words of a page stop there), then open addressing, hash → the trie state
 * at the end of the word, the two side by side in one array so a probe reads one place.
 */
interface WordIndex {
  bits: Int32Array;
  bitMask: number;
  mask: number;
  /** slots[2i] = hash, slots[2i + 1] = state; state 0 = empty (the root ends no word). */
  slots: Int32Array;
  /** The word's code units, for the check after a hash hit: pool[offset .. offset + length). */
  offsets: Uint32Array;
  lengths: Uint16Array;
  pool: Uint16Array;
}

const indexes = new WeakMap<Automaton, WordIndex>();

/** Walks the trie along word characters: every state where a key's first word ends. */
function buildWordIndex(a: Automaton): WordIndex {
  const { first, count, codes, targets, output } = a;
  const ends: Array<{ state: number; word: number[] }> = [];
  let poolSize = 0;
  // Depth-first over the edges whose code is a word character.
  const stack: Array<{ state: number; code: number; depth: number }> = [];
  const path: number[] = [];
  const rootEdges = first[0]!;
  for (let e = rootEdges; e < rootEdges + count[0]!; e++) {
    const c = codes[e]!;
    if ((CLASS[c] === Cls.Unknown ? classify(c) : CLASS[c]) === Cls.Word) stack.push({ state: targets[e]!, code: c, depth: 0 });
  }
  while (stack.length > 0) {
    const { state, code, depth } = stack.pop()!;
    path.length = depth;
    path.push(code);
    let endsHere = output[state]! >= 0;
    for (let e = first[state]!; e < first[state]! + count[state]!; e++) {
      const c = codes[e]!;
      if ((CLASS[c] === Cls.Unknown ? classify(c) : CLASS[c]) === Cls.Word) stack.push({ state: targets[e]!, code: c, depth: depth + 1 });
      else endsHere = true;
    }
    if (endsHere && path.length <= 0xffff) {
      ends.push({ state, word: path.slice() });
      poolSize += path.length;
    }
  }
  let size = 64;
  while (size < ends.length * 2) size *= 2;
  let bitWords = 64;
  while (bitWords * 32 < ends.length * 16 && bitWords < 1 << 18) bitWords *= 2;
  const index: WordIndex = { bits: new Int32Array(bitWords), bitMask: bitWords - 1, mask: size - 1, slots: new Int32Array(size * 2), offsets: new Uint32Array(size), lengths: new Uint16Array(size), pool: new Uint16Array(poolSize) };
  let at = 0;
  for (const { state, word } of ends) {
    let h = HASH_START;
    for (const c of word) h = hashStep(h, c);
    index.bits[(h >>> 5) & index.bitMask]! |= 1 << (h & 31);
    let slot = (h >>> 3) & index.mask;
    while (index.slots[2 * slot + 1] !== 0) slot = (slot + 1) & index.mask;
    index.slots[2 * slot] = h;
    index.slots[2 * slot + 1] = state;
    index.offsets[slot] = at;
    index.lengths[slot] = word.length;
    index.pool.set(word, at);
    at += word.length;
  }
  return index;
}

function wordIndexOf(a: Automaton): WordIndex {
  let index = indexes.get(a);
  if (!index) {
    index = buildWordIndex(a);
    indexes.set(a, index);
  }
  return index;
}

/**
 * Every occurrence of a key that starts where a word starts (or, for keys in scripts
 * without spaces, anywhere in such a script, or at a non-word character a key begins
 * with), as onMatch(start, end, key) in order of start. See the module comment.
 */
export function scanWords(a: Automaton, text: string, onMatch: (start: number, end: number, key: number) => void): void {
  const { root } = a;
  const { bits, bitMask, mask, slots, offsets, lengths, pool } = wordIndexOf(a);
  const n = text.length;
  let p = 0;
  while (p < n) {
    let c = text.charCodeAt(p);
    let k = CLASS[c]!;
    if (k !== Cls.Word) {
      if (k === Cls.Unknown) k = classify(c);
      if (k !== Cls.Word) {
        if (root[c] !== 0) walk(a, text, p, root[c]!, p + 1, onMatch);
        p++;
        continue;
      }
    }
    // A word: hash it to its end. The hot loop: one class look-up and one multiply per
    // character; a character seen for the first time is classified on the way out.
    const start = p;
    let h = HASH_START;
    for (;;) {
      h = Math.imul(h ^ c, 0x01000193);
      if (++p >= n) break;
      c = text.charCodeAt(p);
      if (CLASS[c] === Cls.Word) continue;
      if (CLASS[c] !== Cls.Unknown || classify(c) !== Cls.Word) break;
    }
    if ((bits[(h >>> 5) & bitMask]! & (1 << (h & 31))) === 0) continue;
    let slot = (h >>> 3) & mask;
    for (let s = slots[2 * slot + 1]!; s !== 0; s = slots[2 * (slot = (slot + 1) & mask) + 1]!) {
      if (slots[2 * slot] !== h || lengths[slot] !== p - start) continue;
      const off = offsets[slot]! - start;
      let i = start;
      while (i < p && text.charCodeAt(i) === pool[off + i]) i++;
      if (i < p) continue;
      walk(a, text, start, s, p, onMatch);
      break;
    }
  }
}

/** Reports the keys along the trie from state `s` (reached by text[start, i)), reading on from `i`. */
function walk(a: Automaton, text: string, start: number, s: number, i: number, onMatch: (start: number, end: number, key: number) => void): void {
  const { output } = a;
  const n = text.length;
  let k = output[s]!;
  if (k >= 0) onMatch(start, i, k);
  for (; i < n; i++) {
    s = step(a, s, text.charCodeAt(i));
    if (s <= 0) return;
    k = output[s]!;
    if (k >= 0) onMatch(start, i + 1, k);
  }
}
