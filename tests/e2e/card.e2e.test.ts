// The entity card in headless Chromium with the built extension, on the demo pages built
// from the seeds (served from 127.0.0.1): opening by hover, click and keyboard, closing,
// isolation from the page, the actions, accessibility, and the time to open.
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_EXTENSION_DIR, launchExtension, PROJECT_ROOT, screenshotPath, type ExtensionHarness } from './harness';
import {
  CARD,
  card,
  cardShown,
  cardStatus,
  cardTitle,
  focusIn,
  lastOpenMs,
  markOf,
  markPoint,
  privileged,
  runAxe,
  sendToTab,
  serveDemoPages,
  waitFor,
  bundledPackId,
  installPackRows,
  type DemoSite,
} from './card-page';
import { HOSTILE, makeHostilePack } from '../card/hostile-pack';

const ENVOY = 'src-000-inp-2025-01-20';
const HASHMI = 'person-khalil-hashmi';
const AXE = join(PROJECT_ROOT, 'node_modules/axe-core/axe.min.js');
// FACTMARK_EXTENSION_DIR: a build of one's own (`npx wxt build --mode card` → .output/chrome-mv3-card),
// so that others rebuilding .output/chrome-mv3 meanwhile cannot change what is tested.
const EXTENSION_DIR = process.env.FACTMARK_EXTENSION_DIR ?? DEFAULT_EXTENSION_DIR;

/** A point on the page with nothing under it (the demo layout leaves the bottom right empty). */
const EMPTY = { x: 1200, y: 870 };

