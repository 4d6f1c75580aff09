/**
 * The side panel in real Chromium with the built extension. sidepanel.html opens as a tab
 * pinned to the news tab with `?tab=<id>` (a panel opened as a tab would otherwise follow
 * itself), or with `?window=<id>` following another window's active tab. The test pages
 * are the demo pages built from the seeds, served on 127.0.0.1.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildDemoPages, type DemoPage } from '../../scripts/demo-pages';
import type { FactPack } from '../../lib/pack/types';
import { bundledPackId, privileged } from './card-page';
import { launchExtension, PROJECT_ROOT, screenshotPath, type ExtensionHarness, type LocalServer } from './harness';

// The extension APIs as the pages see them (only what these tests call).
declare const chrome: {
  tabs: {
    query(q: object): Promise<Array<{ id?: number; windowId: number; url?: string }>>;
    update(id: number, change: object): Promise<unknown>;
    create(o: object): Promise<{ id?: number }>;
  };
  windows: { create(o: object): Promise<{ id?: number; tabs?: Array<{ id?: number }> }>; getCurrent(): Promise<{ id?: number }> };
  runtime: { sendMessage(m: object): Promise<{ ok: boolean; data?: unknown }> };
};

const pack = JSON.parse(await readFile(join(PROJECT_ROOT, 'lib/pack/generated/pack.json'), 'utf8')) as FactPack;
const AXE = join(PROJECT_ROOT, 'node_modules/axe-core/axe.min.js');
const MARK = 'mark[data-factmark-entity]';

/** Independently of lib/deals: the deals a page's entities (or their organisations) take part in. */
function expectedDealTitles(entityIds: readonly string[]): string[] {
  const orgs = new Set<string>();
  for (const id of entityIds) {
    for (const role of pack.roles) if (role.personId === id && role.orgId) orgs.add(role.orgId);
    for (const org of pack.entities.find((e) => e.id === id)?.memberOf ?? []) orgs.add(org);
  }
  const reach = new Set([...entityIds, ...orgs]);
  return pack.deals.filter((d) => [...d.parties, ...(d.involved ?? [])].some((id) => reach.has(id))).map((d) => d.title).sort();
}

const nameOf = (id: string) => pack.entities.find((e) => e.id === id)?.name ?? id;

