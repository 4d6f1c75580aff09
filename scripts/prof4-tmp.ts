import { readFileSync } from 'node:fs';
import { buildDictionary } from '../lib/match/dictionary';
import { foldText } from '../lib/match/normalize';
import { scanWords } from '../lib/match/word-scan';
import { benchPack, seedPack, syntheticByAliases } from './bench/packs';
export function main(args: string[]) {
  const cache = JSON.parse(readFileSync('bench-results/corpus-text-cache.json', 'utf8')) as Record<string, { blocks: string[] }>;
  const joined = Object.values(cache).filter((_, i) => i % 6 === 0).flatMap((v) => v.blocks).join('\n');
  const f = foldText(joined);
  const bp = args[0] === 'seed' ? benchPack('seed', seedPack('.')) : benchPack('x', syntheticByAliases(Number(args[0])));
  const dict = buildDictionary(bp.entities);
  scanWords(dict.automaton, 'x', () => {});
  const words = f.lower.split(/[^a-z0-9\u00c0-\uffff]+/).filter(Boolean);
  // first words of keys
  const firsts = new Set(dict.patterns.map((p) => p.key.split(/[^a-z0-9\u00c0-\uffff]+/)[0]));
  let hit = 0; const common = new Map<string, number>();
  for (const w of words) if (firsts.has(w)) { hit++; common.set(w, (common.get(w) ?? 0) + 1); }
  console.log('text words', words.length, 'first-word hits', hit, (hit / words.length * 100).toFixed(1) + '%', 'distinct first words', firsts.size);
  const kinds = new Map<string, number>(); scanWords(dict.automaton, f.lower, (s0, e0) => { const c = f.lower.charCodeAt(s0); const k = c < 128 ? (/[a-z0-9]/.test(f.lower[s0]!) ? 'ascii-word' : 'ascii-punct:' + f.lower.slice(s0, e0)) : c >= 0x3000 ? 'cjk' : 'other-nonascii'; kinds.set(k, (kinds.get(k) ?? 0) + 1); });
  console.log([...kinds].sort((a, b) => b[1] - a[1]).slice(0, 12));
  console.log([...common].sort((a, b) => b[1] - a[1]).slice(0, 40).map(([w, n]) => `${w}:${n}`).join(' '));
}
export function more(args: string[]) {}
