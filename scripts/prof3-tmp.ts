import { readFileSync } from 'node:fs';
import { buildDictionary } from '../lib/match/dictionary';
import { findCandidates } from '../lib/match/find-candidates';
import { foldText } from '../lib/match/normalize';
import { benchPack, seedPack, syntheticByAliases } from './bench/packs';
export function main(args: string[]) {
  const cache = JSON.parse(readFileSync('bench-results/corpus-text-cache.json', 'utf8')) as Record<string, { blocks: string[] }>;
  const joined = Object.values(cache).filter((_, i) => i % 6 === 0).flatMap((v) => v.blocks).join('\n');
  const f = foldText(joined);
  const which = args[0] ?? 'seed';
  const bp = which === 'seed' ? benchPack('seed', seedPack('.')) : benchPack(which, syntheticByAliases(Number(which)));
  const dict = buildDictionary(bp.entities);
  let best = Infinity;
  const t0 = performance.now();
  while (performance.now() - t0 < 4000) { const t = performance.now(); findCandidates(dict, f); best = Math.min(best, performance.now() - t); }
  console.log('best', (f.lower.length / best / 1000).toFixed(1), 'MB/s');
}
