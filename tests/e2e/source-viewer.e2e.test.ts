// The source page (source.html) in headless Chromium with the built extension: the whole
// document, the cited quote highlighted and scrolled into view, everything the pack draws
// from the document, each item highlighting its own quote; accessible in both themes.
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { SourceView } from '../../lib/store/views';
import { DEFAULT_EXTENSION_DIR, launchExtension, PROJECT_ROOT, screenshotPath, type ExtensionHarness, type PageErrors } from './harness';
import { privileged, runAxe, waitFor } from './card-page';

const AXE = join(PROJECT_ROOT, 'node_modules/axe-core/axe.min.js');
// FACTMARK_EXTENSION_DIR: a build of one's own (`npx wxt build --mode card` → .output/chrome-mv3-card).
const EXTENSION_DIR = process.env.FACTMARK_EXTENSION_DIR ?? DEFAULT_EXTENSION_DIR;
const ENVOY = 'src-000-inp-2025-01-20';
const fold = (s: string) => s.replace(/\s+/g, ' ').trim();

describe('the source page', () => {
  let browser: ExtensionHarness;
  let view: SourceView;
  let page: Page;
  let errors: PageErrors;

  beforeAll(async () => {
    browser = await launchExtension({ extensionDir: EXTENSION_DIR });
    view = ((await privileged(browser, { type: 'getSource', id: ENVOY })) as { data: SourceView }).data;
  });
  afterAll(async () => {
    await browser?.close();
  });
  afterEach(async () => {
    await page?.close();
    expect(errors?.messages ?? []).toEqual([]);
  });

  const open = async (params: Record<string, string>) => {
    ({ page, errors } = await browser.open(`source.html?${new URLSearchParams(params).toString()}`));
    await page.locator('h1, .notice').first().waitFor();
    await waitFor(() => page.evaluate(() => document.querySelector('.notice')?.textContent !== 'Loading…'), 5000, 'the source to load');
    return page;
  };
  const marked = (p: Page) => p.locator('.document mark').allTextContents().then((t) => fold(t.join(' ')));
  const inView = (p: Page) =>
    p.locator('.document mark').first().evaluate((m) => {
      const r = m.getBoundingClientRect();
      return r.top >= 0 && r.bottom <= innerHeight;
    });

  it('shows the whole document with the quote highlighted and scrolled into view', async () => {
    // The last fact of the document, far down the page; its whitespace changed on purpose.
    const fact = view.facts.at(-1)!;
    await open({ src: ENVOY, pack: view.source.packId, q: fact.quote.replace(/ /g, '  \n ') });
    expect(await page.locator('h1').textContent()).toBe(view.source.title);
    // Every non-empty line of the text, in order, unchanged.
    expect(await page.locator('.document > p').allTextContents()).toEqual(view.source.text.split(/\r\n|\r|\n/).filter((l) => l.trim() !== ''));
    expect(await marked(page)).toBe(fold(fact.quote));
    await waitFor(() => inView(page), 3000, 'the quote to scroll into view');
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('MARK');
    expect(await page.locator('.quote-status').textContent()).toMatch(/highlighted passage/);
    expect(await page.title()).toContain(view.source.title);
  });

  it('lists what the pack draws from the document; each item highlights its own quote, and Back returns', async () => {
    await open({ src: ENVOY });
    const groups = await page.locator('.drawn h3').allTextContents();
    expect(groups).toEqual(expect.arrayContaining(['People and organisations', 'Roles', 'Facts']));
    expect(await page.locator('.drawn li').count()).toBe(view.entities.length + view.roles.length + view.facts.length + view.deals.reduce((n, d) => n + [d, ...(d.citations ?? [])].filter((c) => c.sourceId === ENVOY).length, 0));
    const role = view.roles[0]!;
    await page.locator('.drawn li', { hasText: role.title }).first().getByRole('link').click();
    await waitFor(async () => (await marked(page)) === fold(role.quote));
    expect(new URL(page.url()).searchParams.get('q')).toBe(role.quote);
    const fact = view.facts.at(-1)!;
    await page.locator('.drawn li', { hasText: fact.text }).first().getByRole('link').click();
    await waitFor(async () => (await marked(page)) === fold(fact.quote));
    await waitFor(() => inView(page), 3000, 'the quote to scroll into view');
    await page.goBack();
    await waitFor(async () => (await marked(page)) === fold(role.quote));
  });

  it('says so when the quote is not in the document', async () => {
    await open({ src: ENVOY, q: 'a sentence this document never had' });
    expect(await page.locator('.document mark').count()).toBe(0);
    expect(await page.locator('.quote-status.missing').textContent()).toContain('a sentence this document never had');
  });

  it('tells an unknown source apart', async () => {
    await open({ src: 'no-such-source' });
    expect(await page.locator('.notice').textContent()).toMatch(/not in any enabled fact pack/);
  });

  it('is accessible: axe-core finds no violations, light and dark', async () => {
    await open({ src: ENVOY, q: view.roles[0]!.quote });
    await page.locator('.document mark').first().waitFor();
    expect(await runAxe(page, AXE)).toEqual([]);
    await page.screenshot({ path: screenshotPath('source-viewer.png') });
    await page.emulateMedia({ colorScheme: 'dark' });
    expect(await page.locator('.page').evaluate((p) => getComputedStyle(p).backgroundColor)).toBe('rgb(22, 24, 29)');
    expect(await runAxe(page, AXE)).toEqual([]);
  });

  it('made no request that left the machine', () => {
    expect(browser.externalRequests()).toEqual([]);
  });
});
