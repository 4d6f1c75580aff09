/**
 * `npm run demo`: the extension on the seed documents, in a real Chromium.
 *
 * Builds the demo pages, serves them on 127.0.0.1 and opens them in Chromium with the
 * built extension (.output/chrome-mv3). With a display it opens a visible window and
 * stays until you close it (or Ctrl-C); without one (or in CI, or with --headless) it
 * runs headless, saves a screenshot per page to demo-output/screenshots/ and prints a
 * summary of the marks found.
 *
 *   node scripts/run.mjs scripts/demo.ts [--headless | --visible] [--wait=ms]
 */
import { mkdir, rm } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { launchExtension } from '../tests/e2e/harness';
import type { ExtensionHarness } from '../tests/e2e/harness';
import { buildDemoPages } from './demo-pages';

const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
const SCREENSHOTS_DIR = join(ROOT, 'demo-output', 'screenshots');
/** How long to wait for the first mark on a page before calling it unmarked. */
const DEFAULT_WAIT_MS = 4000;
/** Marks have settled when their count holds this long. */
const SETTLE_MS = 400;

export interface PageReport {
  page: string;
  marks: number;
  entities: number;
  /** CSS Custom Highlight ranges named factmark*, if the overlay uses those. */
  highlights: number;
  /** From navigation start to the first [data-factmark-entity] element, in ms. */
  firstMarkMs: number | null;
  screenshot?: string;
}

export function hasDisplay(env: NodeJS.ProcessEnv = process.env): boolean {
  const ci = env.CI !== undefined && env.CI !== '' && env.CI !== 'false' && env.CI !== '0';
  return !ci && Boolean(env.DISPLAY || env.WAYLAND_DISPLAY);
}

function parseArgs(args: string[]): { headless: boolean; waitMs: number } {
  let headless = !hasDisplay();
  let waitMs = DEFAULT_WAIT_MS;
  for (const arg of args) {
    if (arg === '--headless') headless = true;
    else if (arg === '--visible') headless = false;
    else if (arg.startsWith('--wait=')) waitMs = Number(arg.slice('--wait='.length));
    else throw new Error(`unknown argument ${arg} (expected --headless, --visible or --wait=ms)`);
  }
  if (!Number.isFinite(waitMs) || waitMs < 0) throw new Error('--wait needs a number of milliseconds');
  return { headless, waitMs };
}

/**
 * Runs in every page before its scripts: notes when the first mark appears, measured
 * from navigation start. The content script's DOM changes are visible from the main
 * world, though its JavaScript is not.
 */
function watchFirstMark(): void {
  const w = window as unknown as { __factmarkFirstMark?: number };
  const check = () => {
    if (w.__factmarkFirstMark === undefined && document.querySelector('[data-factmark-entity]')) {
      w.__factmarkFirstMark = performance.now();
      observer.disconnect();
    }
  };
  const observer = new MutationObserver(check);
  observer.observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ['data-factmark-entity'] });
}

async function countMarks(page: Page): Promise<Omit<PageReport, 'page' | 'screenshot'>> {
  return page.evaluate(() => {
    const marks = [...document.querySelectorAll<HTMLElement>('[data-factmark-entity]')];
    let highlights = 0;
    // CSS.highlights is per document, so ranges registered by the content script show here too.
    const registry = (globalThis.CSS as unknown as { highlights?: Map<string, Set<unknown>> } | undefined)?.highlights;
    registry?.forEach((ranges, name) => {
      if (name.startsWith('factmark')) highlights += ranges.size;
    });
    const first = (window as unknown as { __factmarkFirstMark?: number }).__factmarkFirstMark;
    return {
      marks: marks.length,
      entities: new Set(marks.map((m) => m.dataset.factmarkEntity)).size,
      highlights,
      firstMarkMs: first === undefined ? null : Math.round(first),
    };
  });
}

/** Waits for the first mark (up to waitMs), then until the count stops changing. */
async function waitForMarks(page: Page, waitMs: number): Promise<void> {
  const marked = () => document.querySelector('[data-factmark-entity]') !== null;
  const appeared = await page.waitForFunction(marked, undefined, { timeout: waitMs }).then(
    () => true,
    () => false,
  );
  if (!appeared) return;
  let last = -1;
  for (let count = await countAll(page); count !== last; count = await countAll(page)) {
    last = count;
    await page.waitForTimeout(SETTLE_MS);
  }
}

