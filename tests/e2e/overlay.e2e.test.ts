/**
 * The page overlay in real Chromium with the built extension: marks on a static page,
 * content added after load, an SPA navigation, an iframe, undo, and the no-mutation mode.
 */
import type { Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DYNAMIC_PAGE, FRAME_CHILD, FRAME_PARENT, FRAMEWORK_PAGE, SPA_PAGE, STATIC_PAGE, type ExpectedMark } from './fixtures/overlay-pages';
import { launchExtension, type ExtensionHarness, type LocalServer } from './harness';

const MARK = 'mark[data-factmark-entity]';

/** Marks as the reader sees them: one per mention (pieces of a split mention joined). */
async function marksIn(target: Page | Frame): Promise<ExpectedMark[]> {
  return target.evaluate((selector) => {
    const out: Array<{ surface: string; entityId: string; mention: string }> = [];
    for (const el of document.querySelectorAll(selector)) {
      const mention = el.getAttribute('data-factmark-mention')!;
      const last = out[out.length - 1];
      if (last && last.mention === mention) last.surface += el.textContent;
      else out.push({ surface: el.textContent ?? '', entityId: el.getAttribute('data-factmark-entity')!, mention });
    }
    return out.map(({ surface, entityId }) => ({ surface, entityId }));
  }, MARK);
}

async function expectedIn(target: Page | Frame): Promise<ExpectedMark[]> {
  return target.evaluate(() => JSON.parse(document.getElementById('expected')!.textContent!) as Array<{ surface: string; entityId: string }>);
}

/** Waits until the overlay's first full scan has finished in this document. */
async function scanned(target: Page | Frame, timeout = 10_000): Promise<void> {
  await target.waitForFunction(() => performance.getEntriesByName('factmark:scan-end').length > 0, undefined, { timeout });
}

/** What a page painted with highlights shows: <mark> elements, whether its HTML is as parsed, person highlight ranges. */
function paintedState(page: Page): Promise<{ marks: number; same: boolean; person: number }> {
  return page.evaluate(() => ({
    marks: document.querySelectorAll('mark').length,
    same: document.body.innerHTML === (window as unknown as { __original: { html: string } }).__original.html,
    person: (CSS as unknown as { highlights: Map<string, { size: number }> }).highlights.get('factmark-person')?.size ?? 0,
  }));
}

/** Records the page as parsed, before the content script (document_idle) runs. */
const RECORD_ORIGINAL = () => {
  document.addEventListener('DOMContentLoaded', () => {
    const w = window as unknown as { __original: { html: string; text: string; nodes: number } };
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    let n = 0;
    for (let node = walker.nextNode(); node; node = walker.nextNode()) (node as unknown as { __fm: number }).__fm = n++;
    w.__original = { html: document.body.innerHTML, text: document.body.innerText, nodes: n };
  });
};

