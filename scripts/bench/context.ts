/** What every benchmark section gets and gives back. */
import { resolve } from 'node:path';
import v8 from 'node:v8';
import vm from 'node:vm';
import type { Table } from './stats';

export interface BenchContext {
  quick: boolean;
  /** The project root. */
  root: string;
  /** bench-results/ (git-ignored): caches and the JSON output. */
  resultsDir: string;
  log(message: string): void;
}

/** One line of the targets list: met, not met, or not measured (with why). */
export interface Target {
  id: string;
  /** The target as the issue states it. */
  goal: string;
  met: boolean | undefined;
  /** What was measured, in words and numbers ("31% of the raw loop (52 / 168 MB/s)"). */
  measured: string;
  ratio?: number;
}

export interface SectionResult {
  tables: Table[];
  targets: Target[];
  data: Record<string, unknown>;
  /** Notes printed after the section (skips, and why). */
  notes: string[];
}

export const emptySection = (): SectionResult => ({ tables: [], targets: [], data: {}, notes: [] });

export function resultsPath(ctx: BenchContext, file: string): string {
  return resolve(ctx.resultsDir, file);
}

let gcFn: (() => void) | undefined;
/**
 * A full garbage collection, for memory deltas. `--expose-gc` is switched on at run time
 * (the npm script cannot pass node flags through scripts/run.mjs).
 */
export function collectGarbage(): void {
  if (!gcFn) {
    v8.setFlagsFromString('--expose-gc');
    gcFn = vm.runInNewContext('gc') as () => void;
  }
  gcFn();
  gcFn();
}

/** Heap plus array buffers (the automaton's typed arrays live outside the JS heap). */
export function memoryNow(): { heap: number; buffers: number } {
  const m = process.memoryUsage();
  return { heap: m.heapUsed, buffers: m.arrayBuffers };
}
