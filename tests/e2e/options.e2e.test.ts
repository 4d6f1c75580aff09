/**
 * The options page in real Chromium with the built extension: accessibility (axe-core),
 * site rules reaching an open tab without a reload, pack import (good, bad, hostile),
 * pack management, settings backup and the shortcuts list.
 */
import { mkdtemp, open, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { packHash } from '../../lib/pack/validate';
import type { FactPack } from '../../lib/pack/types';
import { buildDemoPages, type DemoPage } from '../../scripts/demo-pages';
import { DEFAULT_EXTENSION_DIR, launchExtension, PROJECT_ROOT, screenshotPath, type ExtensionHarness, type LocalServer, type PageErrors } from './harness';


// FACTMARK_EXTENSION_DIR: a build of its own (e.g. `npx wxt build --mode mine` → .output/chrome-mv3-mine),
// so a build running beside these tests cannot change the extension under them.
const EXTENSION_DIR = process.env.FACTMARK_EXTENSION_DIR ?? DEFAULT_EXTENSION_DIR;
const MARK = 'mark.factmark';
const AXE = join(PROJECT_ROOT, 'node_modules/axe-core/axe.min.js');
const HOSTILE = '<img src="http://evil.example/x.png" onerror="window.__pwned = 1"><script>window.__pwned = 2</script>';

const ZORBLAX_TEXT = 'QUETTA: Zorblax Industries opened a surgical instruments plant in Quetta on Monday. Mira Qadeer, chief executive of Zorblax Industries, said output would double by 2027.';

/** A small pack of our own, hashed like the seeds compiler does. */
async function zorblaxPack(overrides: Partial<FactPack> = {}): Promise<FactPack> {
  const pack: Omit<FactPack, 'hash'> = {
    format: 'factmark-pack',
    formatVersion: 1,
    id: 'zorblax-pack',
    name: 'Zorblax test pack',
    version: '1.0.0',
    sources: [{ id: 'src-zorblax', title: 'Zorblax opens a plant', outlet: 'Test Wire', language: 'en', text: ZORBLAX_TEXT }],
    entities: [
      {
        id: 'zorblax-industries',
        type: 'organisation',
        name: 'Zorblax Industries',
        description: 'A maker of surgical instruments (test data).',
        aliases: [{ text: 'Zorblax Industries', kind: 'name' }],
        sources: ['src-zorblax'],
      },
    ],
    roles: [],
    facts: [
      {
        id: 'fact-zorblax-double',
        entityIds: ['zorblax-industries'],
        text: 'Zorblax Industries expects its output to double by 2027.',
        sourceId: 'src-zorblax',
        quote: 'said output would double by 2027',
      },
    ],
    deals: [],
    ...overrides,
  };
  return { ...pack, hash: await packHash(pack) } as FactPack;
}

describe('the options page', () => {
  let browser: ExtensionHarness;
  let server: LocalServer;
  let dir: string;
  let demo: DemoPage[];
  let options: Page;
  let optionsErrors: PageErrors;

  const file = async (name: string, content: unknown) => {
    const path = join(dir, name);
    await writeFile(path, typeof content === 'string' ? content : JSON.stringify(content));
    return path;
  };
  /** Chooses a file in the pack input and waits for the report about that file. */
  const importPack = async (path: string) => {
    await options.setInputFiles('#pack-file', path);
    const name = path.split('/').pop()!;
    const result = options.locator(`#packs .result[data-file="${name}"]`);
    await result.waitFor({ timeout: 20_000 });
    return result;
  };
  const packsInStore = () =>
    options.evaluate(async () => {
      const { runtime } = (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }).chrome;
      const reply = (await runtime.sendMessage({ type: 'getStatus' })) as { data: { packs: Array<{ id: string; version: string; hash: string; enabled: boolean }> } };
      return reply.data.packs.map(({ id, version, hash, enabled }) => ({ id, version, hash, enabled }));
    });
  const axe = async (page: Page) => {
    // addScriptTag would add an inline script, which the extension pages' CSP refuses;
    // an evaluation through the DevTools protocol is not subject to it.
    if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(await readFile(AXE, 'utf8'));
    return page.evaluate(async () => {
      const result = await (window as unknown as { axe: { run(): Promise<{ violations: Array<{ id: string; nodes: Array<{ target: string[] }> }> }> } }).axe.run();
      return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    });
  };

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'factmark-options-'));
    ({ pages: demo } = await buildDemoPages({ outDir: join(dir, 'pages') }));
    browser = await launchExtension({ extensionDir: EXTENSION_DIR });
    server = await browser.serve(join(dir, 'pages'));
    ({ page: options, errors: optionsErrors } = await browser.open('options.html'));
    await options.locator('.pack').first().waitFor();
  });
  afterAll(async () => {
    await browser?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('opens in a tab of its own and has no axe-core violations', async () => {
    const manifest = JSON.parse(await readFile(join(EXTENSION_DIR, 'manifest.json'), 'utf8')) as { options_ui?: { page: string; open_in_tab?: boolean } };
    expect(manifest.options_ui).toEqual({ page: 'options.html', open_in_tab: true });
    expect(await axe(options)).toEqual([]);
    expect(optionsErrors.messages).toEqual([]);
  });

  it('has no axe-core violations in the dark theme either', async () => {
    await options.selectOption('#theme', 'dark');
    await options.locator('.options[data-theme="dark"]').waitFor();
    expect(await axe(options)).toEqual([]);
    await options.selectOption('#theme', 'auto');
  });

  it('lists the keyboard shortcuts the browser has bound', async () => {
    const rows = await options.locator('#shortcuts tbody tr').evaluateAll((trs) => trs.map((tr) => [tr.getAttribute('data-command'), tr.querySelector('kbd')?.textContent ?? '']));
    expect(Object.fromEntries(rows)).toEqual({ 'toggle-page': 'Alt+Shift+F', 'next-mark': 'Alt+Shift+J', 'previous-mark': 'Alt+Shift+K', 'open-side-panel': 'Alt+Shift+D' });
  });

  it("opens the browser's shortcut settings from the button (a chrome:// page no link may open)", async () => {
    const opened = browser.context.waitForEvent('page', { predicate: (p) => p.url().startsWith('chrome://extensions/shortcuts'), timeout: 10_000 });
    await options.click('#shortcuts button');
    await (await opened).close();
  });

  it('turns a site off on an open tab without a reload, and back on', async () => {
    const { page: article } = await browser.open(server.url(`/${demo[0]!.href}`));
    await article.waitForSelector(MARK, { timeout: 10_000 });
    const marked = await article.locator(MARK).count();
    const text = await article.evaluate(() => document.body.innerText);
    let loads = 0;
    article.on('load', () => (loads += 1));

    await options.bringToFront();
    await options.fill('#add-site-host', 'http://127.0.0.1:1234/some/page');
    await options.selectOption('#add-site-rule', 'off');
    await options.click('#add-site button[type=submit], form.add-host:has(#add-site-host) button[type=submit]');
    await options.locator('#sites tr[data-host="127.0.0.1"]').waitFor();
    await article.waitForFunction((sel) => document.querySelectorAll(sel).length === 0, MARK, { timeout: 10_000 });
    expect(await article.evaluate(() => document.body.innerText)).toBe(text);

    await options.selectOption('#sites tr[data-host="127.0.0.1"] select', 'on');
    await article.waitForFunction(([sel, n]) => document.querySelectorAll(sel as string).length === n, [MARK, marked] as const, { timeout: 10_000 });

    // Off again, then remove the rule: the all-sites mode marks the page again.
    await options.selectOption('#sites tr[data-host="127.0.0.1"] select', 'off');
    await article.waitForFunction((sel) => document.querySelectorAll(sel).length === 0, MARK, { timeout: 10_000 });
    await options.click('#sites tr[data-host="127.0.0.1"] button');
    await article.waitForFunction(([sel, n]) => document.querySelectorAll(sel as string).length === n, [MARK, marked] as const, { timeout: 10_000 });
    expect(loads).toBe(0);
    await article.close();
  });

  it('refuses a site address that is not one, saying why', async () => {
    await options.fill('#add-site-host', 'not a site!');
    await options.click('form.add-host:has(#add-site-host) button[type=submit]');
    await expect(options.locator('#add-site-error').textContent()).resolves.toContain('not a site address');
    expect(await options.getAttribute('#add-site-host', 'aria-invalid')).toBe('true');
    await options.fill('#add-site-host', '');
  });

  it('imports a good pack: listed, and its names are marked on a new page', async () => {
    const result = await importPack(await file('zorblax.json', await zorblaxPack()));
    expect(await result.getAttribute('data-result')).toBe('ok');
    expect(await result.textContent()).toContain('Zorblax test pack');
    await options.locator('.pack[data-pack="zorblax-pack"]').waitFor();
    expect((await packsInStore()).map((p) => p.id).sort()).toEqual(['factmark-seeds', 'zorblax-pack']);

    const page = await browser.serve({ '/zorblax.html': `<!doctype html><title>Z</title><main><p>${ZORBLAX_TEXT}</p></main>` });
    const { page: article } = await browser.open(page.url('/zorblax.html'));
    await article.waitForSelector(`${MARK}[data-factmark-entity="zorblax-industries"]`, { timeout: 10_000 });
    await article.close();
  });

  it.each([
    ['broken.json', async () => '{"format": "factmark-pack", "id": ', 'not-json', 'not valid JSON'],
    ['array.json', async () => [1, 2, 3], 'invalid', 'Problems found'],
    ['wrong-schema.json', async () => ({ ...(await zorblaxPack({ id: 'other-pack' })), entities: [{ id: 'x', type: 'robot', name: 'X' }] }), 'invalid', 'Problems found'],
    [
      'missing-quote.json',
      async () => zorblaxPack({ id: 'quote-pack', facts: [{ id: 'fact-made-up', entityIds: ['zorblax-industries'], text: 'Made up.', sourceId: 'src-zorblax', quote: 'output would triple' }] }),
      'invalid',
      'Problems found',
    ],
    ['same-version.json', async () => zorblaxPack({ name: 'Zorblax again' }), 'not-newer', 'not newer'],
    ['bundled-id.json', async () => zorblaxPack({ id: 'factmark-seeds', version: '99.0.0' }), 'bundled-id', 'comes with Factmark'],
    ['edited.json', async () => ({ ...(await zorblaxPack({ id: 'edited-pack' })), name: 'Edited after compiling' }), 'hash-mismatch', 'hash'],
  ])('refuses %s with a clear message and changes nothing', async (name, content, kind, words) => {
    const before = await packsInStore();
    const result = await importPack(await file(name, await content()));
    expect(await result.getAttribute('data-problem')).toBe(kind);
    expect(await result.textContent()).toContain(words);
    expect(await result.textContent()).toContain('Nothing was changed');
    expect(await packsInStore()).toEqual(before);
  });

  it('names the record and the field of each problem', async () => {
    const pack = await zorblaxPack({ id: 'quote-pack' });
    pack.facts[0]!.quote = 'output would triple';
    pack.entities[0]!.type = 'robot' as never;
    const result = await importPack(await file('two-problems.json', { ...pack, hash: await packHash(pack) }));
    const items = await result.locator('.pack-errors li').evaluateAll((lis) => lis.map((li) => [li.querySelector('.record')?.textContent, li.querySelector('.field')?.textContent]));
    expect(items).toEqual([
      ['entities[0] (zorblax-industries)', 'type'],
      ['facts[0] (fact-zorblax-double)', 'quote'],
    ]);
    expect(await axe(options)).toEqual([]);
  });

  it('refuses a file over the size limit before reading it', async () => {
    const path = join(dir, 'huge.json');
    const handle = await open(path, 'w');
    await handle.truncate(201 * 1024 * 1024); // sparse: no disk space used
    await handle.close();
    const before = await packsInStore();
    const result = await importPack(path);
    expect(await result.getAttribute('data-problem')).toBe('too-large');
    expect(await result.textContent()).toContain('200 MB');
    expect(await packsInStore()).toEqual(before);
  });

  it('shows HTML and script in a pack as text, everywhere', async () => {
    let dialogs = 0;
    options.on('dialog', (d) => ((dialogs += 1), void d.dismiss()));
    // Valid: the hostile name is accepted as text and shown in the list as text.
    const hostile = await zorblaxPack({ id: 'hostile-pack', name: `Hostile ${HOSTILE}` });
    hostile.entities[0]!.description = HOSTILE;
    const rehashed = { ...hostile, hash: await packHash(hostile) };
    expect(await (await importPack(await file('hostile.json', rehashed))).getAttribute('data-result')).toBe('ok');
    expect(await options.locator('.pack[data-pack="hostile-pack"] h3').textContent()).toBe(`Hostile ${HOSTILE}`);
    // Invalid: the validator quotes the hostile value in its message, shown as text too.
    const broken = await zorblaxPack({ id: 'broken-pack' });
    broken.entities[0]!.type = HOSTILE as never;
    await importPack(await file('hostile-broken.json', { ...broken, hash: await packHash(broken) }));
    expect(await options.evaluate(() => ({ imgs: document.querySelectorAll('main img').length, scripts: document.querySelectorAll('main script').length, pwned: (window as { __pwned?: number }).__pwned }))).toEqual({ imgs: 0, scripts: 0, pwned: undefined });
    expect(dialogs).toBe(0);
  });

  it('replaces a pack with a newer version, keeping it switched off', async () => {
    await options.uncheck('.pack[data-pack="zorblax-pack"] input[type=checkbox]');
    await expect.poll(async () => (await packsInStore()).find((p) => p.id === 'zorblax-pack')?.enabled).toBe(false);
    const result = await importPack(await file('zorblax-2.json', await zorblaxPack({ version: '1.1.0', name: 'Zorblax test pack 2' })));
    expect(await result.textContent()).toContain('from version 1.0.0 to 1.1.0');
    expect((await packsInStore()).find((p) => p.id === 'zorblax-pack')).toMatchObject({ version: '1.1.0', enabled: false });
  });

  it('marks a new pack with the matcher the background built while the import was checked (prepareMatcher)', async () => {
    // White-box: the pack's rows are written straight into the extension's IndexedDB with
    // an EMPTY dictionary row, so the only way its name can be marked is the matcher the
    // background built from what prepareMatcher handed it (lib/background/prepared-matcher.ts).
    const pack = { id: 'prepared-pack', hash: 'c'.repeat(64) };
    const entriesJson = JSON.stringify([{ entityId: 'quuxbar-works', name: 'Quuxbar Works', type: 'organisation', aliases: [{ text: 'Quuxbar Works', kind: 'name' }] }]);
    const reply = await options.evaluate(async ({ packId, hash, entriesJson }) => {
      const { runtime } = (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<{ ok: boolean; data?: unknown }> } } }).chrome;
      const prepared = await runtime.sendMessage({ type: 'prepareMatcher', packId, hash, entriesJson });
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const open = indexedDB.open('factmark');
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error);
      });
      await new Promise<void>((resolve, reject) => {
        const tx = db.transaction(['packs', 'dictionaries'], 'readwrite');
        tx.objectStore('dictionaries').put({ packId, hash, entriesJson: '[]' });
        tx.objectStore('packs').put({ id: packId, name: 'Prepared', version: '1.0.0', hash, kind: 'imported', enabled: true, installedAt: Date.now(), counts: { sources: 0, entities: 1, roles: 0, facts: 0, deals: 0 } });
        tx.oncomplete = () => resolve();
        tx.onerror = () => reject(tx.error);
      });
      db.close();
      await runtime.sendMessage({ type: 'packsChanged' });
      return prepared;
    }, { packId: pack.id, hash: pack.hash, entriesJson });
    expect(reply).toEqual({ ok: true, data: { prepared: true } });

    const page = await browser.serve({ '/quuxbar.html': '<!doctype html><title>Q</title><main><p>Quuxbar Works opened a plant in Quetta.</p></main>' });
    const { page: article } = await browser.open(page.url('/quuxbar.html'));
    await article.waitForSelector(`${MARK}[data-factmark-entity="quuxbar-works"]`, { timeout: 10_000 });
    await article.close();
    const removed = await options.evaluate(async (packId) => {
      const { runtime } = (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<{ ok: boolean }> } } }).chrome;
      return (await runtime.sendMessage({ type: 'removePack', packId })).ok;
    }, pack.id);
    expect(removed).toBe(true);
  });

  it('exports a pack to a file that imports again', async () => {
    const download = options.waitForEvent('download');
    await options.click('.pack[data-pack="zorblax-pack"] button:has-text("Export")');
    const saved = await download;
    expect(saved.suggestedFilename()).toBe('zorblax-pack-1.1.0.json');
    const exported = JSON.parse(await readFile((await saved.path())!, 'utf8')) as FactPack;
    expect(exported).toMatchObject({ id: 'zorblax-pack', version: '1.1.0', entities: [{ id: 'zorblax-industries' }] });
    expect(exported.hash).toBe(await packHash(exported));
  });

  it('says so when a pack was removed behind the list, and shows the list as it is', async () => {
    await importPack(await file('ghost.json', await zorblaxPack({ id: 'ghost-pack', name: 'Ghost pack' })));
    await options.locator('.pack[data-pack="ghost-pack"]').waitFor();
    // Removed by another page: this page's list still shows it.
    expect(await options.evaluate(async () => {
      const { runtime } = (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<{ ok: boolean }> } } }).chrome;
      return (await runtime.sendMessage({ type: 'removePack', packId: 'ghost-pack' })).ok;
    })).toBe(true);
    let downloads = 0;
    options.on('download', () => downloads++);
    await options.focus('.pack[data-pack="ghost-pack"] button:has-text("Export")');
    await options.keyboard.press('Enter');
    const alert = options.locator('#packs p.error[role=alert]:not([data-interrupted])');
    await expect.poll(() => alert.textContent()).toBe('That did not work: “Ghost pack” is no longer installed, so it cannot be exported.');
    await options.locator('.pack[data-pack="ghost-pack"]').waitFor({ state: 'detached' });
    expect(downloads).toBe(0);
  });

  it('removes an imported pack after a confirming press; the bundled one cannot be removed', async () => {
    expect(await options.locator('.pack[data-pack="factmark-seeds"] button:has-text("Remove")').count()).toBe(0);
    await options.click('.pack[data-pack="hostile-pack"] button[aria-expanded]');
    // Focus moves to the confirming button, so Enter confirms from the keyboard.
    await options.keyboard.press('Enter');
    await options.locator('.pack[data-pack="hostile-pack"]').waitFor({ state: 'detached' });
    expect((await packsInStore()).map((p) => p.id).sort()).toEqual(['factmark-seeds', 'zorblax-pack']);
  });

  it('saves the settings to a file and restores them, refusing a broken file', async () => {
    await options.fill('#add-no-mutation-host', 'example.org');
    await options.click('form.add-host:has(#add-no-mutation-host) button[type=submit]');
    await options.locator('#rendering li[data-host="example.org"]').waitFor();
    const download = options.waitForEvent('download');
    await options.click('#backup button:has-text("Save settings")');
    const saved = JSON.parse(await readFile((await (await download).path())!, 'utf8')) as { format: string; settings: { noMutationSites: string[] } };
    expect(saved).toMatchObject({ format: 'factmark-settings', settings: { noMutationSites: ['example.org'] } });

    await options.click('#rendering li[data-host="example.org"] button');
    await options.locator('#rendering li[data-host="example.org"]').waitFor({ state: 'detached' });
    await options.setInputFiles('#settings-file', await file('settings.json', saved));
    await options.locator('#backup .result[data-result="ok"]').waitFor();
    await options.locator('#rendering li[data-host="example.org"]').waitFor();

    await options.setInputFiles('#settings-file', await file('bad-settings.json', { ...saved, settings: { hoverDelayMs: 'soon' } }));
    await options.locator('#backup .result[data-result="failed"]').waitFor();
    expect(await options.locator('#backup .result').textContent()).toContain('hoverDelayMs');
  });

  it('resets everything after confirming', async () => {
    await options.click('#reset button.danger');
    await options.click('#reset .confirm button.danger');
    await options.locator('#reset .result').waitFor();
    await options.locator('#rendering li[data-host="example.org"]').waitFor({ state: 'detached' });
    expect(await options.isChecked('input[name="mark-style"][value="underline"]')).toBe(true);
  });

  it('takes a screenshot for the README', async () => {
    // A lived-in state: a few site rules, a muted name and a correction, a fresh page.
    await options.evaluate((patch) => (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } }).chrome.runtime.sendMessage({ type: 'updateSettings', patch }), {
      sites: { 'dawn.com': 'off', 'news.example.com': 'off', 'tribune.com.pk': 'on' },
      muted: ['person-zhou-hui'],
      corrections: [{ entityId: 'person-khalil-hashmi', site: 'example.org' }],
    });
    await options.setViewportSize({ width: 1100, height: 900 });
    await options.reload();
    await options.locator('#hidden li[data-entity="person-zhou-hui"] .name').waitFor();
    await options.locator('.pack').first().waitFor();
    await options.screenshot({ path: screenshotPath('options.png'), fullPage: true });
    expect(optionsErrors.messages).toEqual([]);
  });
});

