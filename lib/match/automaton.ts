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
  // 1. A trie with per-node Maps (build-time only).
  const children: Array<Map<number, number>> = [new Map()];
  const outputList: number[] = [-1];
  const depth: number[] = [0];
  keys.forEach((key, k) => {
    if (key.length === 0) return;
    let s = 0;
    for (let i = 0; i < key.length; i++) {
      const c = key.charCodeAt(i);
      const map = children[s]!;
      let next = map.get(c);
      if (next === undefined) {
        next = children.length;
        children.push(new Map());
        outputList.push(-1);
        depth.push(depth[s]! + 1);
        map.set(c, next);
      }
      s = next;
    }
    if (outputList[s] === -1) outputList[s] = k;
  });

  // 2. Freeze into CSR arrays.
  const n = children.length;
  const first = new Uint32Array(n);
  const count = new Uint32Array(n);
  let edges = 0;
  for (let s = 0; s < n; s++) edges += children[s]!.size;
  const codes = new Uint16Array(edges);
  const targets = new Uint32Array(edges);
  let at = 0;
  for (let s = 0; s < n; s++) {
    const entries = [...children[s]!.entries()].sort((a, b) => a[0] - b[0]);
    first[s] = at;
    count[s] = entries.length;
    for (const [c, t] of entries) {
      codes[at] = c;
      targets[at] = t;
      at++;
    }
  }
  const root = new Int32Array(65536).fill(0);
  for (const [c, t] of children[0]!) root[c] = t;

  // 3. Failure and output links, breadth first.
  const fail = new Uint32Array(n);
  const output = Int32Array.from(outputList);
  const outLink = new Uint32Array(n);
  const queue = new Uint32Array(n);
  let head = 0;
  let tail = 0;
  for (const t of children[0]!.values()) queue[tail++] = t;
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
function step(a: Automaton, s: number, c: number): number {
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