async function center(page: Page, selector: string | import('playwright-core').Locator) {
  const box = await (typeof selector === 'string' ? page.locator(selector) : selector).boundingBox();
  if (!box) throw new Error(`no box for ${String(selector)}`);
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

describe('the entity card', () => {
  let browser: ExtensionHarness;
  let site: DemoSite;
  let page: Page;
  let errors: { messages: string[] };

  beforeAll(async () => {
    browser = await launchExtension({ extensionDir: EXTENSION_DIR });
    site = await serveDemoPages(browser);
  });
  afterAll(async () => {
    await browser?.close();
    await site?.cleanup();
  });
  afterEach(async () => {
    await page?.close();
    expect(errors?.messages ?? []).toEqual([]);
  });

  async function openEnvoy() {
    ({ page, errors } = await browser.open(site.url(ENVOY)));
    await markOf(page, HASHMI);
    return page;
  }

  it('opens on hover only after the delay, and sweeping across marks opens nothing', async () => {
    await openEnvoy();
    const marks = page.locator('mark.factmark[tabindex="0"]');
    expect(await marks.count()).toBeGreaterThan(4);
    // Sweep: rest on each of five marks for less than the 350 ms delay.
    for (let i = 0; i < 5; i++) {
      const p = await markPoint(marks.nth(i));
      await page.mouse.move(p.x, p.y);
      await page.waitForTimeout(80);
    }
    await page.mouse.move(EMPTY.x, EMPTY.y);
    await page.waitForTimeout(700);
    expect(await cardShown(page)).toBe(false);

    const at = await markPoint(await markOf(page, HASHMI));
    await page.mouse.move(at.x, at.y);
    const started = Date.now();
    await page.waitForTimeout(200);
    expect(await cardShown(page)).toBe(false);
    await waitFor(() => cardShown(page));
    expect(Date.now() - started).toBeGreaterThanOrEqual(340);
    expect(await cardTitle(page)).toBe('Khalil Hashmi');
    // Hover never takes focus.
    expect(await focusIn(page)).toBe('body');
  });

  it('stays open while the pointer moves into it, and closes once it leaves', async () => {
    await openEnvoy();
    const at = await markPoint(await markOf(page, HASHMI));
    await page.mouse.move(at.x, at.y);
    await waitFor(() => cardShown(page));
    const inside = await center(page, CARD);
    await page.mouse.move(inside.x, inside.y, { steps: 8 });
    await page.waitForTimeout(800);
    expect(await cardShown(page)).toBe(true);
    await page.mouse.move(EMPTY.x, EMPTY.y, { steps: 4 });
    await waitFor(async () => !(await cardShown(page)));
  });

  it('resting on another mark while a hover card is open switches to that mark’s card', async () => {
    await openEnvoy();
    const first = await markPoint(await markOf(page, HASHMI));
    await page.mouse.move(first.x, first.y);
    await waitFor(() => cardShown(page));
    // The embassy's mark is in the next paragraph, on screen and clear of the card.
    const other = await markPoint(await markOf(page, 'org-embassy-pakistan-china'));
    await page.mouse.move(other.x, other.y, { steps: 3 });
    await waitFor(async () => (await cardShown(page)) && (await cardTitle(page)) === 'Embassy of Pakistan in China');
  });

  it('follows its mark as the page scrolls, and closes once the mark has scrolled away', async () => {
    await openEnvoy();
    await (await markOf(page, HASHMI)).click();
    await waitFor(() => cardShown(page));
    // Beside the mark: its top 6 px under the mark, or its bottom 6 px above it (it may flip).
    const beside = async () => {
      const c = (await page.locator(CARD).boundingBox())!;
      const m = (await (await markOf(page, HASHMI)).boundingBox())!;
      return Math.abs(c.y - (m.y + m.height + 6)) <= 2 || Math.abs(c.y + c.height - (m.y - 6)) <= 2;
    };
    expect(await beside()).toBe(true);
    for (const dy of [60, 60, -200]) {
      await page.mouse.wheel(0, dy);
      await waitFor(beside, 3000, 'the card to follow its mark');
    }
    await page.evaluate(() => scrollTo(0, document.body.scrollHeight));
    await waitFor(async () => !(await cardShown(page)));
  });

  it('opens on click and closes on a click outside', async () => {
    await openEnvoy();
    const mark = await markOf(page, HASHMI);
    await mark.click();
    await waitFor(() => cardShown(page));
    expect(await cardTitle(page)).toBe('Khalil Hashmi');
    // A clicked card ignores the pointer leaving it.
    await page.mouse.move(EMPTY.x, EMPTY.y);
    await page.waitForTimeout(700);
    expect(await cardShown(page)).toBe(true);
    await page.mouse.click(EMPTY.x, EMPTY.y);
    await waitFor(async () => !(await cardShown(page)));
  });

  it('opens with Enter on a focused mark, takes focus, and Escape gives it back', async () => {
    await openEnvoy();
    const mark = await markOf(page, HASHMI);
    await mark.focus();
    await page.keyboard.press('Enter');
    await waitFor(() => cardShown(page));
    expect(await focusIn(page)).toBe('card:dialog');
    await page.keyboard.press('Tab');
    expect(await focusIn(page)).toMatch(/^card:/);
    await page.keyboard.press('Escape');
    await waitFor(async () => !(await cardShown(page)));
    expect(await focusIn(page)).toBe(`mark[${HASHMI}]`);
  });

  it('Tab from the mark of an open card goes into the card', async () => {
    await openEnvoy();
    const mark = await markOf(page, HASHMI);
    await mark.click();
    await waitFor(() => cardShown(page));
    expect(await focusIn(page)).toBe(`mark[${HASHMI}]`);
    await page.keyboard.press('Tab');
    expect(await focusIn(page)).toBe('card:dialog');
  });

  it('the next/previous-mark commands open each mark’s card in turn (stepMark from the service worker)', async () => {
    await openEnvoy();
    const firsts = await page.locator('mark.factmark[tabindex="0"]').evaluateAll((ms) => ms.slice(0, 2).map((m) => m.getAttribute('data-factmark-entity')));
    await sendToTab(browser.serviceWorker, page.url(), { type: 'stepMark', direction: 'next' });
    await waitFor(() => cardShown(page));
    expect(await focusIn(page)).toBe('card:dialog');
    const firstTitle = await cardTitle(page);
    await sendToTab(browser.serviceWorker, page.url(), { type: 'stepMark', direction: 'next' });
    await waitFor(async () => (await page.evaluate(() => document.querySelector('factmark-card')?.shadowRoot?.activeElement?.getAttribute('role'))) === 'dialog');
    await page.keyboard.press('Escape');
    await waitFor(async () => !(await cardShown(page)));
    // Focus returns to the second mark, the one whose card was open.
    const focused = await page.evaluate(() => {
      const marks = [...document.querySelectorAll('mark.factmark[tabindex="0"]')];
      return marks.indexOf(document.activeElement as Element);
    });
    expect(focused).toBe(1);
    expect(firstTitle).toBeTruthy();
    expect(firsts).toHaveLength(2);
    await sendToTab(browser.serviceWorker, page.url(), { type: 'stepMark', direction: 'previous' });
    await waitFor(() => cardShown(page));
    expect(await page.evaluate(() => [...document.querySelectorAll('mark.factmark[tabindex="0"]')].indexOf(document.activeElement as Element))).toBe(-1);
    expect(await cardTitle(page)).toBe(firstTitle);
  });

  it('a pinned card survives clicks outside and hovering elsewhere', async () => {
    await openEnvoy();
    await (await markOf(page, HASHMI)).click();
    await waitFor(() => cardShown(page));
    await page.locator(`${CARD} button[aria-pressed]`).click();
    expect(await page.locator(`${CARD} button[aria-pressed]`).getAttribute('aria-pressed')).toBe('true');
    await page.mouse.click(EMPTY.x, EMPTY.y);
    const other = await markPoint(page.locator('mark.factmark[tabindex="0"]:not([data-factmark-entity="person-khalil-hashmi"])').first());
    await page.mouse.move(other.x, other.y);
    await page.waitForTimeout(800);
    expect(await cardTitle(page)).toBe('Khalil Hashmi');
    await page.keyboard.press('Escape');
    await waitFor(async () => !(await cardShown(page)));
  });

  it('keeps the page’s keyboard shortcuts and styles out', async () => {
    await openEnvoy();
    await page.evaluate(() => {
      const seen: string[] = ((window as unknown as { __seen: string[] }).__seen = []);
      for (const type of ['keydown', 'keyup', 'keypress', 'input']) {
        document.addEventListener(type, (e) => seen.push(`${type}:${(e as KeyboardEvent).key ?? ''}`));
        window.addEventListener(type, (e) => seen.push(`window ${type}:${(e as KeyboardEvent).key ?? ''}`));
      }
    });
    await page.addStyleTag({ content: 'h2, p, button, div, blockquote { color: rgb(255, 0, 0) !important; font-size: 40px !important; } factmark-card { display: none !important; }' });
    const mark = await markOf(page, HASHMI);
    await mark.focus();
    await page.keyboard.press('Enter');
    await waitFor(() => cardShown(page));
    await page.evaluate(() => ((window as unknown as { __seen: string[] }).__seen.length = 0));
    // Tab and Shift+Tab go round the card's controls (Escape is the way out).
    for (const key of ['j', 'k', 'ArrowDown', 'Shift+Tab', 'Shift+Tab', 'Tab', 'Tab', '?']) await page.keyboard.press(key);
    expect(await focusIn(page)).toMatch(/^card:/);
    expect(await page.evaluate(() => (window as unknown as { __seen: string[] }).__seen)).toEqual([]);
    const style = await page.locator(`${CARD} h2`).evaluate((h) => ({ color: getComputedStyle(h).color, size: getComputedStyle(h).fontSize }));
    expect(style).toEqual({ color: expect.not.stringMatching(/255, 0, 0/), size: '17px' });
  });

  it('opens a related entity in place, with Back', async () => {
    await openEnvoy();
    await (await markOf(page, HASHMI)).click();
    await waitFor(() => cardShown(page));
    await page.locator(`${CARD} .related button`, { hasText: 'Embassy of Pakistan in China' }).first().click();
    await waitFor(async () => (await cardTitle(page)) === 'Embassy of Pakistan in China');
    await page.locator(`${CARD} button[aria-label="Back"]`).click();
    await waitFor(async () => (await cardTitle(page)) === 'Khalil Hashmi');
  });

  it('Open source opens the document with the quote highlighted and in view', async () => {
    await openEnvoy();
    await (await markOf(page, HASHMI)).click();
    await waitFor(() => cardShown(page));
    const quote = (await page.locator(`${CARD} .evidence blockquote`).first().textContent())!.replace(/^“|”$/g, '');
    const [source] = await Promise.all([browser.context.waitForEvent('page'), page.locator(`${CARD} .evidence button`, { hasText: 'Open source' }).first().click()]);
    await source.waitForLoadState('load');
    const url = new URL(source.url());
    expect(url.pathname).toBe('/source.html');
    expect(url.searchParams.get('src')).toBe(ENVOY);
    expect(url.searchParams.get('q')).toBe(quote);
    const mark = source.locator('.document mark').first();
    await mark.waitFor();
    expect((await source.locator('.document mark').allTextContents()).join(' ').replace(/\s+/g, ' ')).toBe(quote.replace(/\s+/g, ' '));
    expect(await mark.evaluate((m) => {
      const r = m.getBoundingClientRect();
      return r.top >= 0 && r.bottom <= innerHeight;
    })).toBe(true);
    await source.close();
  });

  it('copies a citation and says so', async () => {
    await openEnvoy();
    await browser.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: site.server.origin });
    await (await markOf(page, HASHMI)).click();
    await waitFor(() => cardShown(page));
    await page.locator(`${CARD} .evidence button`, { hasText: 'Copy citation' }).first().click();
    await waitFor(async () => (await cardStatus(page)) === 'Copied the citation.');
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toBe('“Pakistan’s Ambassador to China, Khalil Hashmi” — INP, January 20, 2025');
  });

  it('Show related deals asks the background to open the side panel from the click', async () => {
    await openEnvoy();
    await (await markOf(page, HASHMI)).click();
    await waitFor(() => cardShown(page));
    await page.locator(`${CARD} .actions button`, { hasText: 'Show related deals' }).click();
    await waitFor(async () => ((await cardStatus(page)) ?? '') !== '');
    const said = await cardStatus(page);
    // Chromium opens the panel only within the click's user gesture; report what it did.
    console.log(`[card] Show related deals → "${said}"; pages: ${browser.context.pages().map((p) => new URL(p.url()).pathname).join(', ')}`);
    expect(said).toBe('The related deals are in the side panel.');
  });

  it('is accessible: axe-core finds no violations in the card', async () => {
    await openEnvoy();
    await (await markOf(page, HASHMI)).click();
    await waitFor(() => cardShown(page));
    await page.waitForTimeout(150);
    const violations = await runAxe(page, AXE, 'factmark-card');
    expect(violations).toEqual([]);
    const dialog = page.locator(CARD);
    expect(await dialog.getAttribute('aria-labelledby')).toBe('fm-card-title');
  });

  it('follows the dark theme setting', async () => {
    await privileged(browser, { type: 'updateSettings', patch: { theme: 'dark' } });
    try {
      await openEnvoy();
      await (await markOf(page, HASHMI)).click();
      await waitFor(() => cardShown(page));
      // The setting reaches the page through storage: allow it a moment on a loaded machine.
      await expect.poll(() => page.locator(CARD).getAttribute('data-theme')).toBe('dark');
      await expect.poll(() => page.locator(CARD).evaluate((c) => getComputedStyle(c).backgroundColor)).toBe('rgb(28, 31, 37)');
      expect(await runAxe(page, AXE, 'factmark-card')).toEqual([]);
    } finally {
      await privileged(browser, { type: 'updateSettings', patch: { theme: 'auto' } });
    }
  });

  it('in the auto theme follows a dark page, and the system where the page paints nothing', async () => {
    const paragraph = site.pages.find((p) => p.id === ENVOY)!.paragraphs.find((p) => p.includes('Khalil Hashmi'))!;
    const server = await browser.serve({
      '/dark.html': `<!doctype html><title>Dark</title><body style="background:#121212;color:#eee"><p>${paragraph}</p></body>`,
      '/plain.html': `<!doctype html><title>Plain</title><p>${paragraph}</p>`,
    });
    ({ page, errors } = await browser.open(server.url('/dark.html')));
    await (await markOf(page, HASHMI)).click();
    await waitFor(() => cardShown(page));
    expect(await page.locator(CARD).getAttribute('data-theme')).toBe('dark');
    await page.close();
    ({ page, errors } = await browser.open(server.url('/plain.html')));
    await page.emulateMedia({ colorScheme: 'dark' });
    await (await markOf(page, HASHMI)).click();
    await waitFor(() => cardShown(page));
    expect(await page.locator(CARD).getAttribute('data-theme')).toBe('auto');
    expect(await page.locator(CARD).evaluate((c) => getComputedStyle(c).backgroundColor)).toBe('rgb(28, 31, 37)');
    expect(await runAxe(page, AXE, 'factmark-card')).toEqual([]);
  });

  it('opens within 50 ms of the intent at seed scale (measured)', async () => {
    await openEnvoy();
    const marks = page.locator('mark.factmark[tabindex="0"]');
    const times: number[] = [];
    const n = Math.min(await marks.count(), 8);
    for (let i = 0; i < n; i++) {
      await marks.nth(i).click();
      await waitFor(() => cardShown(page));
      await waitFor(async () => (await page.locator(`${CARD} .empty`).count()) === 0);
      times.push((await lastOpenMs(page))!);
      await page.keyboard.press('Escape');
      await waitFor(async () => !(await cardShown(page)));
    }
    const sorted = [...times].sort((a, b) => a - b);
    console.log(`[card] intent → card shown, ms: ${times.map((t) => t.toFixed(1)).join(', ')} (median ${sorted[Math.floor(n / 2)]!.toFixed(1)}, max ${sorted.at(-1)!.toFixed(1)})`);
    expect(times.every((t) => t > 0 && t < 500)).toBe(true);
  });

  it('takes a screenshot of the card on a demo page', async () => {
    await openEnvoy();
    await (await markOf(page, HASHMI)).click();
    await waitFor(() => cardShown(page));
    await page.mouse.move(EMPTY.x, EMPTY.y);
    await page.waitForTimeout(200);
    await page.screenshot({ path: screenshotPath('card.png') });
  });

  it('shows above a fullscreen element', async () => {
    const paragraph = site.pages.find((p) => p.id === ENVOY)!.paragraphs.find((p) => p.includes('Khalil Hashmi'))!;
    const server = await browser.serve({
      '/fullscreen.html': `<!doctype html><title>Fullscreen</title><button id="fs" onclick="document.getElementById('story').requestFullscreen()">Full screen</button><article id="story" style="background:#fff"><p>${paragraph}</p></article>`,
    });
    ({ page, errors } = await browser.open(server.url('/fullscreen.html')));
    await markOf(page, HASHMI);
    await page.click('#fs');
    await waitFor(() => page.evaluate(() => document.fullscreenElement?.id === 'story'));
    await (await markOf(page, HASHMI)).click();
    await waitFor(() => cardShown(page));
    // On top and usable: the rest of the page is inert while an element is fullscreen.
    const at = await center(page, CARD);
    expect(await page.evaluate(({ x, y }) => document.elementFromPoint(x, y)?.tagName.toLowerCase(), at)).toBe('factmark-card');
    const pin = await center(page, `${CARD} button[aria-pressed]`);
    await page.mouse.click(pin.x, pin.y);
    expect(await page.locator(`${CARD} button[aria-pressed]`).getAttribute('aria-pressed')).toBe('true');
    // Leaving fullscreen with the card open: it stays above the page and usable.
    await page.evaluate(() => document.exitFullscreen());
    await waitFor(() => page.evaluate(() => document.fullscreenElement === null));
    await waitFor(() => cardShown(page));
    // Leaving fullscreen reflows the page and the card follows its mark: wait until the
    // close button stops moving before aiming at it (a loaded machine can take a while).
    let close = await center(page, `${CARD} button[aria-label="Close"]`);
    await waitFor(async () => {
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
      const now = await center(page, `${CARD} button[aria-label="Close"]`);
      const still = Math.abs(now.x - close.x) < 1 && Math.abs(now.y - close.y) < 1;
      close = now;
      return still;
    });
    await page.mouse.click(close.x, close.y);
    await waitFor(async () => !(await cardShown(page)));
  });

  it('works in highlight mode (no DOM changes): click, the next-mark command and hover', async () => {
    const paragraph = site.pages.find((p) => p.id === ENVOY)!.paragraphs.find((p) => p.includes('Khalil Hashmi'))!;
    // #__next: a framework page whose text nodes the overlay must not split (content-app.ts).
    const server = await browser.serve({ '/app.html': `<!doctype html><title>App</title><div id="__next"><p id="p">${paragraph}</p></div>` });
    ({ page, errors } = await browser.open(server.url('/app.html')));
    await waitFor(() => page.evaluate(() => (CSS as unknown as { highlights: Map<string, unknown> }).highlights.size > 0), 10_000, 'highlights');
    expect(await page.locator('mark').count()).toBe(0);
    const at = await page.evaluate(() => {
      const text = document.getElementById('p')!.firstChild as Text;
      const start = text.data.indexOf('Khalil Hashmi');
      const range = document.createRange();
      range.setStart(text, start);
      range.setEnd(text, start + 'Khalil Hashmi'.length);
      const r = range.getClientRects()[0]!;
      return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
    });
    await page.mouse.click(at.x, at.y);
    await waitFor(() => cardShown(page));
    expect(await cardTitle(page)).toBe('Khalil Hashmi');
    const box = (await page.locator(CARD).boundingBox())!;
    expect(box.y > at.y || box.y + box.height < at.y).toBe(true);
    await page.keyboard.press('Escape');
    await waitFor(async () => !(await cardShown(page)));
    await sendToTab(browser.serviceWorker, page.url(), { type: 'stepMark', direction: 'next' });
    await waitFor(() => cardShown(page));
    expect(await focusIn(page)).toBe('card:dialog');
    await page.keyboard.press('Escape');
    await waitFor(async () => !(await cardShown(page)));
    // Hover: there is no element to enter, the pointer is hit-tested against the ranges.
    await page.mouse.move(5, 5);
    await page.mouse.move(at.x, at.y, { steps: 3 });
    await waitFor(() => cardShown(page));
    expect(await cardTitle(page)).toBe('Khalil Hashmi');
  });

  it('opens inside a frame, in the frame', async () => {
    const paragraph = site.pages.find((p) => p.id === ENVOY)!.paragraphs.find((p) => p.includes('Khalil Hashmi'))!;
    const server = await browser.serve({
      '/outer.html': '<!doctype html><title>Outer</title><h1>Outer</h1><iframe src="/inner.html" style="width:900px;height:600px"></iframe>',
      '/inner.html': `<!doctype html><title>Inner</title><p>${paragraph}</p>`,
    });
    ({ page, errors } = await browser.open(server.url('/outer.html')));
    const frame = page.frameLocator('iframe');
    const mark = frame.locator(`mark[data-factmark-entity="${HASHMI}"][tabindex="0"]`).first();
    await mark.waitFor({ timeout: 10_000 });
    await mark.click();
    await frame.locator(CARD).waitFor();
    expect(await frame.locator(`${CARD} #fm-card-title`).textContent()).toBe('Khalil Hashmi');
    expect(await page.locator('factmark-card').count()).toBe(0);
  });

  it('renders a hostile pack as inert text, in the card and the source page', async () => {
    const bundled = await bundledPackId(browser);
    const pack = { ...makeHostilePack(), id: 'hostile-pack' };
    await installPackRows(browser.serviceWorker, pack);
    await privileged(browser, { type: 'setPackEnabled', packId: bundled, enabled: false });
    try {
      const paragraph = pack.sources[0]!.text.split('\n').find((l) => l.includes('Khalil Hashmi'))!;
      const server = await browser.serve({ '/hostile.html': `<!doctype html><title>Hostile</title><p>${paragraph.replace(/</g, '&lt;')}</p>` });
      ({ page, errors } = await browser.open(server.url('/hostile.html')));
      const mark = page.locator('mark[data-factmark-entity="khalil-hashmi"][tabindex="0"]').first();
      await mark.waitFor({ timeout: 10_000 });
      await mark.click();
      await waitFor(() => cardShown(page));
      await waitFor(async () => (await page.locator(`${CARD} .evidence`).count()) > 0);
      const inside = await page.evaluate(() => {
        const root = document.querySelector('factmark-card')!.shadowRoot!;
        return {
          elements: root.querySelectorAll('img, script, iframe, object, embed').length,
          handlers: [...root.querySelectorAll('*')].flatMap((el) => el.getAttributeNames().filter((n) => n.startsWith('on'))).length,
          text: root.textContent ?? '',
          pwned: (window as { __factmarkPwned?: unknown }).__factmarkPwned ?? null,
        };
      });
      expect(inside.elements).toBe(0);
      expect(inside.handlers).toBe(0);
      expect(inside.text).toContain(HOSTILE);
      expect(inside.pwned).toBeNull();

      const [source] = await Promise.all([browser.context.waitForEvent('page'), page.locator(`${CARD} .evidence button`, { hasText: 'Open source' }).first().click()]);
      await source.locator('.document mark').first().waitFor();
      const onSource = await source.evaluate(() => ({
        elements: document.querySelectorAll('#app img, #app script, #app iframe').length,
        title: document.querySelector('h1')?.textContent ?? '',
        pwned: (window as { __factmarkPwned?: unknown }).__factmarkPwned ?? null,
      }));
      expect(onSource).toEqual({ elements: 0, title: expect.stringContaining(HOSTILE), pwned: null });
      await source.close();
    } finally {
      await privileged(browser, { type: 'setPackEnabled', packId: bundled, enabled: true });
      await privileged(browser, { type: 'removePack', packId: 'hostile-pack' });
    }
  });

  it('Mute this entity and Not this one here hide its marks', async () => {
    try {
      await openEnvoy();
      await (await markOf(page, 'person-zhou-hui')).click();
      await waitFor(() => cardShown(page));
      await page.locator(`${CARD} .actions button`, { hasText: 'Mute this entity' }).click();
      await waitFor(async () => (await page.locator('mark[data-factmark-entity="person-zhou-hui"]').count()) === 0);
      expect(await cardShown(page)).toBe(false);
      // The page is marked again without the muted entity: the others come back.
      await waitFor(async () => (await page.locator(`mark[data-factmark-entity="${HASHMI}"]`).count()) > 0);

      await (await markOf(page, HASHMI)).click();
      await waitFor(() => cardShown(page));
      await page.locator(`${CARD} .actions button`, { hasText: 'Not this one here' }).click();
      await waitFor(async () => (await page.locator(`mark[data-factmark-entity="${HASHMI}"]`).count()) === 0);
      const settings = (await privileged(browser, { type: 'getSettings' })) as { data: { muted: string[]; corrections: unknown[] } };
      expect(settings.data.muted).toContain('person-zhou-hui');
      expect(settings.data.corrections).toContainEqual({ entityId: HASHMI, site: '127.0.0.1' });
    } finally {
      await privileged(browser, { type: 'updateSettings', patch: { muted: [], corrections: [] } });
    }
  });
});
