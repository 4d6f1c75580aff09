import { readFileSync } from 'node:fs';
import { buildDictionary } from '../lib/match/dictionary';
import { findCandidates } from '../lib/match/find-candidates';
import { foldText } from '../lib/match/normalize';
import { scanWords } from '../lib/match/word-scan';
import { benchPack, seedPack, syntheticByAliases } from './bench/packs';
const CLASS = new Uint8Array(65536);
for (let c = 0; c < 65536; c++) CLASS[c] = (c >= 48 && c <= 57) || (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c > 0xbf ? 1 : 0;
const TABLE = new Int32Array(1 << 17);
function hashlook(t: string) { let hits = 0; const n = t.length; let p = 0; while (p < n) { let c = t.charCodeAt(p); if (CLASS[c] !== 1) { p++; continue; } let h = 0x811c9dc5|0; for (;;) { h = Math.imul(h ^ c, 0x01000193); if (++p >= n) break; c = t.charCodeAt(p); if (CLASS[c] !== 1) break; } if (TABLE[h & 131071] === h) hits++; } return hits; }
function raw(t: string) { let h = 0; for (let i = 0; i < t.length; i++) h = (h + t.charCodeAt(i)) | 0; return h; }
export function main(args: string[]) {
  const cache = JSON.parse(readFileSync('bench-results/corpus-text-cache.json', 'utf8')) as Record<string, { blocks: string[] }>;
  const joined = Object.values(cache).filter((_, i) => i % 6 === 0).flatMap((v) => v.blocks).join('\n');
  const f = foldText(joined);
  const which = args[0] ?? 'seed';
  const bp = which === 'seed' ? benchPack('seed', seedPack('.')) : benchPack(which, syntheticByAliases(Number(which)));
  const dict = buildDictionary(bp.entities);
  const time = (label: string, fn: () => unknown) => {
    let best = Infinity;
    for (let r = 0; r < 10; r++) { const t = performance.now(); fn(); best = Math.min(best, performance.now() - t); }
    console.log(label.padEnd(12), (f.lower.length / best / 1000).toFixed(1), 'MB/s');
  };
  let m = 0;
  time('raw', () => raw(f.lower));
  time('hashlook', () => hashlook(f.lower));
  time('scanWords', () => scanWords(dict.automaton, f.lower, () => m++));
  time('candidates', () => findCandidates(dict, f));
  console.log(m);
  if (args[1] === "top") { const cnt = new Map<string, number>(); scanWords(dict.automaton, f.lower, (s, e, k) => { const key = dict.patterns[k]!.key; cnt.set(key, (cnt.get(key) ?? 0) + 1); }); console.log([...cnt].sort((a, b) => b[1] - a[1]).slice(0, 30).map(([k, v]) => `${k}:${v}:${dict.patterns.find((p) => p.key === k)!.senses.map((s) => s.kind).join("/")}`).join("  ")); }
}
export function top(args: string[]) {}