describe('the side panel', () => {
  let browser: ExtensionHarness;
  let server: LocalServer;
  let outDir: string;
  let demos: DemoPage[];

  beforeAll(async () => {
    outDir = await mkdtemp(join(tmpdir(), 'factmark-sidepanel-'));
    ({ pages: demos } = await buildDemoPages({ outDir }));
    browser = await launchExtension();
    server = await browser.serve(outDir);
  });
  afterAll(async () => {
    await browser?.close();
    await rm(outDir, { recursive: true, force: true });
  });

  async function tabIdOf(page: Page): Promise<number> {
    const url = page.url();
    return browser.serviceWorker.evaluate(async (u) => (await chrome.tabs.query({ url: u }))[0]!.id!, url);
  }

  async function openNews(pathOrUrl: string): Promise<{ page: Page; tabId: number; entityIds: string[] }> {
    const { page } = await browser.open(pathOrUrl.startsWith('http') ? pathOrUrl : server.url(pathOrUrl));
    await page.waitForSelector(MARK, { timeout: 10_000 });
    const tabId = await tabIdOf(page);
    const entityIds = await page.evaluate((sel) => [...new Set([...document.querySelectorAll(sel)].map((m) => m.getAttribute('data-factmark-entity')!))], MARK);
    return { page, tabId, entityIds };
  }

  async function openPanel(query: string): Promise<{ page: Page; errors: { messages: string[] } }> {
    const opened = await browser.newPage();
    await opened.page.setViewportSize({ width: 400, height: 1000 });
    await opened.page.goto(browser.extensionUrl(`sidepanel.html${query}`), { waitUntil: 'load' });
    return opened;
  }

  const titlesIn = (panel: Page) => panel.locator('#view-panel-related .deal-title').allTextContents();

  /** Page entities taking part in a deal, directly or through their organisation (independent of lib/deals). */
  function pageEntitiesIn(title: string, entityIds: readonly string[]): number {
    const deal = pack.deals.find((d) => d.title === title)!;
    const taking = new Set([...deal.parties, ...(deal.involved ?? [])]);
    return entityIds.filter((id) => {
      if (taking.has(id)) return true;
      const orgs = [...pack.roles.filter((r) => r.personId === id).map((r) => r.orgId), ...(pack.entities.find((e) => e.id === id)?.memberOf ?? [])];
      return orgs.some((org) => org !== undefined && taking.has(org));
    }).length;
  }

  async function axeViolations(page: Page): Promise<unknown[]> {
    // addScriptTag would be an inline script, which the extension pages' CSP refuses;
    // an evaluation through the DevTools protocol is not subject to it.
    if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(await readFile(AXE, 'utf8'));
    return page.evaluate(async () => {
      const axe = (window as unknown as { axe: { run(ctx: Document): Promise<{ violations: Array<{ id: string; nodes: Array<{ target: unknown }> }> }> } }).axe;
      const result = await axe.run(document);
      return result.violations.map((v) => ({ id: v.id, targets: v.nodes.map((n) => n.target) }));
    });
  }

  async function updateSettings(patch: object): Promise<void> {
    const { page } = await browser.open('options.html');
    const reply = await page.evaluate((p) => chrome.runtime.sendMessage({ type: 'updateSettings', patch: p }), patch);
    expect(reply).toMatchObject({ ok: true });
    await page.close();
  }

  it('lists the deals behind the page it is pinned to, ranked, with parties, figures and sources', async () => {
    const demo = demos.find((d) => d.id === 'src-000-inp-2025-01-20')!;
    const news = await openNews(demo.href);
    const { page: panel, errors } = await openPanel(`?tab=${news.tabId}`);
    const expected = expectedDealTitles(news.entityIds);
    expect(expected.length).toBeGreaterThan(1);
    await expect.poll(async () => (await titlesIn(panel)).sort(), { timeout: 10_000 }).toEqual(expected);

    // Ranked by how many of the page's entities take part.
    const counts = (await titlesIn(panel)).map((title) => pageEntitiesIn(title, news.entityIds));
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
    await expect.poll(() => panel.locator('#view-panel-related .summary-line').textContent()).toBe(`Names on this page: ${news.entityIds.length} · related deals: ${expected.length}`);

    // Names on the page are emphasised, and only those (or people through their organisation).
    const first = panel.locator('#view-panel-related article.deal').first();
    const emphasised = await first.locator('.on-page').allTextContents();
    const pageNames = news.entityIds.map(nameOf);
    expect(emphasised.length).toBeGreaterThan(0);
    for (const name of emphasised) expect(pageNames).toContain(name);

    await panel.screenshot({ path: screenshotPath('sidepanel.png') });

    // Kind, status, a date that never invents a year, figures and quotes.
    const b2b = panel.locator('article.deal', { hasText: 'B2B Matchmaking Meeting' }).first();
    await expect.poll(() => b2b.locator('.deal-meta').textContent()).toContain('Matchmaking event');
    expect(await b2b.locator('.deal-meta').textContent()).toContain('held');
    expect(await b2b.locator('.deal-meta').textContent()).toContain('date not stated (reported January 20, 2025 by INP)');
    expect(await b2b.locator('.figures').textContent()).toContain('over US$600 million');
    await b2b.locator('details.deal-sources summary').click();
    const quote = pack.deals.find((d) => d.id === 'deal-b2b-matchmaking-meeting')!.quote;
    expect(await b2b.locator('details.deal-sources blockquote').first().textContent()).toBe(quote);

    // "Open source" opens the source page with the quote.
    const opened = browser.context.waitForEvent('page');
    await b2b.locator('details.deal-sources button', { hasText: 'Open source' }).first().click();
    const source = await opened;
    await source.waitForLoadState('load');
    expect(new URL(source.url()).pathname).toBe('/source.html');
    expect(new URL(source.url()).searchParams.get('src')).toBe('src-000-inp-2025-01-20');
    expect(new URL(source.url()).searchParams.get('q')).toBe(quote);
    await source.close();

    expect(await axeViolations(panel)).toEqual([]);
    expect(errors.messages).toEqual([]);
    await panel.close();
    await news.page.close();
  });

  it('takes the reader to a party on the page: click or Enter scrolls to its first mark', async () => {
    const demo = demos.find((d) => d.id === 'src-000-inp-2025-01-20')!;
    const news = await openNews(demo.href);
    const { page: panel, errors } = await openPanel(`?tab=${news.tabId}`);
    // A small window, scrolled to the end: revealing a name has to scroll back to it.
    await news.page.setViewportSize({ width: 800, height: 300 });
    const inView = (entityId: string) =>
      news.page.evaluate((id) => {
        const mark = document.querySelector(`mark[data-factmark-entity="${id}"]`)!;
        const rect = mark.getBoundingClientRect();
        return rect.top >= 0 && rect.bottom <= window.innerHeight;
      }, entityId);
    const toEnd = () => news.page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));

    const zhou = panel.locator('#view-panel-related button.entity-link', { hasText: 'Zhou Hui' }).first();
    await zhou.waitFor({ timeout: 10_000 });
    await toEnd();
    expect(await inView('person-zhou-hui')).toBe(false);
    await zhou.click();
    await expect.poll(() => panel.locator('.notice').textContent()).toBe('Zhou Hui is shown on the page, with its card open.');
    await expect.poll(() => inView('person-zhou-hui')).toBe(true);

    // Keyboard: Enter on another name.
    const hashmi = panel.locator('#view-panel-related button.entity-link', { hasText: 'Khalil Hashmi' }).first();
    await toEnd();
    expect(await inView('person-khalil-hashmi')).toBe(false);
    await hashmi.focus();
    await panel.keyboard.press('Enter');
    await expect.poll(() => panel.locator('.notice').textContent()).toBe('Khalil Hashmi is shown on the page, with its card open.');
    await expect.poll(() => inView('person-khalil-hashmi')).toBe(true);
    expect(errors.messages).toEqual([]);
    await panel.close();
    await news.page.close();
  });

  it('updates when the page adds an entity, and when the tab navigates', async () => {
    const live = await browser.serve({
      '/live.html': '<!doctype html><html lang="en"><head><title>Live</title></head><body><main id="feed"><p>Ambassador Khalil Hashmi spoke in Beijing on Monday.</p></main></body></html>',
    });
    const news = await openNews(live.url('/live.html'));
    expect(news.entityIds).toEqual(['person-khalil-hashmi']);
    const { page: panel, errors } = await openPanel(`?tab=${news.tabId}`);
    await expect.poll(async () => (await titlesIn(panel)).sort(), { timeout: 10_000 }).toEqual(expectedDealTitles(news.entityIds));
    expect(await titlesIn(panel)).not.toContain('Cancer Precision Medical Laboratory');

    const started = Date.now();
    await news.page.evaluate(() => {
      const p = document.createElement('p');
      p.textContent = 'Beijing Anlong Gene Medicine Technology Co., Ltd. will open a laboratory with a Pakistani partner.';
      document.getElementById('feed')!.append(p);
    });
    await expect.poll(() => titlesIn(panel), { timeout: 5000, interval: 50 }).toContain('Cancer Precision Medical Laboratory');
    const latency = Date.now() - started;
    console.log(`[sidepanel] page change → panel updated in ${latency} ms`);
    const entityIds = [...news.entityIds, 'org-anlong-gene'];
    expect((await titlesIn(panel)).sort()).toEqual(expectedDealTitles(entityIds));

    // Navigating the tab: the panel follows it to the new document.
    const sialkot = demos.find((d) => d.id === 'src-003-sialkot-innovation-summit')!;
    await news.page.goto(server.url(sialkot.href), { waitUntil: 'load' });
    await news.page.waitForSelector(MARK, { timeout: 10_000 });
    const sialkotIds = await news.page.evaluate((sel) => [...new Set([...document.querySelectorAll(sel)].map((m) => m.getAttribute('data-factmark-entity')!))], MARK);
    await expect.poll(async () => (await titlesIn(panel)).sort(), { timeout: 10_000 }).toEqual(expectedDealTitles(sialkotIds));
    expect(errors.messages).toEqual([]);
    await panel.close();
    await news.page.close();
  });

  it('follows the active tab of the window it watches', async () => {
    const first = await openNews(demos.find((d) => d.id === 'src-000-inp-2025-01-20')!.href);
    const second = await openNews(demos.find((d) => d.id === 'src-003-sialkot-innovation-summit')!.href);
    const windowId = await browser.serviceWorker.evaluate(async (id) => (await chrome.tabs.query({})).find((t) => t.id === id)!.windowId, first.tabId);
    // The panel in a window of its own, watching the news window (as a side panel watches its own).
    const panelOpened = browser.context.waitForEvent('page');
    await browser.serviceWorker.evaluate(async (url) => void (await chrome.windows.create({ url, width: 420, height: 900 })), browser.extensionUrl(`sidepanel.html?window=${windowId}`));
    const panel = await panelOpened;
    await panel.waitForLoadState('load');

    await browser.serviceWorker.evaluate(async (id) => void (await chrome.tabs.update(id, { active: true })), first.tabId);
    await expect.poll(async () => (await titlesIn(panel)).sort(), { timeout: 10_000 }).toEqual(expectedDealTitles(first.entityIds));
    await browser.serviceWorker.evaluate(async (id) => void (await chrome.tabs.update(id, { active: true })), second.tabId);
    await expect.poll(async () => (await titlesIn(panel)).sort(), { timeout: 10_000 }).toEqual(expectedDealTitles(second.entityIds));
    // A new tab Factmark cannot read, opened in that window, becomes active.
    const blankOpened = browser.context.waitForEvent('page');
    await browser.serviceWorker.evaluate(async (wid) => void (await chrome.tabs.create({ url: 'about:blank', windowId: wid, active: true })), windowId);
    const blank = await blankOpened;
    await expect.poll(() => panel.locator('#view-panel-related .empty-title').textContent(), { timeout: 10_000 }).toBe('Factmark cannot read this page');
    await blank.close();
    await panel.close();
    await first.page.close();
    await second.page.close();
  });

  it('says why there is nothing: no names, a site switched off, a page it cannot read', async () => {
    const plain = await browser.serve({ '/plain.html': '<!doctype html><html lang="en"><head><title>Plain</title></head><body><p>The weather was fine all week.</p></body></html>' });
    const { page } = await browser.open(plain.url('/plain.html'));
    const tabId = await tabIdOf(page);
    const { page: panel, errors } = await openPanel(`?tab=${tabId}`);
    const empty = panel.locator('#view-panel-related .empty');
    await expect.poll(() => empty.locator('.empty-title').textContent(), { timeout: 10_000 }).toBe('No known names on this page');
    expect(await axeViolations(panel)).toEqual([]);

    await updateSettings({ sites: { '127.0.0.1': 'off' } });
    await expect.poll(() => empty.locator('.empty-title').textContent(), { timeout: 10_000 }).toBe('Factmark is off for this site');
    await updateSettings({ sites: {} });
    await expect.poll(() => empty.locator('.empty-title').textContent(), { timeout: 10_000 }).toBe('No known names on this page');

    // The empty state offers the all-deals view.
    await empty.getByRole('button', { name: 'Browse all deals' }).click();
    await expect.poll(() => panel.locator('#view-tab-all').getAttribute('aria-selected')).toBe('true');
    await expect.poll(() => panel.evaluate(() => document.activeElement?.id)).toBe('view-tab-all');

    // A tab the extension may not read (no host permission covers about:blank: no URL either).
    const blankOpened = browser.context.waitForEvent('page');
    const blankId = await browser.serviceWorker.evaluate(async () => (await chrome.tabs.create({ url: 'about:blank' })).id!);
    const blank = await blankOpened;
    const { page: panel2 } = await openPanel(`?tab=${blankId}`);
    await expect.poll(() => panel2.locator('#view-panel-related .empty-title').textContent(), { timeout: 10_000 }).toBe('Factmark cannot read this page');
    expect(errors.messages).toEqual([]);
    await Promise.all([panel.close(), panel2.close(), page.close(), blank.close()]);
  });

  it('lists every deal as a timeline, filterable, operable by keyboard', async () => {
    const { page: panel, errors } = await openPanel('');
    const relatedTab = panel.locator('#view-tab-related');
    await relatedTab.focus();
    await panel.keyboard.press('ArrowRight');
    expect(await panel.evaluate(() => document.activeElement?.id)).toBe('view-tab-all');
    const all = panel.locator('#view-panel-all');
    await expect.poll(() => all.isVisible()).toBe(true);
    expect(await panel.locator('#view-panel-related').isVisible()).toBe(false);
    await expect.poll(() => all.locator('.deal-title').count(), { timeout: 10_000 }).toBe(pack.deals.length);
    expect(await all.locator('.summary-line').textContent()).toContain(`Deals: ${pack.deals.length}`);
    // Grouped by year and month as far as known; undated ones apart.
    const headings = await all.locator('.year-title, .month-title').allTextContents();
    expect(headings).toEqual(['2025', 'January', 'Year not stated', 'September', 'Date not stated']);
    const undated = await all.locator('.year--undated .deal-title').allTextContents();
    expect(undated.length).toBeGreaterThan(0);
    await panel.screenshot({ path: screenshotPath('sidepanel-all-deals.png') });

    // Filters: native selects with labels.
    await panel.getByLabel('Kind').selectOption({ label: 'Event' });
    const events = pack.deals.filter((d) => d.kind === 'event').map((d) => d.title).sort();
    await expect.poll(async () => (await all.locator('.deal-title').allTextContents()).sort()).toEqual(events);
    await panel.getByLabel('Kind').selectOption('');
    await panel.getByLabel('Party').selectOption({ label: 'Khalil Hashmi' });
    const hashmi = pack.deals.filter((d) => [...d.parties, ...(d.involved ?? [])].includes('person-khalil-hashmi')).map((d) => d.title).sort();
    await expect.poll(async () => (await all.locator('.deal-title').allTextContents()).sort()).toEqual(hashmi);
    await panel.getByLabel('Party').selectOption('');
    await panel.getByLabel('Country').selectOption({ label: 'China' });
    const chinese = pack.deals
      .filter((d) => [...d.parties, ...(d.involved ?? []), ...(d.place ? [d.place] : [])].some((id) => pack.entities.find((e) => e.id === id)?.country === 'CN'))
      .map((d) => d.title)
      .sort();
    await expect.poll(async () => (await all.locator('.deal-title').allTextContents()).sort()).toEqual(chinese);
    await panel.getByLabel('Status').selectOption({ label: 'signed' });
    const signedChinese = pack.deals.filter((d) => d.status === 'signed' && chinese.includes(d.title)).map((d) => d.title).sort();
    await expect.poll(async () => (await all.locator('.deal-title').allTextContents()).sort()).toEqual(signedChinese);
    expect(await all.locator('.summary-line').textContent()).toContain(`Showing ${signedChinese.length} of ${pack.deals.length} deals`);
    await all.getByRole('button', { name: 'Clear the filter' }).click();
    await panel.getByLabel('Words in the title, summary or names').fill('sialkot');
    await expect.poll(() => all.locator('.deal-title').count()).toBeGreaterThan(0);
    expect(await all.locator('.deal-title').count()).toBeLessThan(pack.deals.length);

    expect(await axeViolations(panel)).toEqual([]);
    expect(errors.messages).toEqual([]);
    await panel.close();
  });

  it('fetches its deals again when the packs change while it is open', async () => {
    const { page: panel } = await openPanel('');
    await panel.locator('#view-tab-all').click();
    const all = panel.locator('#view-panel-all');
    await expect.poll(() => all.locator('.deal-title').count(), { timeout: 10_000 }).toBe(pack.deals.length);
    const bundled = await bundledPackId(browser);
    await privileged(browser, { type: 'setPackEnabled', packId: bundled, enabled: false });
    try {
      await expect.poll(() => all.locator('.deal-title').count(), { timeout: 10_000 }).toBe(0);
    } finally {
      await privileged(browser, { type: 'setPackEnabled', packId: bundled, enabled: true });
    }
    await expect.poll(() => all.locator('.deal-title').count(), { timeout: 10_000 }).toBe(pack.deals.length);
    await panel.close();
  });

  it('makes no request that leaves the machine', () => {
    expect(browser.externalRequests()).toEqual([]);
  });
});
