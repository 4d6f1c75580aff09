/**
 * Main-thread time from a Chromium trace (CDP Tracing): every task the page's renderer
 * main thread ran, and which of them ran our content script's code (see tasksOf). The
 * page's own tasks (parsing, the rendering updates that lay out its HTML, and our marks
 * with it) are not counted as ours; the style and layout our code forces inside its own
 * tasks are.
 */
import type { CDPSession, Page } from 'playwright-core';

export interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  args?: { data?: Record<string, unknown>; beginData?: Record<string, unknown>; name?: string };
}

const CATEGORIES = ['toplevel', 'devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8.execute', 'blink.user_timing', '__metadata'];

export class Tracer {
  private events: TraceEvent[] = [];
  private done: Promise<void> | undefined;

  private constructor(private readonly cdp: CDPSession) {
    // The protocol types events as string maps; they are trace events (Chromium's JSON format).
    cdp.on('Tracing.dataCollected', (e) => {
      for (const ev of e.value) this.events.push(ev as unknown as TraceEvent);
    });
  }

  static async start(page: Page): Promise<Tracer> {
    const cdp = await page.context().newCDPSession(page);
    const tracer = new Tracer(cdp);
    await cdp.send('Tracing.start', { traceConfig: { includedCategories: CATEGORIES }, transferMode: 'ReportEvents' });
    return tracer;
  }

  async stop(): Promise<TraceEvent[]> {
    this.done ??= new Promise<void>((resolve) => this.cdp.once('Tracing.tracingComplete', () => resolve()));
    await this.cdp.send('Tracing.end');
    await this.done;
    await this.cdp.detach().catch(() => undefined);
    return this.events;
  }
}

export interface Task {
  start: number;
  /** ms */
  dur: number;
  ours: boolean;
}

/** The renderer main thread that parsed `url` (pid, tid), or undefined. */
export function mainThreadOf(events: readonly TraceEvent[], url: string): { pid: number; tid: number } | undefined {
  const parse = events.find((e) => e.name === 'ParseHTML' && (e.args?.beginData?.url as string | undefined) === url);
  return parse ? { pid: parse.pid, tid: parse.tid } : undefined;
}

const urlOf = (e: TraceEvent): string => {
  const data = e.args?.data ?? e.args?.beginData;
  const v = data?.url ?? data?.scriptName ?? (data?.stackTrace as Array<{ url?: string }> | undefined)?.[0]?.url;
  return typeof v === 'string' ? v : '';
};

/** Trace timestamp (µs) of the last performance.mark named `name` on the thread, if any. */
export function markTime(events: readonly TraceEvent[], name: string, pid: number): number | undefined {
  const marks = events.filter((e) => e.name === name && e.pid === pid && e.cat.includes('user_timing'));
  return marks.length > 0 ? Math.max(...marks.map((e) => e.ts)) : undefined;
}

/** When the content script began: the evaluation of its file on the thread (trace µs). */
export function contentScriptStart(events: readonly TraceEvent[], thread: { pid: number; tid: number }, extensionId: string): number | undefined {
  const marker = `chrome-extension://${extensionId}/content-scripts/`;
  const evals = events.filter((e) => e.pid === thread.pid && e.tid === thread.tid && e.name === 'EvaluateScript' && urlOf(e).startsWith(marker));
  return evals.length > 0 ? Math.min(...evals.map((e) => e.ts)) : undefined;
}

/** Events that run JavaScript. */
const JS_EVENTS = new Set(['RunMicrotasks', 'TimerFire', 'FunctionCall', 'EvaluateScript', 'v8.compile', 'V8.Execute', 'v8.run', 'FireAnimationFrame']);

/**
 * The thread's tasks (RunTask), in µs timestamps of the trace, each marked ours or not.
 * A task is ours when an event inside it names a file of the extension, or when it runs
 * JavaScript that is not someone else's (an evaluation or call naming no file of ours): the
 * benchmark's pages carry no scripts of their own, and much of our work names no file
 * (a timer that only resolves a promise, then the microtasks that continue the scan).
 */
export function tasksOf(events: readonly TraceEvent[], thread: { pid: number; tid: number }, extensionId: string): Task[] {
  const own = events.filter((e) => e.pid === thread.pid && e.tid === thread.tid).sort((a, b) => a.ts - b.ts);
  const marker = `chrome-extension://${extensionId}/`;
  const tasks: Array<Task & { end: number; named: boolean; js: boolean; devtools: boolean }> = [];
  let current: (typeof tasks)[number] | undefined;
  for (const e of own) {
    if (e.ph === 'X' && (e.name === 'ThreadControllerImpl::RunTask' || e.name === 'RunTask') && e.dur !== undefined) {
      if (current && e.ts < current.end) continue; // nested run loop
      current = { start: e.ts, dur: e.dur / 1000, ours: false, end: e.ts + e.dur, named: false, js: false, devtools: false };
      tasks.push(current);
      continue;
    }
    if (!current || e.ts < current.start || e.ts > current.end) continue;
    const url = urlOf(e);
    if (url.startsWith(marker)) current.named = true;
    if (JS_EVENTS.has(e.name)) current.js = true;
    // DevTools evaluations (Playwright's) and their callbacks name no file of ours; a call of
    // a built-in (script 0: the `resolve` a timer of ours calls) is no one's.
    const builtin = String(e.args?.data?.scriptId ?? '') === '0';
    if ((e.name === 'EvaluateScript' || (e.name === 'FunctionCall' && !builtin)) && !url.startsWith(marker)) current.devtools = true;
  }
  return tasks.map(({ start, dur, named, js, devtools }) => ({ start, dur, ours: named || (js && !devtools) }));
}

export interface TaskSummary {
  /** Sum of our tasks (ms). */
  oursMs: number;
  /** Longest of our tasks (ms). */
  longestOursMs: number;
  /** Longest task of any kind in the window (ms). */
  longestAnyMs: number;
  oursCount: number;
}

/** Tasks that overlap [from, to] (trace µs). */
export function summarise(tasks: readonly Task[], from = Number.NEGATIVE_INFINITY, to = Number.POSITIVE_INFINITY): TaskSummary {
  const inside = tasks.filter((t) => t.start + t.dur * 1000 >= from && t.start <= to);
  const ours = inside.filter((t) => t.ours);
  return {
    oursMs: ours.reduce((n, t) => n + t.dur, 0),
    longestOursMs: Math.max(0, ...ours.map((t) => t.dur)),
    longestAnyMs: Math.max(0, ...inside.map((t) => t.dur)),
    oursCount: ours.length,
  };
}
