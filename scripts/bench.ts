/**
 * `npm run bench`: speed and memory of matching, marking, the store and the extension's
 * footprint, measured side by side with the limit and the naive way on this machine.
 * Prints Markdown tables and a line per target (MET / NOT MET, with the measured ratio),
 * and writes everything to bench-results/latest.json. Benchmarks never fail a build:
 * the exit code is 0 whatever the timings (non-zero only when the bench itself broke).
 *
 *   npm run bench                       # everything (about 10 minutes)
 *   npm run bench -- --quick            # a fast subset
 *   npm run bench -- --only matcher     # one section: matcher | marking | store | footprint
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromiumVersion } from './bench/browser';
import type { BenchContext, SectionResult, Target } from './bench/context';
import { benchFootprint } from './bench/footprint';
import { benchMarking } from './bench/marking';
import { benchMatcher } from './bench/matcher';
import { renderTable } from './bench/stats';
import { benchStore } from './bench/store';

const SECTIONS = { matcher: benchMatcher, marking: benchMarking, store: benchStore, footprint: benchFootprint } as const;
type SectionName = keyof typeof SECTIONS;

export function parseArgs(args: readonly string[]): { quick: boolean; only: SectionName[] } {
  const quick = args.includes('--quick');
  const only: SectionName[] = [];
  args.forEach((arg, i) => {
    const value = arg === '--only' ? args[i + 1] : arg.startsWith('--only=') ? arg.slice('--only='.length) : undefined;
    for (const name of value?.split(',') ?? []) {
      if (!(name in SECTIONS)) throw new Error(`--only: unknown section "${name}" (one of ${Object.keys(SECTIONS).join(', ')})`);
      only.push(name as SectionName);
    }
  });
  return { quick, only: only.length > 0 ? only : (Object.keys(SECTIONS) as SectionName[]) };
}

export function targetLine(t: Target): string {
  const verdict = t.met === undefined ? 'NOT MEASURED' : t.met ? 'MET' : 'NOT MET';
  return `- **${verdict}**: ${t.goal}: ${t.measured}`;
}

export async function main(args: string[]): Promise<number> {
  const { quick, only } = parseArgs(args);
  const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
  const resultsDir = resolve(root, 'bench-results');
  mkdirSync(resultsDir, { recursive: true });
  const started = performance.now();
  const ctx: BenchContext = { quick, root, resultsDir, log: (m) => console.error(`[bench ${((performance.now() - started) / 1000).toFixed(0)} s] ${m}`) };
  const machine = {
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model ?? 'unknown',
    memory: `${(totalmem() / 2 ** 30).toFixed(1)} GiB`,
    node: process.version,
    chromium: await chromiumVersion().catch(() => 'not found'),
    date: new Date().toISOString(),
    mode: quick ? 'quick' : 'full',
    loadAtStart: loadavg()[0]!.toFixed(1),
  };
  const results: Partial<Record<SectionName, SectionResult>> = {};
  const failures: string[] = [];
  for (const name of only) {
    try {
      results[name] = await SECTIONS[name](ctx);
    } catch (error) {
      failures.push(`${name}: ${(error as Error).stack ?? String(error)}`);
      ctx.log(`section ${name} failed: ${(error as Error).message}`);
    }
  }
  const seconds = (performance.now() - started) / 1000;
  const lines = [`## Benchmark results (${machine.mode}, ${machine.date.slice(0, 10)})`, '', `Machine: ${machine.cpus} × ${machine.cpuModel}, ${machine.memory} RAM, Node ${machine.node}, ${machine.chromium}. Run took ${seconds.toFixed(0)} s; load average ${machine.loadAtStart} at the start and ${loadavg()[0]!.toFixed(1)} at the end (other work shares the machine: timings vary by tens of percent from run to run).`, ''];
  const targets = Object.values(results).flatMap((r) => r.targets);
  if (targets.length > 0) lines.push('### Targets', '', ...targets.map(targetLine), '');
  for (const [name, result] of Object.entries(results)) {
    for (const table of result.tables) lines.push(renderTable(table), '');
    if (result.notes.length > 0) lines.push(...result.notes.map((n) => `- ${name}: ${n}`), '');
  }
  if (failures.length > 0) lines.push('### Sections that failed', '', ...failures.map((f) => `    ${f.split('\n').slice(0, 6).join('\n    ')}`), '');
  const report = lines.join('\n');
  console.log(report);
  const json = { machine, seconds, targets, sections: results, failures };
  writeFileSync(resolve(resultsDir, 'latest.json'), JSON.stringify(json, null, 2));
  writeFileSync(resolve(resultsDir, 'latest.md'), report);
  ctx.log(`wrote ${resolve(resultsDir, 'latest.json')}`);
  return failures.length > 0 ? 1 : 0;
}
