import { describe, expect, it } from 'vitest';
import { contentScriptStart, mainThreadOf, markTime, summarise, tasksOf, type TraceEvent } from '../../scripts/bench/trace';

const ID = 'abcdefghijklmnop';
const CS = `chrome-extension://${ID}/content-scripts/content.js`;
const ev = (name: string, ts: number, extra: Partial<TraceEvent> = {}): TraceEvent => ({ name, cat: 'devtools.timeline', ph: 'X', ts, pid: 1, tid: 1, ...extra });
const task = (ts: number, ms: number) => ev('ThreadControllerImpl::RunTask', ts, { cat: 'toplevel', dur: ms * 1000 });

// A page load: parse, our evaluation, a microtask-only task (the dictionary reply), a timer of ours,
// a rendering update, and a DevTools evaluation.
const EVENTS: TraceEvent[] = [
  task(0, 5),
  ev('ParseHTML', 100, { args: { beginData: { url: 'http://127.0.0.1/p.html' } } }),
  task(10_000, 3),
  ev('EvaluateScript', 10_100, { dur: 2000, args: { data: { url: CS } } }),
  task(20_000, 40),
  ev('RunMicrotasks', 20_100, { dur: 39_000 }),
  task(70_000, 12),
  ev('TimerFire', 70_010, { dur: 11_000, args: { data: { timerId: 3 } } }),
  ev('FunctionCall', 70_020, { dur: 10, args: { data: { scriptId: '0', url: '' } } }),
  ev('RunMicrotasks', 70_040, { dur: 10_000 }),
  task(90_000, 30),
  ev('UpdateLayoutTree', 90_100, { dur: 29_000 }),
  task(130_000, 6),
  ev('EvaluateScript', 130_100, { dur: 5000, args: {} }),
  ev('factmark:scan-end', 85_000, { cat: 'blink.user_timing', ph: 'R' }),
  task(200_000, 9),
  ev('FunctionCall', 200_010, { dur: 8000, args: { data: { scriptId: '12', url: CS } } }),
];

describe('trace attribution', () => {
  const thread = mainThreadOf(EVENTS, 'http://127.0.0.1/p.html')!;
  const tasks = tasksOf(EVENTS, thread, ID);

  it('finds the thread that parsed the page and when the content script started', () => {
    expect(thread).toEqual({ pid: 1, tid: 1 });
    expect(contentScriptStart(EVENTS, thread, ID)).toBe(10_100);
    expect(markTime(EVENTS, 'factmark:scan-end', 1)).toBe(85_000);
  });

  it('counts as ours: our evaluation, script-less microtasks and timers, calls into our file; not layout or DevTools', () => {
    expect(tasks.map((t) => t.ours)).toEqual([false, true, true, true, false, false, true]);
  });

  it('summarises the tasks overlapping a window', () => {
    expect(summarise(tasks, 10_100, 85_000)).toEqual({ oursMs: 55, longestOursMs: 40, longestAnyMs: 40, oursCount: 3 });
    expect(summarise(tasks).oursMs).toBe(64);
  });
});
