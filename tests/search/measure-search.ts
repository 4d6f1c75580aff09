/**
 * A quick measurement of the popup's search (not a test, never run by vitest):
 *   node scripts/run.mjs tests/search/measure-search.ts [entities=100000]
 * Builds a synthetic pack (the benchmark's generator, scripts/bench/synthetic-pack.ts), times building, saving and loading the index, then every
 * keystroke of typed names (prefixes, typos, acronyms). The benchmark (npm run bench)
 * measures the same functions; this is the popup's own check while working on it.
 */
import { performance } from 'node:perf_hooks';
import { createSearchIndex, loadSearchIndex, search, searchRowsFromPacks, serializeSearchIndex } from '../../lib/search';
import type { FactPack } from '../../lib/pack/types';
import { rngFrom, syntheticPack } from '../../scripts/bench/synthetic-pack';

/** What someone types: each prefix of a few names, some with a typo, some acronyms. */
function typedQueries(pack: FactPack, samples = 40, seed = 11): string[] {
  const rand = rngFrom(seed);
  const queries: string[] = [];
  for (let n = 0; n < samples; n++) {
    const entity = pack.entities[Math.floor(rand() * pack.entities.length)]!;
    let target = entity.name;
    if (n % 4 === 1) target = target.replace(/[aeiou](?=[a-z]*$)/, 'y'); // a typo in the last word
    if (n % 4 === 2) target = entity.aliases[1]?.text ?? target;
    for (let i = 1; i <= Math.min(target.length, 24); i++) queries.push(target.slice(0, i));
  }
  return queries;
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

function time<T>(run: () => T): [T, number] {
  const start = performance.now();
  const value = run();
  return [value, performance.now() - start];
}

export function main(args: string[]): number {
  const count = Number(args[0] ?? 100_000);
  const pack = syntheticPack({ entities: count });
  const [rows, rowsMs] = time(() => searchRowsFromPacks([pack]));
  const [index, buildMs] = time(() => createSearchIndex(rows));
  const [saved, saveMs] = time(() => structuredClone(serializeSearchIndex(index)));
  const [loaded, loadMs] = time(() => loadSearchIndex(saved)!);
  const queries = typedQueries(pack);
  for (const q of queries.slice(0, 50)) search(loaded, q); // warm up the JIT (and build the typo tree)
  const single = queries.map((q) => time(() => search(loaded, q))[1]).sort((a, b) => a - b);
  // The best of five runs per keystroke: what the code costs, without the pauses of a busy machine.
  const best = queries.map((q) => Math.min(...[0, 1, 2, 3, 4].map(() => time(() => search(loaded, q))[1]))).sort((a, b) => a - b);
  const heapMb = process.memoryUsage().heapUsed / 1e6;
  console.log(`entities ${count}, rows ${rows.length}: rows ${rowsMs.toFixed(0)} ms, build ${buildMs.toFixed(0)} ms, save (structured clone) ${saveMs.toFixed(0)} ms (postings ${(saved.postings.byteLength / 1e6).toFixed(1)} MB, ${saved.terms.length} terms), load ${loadMs.toFixed(0)} ms, heap ${heapMb.toFixed(0)} MB`);
  for (const [label, times] of [['single run', single], ['best of 5', best]] as const) {
    console.log(`keystrokes ${times.length} (${label}): median ${percentile(times, 50).toFixed(2)} ms, p95 ${percentile(times, 95).toFixed(2)} ms, max ${percentile(times, 100).toFixed(2)} ms`);
  }
  return 0;
}
