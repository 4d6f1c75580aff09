import { readFileSync } from 'node:fs';
import { buildDictionary } from '../lib/match/dictionary';
import { foldText } from '../lib/match/normalize';
import { scanWords } from '../lib/match/word-scan';
import { findCandidates } from '../lib/match/find-candidates';
import { benchPack, seedPack, syntheticByAliases } from './bench/packs';
const CLASS = new Uint8Array(65536);
for (let c = 0; c < 65536; c++) CLASS[c] = (c >= 48 && c <= 57) || (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c > 0xbf ? 1 : 0;
const BITS = new Int32Array(1 << 13);
function hashw(t: string) { let hits = 0; const n = t.length; let p = 0; while (p < n) { let c = t.charCodeAt(p); if (CLASS[c] !== 1) { p++; continue; } let h = 0x811c9dc5|0; for (;;) { h = Math.imul(h ^ c, 0x01000193); if (++p >= n) break; c = t.charCodeAt(p); if (CLASS[c] !== 1) break; } if ((BITS[(h >>> 5) & 8191]! & (1 << (h & 31))) !== 0) hits++; } return hits; }
function raw(t: string) { let h = 0; for (let i = 0; i < t.length; i++) h = (h + t.charCodeAt(i)) | 0; return h; }
export function main(args: string[]) {
  const cache = JSON.parse(readFileSync('bench-results/corpus-text-cache.json', 'utf8')) as Record<string, { blocks: string[] }>;
  const joined = Object.values(cache).filter((_, i) => i % 6 === 0).flatMap((v) => v.blocks).join('\n');
  const f = foldText(joined);
  const bp = args[0] === 'seed' ? benchPack('seed', seedPack('.')) : benchPack('x', syntheticByAliases(Number(args[0])));
  const dict = buildDictionary(bp.entities);
  const time = (label: string, fn: () => unknown) => {
    let best = Infinity;
    const t0 = performance.now();
    while (performance.now() - t0 < 1500) { const t = performance.now(); fn(); best = Math.min(best, performance.now() - t); }
    console.log(label.padEnd(12), (f.lower.length / best / 1000).toFixed(1), 'MB/s');
  };
  const which = args[1] ?? 'all';
  if (which === 'all' || which === 'raw') time('raw', () => raw(f.lower));
  if (which === 'all' || which === 'hashw') time('hashw', () => hashw(f.lower));
  if (which === 'all' || which === 'cand') time('candidates', () => findCandidates(dict, f));
}
