/**
 * No network requests, from any part of the extension: every request made while Factmark
 * works (demo pages marked, a card opened, popup, side panel, options and source pages
 * open, a pack imported, settings changed) is recorded by the harness, and none may leave
 * 127.0.0.1. Chromium's own start-up calls to Google are reported apart by the harness
 * (tests/e2e/harness.ts CHROMIUM_OWN_HOSTS); they happen with no extension loaded too.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { packHash } from '../../lib/pack/validate';
import { buildDemoPages, type DemoPage } from '../../scripts/demo-pages';
import { DEFAULT_EXTENSION_DIR, launchExtension, PROJECT_ROOT, type ExtensionHarness, type LocalServer } from './harness';


// FACTMARK_EXTENSION_DIR: a build of its own (e.g. `npx wxt build --mode mine` → .output/chrome-mv3-mine),
// so a build running beside these tests cannot change the extension under them.
const EXTENSION_DIR = process.env.FACTMARK_EXTENSION_DIR ?? DEFAULT_EXTENSION_DIR;
const MARK = 'mark.factmark';

interface Manifest {
  permissions?: string[];
  host_permissions?: string[];
  optional_permissions?: string[];
  optional_host_permissions?: string[];
  content_security_policy?: unknown;
  externally_connectable?: unknown;
}

describe('privacy', () => {
  let browser: ExtensionHarness;
  let server: LocalServer;
  let dir: string;
  let demo: DemoPage[];

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'factmark-privacy-'));
    ({ pages: demo } = await buildDemoPages({ outDir: join(dir, 'pages') }));
    browser = await launchExtension({ extensionDir: EXTENSION_DIR });
    server = await browser.serve(join(dir, 'pages'));
  });
  afterAll(async () => {
    await browser?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('asks for the permissions the README explains, and no more', async () => {
    const manifest = JSON.parse(await readFile(join(EXTENSION_DIR, 'manifest.json'), 'utf8')) as Manifest;
    expect([...(manifest.permissions ?? [])].sort()).toEqual(['activeTab', 'scripting', 'sidePanel', 'storage', 'unlimitedStorage']);
    expect(manifest.host_permissions).toEqual(['<all_urls>']);
    expect(manifest.optional_permissions ?? []).toEqual([]);
    // Nothing that loosens the default CSP (no remote code) or lets web pages message us.
    expect(manifest.content_security_policy).toBeUndefined();
    expect(manifest.externally_connectable).toBeUndefined();
    const readme = await readFile(join(PROJECT_ROOT, 'README.md'), 'utf8');
    for (const permission of [...(manifest.permissions ?? []), ...(manifest.host_permissions ?? [])]) expect(readme, permission).toContain(`**${permission}**`);
  });

  it('makes no request of its own while it works', async () => {
    // Every demo page, marked.
    for (const page of demo) {
      const { page: tab, errors } = await browser.open(server.url(`/${page.href}`));
      await tab.waitForSelector(MARK, { timeout: 10_000 });
      expect(errors.messages, page.href).toEqual([]);
      await tab.close();
    }
    // A card opened from the keyboard on one of them, then its source page.
    const { page: article } = await browser.open(server.url(`/${demo[0]!.href}`));
    await article.waitForSelector(MARK, { timeout: 10_000 });
    await article.focus(MARK);
    await article.keyboard.press('Enter');
    await article.waitForTimeout(500);

    // Every extension page.
    for (const path of ['popup.html', 'sidepanel.html', 'options.html', `source.html?src=${encodeURIComponent(demo[0]!.id)}`]) {
      const { page } = await browser.open(path);
      await page.waitForTimeout(300);
      if (!path.startsWith('options')) await page.close();
    }

    // A pack imported and a setting changed from the options page.
    const options = browser.context.pages().find((p) => p.url().endsWith('/options.html'))!;
    await options.locator('.pack').first().waitFor();
    const text = 'Zorblax Industries said output would double by 2027.';
    const content = {
      format: 'factmark-pack',
      formatVersion: 1,
      id: 'privacy-pack',
      name: 'Privacy test pack',
      version: '1.0.0',
      sources: [{ id: 'src-z', title: 'Z', language: 'en', text }],
      entities: [{ id: 'zorblax', type: 'organisation', name: 'Zorblax Industries', description: 'Test data.', aliases: [{ text: 'Zorblax Industries', kind: 'name' }], sources: ['src-z'] }],
      roles: [],
      facts: [],
      deals: [],
    };
    const file = join(dir, 'privacy-pack.json');
    await writeFile(file, JSON.stringify({ ...content, hash: await packHash(content) }));
    await options.setInputFiles('#pack-file', file);
    await options.locator('#packs .result[data-result="ok"]').waitFor();
    await options.click('input[name="mark-style"][value="bold"]');
    await article.waitForTimeout(500);

    expect(browser.externalRequests()).toEqual([]);
  });

  it('acts on the tab in front when asked (runOnTab: the toolbar action and shortcut)', async () => {
    const { page: article } = await browser.open(server.url(`/${demo[1]!.href}`));
    await article.waitForSelector(MARK, { timeout: 10_000 });
    const marked = await article.locator(MARK).count();
    const { page } = await browser.open('popup.html');
    const tabId = await browser.serviceWorker.evaluate(async (url) => (await chrome.tabs.query({ url }))[0]?.id, article.url());
    const run = () => page.evaluate((id) => (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }).chrome.runtime.sendMessage({ type: 'runOnTab', tabId: id }), tabId);
    // The content script runs there already: it is toggled, not injected a second time.
    expect(await run()).toEqual({ ok: true, data: { injected: false, active: false } });
    await article.waitForFunction((sel) => document.querySelectorAll(sel).length === 0, MARK);
    expect(await run()).toEqual({ ok: true, data: { injected: false, active: true } });
    await article.waitForFunction(([sel, n]) => document.querySelectorAll(sel as string).length === n, [MARK, marked] as const);
    expect(browser.externalRequests()).toEqual([]);
  });
});
