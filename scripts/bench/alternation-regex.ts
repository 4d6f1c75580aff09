/**
 * The naive way, for comparison: every alias escaped and joined into one alternation,
 * `\b(?:…)\b` with the `gi` flags, as a quick implementation writes it. The regex runs in
 * a worker thread so that a run that takes minutes (V8 compiles 100k alternatives into a
 * huge automaton, and backtracks through them at every position) can be cut off at a
 * hard time limit; the worker reports how far it got.
 */
import { Worker } from 'node:worker_threads';

export interface RegexRun {
  /** Time of the first two (short) executions, which compile the regex. */
  compileMs: number;
  /** Time over the text, or the time limit when it did not finish. */
  runMs: number;
  finished: boolean;
  /** Characters of the text behind the last match seen (all of it when finished). */
  reached: number;
  /** Matches as [start, end) pairs, in order (up to where it got). */
  starts: Int32Array;
  ends: Int32Array;
  error?: string;
}

// Plain JavaScript: the worker runs outside Vite's module runner.
const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const { keys, text } = workerData;
const escaped = [...keys].sort((a, b) => b.length - a.length).map((k) => k.replace(/[.*+?^\${}()|[\\]\\\\]/g, '\\\\$&'));
let t = performance.now();
let re;
try {
  re = new RegExp('\\\\b(?:' + escaped.join('|') + ')\\\\b', 'gi');
  // Irregexp compiles on first use, per string width; the second run uses the tiered-up code.
  re.exec('\\u4e00 x'); re.lastIndex = 0; re.exec('\\u4e00 x'); re.lastIndex = 0;
} catch (error) {
  parentPort.postMessage({ kind: 'error', error: String(error) });
  process.exit(0);
}
const compileMs = performance.now() - t;
parentPort.postMessage({ kind: 'compiled', compileMs });
t = performance.now();
let starts = [], ends = [];
let m;
let flushed = 0;
while ((m = re.exec(text)) !== null) {
  starts.push(m.index); ends.push(m.index + m[0].length);
  if (m[0].length === 0) re.lastIndex++;
  if (starts.length - flushed >= 256) {
    parentPort.postMessage({ kind: 'progress', starts: starts.slice(flushed), ends: ends.slice(flushed), reached: re.lastIndex });
    flushed = starts.length;
  }
}
parentPort.postMessage({ kind: 'done', starts: starts.slice(flushed), ends: ends.slice(flushed), runMs: performance.now() - t });
`;

/** Runs the alternation of `keys` over `text`, stopping the worker after `limitMs` (compile included). */
export function runAlternation(keys: readonly string[], text: string, limitMs: number): Promise<RegexRun> {
  return new Promise((resolve) => {
    const worker = new Worker(WORKER, { eval: true, workerData: { keys, text } });
    const starts: number[] = [];
    const ends: number[] = [];
    let compileMs = Number.NaN;
    let reached = 0;
    const begun = performance.now();
    let runStart = begun;
    let settled = false;
    const finish = (run: Partial<RegexRun>) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void worker.terminate();
      resolve({ compileMs, runMs: performance.now() - runStart, finished: false, reached, starts: Int32Array.from(starts), ends: Int32Array.from(ends), ...run });
    };
    const timer = setTimeout(() => finish({ finished: false, runMs: performance.now() - runStart }), limitMs);
    worker.on('message', (msg: { kind: string; compileMs?: number; starts?: number[]; ends?: number[]; reached?: number; runMs?: number; error?: string }) => {
      if (msg.kind === 'error') return finish({ error: msg.error });
      if (msg.kind === 'compiled') {
        compileMs = msg.compileMs!;
        runStart = performance.now();
        return;
      }
      starts.push(...msg.starts!);
      ends.push(...msg.ends!);
      if (msg.kind === 'progress') reached = msg.reached!;
      if (msg.kind === 'done') {
        reached = text.length;
        finish({ finished: true, runMs: msg.runMs!, reached: text.length });
      }
    });
    worker.on('error', (error) => finish({ error: String(error) }));
  });
}
