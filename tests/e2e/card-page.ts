/**
 * Helpers for the card's real-browser tests: the demo pages served locally, marks to
 * point at, the card inside its shadow root (Playwright's CSS locators pierce open
 * shadow roots), and the timing marks the card leaves.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator, Page, Worker } from 'playwright-core';
import type { FactPack } from '../../lib/pack/types';
import { buildDemoPages, type DemoPage } from '../../scripts/demo-pages';
import type { ExtensionHarness, LocalServer } from './harness';

export const CARD = 'factmark-card [role="dialog"]';

export interface DemoSite {
  server: LocalServer;
  pages: DemoPage[];
  url(id: string): string;
  cleanup(): Promise<void>;
}

export async function serveDemoPages(browser: ExtensionHarness): Promise<DemoSite> {
  const outDir = await mkdtemp(join(tmpdir(), 'factmark-card-demo-'));
  const { pages } = await buildDemoPages({ outDir });
  const server = await browser.serve(outDir);
  return {
    server,
    pages,
    url: (id) => server.url(pages.find((p) => p.id === id)!.href),
    cleanup: () => rm(outDir, { recursive: true, force: true }),
  };
}

/** The first <mark> of an entity (DOM mode), once the overlay has marked the page. */
export async function markOf(page: Page, entityId: string): Promise<Locator> {
  const mark = page.locator(`mark[data-factmark-entity="${entityId}"][tabindex="0"]`).first();
  await mark.waitFor({ state: 'attached', timeout: 10_000 });
  return mark;
}

export function card(page: Page): Locator {
  return page.locator(CARD);
}

/** The open card's title, or null (without waiting: cards open and close on timers). */
export async function cardTitle(page: Page): Promise<string | null> {
  return page.evaluate(() => document.querySelector('factmark-card')?.shadowRoot?.querySelector('#fm-card-title')?.textContent ?? null);
}

/** The card's status line, or null. */
export async function cardStatus(page: Page): Promise<string | null> {
  return page.evaluate(() => document.querySelector('factmark-card')?.shadowRoot?.querySelector('[role="status"]')?.textContent ?? null);
}

/** Whether the card's layer is shown and placed (hidden cards keep their host). */
export async function cardShown(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    const layer = document.querySelector('factmark-card')?.shadowRoot?.querySelector('.layer');
    return !!layer && layer.hasAttribute('data-placed') && !!layer.querySelector('[role="dialog"]');
  });
}

/** Where focus is: 'card' inside our shadow root, else a description of the element. */
export async function focusIn(page: Page): Promise<string> {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (el?.tagName.toLowerCase() === 'factmark-card') return `card:${el.shadowRoot?.activeElement?.getAttribute('role') ?? el.shadowRoot?.activeElement?.tagName ?? ''}`;
    return el ? `${el.tagName.toLowerCase()}${el.getAttribute('data-factmark-entity') ? `[${el.getAttribute('data-factmark-entity')}]` : ''}` : 'none';
  });
}

/** The last "intent → card shown" duration the card measured, in ms. */
export async function lastOpenMs(page: Page): Promise<number | undefined> {
  return page.evaluate(() => performance.getEntriesByName('factmark-card-open').at(-1)?.duration);
}

/** Sends a content-script message to the tab showing `url`, from the service worker (as the commands do). */
export async function sendToTab(sw: Worker, url: string, message: object): Promise<unknown> {
  return sw.evaluate(
    async ({ url, msg }) => {
      const tabs = await chrome.tabs.query({});
      const tab = tabs.find((t) => t.url === url);
      if (tab?.id === undefined) throw new Error(`no tab shows ${url}`);
      return chrome.tabs.sendMessage(tab.id, msg, { frameId: 0 });
    },
    { url, msg: message },
  );
}

