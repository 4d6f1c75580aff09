/**
 * Aho–Corasick automaton over UTF-16 code units: one pass over the text finds every
 * occurrence of every key, however many keys there are (the cost per character does
 * not grow with the dictionary). Built once per dictionary; stored in flat typed arrays
 * so that 100,000 keys stay compact and the scan loop allocates nothing.
 *
 * Layout: the root's transitions are a dense 64 K table (most steps start there after a
 * failure); every other state keeps its children sorted in a slice of `codes`/`targets`
 * (CSR), searched linearly when short and by bisection when long.
 */

export interface Automaton {
  readonly stateCount: number;
  readonly keyLengths: Uint32Array;
  /** @internal */ readonly root: Int32Array;
  /** @internal */ readonly first: Uint32Array;
  /** @internal */ readonly count: Uint32Array;
  /** @internal */ readonly codes: Uint16Array;
  /** @internal */ readonly targets: Uint32Array;
  /** @internal */ readonly fail: Uint32Array;
  /** Key index ending at this state, or -1. */
  /** @internal */ readonly output: Int32Array;
  /** Nearest state on the failure chain that has an output, or 0 (root has none). */
  /** @internal */ readonly outLink: Uint32Array;
}

export function buildAutomaton(keys: readonly string[]): Automaton {
  // 1. The trie, from the keys in sorted order: each key shares its prefix with the one
  // before it, so new nodes hang off the current path and no child lookup is needed.
  // Nodes are numbered depth-first; edges are recorded as (parent, code, child).
  const order = keys.map((_, i) => i).sort((x, y) => (keys[x]! < keys[y]! ? -1 : keys[x]! > keys[y]! ? 1 : x - y));
  let total = 1;
  for (const k of keys) total += k.length;
  const parentOf = new Uint32Array(total);
  const codeOf = new Uint16Array(total);
  const outputAll = new Int32Array(total).fill(-1);
  let n = 1;
  const path: number[] = [0];
  let prev = '';
  for (const k of order) {
    const key = keys[k]!;
    if (key.length === 0) continue;
    let lcp = 0;
    const max = Math.min(key.length, prev.length);
    while (lcp < max && key.charCodeAt(lcp) === prev.charCodeAt(lcp)) lcp++;
    for (let d = lcp; d < key.length; d++) {
      parentOf[n] = path[d]!;
      codeOf[n] = key.charCodeAt(d);
      path[d + 1] = n++;
    }
    const end = path[key.length]!;
    if (outputAll[end] === -1) outputAll[end] = k;
    prev = key;
  }

  // 2. CSR: children of each node, in code order (depth-first numbering keeps them sorted).
  const first = new Uint32Array(n);
  const count = new Uint32Array(n);
  for (let c = 1; c < n; c++) count[parentOf[c]!]!++;
  for (let s = 1; s < n; s++) first[s] = first[s - 1]! + count[s - 1]!;
  const codes = new Uint16Array(Math.max(0, n - 1));
  const targets = new Uint32Array(Math.max(0, n - 1));
  const fill = first.slice();
  for (let c = 1; c < n; c++) {
    const p = parentOf[c]!;
    const at = fill[p]!++;
    codes[at] = codeOf[c]!;
    targets[at] = c;
  }
  const root = new Int32Array(65536);
  for (let e = first[0]!; e < first[0]! + count[0]!; e++) root[codes[e]!] = targets[e]!;

  // 3. Failure and output links, breadth first.
  const fail = new Uint32Array(n);
  const output = outputAll.slice(0, n);
  const outLink = new Uint32Array(n);
  const queue = new Uint32Array(n);
  let head = 0;
  let tail = 0;
  for (let e = first[0]!; e < first[0]! + count[0]!; e++) queue[tail++] = targets[e]!;
  const auto: Automaton = { stateCount: n, keyLengths: new Uint32Array(keys.map((k) => k.length)), root, first, count, codes, targets, fail, output, outLink };
  while (head < tail) {
    const s = queue[head++]!;
    for (let e = first[s]!; e < first[s]! + count[s]!; e++) {
      const c = codes[e]!;
      const t = targets[e]!;
      let f = fail[s]!;
      let next = step(auto, f, c);
      while (next === -1) {
        f = fail[f]!;
        next = step(auto, f, c);
      }
      fail[t] = next === t ? 0 : next;
      const ft = fail[t]!;
      outLink[t] = output[ft]! >= 0 ? ft : outLink[ft]!;
      queue[tail++] = t;
    }
  }
  return auto;
}

/** The goto function: the next state, or -1 when `s` has no edge for `c` (never -1 at the root). */
export function step(a: Automaton, s: number, c: number): number {
  if (s === 0) return a.root[c]!;
  const lo0 = a.first[s]!;
  const n = a.count[s]!;
  if (n <= 8) {
    for (let e = lo0; e < lo0 + n; e++) {
      const code = a.codes[e]!;
      if (code === c) return a.targets[e]!;
      if (code > c) return -1;
    }
    return -1;
  }
  let lo = lo0;
  let hi = lo0 + n - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const code = a.codes[mid]!;
    if (code === c) return a.targets[mid]!;
    if (code < c) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

/**
 * Scans `text` once and calls `onMatch(start, end, keyIndex)` for every occurrence of
 * every key (overlapping ones included), in order of their end.
 */
export function scanAutomaton(a: Automaton, text: string, onMatch: (start: number, end: number, key: number) => void): void {
  const { root, fail, output, outLink, keyLengths } = a;
  let s = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    let next = s === 0 ? root[c]! : step(a, s, c);
    while (next === -1) {
      s = fail[s]!;
      next = s === 0 ? root[c]! : step(a, s, c);
    }
    s = next;
    if (s === 0) continue;
    let o = output[s]! >= 0 ? s : outLink[s]!;
    while (o !== 0) {
      const k = output[o]!;
      onMatch(i + 1 - keyLengths[k]!, i + 1, k);
      o = outLink[o]!;
    }
  }
}