describe('the page overlay', () => {
  let browser: ExtensionHarness;
  let server: LocalServer;

  beforeAll(async () => {
    browser = await launchExtension();
    server = await browser.serve({
      '/static.html': STATIC_PAGE,
      '/dynamic.html': DYNAMIC_PAGE,
      '/spa.html': SPA_PAGE,
      '/frames.html': FRAME_PARENT,
      '/frame.html': FRAME_CHILD,
      '/framework.html': FRAMEWORK_PAGE,
      '/crowded.html': `<!doctype html><title>Crowded</title><main>${Array.from({ length: 2500 }, (_, i) => `<p>${i}. Ambassador Khalil Hashmi spoke in Beijing.</p>`).join('')}</main>`,
      '/reveal.html': '<!doctype html><title>Reveal</title><style>.closed{display:none}</style><main><p>Markets were calm on Monday.</p><div id="more" class="closed"><p>Ambassador Khalil Hashmi spoke in Beijing.</p></div></main>',
    });
    await browser.context.addInitScript(RECORD_ORIGINAL);
  });
  afterAll(async () => {
    await browser?.close();
  });

  async function sendToPage(page: Page, message: object): Promise<unknown> {
    const url = page.url();
    return browser.serviceWorker.evaluate(
      async ([u, m]) => {
        const [tab] = await chrome.tabs.query({ url: u as string });
        return chrome.tabs.sendMessage(tab!.id!, m);
      },
      [url, message] as const,
    );
  }

  async function updateSettings(patch: object): Promise<void> {
    const { page } = await browser.open('options.html');
    const reply = await page.evaluate((p) => chrome.runtime.sendMessage({ type: 'updateSettings', patch: p }), patch);
    expect(reply).toMatchObject({ ok: true });
    await page.close();
  }

  it('marks a static page, across inline markup and soft hyphens, and nothing in excluded places', async () => {
    const { page, errors } = await browser.open(server.url('/static.html'));
    await scanned(page);
    expect(await marksIn(page)).toEqual(await expectedIn(page));
    const inside = await page.evaluate(
      (selector) => [...document.querySelectorAll(selector)].filter((m) => m.closest('input,textarea,select,[contenteditable],script,style,noscript,template,svg,code,pre,[hidden]')).length,
      MARK,
    );
    expect(inside).toBe(0);
    // What the reader sees is unchanged: same text, same layout of lines.
    expect(await page.evaluate(() => document.body.innerText)).toBe(await page.evaluate(() => (window as unknown as { __original: { text: string } }).__original.text));
    // Marks are announced and reachable by keyboard.
    const first = page.locator(MARK).first();
    await expect.poll(() => first.getAttribute('aria-label')).toContain('Khalil Hashmi');
    expect(await first.getAttribute('tabindex')).toBe('0');
    expect(errors.messages).toEqual([]);
    await page.close();
  });

  it('marks content added after load, and only that', async () => {
    const { page } = await browser.open(server.url('/dynamic.html'));
    await scanned(page);
    expect(await marksIn(page)).toEqual([]);
    await page.evaluate(() => {
      const p = document.createElement('p');
      p.innerHTML = 'Beijing Anlong Gene Medicine Technology Co., Ltd. signed; <em>Anlong Gene</em> will share technology.';
      document.getElementById('feed')!.append(p);
    });
    await expect
      .poll(() => marksIn(page), { timeout: 5000 })
      .toEqual([
        { surface: 'Beijing Anlong Gene Medicine Technology Co., Ltd.', entityId: 'org-anlong-gene' },
        { surface: 'Anlong Gene', entityId: 'org-anlong-gene' },
      ]);
    // A burst of many paragraphs is batched and marked too.
    await page.evaluate(() => {
      for (let i = 0; i < 200; i++) {
        const p = document.createElement('p');
        p.textContent = `Update ${i}: Sialkot exporters met.`;
        document.getElementById('feed')!.append(p);
      }
    });
    await expect.poll(() => page.locator(MARK).count(), { timeout: 10_000 }).toBe(202);
    await page.close();
  });

  it('reads a page whose visible text names nobody only when it changes, and marks text a class change reveals', async () => {
    const { page } = await browser.open(server.url('/reveal.html'));
    await scanned(page);
    // The probe of the rendered text found nothing: the DOM was not read, nothing marked.
    const detail = await page.evaluate(() => (performance.getEntriesByName('factmark:scan-end')[0] as PerformanceMark).detail as { probed?: boolean; marks: number });
    expect(detail).toMatchObject({ probed: true, marks: 0 });
    expect(await marksIn(page)).toEqual([]);
    await page.evaluate(() => document.getElementById('more')!.classList.remove('closed'));
    await expect.poll(() => marksIn(page), { timeout: 5000 }).toEqual([{ surface: 'Khalil Hashmi', entityId: 'person-khalil-hashmi' }]);
    await page.close();
  });

  it('follows a single-page-app navigation', async () => {
    const { page } = await browser.open(server.url('/spa.html'));
    await scanned(page);
    expect(await marksIn(page)).toEqual(await expectedIn(page));
    await page.evaluate(() => {
      history.pushState({}, '', '/spa.html?article=2');
      document.getElementById('view')!.innerHTML = '<h2>Next story</h2><p>Yang Jianlong of the China Medical Devices Association spoke.</p>';
    });
    await expect
      .poll(() => marksIn(page), { timeout: 5000 })
      .toEqual([
        { surface: 'Yang Jianlong', entityId: 'person-yang-jianlong' },
        { surface: 'China Medical Devices Association', entityId: 'org-china-medical-devices-association' },
      ]);
    await page.close();
  });

  it('marks inside an iframe as well as the page', async () => {
    const { page } = await browser.open(server.url('/frames.html'));
    await scanned(page);
    const frame = page.frames().find((f) => f.url().endsWith('/frame.html'))!;
    await scanned(frame);
    expect(await marksIn(page)).toEqual(await expectedIn(page));
    expect(await marksIn(frame)).toEqual(await expectedIn(frame));
    await page.close();
  });

  it('undoes every mark exactly: same HTML, same text nodes', async () => {
    const { page } = await browser.open(server.url('/static.html'));
    await scanned(page);
    expect(await page.locator(MARK).count()).toBeGreaterThan(0);
    expect(await sendToPage(page, { type: 'togglePage' })).toMatchObject({ ok: true, data: { active: false } });
    const after = await page.evaluate(() => {
      const w = window as unknown as { __original: { html: string; nodes: number } };
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      const ids: number[] = [];
      for (let node = walker.nextNode(); node; node = walker.nextNode()) ids.push((node as unknown as { __fm: number }).__fm);
      return { same: document.body.innerHTML === w.__original.html, ids, expected: w.__original.nodes };
    });
    expect(after.same).toBe(true);
    // Every text node is the very node the page had, in order, and there are no others.
    expect(after.ids).toEqual(Array.from({ length: after.expected }, (_, i) => i));
    // And it comes back.
    expect(await sendToPage(page, { type: 'togglePage' })).toMatchObject({ ok: true, data: { active: true } });
    await expect.poll(() => marksIn(page)).toEqual(await expectedIn(page));
    await page.close();
  });

  it('uses CSS highlights on pages whose framework owns the DOM, changing nothing', async () => {
    const { page } = await browser.open(server.url('/framework.html'));
    await scanned(page);
    expect(await paintedState(page)).toEqual({ marks: 0, same: true, person: 2 });
    await page.close();
  });

  it('paints a page naming an entity thousands of times with highlights, changing nothing', async () => {
    // Wrapping 2,500 names would be 2,500 changes to lay out (40,000 took 18 s); highlights are not.
    const { page } = await browser.open(server.url('/crowded.html'));
    await scanned(page, 20_000);
    expect(await paintedState(page)).toEqual({ marks: 0, same: true, person: 2500 });
    await page.close();
  });

  it('switches a site to the no-mutation mode from settings, on an open tab', async () => {
    const { page } = await browser.open(server.url('/static.html'));
    await scanned(page);
    // One <mark> per text node a mention covers; one highlight range per piece likewise.
    const pieces = await page.locator(MARK).count();
    expect(pieces).toBeGreaterThan((await expectedIn(page)).length);
    await updateSettings({ noMutationSites: ['127.0.0.1'] });
    await expect.poll(() => page.locator('mark').count()).toBe(0);
    const state = await page.evaluate(() => ({
      same: document.body.innerHTML === (window as unknown as { __original: { html: string } }).__original.html,
      highlighted: [...(CSS as unknown as { highlights: Map<string, { size: number }> }).highlights.values()].reduce((n, h) => n + h.size, 0),
    }));
    expect(state).toEqual({ same: true, highlighted: pieces });
    await updateSettings({ noMutationSites: [] });
    await expect.poll(() => marksIn(page)).toEqual(await expectedIn(page));
    await page.close();
  });

  it('follows the packs on an open tab: switching the pack off and on again', async () => {
    const { page } = await browser.open(server.url('/static.html'));
    await scanned(page);
    const expected = await expectedIn(page);
    expect(await marksIn(page)).toEqual(expected);
    const { page: options } = await browser.open('options.html');
    const setEnabled = (enabled: boolean) => options.evaluate((on) => chrome.runtime.sendMessage({ type: 'setPackEnabled', packId: 'factmark-seeds', enabled: on }), enabled);
    expect(await setEnabled(false)).toMatchObject({ ok: true });
    await expect.poll(() => marksIn(page)).toEqual([]);
    expect(await setEnabled(true)).toMatchObject({ ok: true });
    await expect.poll(() => marksIn(page)).toEqual(expected);
    await options.close();
    await page.close();
  });

  it('made no request that left the machine', () => {
    expect(browser.externalRequests()).toEqual([]);
  });
});
