/**
 * The matcher's scan: the occurrences of keys that can start a word, read a word at a
 * time instead of a character at a time.
 *
 * Most words on a page begin no key at all. The scan hashes each word as it reads it and
 * looks the word up once, in a table of the words keys begin with; only a known first
 * word leads into the automaton, and then from the trie state at the end of that word, so
 * the trie is never walked over a word that cannot start a key. Keys that begin with
 * something other than a word character, or with a character of a script written
 * without spaces (every position there can start a word), are walked from the root as
 * before.
 *
 * The hot loop has no branch that depends on where words end (word lengths vary, so such
 * a branch is mispredicted about once a word; with small packs that was most of the old
 * loop's cost): every character updates the hash, masked to zero outside words, and tests
 * the first-word bit set, masked to "no" unless a word ends there. Only a set bit
 * branches. What it finds goes into one reused buffer (Occurrences), not a callback.
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

function classOf(c: number): number {
  let k = CLASS[c]!;
  if (k === Cls.Unknown) {
    const ch = String.fromCharCode(c);
    CLASS[c] = k = isUnspacedScript(ch) ? Cls.Unspaced : isWordChar(ch) ? Cls.Word : Cls.Other;
  }
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

/**
 * What the scan does at a code unit, for one automaton (it depends on the keys, so each
 * automaton has its own table): the values are what the hot loop tests.
 */
const enum Step {
  /** Ends a word, and no key begins with it. */
  Pass = 0,
  /** Part of a word. */
  Word = 1,
  /** Ends a word, and keys begin with it: walk the trie from here. */
  Walk = 2,
  /** Not seen yet. */
  Unknown = 3,
}

function stepKind(root: Int32Array, c: number): number {
  return classOf(c) === Cls.Word ? Step.Word : root[c] === 0 ? Step.Pass : Step.Walk;
}

/**
 * The word hash: rotate and xor per character (one short dependency chain, so the next
 * character never waits long), then one multiply when the word ends, whose high bits
 * index the bit set and the table.
 */
const hashStep = (h: number, c: number): number => ((h << 5) | (h >>> 27)) ^ c;
const MIX = 0x9e3779b1 | 0;
/** A mixed hash's place in the first-word bit set (the same for building it and reading it): its 32-bit word, then its bit. */
const bitWord = (m: number, bitMask: number): number => (m >>> 9) & bitMask;
const bitOf = (m: number): number => 1 << (m >>> 27);

/**
 * The words keys begin with. A bit set first (about one bit in 64 set, small enough to
 * stay in cache: most words of a page stop there), then open addressing, mixed hash →
 * the trie state at the end of the word, its characters and their number, side by side
 * so that a probe reads one place.
 */
interface WordIndex {
  /** Step by code unit, filled on first sight. */
  steps: Uint8Array;
  bits: Int32Array;
  bitMask: number;
  /** A hash's slot is its top bits: hash >>> shift. */
  shift: number;
  mask: number;
  /** Four per slot: the mixed hash, the state (0 = empty: the root ends no word), the word's offset in pool, its length. */
  slots: Int32Array;
  /** The words' code units, for the check after a hash hit. */
  pool: Uint16Array;
}

const indexes = new WeakMap<Automaton, WordIndex>();

