import { readFileSync } from 'node:fs';
import { buildDictionary } from '../lib/match/dictionary';
import { findCandidates } from '../lib/match/find-candidates';
import { findMentions, prepareBlock, decideMentions } from '../lib/match/find-mentions';
import { foldText } from '../lib/match/normalize';
import { benchPack, seedPack, syntheticByAliases } from './bench/packs';

export function main(args: string[]) {
  const cache = JSON.parse(readFileSync('bench-results/corpus-text-cache.json', 'utf8')) as Record<string, { blocks: string[] }>;
  const blocks = Object.values(cache).flatMap((v) => v.blocks);
  const chars = blocks.reduce((n, b) => n + b.length, 0);
  console.log('blocks', blocks.length, 'chars', chars);
  const which = args[0] ?? 'seed';
  const bp = which === 'seed' ? benchPack('seed', seedPack('.')) : benchPack(which, syntheticByAliases(Number(which)));
  const dict = buildDictionary(bp.entities);
  const time = (label: string, f: () => unknown) => {
    let best = Infinity;
    for (let r = 0; r < 5; r++) { const t = performance.now(); f(); best = Math.min(best, performance.now() - t); }
    console.log(label.padEnd(12), best.toFixed(1), 'ms', (chars / best / 1000).toFixed(1), 'MB/s');
  };
  time('fold', () => { for (const b of blocks) foldText(b); });
  const folded = blocks.map((b) => foldText(b));
  time('candidates', () => { for (const f of folded) findCandidates(dict, f); });
  console.log("candidates", count(dict, folded));
  time('prepare', () => { for (const b of blocks) prepareBlock(dict, b); });
  const prepared = blocks.map((b) => prepareBlock(dict, b));
  time('decide', () => decideMentions(dict, prepared));
  time('findMentions', () => findMentions(dict, blocks));
  if (args.includes('--prof')) { const t = performance.now(); while (performance.now() - t < 5000) findMentions(dict, blocks); }
}
export function count(dict: any, folded: any[]) { let n = 0; for (const f of folded) n += findCandidates(dict, f).length; return n; }
