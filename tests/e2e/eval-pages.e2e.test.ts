/**
 * The labelled real articles of ../shared/eval/dev/pages in Chromium with the built
 * extension: what the overlay marks in the visible article equals the expected marks in
 * each page's `<script id="gold">` (surfaces in document order, headline first), and the
 * names planted in its form, textarea, script string and contenteditable notes stay
 * unmarked. Prints precision and recall over all pages. Skips, saying so, when the
 * folder is absent (it is test data, never part of the project).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchExtension, PROJECT_ROOT, type ExtensionHarness, type LocalServer, type Routes } from './harness';

const PAGES = join(PROJECT_ROOT, '..', 'shared', 'eval', 'dev', 'pages');
const present = existsSync(PAGES);

describe.skipIf(!present)('labelled article pages', () => {
  let browser: ExtensionHarness;
  let server: LocalServer;
  const names = present ? readdirSync(PAGES).filter((f) => f.endsWith('.html')).sort() : [];

  beforeAll(async () => {
    browser = await launchExtension();
    const routes: Routes = {};
    for (const n of names) routes[`/${n}`] = readFileSync(join(PAGES, n), 'utf8');
    server = await browser.serve(routes);
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('marks what the labels expect, and nothing in forms, scripts or editors', { timeout: 600_000 }, async () => {
    const { page } = await browser.newPage();
    let tp = 0;
    let fp = 0;
    let fn = 0;
    const differences: string[] = [];
    for (const n of names) {
      await page.goto(server.url(`/${n}`));
      await page.waitForFunction(() => performance.getEntriesByName('factmark:scan-end').length > 0, undefined, { timeout: 10_000 });
      const { gold, marked, outside } = await page.evaluate(() => {
        const gold = (JSON.parse(document.getElementById('gold')!.textContent!) as Array<{ surface: string }>).map((g) => g.surface);
        const marked: string[] = [];
        let last = '';
        for (const el of document.querySelectorAll('article mark[data-factmark-entity]')) {
          const id = el.getAttribute('data-factmark-mention')!;
          if (id === last) marked[marked.length - 1] += el.textContent;
          else marked.push(el.textContent ?? '');
          last = id;
        }
        const outside = [...document.querySelectorAll('mark[data-factmark-entity]')].filter((m) => m.closest('form, textarea, input, script, [contenteditable]')).length;
        return { gold, marked, outside };
      });
      expect(outside, n).toBe(0);
      const remaining = [...marked];
      for (const g of gold) {
        const i = remaining.indexOf(g);
        if (i >= 0) {
          tp++;
          remaining.splice(i, 1);
        } else {
          fn++;
          differences.push(`${n}: missed ${JSON.stringify(g)}`);
        }
      }
      fp += remaining.length;
      for (const r of remaining) differences.push(`${n}: extra ${JSON.stringify(r)}`);
    }
    await page.close();
    console.log(`\n${names.length} labelled pages in Chromium: tp ${tp}, fp ${fp}, fn ${fn}; precision ${(tp / Math.max(1, tp + fp)).toFixed(3)}, recall ${(tp / Math.max(1, tp + fn)).toFixed(3)}`);
    for (const d of differences.slice(0, 20)) console.log(`  ${d}`);
    // Precision first: the overlay must not mark what the labels say is something else.
    expect(tp / Math.max(1, tp + fp)).toBeGreaterThanOrEqual(0.95);
    expect(tp / Math.max(1, tp + fn)).toBeGreaterThanOrEqual(0.9);
  });
});

if (!present) console.log(`labelled-page e2e skipped: ${PAGES} is absent`);