const countAll = (page: Page) => page.evaluate(() => document.querySelectorAll('[data-factmark-entity]').length);

async function visit(browser: ExtensionHarness, url: string, name: string, waitMs: number, screenshotDir?: string): Promise<PageReport> {
  const { page } = await browser.newPage();
  await page.goto(url, { waitUntil: 'load' });
  await waitForMarks(page, waitMs);
  const report: PageReport = { page: name, ...(await countMarks(page)) };
  if (screenshotDir) {
    report.screenshot = join(screenshotDir, `${name.replace(/\.html$/, '')}.png`);
    await page.screenshot({ path: report.screenshot, fullPage: true });
    await page.close();
  }
  return report;
}

export function formatSummary(reports: readonly PageReport[]): string {
  const showHighlights = reports.some((r) => r.highlights > 0);
  const header = ['page', 'marks', 'entities', ...(showHighlights ? ['highlights'] : []), 'first mark'];
  const rows = reports.map((r) => [
    r.page,
    String(r.marks),
    String(r.entities),
    ...(showHighlights ? [String(r.highlights)] : []),
    r.firstMarkMs === null ? '—' : `${r.firstMarkMs} ms`,
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

function verdict(reports: readonly PageReport[], waitMs: number): string {
  const marked = reports.filter((r) => r.marks + r.highlights > 0).length;
  if (marked === 0) {
    return `No marks found on any page (waited ${waitMs} ms per page): the extension loaded, but nothing was marked. Is the page overlay wired into the content script, and is the fact pack built?`;
  }
  const total = reports.reduce((sum, r) => sum + r.marks, 0);
  return `${total} marks on ${marked} of ${reports.length} pages.`;
}

/** Ctrl-C at any point: close the browser and remove its profile before exiting. */
function closeOnSignals(browser: ExtensionHarness): void {
  const stop = (code: number) => () => void browser.close().finally(() => process.exit(code));
  process.once('SIGINT', stop(130));
  process.once('SIGTERM', stop(143));
}

const untilClosed = (browser: ExtensionHarness) => new Promise<void>((done) => browser.context.once('close', () => done()));

export async function main(args: string[]): Promise<number> {
  try {
    return await run(args);
  } catch (error) {
    // Missing build, missing Chromium, bad arguments: the message says what to do.
    console.error(`demo: ${(error as Error).message}`);
    return 1;
  }
}

async function run(args: string[]): Promise<number> {
  const { headless, waitMs } = parseArgs(args);
  const { outDir, pages } = await buildDemoPages();
  const browser = await launchExtension({ headless, viewport: headless ? { width: 1280, height: 900 } : null, handleSignals: true });
  closeOnSignals(browser);
  try {
    await browser.context.addInitScript(watchFirstMark);
    const server = await browser.serve(outDir);
    console.log(`Demo pages: ${server.url('/index.html')}`);
    console.log(`Chromium ${headless ? 'headless' : 'window open'}, extension ${browser.extensionId}\n`);

    const screenshotDir = headless ? SCREENSHOTS_DIR : undefined;
    if (screenshotDir) {
      await rm(screenshotDir, { recursive: true, force: true });
      await mkdir(screenshotDir, { recursive: true });
    }
    const targets = [{ name: 'index.html', url: server.url('/index.html') }, ...pages.map((p) => ({ name: p.href, url: server.url(p.href) }))];
    const reports: PageReport[] = [];
    for (const target of targets) reports.push(await visit(browser, target.url, target.name, waitMs, screenshotDir));

    console.log(formatSummary(reports));
    console.log(`\n${verdict(reports, waitMs)}`);
    const leaks = browser.externalRequests();
    console.log(leaks.length === 0 ? 'No request left the machine.' : `Requests that tried to leave the machine (refused): ${leaks.map((r) => r.url).join(', ')}`);

    if (screenshotDir) {
      console.log(`Screenshots: ${relative(process.cwd(), screenshotDir)}/ (${reports.length} files)`);
      return 0;
    }
    // The about:blank tab of the persistent context is not ours to show.
    const blank = browser.context.pages().find((p) => p.url() === 'about:blank');
    await blank?.close();
    console.log('\nThe pages are open in Chromium. Close the window (or press Ctrl-C) to finish.');
    await untilClosed(browser);
    return 0;
  } finally {
    await browser.close();
  }
}
