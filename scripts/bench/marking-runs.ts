/**
 * One measured page load, ours or mark.js's. Ours: the built extension marks the page by
 * itself; a CDP trace of the load tells when its content script started (the evaluation
 * of its file), when it marked the last mention (the overlay's `factmark:scan-end`
 * performance mark, which its isolated world writes to the page's timeline), and how much
 * main-thread time its tasks took. mark.js: injected into the same page in a browser
 * without the extension, given the alias list as keywords, timed in the page.
 */
import type { Browser, Page } from 'playwright-core';
import type { ExtensionHarness } from '../../tests/e2e/harness';
import { pageHeap } from './browser';
import { contentScriptStart, mainThreadOf, markTime, summarise, tasksOf, Tracer, type TaskSummary } from './trace';

export interface OurRun extends TaskSummary {
  marks: number;
  /** Content script start → last mark (ms, wall). */
  totalMs: number;
  /** Overlay scan start → last mark (ms, wall): reading blocks, matching, marking. */
  scanMs: number;
  /** Content script start → scan start (ms): settings, dictionary message, dictionary build. */
  setupMs: number;
  mode: string;
  /** The page renderer's V8 heap after a GC, with the marks in place (all worlds: page and content script). */
  heapBytes: number;
  /** Our tasks in the window, in order (ms). */
  ourTasks: number[];
}

const isLocal = (url: URL) => url.hostname === '127.0.0.1';

async function freshPage(open: () => Promise<Page>, origin: string): Promise<Page> {
  const page = await open();
  await page.route((url) => !isLocal(url), (route) => route.abort());
  // Same origin first, so the measured load stays in this renderer process (and thread).
  await page.goto(`${origin}/blank.html`);
  return page;
}

async function pageHeapOf(page: Page): Promise<{ usedSize: number; totalSize: number }> {
  const cdp = await page.context().newCDPSession(page);
  try {
    return await pageHeap(cdp);
  } finally {
    await cdp.detach().catch(() => undefined);
  }
}

/** The page's heap without the extension: `path` loaded in a browser without it. */
export async function plainHeap(browser: Browser, origin: string, path: string): Promise<number> {
  const context = await browser.newContext();
  try {
    const page = await freshPage(() => context.newPage(), origin);
    await page.goto(`${origin}${path}`, { waitUntil: 'load' });
    await page.waitForTimeout(300);
    return (await pageHeapOf(page)).usedSize;
  } finally {
    await context.close();
  }
}

/**
 * Waits for a performance mark with one evaluation (a PerformanceObserver in the page),
 * rather than polling, so that the wait adds no tasks to the trace's window.
 */
export function waitForMark(page: Page, name: string, timeoutMs: number, minMarks = -1): Promise<void> {
  return page.evaluate(
    ({ name, timeoutMs, minMarks }) =>
      new Promise<void>((resolve, reject) => {
        const ready = () => performance.getEntriesByName(name).some((m) => (((m as PerformanceMark).detail as { marks?: number } | null)?.marks ?? 0) >= minMarks);
        if (ready()) return resolve();
        const observer = new PerformanceObserver(() => {
          if (!ready()) return;
          observer.disconnect();
          resolve();
        });
        observer.observe({ type: 'mark' });
        setTimeout(() => reject(new Error(`no ${name} mark within ${timeoutMs} ms`)), timeoutMs);
      }),
    { name, timeoutMs, minMarks },
  );
}

export async function runOurs(harness: ExtensionHarness, origin: string, path: string, timeoutMs: number): Promise<OurRun> {
  const page = await freshPage(async () => (await harness.newPage()).page, origin);
  try {
    const tracer = await Tracer.start(page);
    const url = `${origin}${path}`;
    await page.goto(url, { waitUntil: 'load' });
    await waitForMark(page, 'factmark:scan-end', timeoutMs);
    const inPage = await page.evaluate(() => {
      const end = performance.getEntriesByName('factmark:scan-end').at(-1) as PerformanceMark;
      const detail = end.detail as { marks?: number; probed?: boolean } | null;
      const marks = detail?.marks ?? -1;
      const dom = document.querySelectorAll('mark[data-factmark-entity]').length;
      return { marks, mode: dom > 0 ? 'dom' : marks > 0 ? 'highlight' : detail?.probed ? 'probed' : '–' };
    });
    await page.waitForTimeout(50);
    const events = await tracer.stop();
    const heapBytes = (await pageHeapOf(page)).usedSize;
    const thread = mainThreadOf(events, url);
    if (!thread) throw new Error(`no main thread found in the trace of ${url}`);
    const start = contentScriptStart(events, thread, harness.extensionId);
    const scanStart = markTime(events, 'factmark:scan-start', thread.pid);
    const scanEnd = markTime(events, 'factmark:scan-end', thread.pid);
    if (start === undefined || scanStart === undefined || scanEnd === undefined) throw new Error(`trace of ${url} lacks the content script or its marks`);
    const tasks = tasksOf(events, thread, harness.extensionId);
    const summary = summarise(tasks, start, scanEnd);
    const ourTasks = tasks.filter((t) => t.ours && t.start + t.dur * 1000 >= start && t.start <= scanEnd).map((t) => Math.round(t.dur * 10) / 10);
    return { ...summary, heapBytes, ourTasks, marks: inPage.marks, mode: inPage.mode, totalMs: (scanEnd - start) / 1000, scanMs: (scanEnd - scanStart) / 1000, setupMs: (scanStart - start) / 1000 };
  } finally {
    await page.close();
  }
}