/** Polls until `check` holds (the card opens and closes on timers and messages). */
export async function waitFor(check: () => Promise<boolean> | boolean, timeout = 5000, what = 'condition'): Promise<void> {
  const end = Date.now() + timeout;
  for (;;) {
    if (await check()) return;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** Sends a message as an extension page would (privileged ones: settings, packs). */
export async function privileged(browser: ExtensionHarness, message: object): Promise<unknown> {
  const { page } = await browser.open('source.html');
  try {
    return await page.evaluate((msg) => chrome.runtime.sendMessage(msg), message);
  } finally {
    await page.close();
  }
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

/** axe-core inside the page, on one element (it follows open shadow roots). */
export async function runAxe(page: Page, axePath: string, selector?: string): Promise<AxeViolation[]> {
  // Evaluated rather than added as a <script>: extension pages' CSP refuses inline scripts.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(await readFile(axePath, 'utf8'));
  return page.evaluate(async (sel) => {
    const axe = (window as unknown as { axe: { run(context: unknown, options: unknown): Promise<{ violations: Array<{ id: string; impact: string | null; help: string; nodes: Array<{ target: unknown[] }> }> }> } }).axe;
    const context = sel ? document.querySelector(sel) : document;
    const result = await axe.run(context, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map((n) => JSON.stringify(n.target)) }));
  }, selector);
}

/**
 * Writes a fact pack straight into the extension's IndexedDB from the service worker (the
 * rows loadPack would write), as an imported pack: the test's way to put a hostile pack in
 * front of the real card and source page.
 */
export async function installPackRows(sw: Worker, pack: FactPack): Promise<void> {
  const packId = pack.id;
  const withPack = <T extends object>(rows: readonly T[]) => rows.map((r) => ({ ...r, packId }));
  const rows = {
    packs: [
      {
        id: packId,
        name: pack.name,
        version: pack.version,
        hash: pack.hash,
        kind: 'imported',
        enabled: true,
        installedAt: Date.now(),
        counts: { sources: pack.sources.length, entities: pack.entities.length, roles: pack.roles.length, facts: pack.facts.length, deals: pack.deals.length },
      },
    ],
    sources: withPack(pack.sources),
    entities: withPack(pack.entities),
    roles: withPack(pack.roles),
    facts: withPack(pack.facts),
    deals: pack.deals.map((d) => ({ ...d, packId, sourceIds: [...new Set([d.sourceId, ...(d.citations ?? []).map((c) => c.sourceId)])] })),
    aliases: pack.entities.map((e) => ({
      packId,
      entityId: e.id,
      name: e.name,
      type: e.type,
      aliases: e.aliases,
      keys: [],
      ...(e.country ? { country: e.country } : {}),
      ...(e.cues ? { cues: e.cues } : {}),
    })),
  };
  await sw.evaluate(async (tables: Record<string, object[]>) => {
    const db = await new Promise<IDBDatabase>((ok, fail) => {
      const req = indexedDB.open('factmark');
      req.onsuccess = () => ok(req.result);
      req.onerror = () => fail(req.error);
    });
    await new Promise<void>((ok, fail) => {
      const tx = db.transaction(Object.keys(tables), 'readwrite');
      for (const [name, list] of Object.entries(tables)) for (const row of list) tx.objectStore(name).put(row);
      tx.oncomplete = () => ok();
      tx.onerror = () => fail(tx.error);
    });
    db.close();
  }, rows);
}

/** The bundled pack's id, from the background's status. */
export async function bundledPackId(browser: ExtensionHarness): Promise<string> {
  const status = (await privileged(browser, { type: 'getStatus' })) as { data: { packs: Array<{ id: string; kind: string }> } };
  return status.data.packs.find((p) => p.kind === 'bundled')!.id;
}

/** A point on a mark's first line (the box of a mark that wraps holds text that is not the mark). */
export async function markPoint(mark: Locator): Promise<{ x: number; y: number }> {
  return mark.evaluate((m) => {
    const r = m.getClientRects()[0]!;
    return { x: r.left + Math.min(r.width / 2, 20), y: r.top + r.height / 2 };
  });
}
