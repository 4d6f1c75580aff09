/**
 * Small pure helpers the benchmark sections share: percentiles, repeated timing, and
 * the plain-text tables the bench prints. No timing assertion lives anywhere near here:
 * benchmarks report, they never fail a build.
 */

/** The p-th percentile (0–100) of `values`, by linear interpolation between ranks (NaN when empty). */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = (Math.min(100, Math.max(0, p)) / 100) * (sorted.length - 1);
  const lo = Math.floor(rank);
  const hi = Math.ceil(rank);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (rank - lo);
}

export const median = (values: readonly number[]): number => percentile(values, 50);

export interface Timing {
  /** Milliseconds per run: the median and the best of the runs. */
  median: number;
  best: number;
  runs: number;
}

/**
 * Runs `fn` at least `minRuns` times and until `minMs` have passed (never more than
 * `maxRuns`), after one untimed warm-up run unless `warmup` is false. Returns the last
 * result with the timing, so callers can check what the timed code produced.
 */
export function timeRepeated<T>(fn: () => T, options: { minRuns?: number; maxRuns?: number; minMs?: number; warmup?: boolean } = {}): { timing: Timing; result: T } {
  const { minRuns = 3, maxRuns = 50, minMs = 300, warmup = true } = options;
  let result = warmup ? fn() : (undefined as T);
  const times: number[] = [];
  const started = performance.now();
  while (times.length < maxRuns && (times.length < minRuns || performance.now() - started < minMs)) {
    const t = performance.now();
    result = fn();
    times.push(performance.now() - t);
  }
  return { timing: { median: median(times), best: Math.min(...times), runs: times.length }, result };
}

/** Megabytes (10^6 UTF-16 code units, i.e. characters) per second. */
export function mbPerSecond(chars: number, ms: number): number {
  return ms > 0 ? chars / 1e6 / (ms / 1000) : Number.POSITIVE_INFINITY;
}

/** A number with a sensible number of digits for a table cell. */
export function fmt(value: number | undefined, digits?: number): string {
  if (value === undefined || Number.isNaN(value)) return '–';
  if (!Number.isFinite(value)) return '∞';
  const d = digits ?? (Number.isInteger(value) || Math.abs(value) >= 100 ? 0 : Math.abs(value) >= 10 ? 1 : 2);
  return value.toLocaleString('en-US', { minimumFractionDigits: d, maximumFractionDigits: d });
}

export function fmtBytes(bytes: number | undefined): string {
  if (bytes === undefined || Number.isNaN(bytes)) return '–';
  if (Math.abs(bytes) >= 1e6) return `${fmt(bytes / 1e6, 1)} MB`;
  if (Math.abs(bytes) >= 1e3) return `${fmt(bytes / 1e3, 1)} kB`;
  return `${fmt(bytes, 0)} B`;
}

export type Cell = string | number | undefined;

export interface Table {
  title: string;
  columns: string[];
  rows: Cell[][];
  /** Lines printed under the table (what a column means, what was skipped and why). */
  notes?: string[];
}

const cellText = (c: Cell): string => (typeof c === 'number' ? fmt(c) : (c ?? '–'));

/** A Markdown table (readable as plain text too), with its title and notes. */
export function renderTable(table: Table): string {
  const cells = table.rows.map((row) => table.columns.map((_, i) => cellText(row[i])));
  const widths = table.columns.map((c, i) => Math.max(c.length, ...cells.map((r) => r[i]!.length)));
  const numeric = table.columns.map((_, i) => table.rows.length > 0 && table.rows.every((r) => typeof r[i] === 'number' || r[i] === undefined));
  const line = (parts: string[]) => `| ${parts.map((p, i) => (numeric[i] ? p.padStart(widths[i]!) : p.padEnd(widths[i]!))).join(' | ')} |`;
  const rule = `|${widths.map((w, i) => (numeric[i] ? `${'-'.repeat(w + 1)}:` : '-'.repeat(w + 2))).join('|')}|`;
  const out = [`### ${table.title}`, '', line(table.columns), rule, ...cells.map(line)];
  if (table.notes?.length) out.push('', ...table.notes.map((n) => `- ${n}`));
  return out.join('\n');
}