export interface BurstRun extends TaskSummary {
  added: number;
  marksBefore: number;
  marksAfter: number;
  /** Paragraphs added → last mark (ms, wall; includes the overlay's 100 ms batching delay). */
  totalMs: number;
}

/** Loads `path`, waits for the marks, then adds `paragraphs` in one go and times marking them. */
export async function runBurst(harness: ExtensionHarness, origin: string, path: string, paragraphs: readonly string[], expected: number): Promise<BurstRun> {
  const page = await freshPage(async () => (await harness.newPage()).page, origin);
  try {
    const url = `${origin}${path}`;
    await page.goto(url, { waitUntil: 'load' });
    await waitForMark(page, 'factmark:scan-end', 30_000);
    const before = await page.evaluate(() => ((performance.getEntriesByName('factmark:scan-end').at(-1) as PerformanceMark).detail as { marks: number }).marks);
    const tracer = await Tracer.start(page);
    await page.evaluate((texts) => {
      performance.mark('bench:burst');
      const article = document.querySelector('article') ?? document.body;
      const fragment = document.createDocumentFragment();
      for (const text of texts) {
        const p = document.createElement('p');
        p.textContent = text;
        fragment.append(p);
      }
      article.append(fragment);
    }, [...paragraphs]);
    await waitForMark(page, 'factmark:update-end', 20_000, expected).catch(() => undefined);
    const after = await page.evaluate(() => {
      const last = performance.getEntriesByName('factmark:update-end').at(-1) as PerformanceMark | undefined;
      return (last?.detail as { marks?: number } | undefined)?.marks ?? -1;
    });
    await page.waitForTimeout(50);
    const events = await tracer.stop();
    const thread = mainThreadOf(events, url) ?? (() => {
      const burst = events.find((e) => e.name === 'bench:burst');
      return burst ? { pid: burst.pid, tid: burst.tid } : undefined;
    })();
    if (!thread) throw new Error('no main thread in the burst trace');
    const from = markTime(events, 'bench:burst', thread.pid)!;
    const to = markTime(events, 'factmark:update-end', thread.pid) ?? from;
    return { ...summarise(tasksOf(events, thread, harness.extensionId), from, to), added: paragraphs.length, marksBefore: before, marksAfter: after, totalMs: (to - from) / 1000 };
  } finally {
    await page.close();
  }
}

export interface MarkJsRun {
  keywords: number;
  /** Keywords done before the time limit (all of them when finished). */
  done: number;
  finished: boolean;
  /** Time in mark() calls (ms). */
  ms: number;
  /** The whole run extrapolated from the keywords done (ms), when it did not finish. */
  estimateMs: number;
  marks: number;
}

/**
 * mark.js keyword mode: `new Mark(document.body).mark(aliases, {separateWordSearch: false,
 * accuracy: 'exactly'})`. mark.js sorts the keywords longest first and then walks the
 * page once per keyword; we hand them over in that order in chunks, so that a run that
 * would take minutes can stop at `limitMs` and report how far it got.
 */
export async function runMarkJs(browser: Browser, markJs: string, origin: string, path: string, keywords: readonly string[], limitMs: number): Promise<MarkJsRun> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  try {
    const page = await freshPage(() => context.newPage(), origin);
    await page.goto(`${origin}${path}`, { waitUntil: 'load' });
    await page.evaluate(markJs);
    const sorted = [...new Set(keywords.filter((k) => k.trim()))].sort((a, b) => b.length - a.length);
    let done = 0;
    let ms = 0;
    let marks = 0;
    const chunk = sorted.length <= 200 ? sorted.length : 25;
    while (done < sorted.length && ms < limitMs) {
      const part = sorted.slice(done, done + chunk);
      const r = await page.evaluate((kw) => {
        const Mark = (globalThis as unknown as { Mark: new (el: Element) => { mark(k: string[], o: object): void } }).Mark;
        let count = 0;
        const t = performance.now();
        new Mark(document.body).mark(kw, { separateWordSearch: false, accuracy: 'exactly', done: (n: number) => (count = n) });
        return { ms: performance.now() - t, count };
      }, part);
      ms += r.ms;
      marks += r.count;
      done += part.length;
    }
    return { keywords: sorted.length, done, finished: done >= sorted.length, ms, estimateMs: done > 0 ? (ms * sorted.length) / done : Number.NaN, marks };
  } finally {
    await context.close();
  }
}
