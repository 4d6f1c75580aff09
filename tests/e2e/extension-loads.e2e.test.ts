import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FactPack } from '../../lib/pack/types';
import { launchExtension, PROJECT_ROOT } from './harness';
import type { ExtensionHarness } from './harness';

describe('the built extension in headless Chromium', () => {
  let browser: ExtensionHarness;

  beforeAll(async () => {
    browser = await launchExtension();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('starts its service worker', () => {
    expect(browser.extensionId).toMatch(/^[a-p]{32}$/);
    expect(browser.serviceWorker.url()).toBe(browser.extensionUrl('background.js'));
  });

  it.each(['popup.html', 'sidepanel.html', 'options.html'])('opens %s without console errors', async (path) => {
    const { page, errors } = await browser.open(path);
    // Errors from module scripts and first renders arrive after `load`.
    await page.waitForLoadState('networkidle');
    expect(await page.title()).not.toBe('');
    expect(errors.messages).toEqual([]);
    await page.close();
  });

  it('runs on a local page without errors', async () => {
    const server = await browser.serve({ '/': '<!doctype html><title>Plain</title><p>Nothing to see here.</p>' });
    const { page, errors } = await browser.open(server.url('/'));
    await page.waitForLoadState('networkidle');
    expect(errors.messages).toEqual([]);
    await page.close();
  });

  it('holds the whole bundled pack in IndexedDB and reports its version and counts', async () => {
    const pack = JSON.parse(readFileSync(join(PROJECT_ROOT, 'lib/pack/generated/pack.json'), 'utf8')) as FactPack;
    const { page } = await browser.open('options.html');
    await expect
      .poll(async () => (await page.evaluate(() => chrome.runtime.sendMessage({ type: 'getStatus' }))) as { data?: { store?: { state?: string } } }, { timeout: 10_000 })
      .toMatchObject({ ok: true, data: { store: { state: 'ready' } } });
    const reply = await page.evaluate(() => chrome.runtime.sendMessage({ type: 'getStatus' }));
    expect(reply).toMatchObject({
      ok: true,
      data: {
        packs: [
          {
            id: pack.id,
            version: pack.version,
            hash: pack.hash,
            kind: 'bundled',
            counts: { entities: pack.entities.length, roles: pack.roles.length, facts: pack.facts.length, deals: pack.deals.length, sources: pack.sources.length },
          },
        ],
      },
    });
    await page.close();
  });

  // Last, so it covers everything above.
  it('made no request that left the machine', () => {
    expect(browser.externalRequests()).toEqual([]);
  });
});
