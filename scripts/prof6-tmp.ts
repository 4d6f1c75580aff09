import { readFileSync } from 'node:fs';
import { buildDictionary } from '../lib/match/dictionary';
import { prepareBlock, decideMentions } from '../lib/match/find-mentions';
import { benchPack, seedPack, syntheticByAliases } from './bench/packs';
export function main(args: string[]) {
  const cache = JSON.parse(readFileSync('bench-results/corpus-text-cache.json', 'utf8')) as Record<string, { blocks: string[] }>;
  const pages = Object.values(cache).map((v) => v.blocks);
  const bp = args[0] === 'seed' ? benchPack('seed', seedPack('.')) : benchPack('x', syntheticByAliases(Number(args[0])));
  const dict = buildDictionary(bp.entities);
  const prepared = pages.map((blocks) => blocks.map((b) => prepareBlock(dict, b)));
  const t0 = performance.now(); let runs = 0;
  while (performance.now() - t0 < 3000) { for (const p of prepared) decideMentions(dict, p); runs++; }
  console.log('decide per corpus pass (pages separately)', ((performance.now() - t0) / runs).toFixed(1), 'ms');
}
