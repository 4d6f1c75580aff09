import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDemoPages } from '../../scripts/demo-pages';
import type { DemoPage } from '../../scripts/demo-pages';
import { launchExtension } from './harness';
import type { ExtensionHarness, LocalServer } from './harness';

// The demo pages promise the document text unchanged: check it as Chromium sees it.
describe('demo pages', () => {
  let browser: ExtensionHarness;
  let server: LocalServer;
  let outDir: string;
  let pages: DemoPage[];

  beforeAll(async () => {
    outDir = await mkdtemp(join(tmpdir(), 'factmark-demo-pages-'));
    ({ pages } = await buildDemoPages({ outDir }));
    browser = await launchExtension();
    server = await browser.serve(outDir);
  });
  afterAll(async () => {
    await browser?.close();
    await rm(outDir, { recursive: true, force: true });
  });

  it('builds one page per seed document', () => {
    expect(pages.length).toBeGreaterThanOrEqual(5);
  });

  it('links every page from the index', async () => {
    const { page, errors } = await browser.open(server.url('/index.html'));
    const links = await page.locator('main a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(links).toEqual(pages.map((p) => p.href));
    expect(errors.messages).toEqual([]);
    await page.close();
  });

  it('shows each document line by line, unchanged', async () => {
    for (const demo of pages) {
      const { page, errors } = await browser.open(server.url(demo.href));
      const shown = await page.locator('.document > *').evaluateAll((els) => els.map((el) => el.textContent));
      expect(shown, demo.href).toEqual(demo.paragraphs);
      expect(await page.locator('h1').count(), demo.href).toBe(1);
      expect(errors.messages, demo.href).toEqual([]);
      await page.close();
    }
  });
});