/** Walks the trie along word characters: every state where a key's first word ends. */
function buildWordIndex(a: Automaton): WordIndex {
  const { first, count, codes, targets, output, root } = a;
  const ends: Array<{ state: number; word: number[] }> = [];
  let poolSize = 0;
  // Depth-first over the edges whose code is a word character.
  const stack: Array<{ state: number; code: number; depth: number }> = [];
  const path: number[] = [];
  const rootEdges = first[0]!;
  for (let e = rootEdges; e < rootEdges + count[0]!; e++) {
    const c = codes[e]!;
    if (classOf(c) === Cls.Word) stack.push({ state: targets[e]!, code: c, depth: 0 });
  }
  while (stack.length > 0) {
    const { state, code, depth } = stack.pop()!;
    path.length = depth;
    path.push(code);
    let endsHere = output[state]! >= 0;
    for (let e = first[state]!; e < first[state]! + count[state]!; e++) {
      const c = codes[e]!;
      if (classOf(c) === Cls.Word) stack.push({ state: targets[e]!, code: c, depth: depth + 1 });
      else endsHere = true;
    }
    if (endsHere) {
      ends.push({ state, word: path.slice() });
      poolSize += path.length;
    }
  }
  let bits = 16;
  while (1 << bits < ends.length * 2) bits++;
  let bitWords = 1024;
  while (bitWords * 32 < ends.length * 64 && bitWords < 1 << 18) bitWords *= 2;
  const steps = new Uint8Array(65536).fill(Step.Unknown);
  for (let c = 0; c < 128; c++) steps[c] = stepKind(root, c);
  const index: WordIndex = { steps, bits: new Int32Array(bitWords), bitMask: bitWords - 1, shift: 32 - bits, mask: (1 << bits) - 1, slots: new Int32Array(4 << bits), pool: new Uint16Array(poolSize) };
  let at = 0;
  for (const { state, word } of ends) {
    let h = 0;
    for (const c of word) h = hashStep(h, c);
    const m = Math.imul(h, MIX);
    index.bits[bitWord(m, index.bitMask)]! |= bitOf(m);
    let slot = m >>> index.shift;
    while (index.slots[4 * slot + 1] !== 0) slot = (slot + 1) & index.mask;
    index.slots.set([m, state, at, word.length], 4 * slot);
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
 * What a scan found: triples (start, end, key) in data[0 .. length), in order of start.
 * One buffer, reused by every scan (it grows as needed and is overwritten by the next):
 * read it before scanning again. A buffer, not a callback, so that the scan's calls stay
 * the same whoever asks (a callback per caller made V8 throw its optimised code away).
 */
export interface Occurrences {
  data: Int32Array;
  length: number;
}

const FOUND_START = 3 * 1024;
/** A buffer grown past this (a page full of names) is let go at the next scan rather than kept for good. */
const FOUND_KEEP = 3 * 65536;
const found: Occurrences = { data: new Int32Array(FOUND_START), length: 0 };

function report(start: number, end: number, key: number): void {
  let n = found.length;
  if (n + 3 > found.data.length) {
    const grown = new Int32Array(found.data.length * 2);
    grown.set(found.data);
    found.data = grown;
  }
  const d = found.data;
  d[n++] = start;
  d[n++] = end;
  d[n++] = key;
  found.length = n;
}

/**
 * Every occurrence of a key that starts where a word starts (or, for keys in scripts
 * without spaces, anywhere in such a script, or at a non-word character a key begins
 * with), in order of start, in the shared buffer. See the module comment.
 */
export function scanWordsInto(a: Automaton, text: string): Occurrences {
  const index = wordIndexOf(a);
  const { steps, bits, bitMask } = index;
  const root = a.root;
  const n = text.length;
  if (found.data.length > FOUND_KEEP) found.data = new Int32Array(FOUND_START);
  found.length = 0;
  // h: the hash of the word read so far (0 outside words); inWord: 1 if the last character was part of a word.
  let h = 0;
  let inWord = 0;
  for (let p = 0; p < n; p++) {
    const c = text.charCodeAt(p);
    let k = steps[c]!;
    if (k > Step.Word) {
      if (k === Step.Unknown) steps[c] = k = stepKind(root, c);
      if (k === Step.Walk) {
        if (inWord === 1) {
          const m = Math.imul(h, MIX);
          if ((bits[bitWord(m, bitMask)]! & bitOf(m)) !== 0) wordEnds(a, index, text, p, m);
        }
        walk(a, text, p, root[c]!, p + 1);
        h = 0;
        inWord = 0;
        continue;
      }
    }
    // k is 0 or 1 here. At a word's end (inWord 1, k 0) test the bit of the word's hash;
    // elsewhere the mask makes the test fail without a branch of its own.
    const m = Math.imul(h, MIX);
    if ((bits[bitWord(m, bitMask)]! & bitOf(m) & -(inWord & (k ^ 1))) !== 0) wordEnds(a, index, text, p, m);
    h = hashStep(h, c) & -k;
    inWord = k;
  }
  if (inWord === 1) {
    const m = Math.imul(h, MIX);
    if ((bits[bitWord(m, bitMask)]! & bitOf(m)) !== 0) wordEnds(a, index, text, n, m);
  }
  return found;
}

/** scanWordsInto, as calls of onMatch(start, end, key) (a copy is read, so onMatch may scan again). */
export function scanWords(a: Automaton, text: string, onMatch: (start: number, end: number, key: number) => void): void {
  const { data, length } = scanWordsInto(a, text);
  const copy = data.slice(0, length);
  for (let i = 0; i < length; i += 3) onMatch(copy[i]!, copy[i + 1]!, copy[i + 2]!);
}

/** A word whose hash `m` has its bit set ends at `end`: if it is a first word, walk on from its state. */
function wordEnds(a: Automaton, index: WordIndex, text: string, end: number, m: number): void {
  const { steps, mask, slots, pool } = index;
  let slot = m >>> index.shift;
  for (let s = slots[4 * slot + 1]!; s !== 0; s = slots[4 * (slot = (slot + 1) & mask) + 1]!) {
    if (slots[4 * slot] !== m) continue;
    // The table's word must be the whole word of the text that ends here: its characters
    // match, and the one before them is not part of a word.
    const start = end - slots[4 * slot + 3]!;
    if (start < 0 || (start > 0 && steps[text.charCodeAt(start - 1)] === Step.Word)) continue;
    const off = slots[4 * slot + 2]! - start;
    let i = start;
    while (i < end && text.charCodeAt(i) === pool[off + i]) i++;
    if (i < end) continue;
    walk(a, text, start, s, end);
    return;
  }
}

/** Reports the keys along the trie from state `s` (reached by text[start, i)), reading on from `i`. */
function walk(a: Automaton, text: string, start: number, s: number, i: number): void {
  const { output } = a;
  const n = text.length;
  let k = output[s]!;
  if (k >= 0) report(start, i, k);
  for (; i < n; i++) {
    s = step(a, s, text.charCodeAt(i));
    if (s <= 0) return;
    k = output[s]!;
    if (k >= 0) report(start, i + 1, k);
  }
}