describe('a large pack', () => {
  let browser: ExtensionHarness;
  let dir: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'factmark-large-pack-'));
    browser = await launchExtension({ extensionDir: EXTENSION_DIR });
  });
  afterAll(async () => {
    await browser?.close();
    await rm(dir, { recursive: true, force: true });
  });

  /** 2,000 sources of ~15 KB and 10,000 entities with a fact each: about 32 MB of JSON. */
  async function largePack(id = 'large-pack'): Promise<FactPack> {
    const sourceCount = 2000;
    const entityCount = 10_000;
    const sources = Array.from({ length: sourceCount }, (_, s) => {
      const lines: string[] = [];
      for (let e = s; e < entityCount; e += sourceCount) lines.push(`Zq${e} Holdings reported a figure of ${e} units this year.`);
      lines.push('Filler text. '.repeat(1100));
      return { id: `src-${s}`, title: `Source ${s}`, language: 'en', text: lines.join('\n') };
    });
    const entities = Array.from({ length: entityCount }, (_, e) => ({
      id: `ent-${e}`,
      type: 'organisation' as const,
      name: `Zq${e} Holdings`,
      description: `Test company ${e}.`,
      aliases: [{ text: `Zq${e} Holdings`, kind: 'name' as const }],
      sources: [`src-${e % sourceCount}`],
    }));
    const facts = entities.map((entity, e) => ({ id: `fact-${e}`, entityIds: [entity.id], text: `A figure of ${e}.`, sourceId: `src-${e % sourceCount}`, quote: `reported a figure of ${e} units` }));
    return zorblaxPack({ id, name: 'Large pack', sources, entities, facts });
  }

  it('imports with a progress bar through reading, checking and saving', async () => {
    const path = join(dir, 'large.json');
    await writeFile(path, JSON.stringify(await largePack()));
    const { page, errors } = await browser.open('options.html');
    await page.locator('.pack').first().waitFor();
    await page.evaluate(() => {
      const seen: string[] = [];
      (window as unknown as { __progress: string[] }).__progress = seen;
      new MutationObserver(() => {
        const bar = document.querySelector<HTMLProgressElement>('#import-progress');
        const label = document.querySelector('.import-progress label')?.textContent ?? '';
        if (bar) seen.push(`${label}|${bar.hasAttribute('value') ? bar.value : 'indeterminate'}`);
      }).observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
    });
    const started = Date.now();
    await page.setInputFiles('#pack-file', path);
    const result = page.locator('#packs .result[data-file="large.json"]');
    await result.waitFor({ timeout: 50_000 });
    console.info(`[options] imported a 32 MB pack in ${Date.now() - started} ms`);
    expect(await result.getAttribute('data-result')).toBe('ok');
    const seen = await page.evaluate(() => (window as unknown as { __progress: string[] }).__progress);
    const phases = [...new Set(seen.map((s) => s.split('|')[0]))];
    expect(phases).toEqual(['Reading the file…', 'Checking every record and quote…', 'Saving the pack…']);
    // The bar moves while saving: several distinct values, rising.
    const saving = seen.filter((s) => s.startsWith('Saving')).map((s) => Number(s.split('|')[1]));
    expect(new Set(saving).size).toBeGreaterThan(3);
    expect(saving).toEqual([...saving].sort((a, b) => a - b));
    expect(errors.messages).toEqual([]);
  });

  const statusOf = (page: Page, id: string) =>
    page.evaluate(async (id) => {
      const { runtime } = (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<{ data: { packs: Array<{ id: string; state?: string }> } }> } } }).chrome;
      const pack = (await runtime.sendMessage({ type: 'getStatus' })).data.packs.find((p) => p.id === id);
      return pack ? (pack.state ?? 'complete') : 'absent';
    }, id);

  /** Starts importing the large pack under `id` in a new options page; the import goes on. */
  const startLargeImport = async (id: string) => {
    const path = join(dir, `${id}.json`);
    await writeFile(path, JSON.stringify(await largePack(id)));
    const { page } = await browser.open('options.html');
    await page.locator('.pack').first().waitFor();
    await page.setInputFiles('#pack-file', path);
    return page;
  };

  it('marks pages with a new pack\'s names while its facts are still being saved, and says so', async () => {
    const page = await startLargeImport('large-b');
    // The pack is listed as soon as its names are in, with the note that the rest is coming.
    const hint = page.locator('.pack[data-pack="large-b"] .hint');
    await hint.waitFor({ timeout: 30_000 });
    expect(await hint.textContent()).toContain('still being saved');
    const server = await browser.serve({ '/zq.html': '<!doctype html><title>Zq</title><main><p>Zq5 Holdings reported its results.</p></main>' });
    const { page: article } = await browser.open(server.url('/zq.html'));
    await article.waitForSelector(`${MARK}[data-factmark-entity="ent-5"]`, { timeout: 10_000 });
    // Marked before the write was done (about 35,000 rows: several seconds here).
    expect(await statusOf(page, 'large-b')).toBe('writing');
    await article.close();
    await page.locator('#packs .result[data-file="large-b.json"][data-result="ok"]').waitFor({ timeout: 60_000 });
    expect(await statusOf(page, 'large-b')).toBe('complete');
    await page.locator('.pack[data-pack="large-b"] .hint').waitFor({ state: 'detached' });
    await page.close();
  });

  it('undoes an import whose page was closed half-way, and says so when the options page opens again', async () => {
    const page = await startLargeImport('large-c');
    await page.locator('.pack[data-pack="large-c"] .hint').waitFor({ timeout: 30_000 });
    expect(await statusOf(page, 'large-c')).toBe('writing');
    // Closed mid-write (the page's "leave this page?" prompt is skipped, as a crash would).
    await page.close();
    const { page: again } = await browser.open('options.html');
    const notice = again.locator('[data-interrupted="large-c"]');
    await notice.waitFor({ timeout: 20_000 });
    expect(await notice.textContent()).toContain('was interrupted before it finished');
    expect(await statusOf(again, 'large-c')).toBe('absent');
    await again.close();
  });
});
